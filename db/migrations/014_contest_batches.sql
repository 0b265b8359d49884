-- "Consider all areas of this kind" adds many contests to an election in one action. Each such
-- batch is kept, with the filter it used, so that it can be undone as one action: the contests it
-- added that have gained no data since are removed, the rest stay (and the user is told which).
CREATE TABLE contest_batches (
  id INTEGER PRIMARY KEY,
  election_id INTEGER NOT NULL REFERENCES elections (id) ON DELETE CASCADE,
  -- The filter the areas were chosen by: a nation (NULL for all) and text in their names.
  nation TEXT,
  name_contains TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL
);
CREATE INDEX contest_batches_election ON contest_batches (election_id);

ALTER TABLE contests ADD COLUMN batch_id INTEGER REFERENCES contest_batches (id) ON DELETE SET NULL;
CREATE INDEX contests_batch ON contests (batch_id);
