-- Canvass follow-ups marked done (issue 5): a coordinator who has posted the literature or phoned
-- the would-be member ticks the request off, so the follow-up list shows who is still waiting.
-- One row per elector and request. The request itself stays the returns' (electors.wants_*);
-- this only says it has been dealt with, when and by whom.
--
-- A later return that asks for the same thing again reopens it: recording that return sets
-- reopened_by_return_id, and the follow-up is open again (the row keeps the date it was last
-- done, so the list can say "done before, asked again"). Undoing that return, or deleting its
-- session, clears the link (ON DELETE SET NULL) and the follow-up counts as done again. Marking
-- it done again overwrites the row. Deleting (or erasing) the elector deletes their rows.
CREATE TABLE follow_up_done (
  elector_id INTEGER NOT NULL REFERENCES electors (id) ON DELETE CASCADE,
  request TEXT NOT NULL CHECK (request IN ('literature', 'poster', 'postal_vote', 'join', 'visit')),
  -- The day it was done (literature posted, call made), as the coordinator gave it.
  done_on TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  done_by TEXT NOT NULL,
  -- When it was ticked off in the app.
  done_at TEXT NOT NULL,
  reopened_by_return_id INTEGER REFERENCES canvass_returns (id) ON DELETE SET NULL,
  PRIMARY KEY (elector_id, request)
);
-- Deleting a return (undo, a session deleted) looks up the rows it reopened.
CREATE INDEX follow_up_done_reopened ON follow_up_done (reopened_by_return_id);
