-- Timetables and tasks: the user's extra non-working days, per-election milestone overrides,
-- and tasks whose due date is fixed or relative to a milestone.

-- One-off bank holidays and days of public thanksgiving or mourning, added by the user.
-- division: 'all' (the whole UK), 'england-and-wales', 'scotland' or 'northern-ireland'.
CREATE TABLE extra_holidays (
  id INTEGER PRIMARY KEY,
  date TEXT NOT NULL,
  title TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('bank-holiday', 'mourning', 'thanksgiving')),
  division TEXT NOT NULL CHECK (division IN ('all', 'england-and-wales', 'scotland', 'northern-ireland')),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (date, division)
);

-- A date the user (or the returning officer's notice) sets instead of the computed one.
-- Deleting the election deletes its overrides.
CREATE TABLE milestone_overrides (
  election_id INTEGER NOT NULL REFERENCES elections (id) ON DELETE CASCADE,
  milestone TEXT NOT NULL,
  date TEXT NOT NULL,
  reason TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (election_id, milestone)
);

-- Custom tasks of an election, usually of one of its contests. A relative task moves when the
-- timetable moves: offset_days (negative = before) in working or calendar days from a milestone.
-- Deleting the election or the contest deletes its tasks.
CREATE TABLE tasks (
  id INTEGER PRIMARY KEY,
  election_id INTEGER NOT NULL REFERENCES elections (id) ON DELETE CASCADE,
  contest_id INTEGER REFERENCES contests (id) ON DELETE CASCADE,
  title TEXT NOT NULL,
  notes TEXT NOT NULL DEFAULT '',
  due_kind TEXT NOT NULL CHECK (due_kind IN ('fixed', 'relative')),
  due_date TEXT,
  anchor_milestone TEXT,
  offset_days INTEGER,
  offset_unit TEXT CHECK (offset_unit IN ('working', 'calendar')),
  done INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1)),
  done_at TEXT,
  assignee TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK (
    (due_kind = 'fixed' AND due_date IS NOT NULL AND anchor_milestone IS NULL)
    OR (due_kind = 'relative' AND due_date IS NULL AND anchor_milestone IS NOT NULL AND offset_days IS NOT NULL AND offset_unit IS NOT NULL)
  )
);
CREATE INDEX tasks_election ON tasks (election_id);
CREATE INDEX tasks_contest ON tasks (contest_id);
