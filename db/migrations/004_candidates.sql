-- Candidates, their candidacies in contests, nomination papers (checklist, consent, subscribers)
-- and results. Elector numbers are stored canonical ('AB-123', 'AB-123/1').

CREATE TABLE candidates (
  id INTEGER PRIMARY KEY,
  -- The name as it will appear on the ballot paper, and the commonly-used name if any.
  ballot_name TEXT NOT NULL,
  common_name TEXT NOT NULL DEFAULT '',
  home_address TEXT NOT NULL DEFAULT '',
  email TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL DEFAULT '',
  -- 1 for a party candidate (needs a certificate of authorisation); 0 for an independent.
  party_candidate INTEGER NOT NULL DEFAULT 1,
  party_description TEXT NOT NULL DEFAULT '',
  emblem TEXT NOT NULL DEFAULT '',
  notes TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX candidates_ballot_name ON candidates (ballot_name);

-- Per-contest nomination settings: the post (GLA Mayor / Assembly constituency / London-wide
-- list), seats, and the user's corrections of the default rules (NULL = use the default).
CREATE TABLE contest_nomination_rules (
  contest_id INTEGER PRIMARY KEY REFERENCES contests (id) ON DELETE CASCADE,
  post_kind TEXT NOT NULL DEFAULT 'standard',
  seats INTEGER NOT NULL DEFAULT 1,
  subscribers_required INTEGER,
  deposit_pence INTEGER,
  updated_at TEXT NOT NULL
);

-- A candidate standing in a contest. Deleting the candidate or the contest removes it.
CREATE TABLE candidacies (
  id INTEGER PRIMARY KEY,
  candidate_id INTEGER NOT NULL REFERENCES candidates (id) ON DELETE CASCADE,
  contest_id INTEGER NOT NULL REFERENCES contests (id) ON DELETE CASCADE,
  status TEXT NOT NULL DEFAULT 'prospective',
  consent_signed_on TEXT,
  consent_witnessed_by TEXT NOT NULL DEFAULT '',
  agent_name TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (candidate_id, contest_id)
);
CREATE INDEX candidacies_contest ON candidacies (contest_id);

-- Every status change with the date it happened (and the returning officer's reason for a rejection).
CREATE TABLE candidacy_status_changes (
  id INTEGER PRIMARY KEY,
  candidacy_id INTEGER NOT NULL REFERENCES candidacies (id) ON DELETE CASCADE,
  status TEXT NOT NULL,
  on_date TEXT NOT NULL,
  reason TEXT NOT NULL DEFAULT '',
  at TEXT NOT NULL
);
CREATE INDEX candidacy_status_changes_candidacy ON candidacy_status_changes (candidacy_id);

-- Checklist item states; an item without a row is still to do.
CREATE TABLE candidacy_checklist_items (
  candidacy_id INTEGER NOT NULL REFERENCES candidacies (id) ON DELETE CASCADE,
  item TEXT NOT NULL,
  state TEXT NOT NULL,
  done_on TEXT,
  note TEXT NOT NULL DEFAULT '',
  updated_at TEXT NOT NULL,
  PRIMARY KEY (candidacy_id, item)
);

-- Subscribers on the nomination form in signing order: position 1 proposes, 2 seconds.
-- checked = 1 when found in the register (in the contest's area, name matching); 0 when entered
-- without a register.
CREATE TABLE nomination_subscribers (
  id INTEGER PRIMARY KEY,
  candidacy_id INTEGER NOT NULL REFERENCES candidacies (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  elector_number TEXT NOT NULL,
  full_name TEXT NOT NULL,
  checked INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  UNIQUE (candidacy_id, elector_number)
);
CREATE INDEX nomination_subscribers_order ON nomination_subscribers (candidacy_id, position);

-- The declared result of a contest; contests.declared_on is set from it.
CREATE TABLE contest_results (
  contest_id INTEGER PRIMARY KEY REFERENCES contests (id) ON DELETE CASCADE,
  electorate INTEGER NOT NULL,
  ballots_cast INTEGER,
  rejected_ballots INTEGER,
  votes_per_ballot INTEGER NOT NULL DEFAULT 1,
  declared_on TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

-- Votes for every candidate in the contest, ours (candidacy_id set) and others.
CREATE TABLE contest_result_votes (
  id INTEGER PRIMARY KEY,
  contest_id INTEGER NOT NULL REFERENCES contest_results (contest_id) ON DELETE CASCADE,
  candidacy_id INTEGER REFERENCES candidacies (id) ON DELETE SET NULL,
  name TEXT NOT NULL,
  party TEXT NOT NULL DEFAULT '',
  votes INTEGER NOT NULL,
  elected INTEGER NOT NULL DEFAULT 0,
  position INTEGER NOT NULL
);
CREATE INDEX contest_result_votes_contest ON contest_result_votes (contest_id, position);
