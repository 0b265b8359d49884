-- The electoral register of an area (households and electors) and the canvass returns made on it.
-- Deleting an area deletes its register and every return; deleting an elector deletes their returns.

CREATE TABLE households (
  id INTEGER PRIMARY KEY,
  area_id INTEGER NOT NULL REFERENCES areas (id) ON DELETE CASCADE,
  polling_district TEXT NOT NULL,
  -- Every address line and the postcode, normalised: what makes electors one household.
  address_key TEXT NOT NULL,
  street TEXT NOT NULL,
  -- Leading number of the house (12 for 12A); NULL for named houses.
  house_number INTEGER,
  -- The house as written: '12A', '12-14', 'Rose Cottage'.
  house TEXT NOT NULL,
  flat TEXT NOT NULL,
  -- Address lines joined by newlines, as on the register.
  address_lines TEXT NOT NULL,
  postcode TEXT NOT NULL,
  -- Position in walk order within the area (street, house number, house, flat).
  walk_seq INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (area_id, address_key)
);
CREATE INDEX households_walk ON households (area_id, polling_district, walk_seq);

CREATE TABLE electors (
  id INTEGER PRIMARY KEY,
  area_id INTEGER NOT NULL REFERENCES areas (id) ON DELETE CASCADE,
  polling_district TEXT NOT NULL,
  -- Canonical 'AB-123' or 'AB-123/1' (shared/domain/elector-number.ts).
  elector_number TEXT NOT NULL,
  number INTEGER NOT NULL,
  suffix INTEGER,
  markers TEXT NOT NULL DEFAULT '',
  date_of_attainment TEXT,
  title TEXT NOT NULL DEFAULT '',
  full_name TEXT NOT NULL,
  surname TEXT NOT NULL,
  forenames TEXT NOT NULL,
  household_id INTEGER REFERENCES households (id) ON DELETE SET NULL,
  address_lines TEXT NOT NULL,
  postcode TEXT NOT NULL,
  walk_seq INTEGER NOT NULL,
  -- Standing folded from the returns (shared/domain/tallies.ts foldReturns), kept up to date on
  -- every return and undo so tallies read electors, not every return ever made.
  latest_outcome TEXT,
  latest_support TEXT,
  wants_literature INTEGER NOT NULL DEFAULT 0,
  wants_poster INTEGER NOT NULL DEFAULT 0,
  wants_postal_vote INTEGER NOT NULL DEFAULT 0,
  wants_join INTEGER NOT NULL DEFAULT 0,
  wants_visit INTEGER NOT NULL DEFAULT 0,
  last_canvassed_on TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (area_id, elector_number)
);
CREATE INDEX electors_household ON electors (household_id);
CREATE INDEX electors_walk ON electors (area_id, polling_district, walk_seq);
CREATE INDEX electors_surname ON electors (area_id, surname);

CREATE TABLE canvass_sessions (
  id INTEGER PRIMARY KEY,
  area_id INTEGER NOT NULL REFERENCES areas (id) ON DELETE CASCADE,
  -- '' when the session covers the whole area.
  polling_district TEXT NOT NULL DEFAULT '',
  held_on TEXT NOT NULL,
  canvassers TEXT NOT NULL DEFAULT '',
  notes TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX canvass_sessions_area ON canvass_sessions (area_id, held_on);

CREATE TABLE canvass_returns (
  id INTEGER PRIMARY KEY,
  elector_id INTEGER NOT NULL REFERENCES electors (id) ON DELETE CASCADE,
  session_id INTEGER NOT NULL REFERENCES canvass_sessions (id) ON DELETE CASCADE,
  outcome TEXT NOT NULL,
  support TEXT,
  -- Request keys separated by commas, e.g. 'literature,join'.
  requests TEXT NOT NULL DEFAULT '',
  -- The codes as typed, for the record.
  codes TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  canvassed_on TEXT NOT NULL,
  entered_at TEXT NOT NULL,
  entered_by TEXT NOT NULL
);
CREATE INDEX canvass_returns_elector ON canvass_returns (elector_id, id);
CREATE INDEX canvass_returns_session ON canvass_returns (session_id, id);
