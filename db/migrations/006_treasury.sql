-- Treasury (issue 7): per-contest spending-limit inputs, the deposit, donations, and the ledger
-- of expenses and refunds. Money is integer pence and never negative (a refund is its own kind
-- of entry). Money records are statutory records: deleting a contest that has any is refused
-- (ON DELETE RESTRICT) rather than silently destroying them.

-- What the spending limit is worked out from. NULL means "use the default": the area's
-- electorate and classification, the election type's rule. limit_override_pence replaces the
-- computed limit with the figure from the returning officer's notice (limit_source says where from).
CREATE TABLE treasury_settings (
  contest_id INTEGER PRIMARY KEY REFERENCES contests (id) ON DELETE RESTRICT,
  electors INTEGER CHECK (electors IS NULL OR electors BETWEEN 1 AND 10000000),
  area_kind TEXT CHECK (area_kind IS NULL OR area_kind IN ('county', 'borough')),
  gla_post TEXT CHECK (gla_post IS NULL OR gla_post IN ('mayor', 'constituency', 'list')),
  joint_candidates INTEGER NOT NULL DEFAULT 1 CHECK (joint_candidates BETWEEN 1 AND 50),
  limit_override_pence INTEGER CHECK (limit_override_pence IS NULL OR limit_override_pence > 0),
  limit_source TEXT NOT NULL DEFAULT '',
  -- The day the return was delivered to the returning officer; nothing on it may be dated later.
  return_delivered_on TEXT,
  updated_at TEXT NOT NULL
);

-- The candidate's deposit, paid to the (acting) returning officer. Whether it comes back is
-- decided from the recorded result; refund_due is the next working day after the declaration.
CREATE TABLE deposits (
  contest_id INTEGER PRIMARY KEY REFERENCES contests (id) ON DELETE RESTRICT,
  amount_pence INTEGER NOT NULL CHECK (amount_pence > 0),
  paid_on TEXT NOT NULL,
  method TEXT NOT NULL CHECK (method IN ('bankers-draft', 'cash', 'bank-transfer', 'card', 'other')),
  receipt TEXT NOT NULL DEFAULT '',
  -- When the returning officer actually paid it back (NULL: not yet, or forfeited).
  refunded_on TEXT,
  notes TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE donations (
  id INTEGER PRIMARY KEY,
  contest_id INTEGER NOT NULL REFERENCES contests (id) ON DELETE RESTRICT,
  donor_name TEXT NOT NULL,
  donor_address TEXT NOT NULL DEFAULT '',
  elector_number TEXT,
  company_number TEXT,
  kind TEXT NOT NULL CHECK (kind IN ('cash', 'in-kind')),
  -- What was given, for a donation in kind.
  description TEXT NOT NULL DEFAULT '',
  value_pence INTEGER NOT NULL CHECK (value_pence > 0),
  received_on TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending', 'accepted', 'returned')),
  permissible_source TEXT CHECK (permissible_source IS NULL OR permissible_source IN (
    'elector', 'registered-party', 'uk-company', 'trade-union', 'building-society', 'llp',
    'friendly-society', 'unincorporated-association')),
  -- Why it was returned (or a note on its permissibility).
  reason TEXT NOT NULL DEFAULT '',
  accepted_on TEXT,
  returned_on TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  -- Over £50 is a donation: it can only be accepted from a permissible source.
  CHECK (status <> 'accepted' OR value_pence <= 5000 OR permissible_source IS NOT NULL),
  CHECK ((status = 'accepted') = (accepted_on IS NOT NULL)),
  CHECK ((status = 'returned') = (returned_on IS NOT NULL))
);
CREATE INDEX donations_contest ON donations (contest_id, received_on);

-- Ledger entries. 'expense': spending (notional = 1 for something given free or at a discount,
-- valued, never paid); 'refund': money a supplier paid back, which reduces its category.
-- Leaflet print runs are not copied here: the ledger reads print_runs directly.
CREATE TABLE expenses (
  id INTEGER PRIMARY KEY,
  contest_id INTEGER NOT NULL REFERENCES contests (id) ON DELETE RESTRICT,
  kind TEXT NOT NULL CHECK (kind IN ('expense', 'refund')),
  category TEXT NOT NULL CHECK (category IN ('advertising', 'unsolicited-material', 'transport',
    'public-meetings', 'agent-staff', 'accommodation-admin')),
  supplier TEXT NOT NULL,
  description TEXT NOT NULL,
  amount_pence INTEGER NOT NULL CHECK (amount_pence > 0),
  invoice_on TEXT,
  paid_on TEXT,
  notional INTEGER NOT NULL DEFAULT 0 CHECK (notional IN (0, 1)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK (kind = 'expense' OR notional = 0),
  CHECK (notional = 0 OR paid_on IS NULL)
);
CREATE INDEX expenses_contest ON expenses (contest_id, category);
