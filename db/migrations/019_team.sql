-- A team server (issue 13): the people who sign in, the roles the branch gave them, and what
-- signing in needs. A desktop file has these tables too (one schema on both engines) but never
-- uses them: its single user signs in to nothing.

-- A person's account. No password until they choose one through their one-time link; a switched-off
-- account is refused at once, also in the middle of a session, and kept so the trail still names it.
CREATE TABLE accounts (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  password_hash TEXT,
  switched_off_at TEXT,
  created_at TEXT NOT NULL
);

-- Roles are jobs the branch gives by a decision: each grant names the meeting and date that gave
-- it, as decisions do, and who recorded it.
CREATE TABLE role_grants (
  account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  role TEXT NOT NULL CHECK (role IN ('member', 'coordinator', 'treasurer', 'canvasser', 'admin')),
  meeting TEXT NOT NULL,
  decided_on TEXT NOT NULL,
  recorded_by TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  PRIMARY KEY (account_id, role)
);

-- One-time sign-in links (an invitation, or a reset): only a hash of the token is kept, so the
-- table does not hold a way in.
CREATE TABLE sign_in_links (
  token_hash TEXT PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  purpose TEXT NOT NULL CHECK (purpose IN ('invite', 'reset')),
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  used_at TEXT
);
CREATE INDEX sign_in_links_account ON sign_in_links (account_id);

-- Signed-in sessions, by a hash of the cookie's id; they end after a spell of inactivity.
CREATE TABLE sessions (
  id_hash TEXT PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL
);
CREATE INDEX sessions_account ON sessions (account_id);

-- Failed sign-ins, for the lock-out's growing delay per name and per address.
CREATE TABLE sign_in_failures (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  address TEXT NOT NULL,
  failed_at TEXT NOT NULL
);
CREATE INDEX sign_in_failures_name ON sign_in_failures (name, failed_at);
CREATE INDEX sign_in_failures_address ON sign_in_failures (address, failed_at);
