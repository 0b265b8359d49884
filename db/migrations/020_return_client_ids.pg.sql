-- 020_return_client_ids.sql as PostgreSQL runs it: the same words.
-- Offline canvass entry (issue 13): a return typed on a device carries the id the device gave it,
-- so a return sent again after its answer was lost is recorded once. Returns entered before, or
-- from the CLI without one, have none (NULLs never clash in a unique index, on either engine).
ALTER TABLE canvass_returns ADD COLUMN client_id TEXT;
CREATE UNIQUE INDEX canvass_returns_client_id ON canvass_returns (client_id);

-- The client ids of returns undone since: the same return sent again by a device that never heard
-- the answer is refused, not recorded afresh. A random id and a time: nothing about a person.
CREATE TABLE canvass_returns_undone (
  client_id TEXT PRIMARY KEY,
  undone_at TEXT NOT NULL
);
