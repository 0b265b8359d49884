-- Polling day read from indexes alone (issue 17's figures: 100,000 electors, 20,000 promises).
--
-- Knock-up lists and their counts: a promise is decided by support and outcome, so with the
-- outcome in the index the promises who have not voted are found without reading elector rows;
-- only those left on the list are read. It replaces electors_support_walk, its prefix.
DROP INDEX electors_support_walk;
CREATE INDEX electors_promise_walk ON electors (area_id, latest_support, polling_district, walk_seq, latest_outcome);

-- Turnout by hour: a vote's time and batch from the index, without reading the vote rows. It
-- replaces votes_time, its prefix.
DROP INDEX votes_time;
CREATE INDEX votes_time_batch ON votes (election_id, voted_at, batch_id);
