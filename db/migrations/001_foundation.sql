-- Elections, areas and the contests that join them; the audit trail; user settings.
CREATE TABLE elections (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  type TEXT NOT NULL,
  polling_day TEXT NOT NULL,
  nation TEXT NOT NULL,
  dc_id TEXT NOT NULL DEFAULT '',
  notes TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE areas (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  gss_code TEXT NOT NULL DEFAULT '',
  electorate INTEGER,
  classification TEXT,
  nation TEXT NOT NULL,
  notes TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX areas_name ON areas (name);
CREATE INDEX areas_gss_code ON areas (gss_code);

CREATE TABLE contests (
  id INTEGER PRIMARY KEY,
  election_id INTEGER NOT NULL REFERENCES elections (id) ON DELETE CASCADE,
  area_id INTEGER NOT NULL REFERENCES areas (id) ON DELETE CASCADE,
  status TEXT NOT NULL,
  reason TEXT NOT NULL DEFAULT '',
  -- Set when the result is declared; post-poll money deadlines count from it.
  declared_on TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (election_id, area_id)
);
CREATE INDEX contests_area ON contests (area_id);

CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id INTEGER,
  summary TEXT NOT NULL,
  before_json TEXT,
  after_json TEXT
);
CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);

CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value_json TEXT NOT NULL
);
