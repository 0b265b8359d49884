-- Polling day (issue 17): postal and proxy voters, polling stations, committee rooms and their
-- volunteers, who counts as a promise, tellers' numbers, knock-up rounds, and voting history from
-- tellers and the marked register.
--
-- Stations belong to the area's register (they change rarely between polls); everything about one
-- poll belongs to its contest (an election in an area). Votes belong to an election, so a marked
-- register of an earlier election (added as an election of its own) gives each elector a history.

-- Absent voters, from the register's markers or an absent voters list: NULL when they vote in
-- person. A postal vote lands about a fortnight before polling day: the campaign contacts its
-- supporters then ("postal vote week").
ALTER TABLE electors ADD COLUMN absent_vote TEXT CHECK (absent_vote IN ('postal', 'proxy', 'postal_proxy'));

CREATE TABLE polling_stations (
  id INTEGER PRIMARY KEY,
  area_id INTEGER NOT NULL REFERENCES areas (id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  address TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX polling_stations_area ON polling_stations (area_id);

-- A polling district votes at one station; a station may serve several districts.
CREATE TABLE polling_station_districts (
  station_id INTEGER NOT NULL REFERENCES polling_stations (id) ON DELETE CASCADE,
  area_id INTEGER NOT NULL REFERENCES areas (id) ON DELETE CASCADE,
  polling_district TEXT NOT NULL,
  PRIMARY KEY (area_id, polling_district)
);
CREATE INDEX polling_station_districts_station ON polling_station_districts (station_id);

-- Who counts as a promise in this contest: the support codes (as stored in
-- electors.latest_support) that are knocked up. One row per contest; none means no rule yet.
CREATE TABLE promise_rules (
  contest_id INTEGER PRIMARY KEY REFERENCES contests (id) ON DELETE CASCADE,
  -- Support codes separated by commas, e.g. '1,2'.
  supports TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE committee_rooms (
  id INTEGER PRIMARY KEY,
  contest_id INTEGER NOT NULL REFERENCES contests (id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  address TEXT NOT NULL DEFAULT '',
  notes TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX committee_rooms_contest ON committee_rooms (contest_id);

-- The polling districts a committee room knocks up: each district of a contest has one room.
CREATE TABLE committee_room_districts (
  room_id INTEGER NOT NULL REFERENCES committee_rooms (id) ON DELETE CASCADE,
  contest_id INTEGER NOT NULL REFERENCES contests (id) ON DELETE CASCADE,
  polling_district TEXT NOT NULL,
  PRIMARY KEY (contest_id, polling_district)
);
CREATE INDEX committee_room_districts_room ON committee_room_districts (room_id);

-- Volunteers on duty: a teller at a station for a shift, or a knocker-up from a committee room
-- for a round.
CREATE TABLE polling_day_duties (
  id INTEGER PRIMARY KEY,
  contest_id INTEGER NOT NULL REFERENCES contests (id) ON DELETE CASCADE,
  volunteer_id INTEGER NOT NULL REFERENCES volunteers (id) ON DELETE CASCADE,
  duty TEXT NOT NULL CHECK (duty IN ('teller', 'knocker_up')),
  station_id INTEGER REFERENCES polling_stations (id) ON DELETE CASCADE,
  room_id INTEGER REFERENCES committee_rooms (id) ON DELETE CASCADE,
  -- A teller's shift, 'HH:MM' on polling day (polls open 07:00 to 22:00).
  starts_at TEXT,
  ends_at TEXT,
  -- A knocker-up's round (1, 2, 3…).
  round INTEGER CHECK (round IS NULL OR round >= 1),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK ((duty = 'teller' AND station_id IS NOT NULL) OR (duty = 'knocker_up' AND room_id IS NOT NULL))
);
CREATE INDEX polling_day_duties_contest ON polling_day_duties (contest_id, duty);
CREATE INDEX polling_day_duties_volunteer ON polling_day_duties (volunteer_id);

-- A batch of numbers as it reached the campaign: a teller's slip for one district, or one page
-- of the marked register. client_id is made by the sending device, so a batch sent twice (after
-- a dropped connection) is recorded once.
CREATE TABLE vote_batches (
  id INTEGER PRIMARY KEY,
  election_id INTEGER NOT NULL REFERENCES elections (id) ON DELETE CASCADE,
  area_id INTEGER NOT NULL REFERENCES areas (id) ON DELETE CASCADE,
  polling_district TEXT NOT NULL,
  source TEXT NOT NULL CHECK (source IN ('teller', 'marked_register', 'import')),
  client_id TEXT UNIQUE,
  received_at TEXT NOT NULL,
  entered_by TEXT NOT NULL
);
CREATE INDEX vote_batches_election ON vote_batches (election_id, area_id, received_at);

-- Who voted in which election: one row per elector and election, from tellers on the day or the
-- marked register afterwards. voted_at is when the campaign learnt it (the batch's time) for
-- tellers' numbers; for the marked register, the election's polling day.
CREATE TABLE votes (
  election_id INTEGER NOT NULL REFERENCES elections (id) ON DELETE CASCADE,
  elector_id INTEGER NOT NULL REFERENCES electors (id) ON DELETE CASCADE,
  method TEXT NOT NULL DEFAULT 'in_person' CHECK (method IN ('in_person', 'postal', 'proxy')),
  batch_id INTEGER REFERENCES vote_batches (id) ON DELETE CASCADE,
  voted_at TEXT NOT NULL,
  PRIMARY KEY (election_id, elector_id)
);
CREATE INDEX votes_elector ON votes (elector_id);
CREATE INDEX votes_batch ON votes (batch_id);
CREATE INDEX votes_time ON votes (election_id, voted_at);

-- Knocking up: each call on a promise who has not yet voted, by round.
CREATE TABLE knock_ups (
  id INTEGER PRIMARY KEY,
  contest_id INTEGER NOT NULL REFERENCES contests (id) ON DELETE CASCADE,
  elector_id INTEGER NOT NULL REFERENCES electors (id) ON DELETE CASCADE,
  room_id INTEGER REFERENCES committee_rooms (id) ON DELETE SET NULL,
  round INTEGER NOT NULL CHECK (round >= 1),
  knocked_at TEXT NOT NULL,
  knocked_by TEXT NOT NULL,
  UNIQUE (contest_id, elector_id, round)
);
CREATE INDEX knock_ups_elector ON knock_ups (elector_id);
-- Knock-up lists read promises by standing within a district: support first, then walk order.
CREATE INDEX electors_support_walk ON electors (area_id, latest_support, polling_district, walk_seq);
