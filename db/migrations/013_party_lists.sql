-- Party lists (issue 14): our party's closed list in a list election (Senedd from 2026, a
-- Scottish Parliament region, the London-wide list). One list per contest: a party stands one
-- list in a constituency or region, so the contest's deposit and ledger are the list's.
CREATE TABLE party_lists (
  id INTEGER PRIMARY KEY,
  contest_id INTEGER NOT NULL UNIQUE REFERENCES contests (id) ON DELETE CASCADE,
  party_name TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'prospective',
  agent_name TEXT NOT NULL DEFAULT '',
  notes TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

-- Every status change of a list with the date it happened (and the reason for a rejection).
CREATE TABLE party_list_status_changes (
  id INTEGER PRIMARY KEY,
  party_list_id INTEGER NOT NULL REFERENCES party_lists (id) ON DELETE CASCADE,
  status TEXT NOT NULL,
  on_date TEXT NOT NULL,
  reason TEXT NOT NULL DEFAULT '',
  at TEXT NOT NULL
);
CREATE INDEX party_list_status_changes_list ON party_list_status_changes (party_list_id);

-- The names on a list in ballot order. position only orders them: the place shown is the rank,
-- so removing a candidate (their row goes with them) leaves no gap.
CREATE TABLE party_list_members (
  id INTEGER PRIMARY KEY,
  party_list_id INTEGER NOT NULL REFERENCES party_lists (id) ON DELETE CASCADE,
  candidate_id INTEGER NOT NULL REFERENCES candidates (id) ON DELETE CASCADE,
  position INTEGER NOT NULL CHECK (position >= 1),
  consent_signed_on TEXT,
  consent_witnessed_by TEXT NOT NULL DEFAULT '',
  home_address_form_on TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (party_list_id, candidate_id)
);
CREATE INDEX party_list_members_order ON party_list_members (party_list_id, position);
CREATE INDEX party_list_members_candidate ON party_list_members (candidate_id);

-- The list's own papers; an item without a row is still to do.
CREATE TABLE party_list_checklist_items (
  party_list_id INTEGER NOT NULL REFERENCES party_lists (id) ON DELETE CASCADE,
  item TEXT NOT NULL,
  state TEXT NOT NULL,
  done_on TEXT,
  note TEXT NOT NULL DEFAULT '',
  updated_at TEXT NOT NULL,
  PRIMARY KEY (party_list_id, item)
);

-- A result row may be our list's votes; in a region or the London-wide list, the constituency
-- seats the party won count in the allocation of list seats.
ALTER TABLE contest_result_votes ADD COLUMN party_list_id INTEGER REFERENCES party_lists (id) ON DELETE SET NULL;
ALTER TABLE contest_result_votes ADD COLUMN constituency_seats INTEGER NOT NULL DEFAULT 0 CHECK (constituency_seats >= 0);
