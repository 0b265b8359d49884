-- Volunteers, leaflets and their delivery: print runs in, delivery rounds, assignments and drops.

CREATE TABLE volunteers (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  email TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL DEFAULT '',
  address TEXT NOT NULL DEFAULT '',
  availability TEXT NOT NULL DEFAULT '',
  -- UK GDPR: whether they agreed to be contacted by the campaign, and when that was recorded.
  consent_to_contact INTEGER NOT NULL DEFAULT 0 CHECK (consent_to_contact IN (0, 1)),
  consent_recorded_on TEXT,
  notes TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX volunteers_name ON volunteers (name);

-- Labels, not ranks: deliver, canvass, tell, drive, treasurer, coordinator or the campaign's own.
CREATE TABLE volunteer_roles (
  volunteer_id INTEGER NOT NULL REFERENCES volunteers (id) ON DELETE CASCADE,
  role TEXT NOT NULL,
  PRIMARY KEY (volunteer_id, role)
);
CREATE INDEX volunteer_roles_role ON volunteer_roles (role);

CREATE TABLE leaflets (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  version TEXT NOT NULL DEFAULT '',
  size TEXT NOT NULL DEFAULT 'A5',
  -- draft | ready | retired; ready only with a complete imprint (RPA 1983 s.110).
  status TEXT NOT NULL DEFAULT 'draft',
  printer_name TEXT NOT NULL DEFAULT '',
  printer_address TEXT NOT NULL DEFAULT '',
  promoter_name TEXT NOT NULL DEFAULT '',
  promoter_address TEXT NOT NULL DEFAULT '',
  on_behalf_of_promoter INTEGER NOT NULL DEFAULT 0 CHECK (on_behalf_of_promoter IN (0, 1)),
  on_behalf_of_name TEXT NOT NULL DEFAULT '',
  on_behalf_of_address TEXT NOT NULL DEFAULT '',
  -- Artwork copied into the data folder (artwork/ next to the database); NULL when none attached.
  artwork_file TEXT,
  artwork_name TEXT,
  artwork_type TEXT,
  artwork_bytes INTEGER,
  notes TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE leaflet_contests (
  leaflet_id INTEGER NOT NULL REFERENCES leaflets (id) ON DELETE CASCADE,
  contest_id INTEGER NOT NULL REFERENCES contests (id) ON DELETE CASCADE,
  PRIMARY KEY (leaflet_id, contest_id)
);
CREATE INDEX leaflet_contests_contest ON leaflet_contests (contest_id);

-- Copies in. The treasury reads these as expenses of contest_id (NULL: not charged to a contest).
-- Deleting a leaflet deletes its runs (the app asks first); deleting a contest keeps the run.
CREATE TABLE print_runs (
  id INTEGER PRIMARY KEY,
  leaflet_id INTEGER NOT NULL REFERENCES leaflets (id) ON DELETE CASCADE,
  contest_id INTEGER REFERENCES contests (id) ON DELETE SET NULL,
  printed_on TEXT NOT NULL,
  quantity INTEGER NOT NULL CHECK (quantity > 0),
  printer TEXT NOT NULL DEFAULT '',
  cost_pence INTEGER NOT NULL DEFAULT 0 CHECK (cost_pence >= 0),
  notes TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX print_runs_leaflet ON print_runs (leaflet_id, printed_on);
CREATE INDEX print_runs_contest ON print_runs (contest_id);

CREATE TABLE delivery_rounds (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  area_id INTEGER REFERENCES areas (id) ON DELETE SET NULL,
  polling_district TEXT NOT NULL DEFAULT '',
  -- The user's own estimate; NULL means use the one worked out from streets and households.
  estimated_minutes INTEGER CHECK (estimated_minutes IS NULL OR estimated_minutes >= 0),
  notes TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX delivery_rounds_area ON delivery_rounds (area_id, polling_district);

-- Streets of a round in walking order (position 1, 2, ...).
CREATE TABLE round_streets (
  id INTEGER PRIMARY KEY,
  round_id INTEGER NOT NULL REFERENCES delivery_rounds (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  name TEXT NOT NULL,
  households INTEGER NOT NULL CHECK (households >= 0),
  -- 'entered' by hand or counted from the 'register'.
  households_source TEXT NOT NULL DEFAULT 'entered',
  notes TEXT NOT NULL DEFAULT '',
  UNIQUE (round_id, position)
);

CREATE TABLE round_assignments (
  id INTEGER PRIMARY KEY,
  round_id INTEGER NOT NULL REFERENCES delivery_rounds (id) ON DELETE CASCADE,
  volunteer_id INTEGER NOT NULL REFERENCES volunteers (id) ON DELETE CASCADE,
  -- The leaflet to take, when decided.
  leaflet_id INTEGER REFERENCES leaflets (id) ON DELETE SET NULL,
  planned_on TEXT,
  planned_minutes INTEGER CHECK (planned_minutes IS NULL OR planned_minutes > 0),
  notes TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX round_assignments_round ON round_assignments (round_id);
CREATE INDEX round_assignments_volunteer ON round_assignments (volunteer_id, planned_on);

-- Copies out: a round delivered, in full or in part, with one leaflet. Deleting a leaflet or a
-- round deletes its drops (the app asks first); a deleted volunteer's drops stay, unattributed.
CREATE TABLE drops (
  id INTEGER PRIMARY KEY,
  leaflet_id INTEGER NOT NULL REFERENCES leaflets (id) ON DELETE CASCADE,
  round_id INTEGER NOT NULL REFERENCES delivery_rounds (id) ON DELETE CASCADE,
  volunteer_id INTEGER REFERENCES volunteers (id) ON DELETE SET NULL,
  dropped_on TEXT NOT NULL,
  delivered INTEGER NOT NULL CHECK (delivered > 0),
  complete INTEGER NOT NULL CHECK (complete IN (0, 1)),
  -- For a partial drop: what is left, in words ("odd side of Elm Road").
  left_note TEXT NOT NULL DEFAULT '',
  notes TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX drops_leaflet ON drops (leaflet_id, dropped_on);
CREATE INDEX drops_round ON drops (round_id);
CREATE INDEX drops_volunteer ON drops (volunteer_id);
