-- Canvassers' districts (issue 13): a person on a team server canvasses only the areas or polling
-- districts assigned to them. The person is named by their account name (accounts are unique by
-- name; they live in a table of their own, so no foreign key here).
CREATE TABLE canvass_assignments (
  id INTEGER PRIMARY KEY,
  person TEXT NOT NULL,
  area_id INTEGER NOT NULL REFERENCES areas (id) ON DELETE CASCADE,
  -- '' when the whole area is assigned.
  polling_district TEXT NOT NULL DEFAULT '',
  assigned_by TEXT NOT NULL,
  assigned_at TEXT NOT NULL,
  UNIQUE (person, area_id, polling_district)
);
CREATE INDEX canvass_assignments_area ON canvass_assignments (area_id, polling_district);
