-- The contest planner: what a meeting knows and assumes about one contest, and the decisions it took.

-- One row per contest, created when the plan is first saved. Every figure is NULL until entered;
-- an assumption left NULL means "use the default" (shown beside the field).
CREATE TABLE contest_plans (
  contest_id INTEGER PRIMARY KEY REFERENCES contests (id) ON DELETE CASCADE,
  funds_available_pence INTEGER CHECK (funds_available_pence IS NULL OR funds_available_pence >= 0),
  volunteer_hours_offered INTEGER CHECK (volunteer_hours_offered IS NULL OR volunteer_hours_offered >= 0),
  members_known INTEGER CHECK (members_known IS NULL OR members_known >= 0),
  households_entered INTEGER CHECK (households_entered IS NULL OR households_entered >= 0),
  planned_rounds INTEGER CHECK (planned_rounds IS NULL OR planned_rounds >= 0),
  cost_per_thousand_pence INTEGER CHECK (cost_per_thousand_pence IS NULL OR cost_per_thousand_pence >= 0),
  deliveries_per_hour INTEGER CHECK (deliveries_per_hour IS NULL OR deliveries_per_hour > 0),
  -- Hundredths of an elector (190 = 1.9 electors per household), to keep the figure exact.
  electors_per_household_hundredths INTEGER CHECK (electors_per_household_hundredths IS NULL OR electors_per_household_hundredths > 0),
  canvass_hours INTEGER CHECK (canvass_hours IS NULL OR canvass_hours >= 0),
  other_spending_pence INTEGER CHECK (other_spending_pence IS NULL OR other_spending_pence >= 0),
  stretch_percent INTEGER CHECK (stretch_percent IS NULL OR stretch_percent BETWEEN 0 AND 100),
  min_working_days_for_papers INTEGER CHECK (min_working_days_for_papers IS NULL OR min_working_days_for_papers >= 0),
  notes TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

-- Decisions as the meeting took them. The contest's status follows the latest one (by date, then
-- as recorded). Deleting a contest deletes its decisions with it.
CREATE TABLE contest_decisions (
  id INTEGER PRIMARY KEY,
  contest_id INTEGER NOT NULL REFERENCES contests (id) ON DELETE CASCADE,
  decided_on TEXT NOT NULL,
  meeting TEXT NOT NULL,
  -- The contest status the decision sets: contesting | not-contesting | considering (deferred).
  outcome TEXT NOT NULL CHECK (outcome IN ('contesting', 'not-contesting', 'considering')),
  votes_for INTEGER NOT NULL CHECK (votes_for >= 0),
  votes_against INTEGER NOT NULL CHECK (votes_against >= 0),
  votes_abstain INTEGER NOT NULL CHECK (votes_abstain >= 0),
  minute TEXT NOT NULL,
  -- The planner's verdict the meeting saw, kept with the decision.
  verdict TEXT,
  created_at TEXT NOT NULL
);
CREATE INDEX contest_decisions_contest ON contest_decisions (contest_id, decided_on);
