-- A member's own offer to volunteer (issue 13): on a team server a member offers themselves from
-- their account, and the volunteer record that made is the one they read and change. NULL for a
-- volunteer a coordinator added. Accounts are switched off or blanked, never deleted.
ALTER TABLE volunteers ADD COLUMN account_id INTEGER REFERENCES accounts (id) ON DELETE SET NULL;
CREATE UNIQUE INDEX volunteers_account ON volunteers (account_id);
