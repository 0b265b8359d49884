import type { Decision, DecisionInput, StoredPlan } from '../../shared/contract/planner.ts';
import type { Queries } from '../store.ts';

const PLAN_COLUMNS = `p.funds_available_pence AS fundsAvailablePence, p.volunteer_hours_offered AS volunteerHoursOffered,
  p.members_known AS membersKnown, p.households_entered AS householdsEntered, p.planned_rounds AS plannedRounds,
  p.cost_per_thousand_pence AS costPerThousandPence, p.deliveries_per_hour AS deliveriesPerHour,
  p.electors_per_household_hundredths AS electorsPerHouseholdHundredths, p.canvass_hours AS canvassHours,
  p.other_spending_pence AS otherSpendingPence, p.stretch_percent AS stretchPercent,
  p.min_working_days_for_papers AS minWorkingDaysForPapers, p.notes, p.updated_at AS updatedAt`;

type PlanRow = Omit<StoredPlan, 'electorsPerHousehold'> & { electorsPerHouseholdHundredths: number | null };

const EMPTY_PLAN: StoredPlan = {
  fundsAvailablePence: null,
  volunteerHoursOffered: null,
  membersKnown: null,
  householdsEntered: null,
  plannedRounds: null,
  costPerThousandPence: null,
  deliveriesPerHour: null,
  electorsPerHousehold: null,
  canvassHours: null,
  otherSpendingPence: null,
  stretchPercent: null,
  minWorkingDaysForPapers: null,
  notes: '',
  updatedAt: null,
};

function fromRow({ electorsPerHouseholdHundredths: h, ...rest }: PlanRow): StoredPlan {
  return { ...rest, electorsPerHousehold: h === null ? null : h / 100 };
}

/** The stored plan of a contest, or the empty plan (every figure unknown, every assumption default). */
export async function getPlan(db: Queries, contestId: number): Promise<StoredPlan> {
  const row = (await db.get(`SELECT ${PLAN_COLUMNS} FROM contest_plans p WHERE p.contest_id = ?`, [contestId])) as PlanRow | undefined;
  return row ? fromRow(row) : { ...EMPTY_PLAN };
}

/** Plans of many contests at once, keyed by contest id (absent: nothing saved yet). */
export async function listPlans(db: Queries): Promise<Map<number, StoredPlan>> {
  const rows = (await db.all(`SELECT p.contest_id AS contestId, ${PLAN_COLUMNS} FROM contest_plans p`)) as (PlanRow & { contestId: number })[];
  return new Map(rows.map(({ contestId, ...r }) => [contestId, fromRow(r)]));
}

export async function savePlan(db: Queries, contestId: number, p: Omit<StoredPlan, 'updatedAt'>): Promise<void> {
  const now = new Date().toISOString();
  const hundredths = p.electorsPerHousehold === null ? null : Math.round(p.electorsPerHousehold * 100);
  await db.run(
    `INSERT INTO contest_plans (contest_id, funds_available_pence, volunteer_hours_offered, members_known, households_entered,
       planned_rounds, cost_per_thousand_pence, deliveries_per_hour, electors_per_household_hundredths, canvass_hours,
       other_spending_pence, stretch_percent, min_working_days_for_papers, notes, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (contest_id) DO UPDATE SET funds_available_pence = excluded.funds_available_pence,
       volunteer_hours_offered = excluded.volunteer_hours_offered, members_known = excluded.members_known,
       households_entered = excluded.households_entered, planned_rounds = excluded.planned_rounds,
       cost_per_thousand_pence = excluded.cost_per_thousand_pence, deliveries_per_hour = excluded.deliveries_per_hour,
       electors_per_household_hundredths = excluded.electors_per_household_hundredths, canvass_hours = excluded.canvass_hours,
       other_spending_pence = excluded.other_spending_pence, stretch_percent = excluded.stretch_percent,
       min_working_days_for_papers = excluded.min_working_days_for_papers, notes = excluded.notes, updated_at = excluded.updated_at`,
    [
      contestId,
      p.fundsAvailablePence,
      p.volunteerHoursOffered,
      p.membersKnown,
      p.householdsEntered,
      p.plannedRounds,
      p.costPerThousandPence,
      p.deliveriesPerHour,
      hundredths,
      p.canvassHours,
      p.otherSpendingPence,
      p.stretchPercent,
      p.minWorkingDaysForPapers,
      p.notes,
      now,
      now,
    ],
  );
}

const DECISION_SELECT = `SELECT d.id, d.contest_id AS contestId, d.decided_on AS decidedOn, d.meeting, d.outcome,
  d.votes_for AS votesFor, d.votes_against AS votesAgainst, d.votes_abstain AS votesAbstain, d.minute, d.verdict,
  d.created_at AS createdAt, a.name AS areaName, e.name AS electionName
  FROM contest_decisions d JOIN contests c ON c.id = d.contest_id JOIN areas a ON a.id = c.area_id JOIN elections e ON e.id = c.election_id`;

/** Newest first: by the date decided, then the order recorded. */
export async function listDecisions(db: Queries, contestId?: number): Promise<Decision[]> {
  const where = contestId === undefined ? '' : 'WHERE d.contest_id = ?';
  return (await db.all(`${DECISION_SELECT} ${where} ORDER BY d.decided_on DESC, d.id DESC`, contestId === undefined ? [] : [contestId])) as Decision[];
}

export async function getDecision(db: Queries, id: number): Promise<Decision | undefined> {
  return (await db.get(`${DECISION_SELECT} WHERE d.id = ?`, [id])) as Decision | undefined;
}

export async function insertDecision(db: Queries, d: Required<DecisionInput> & { verdict: string | null }): Promise<number> {
  const r = await db.insert(
    `INSERT INTO contest_decisions (contest_id, decided_on, meeting, outcome, votes_for, votes_against, votes_abstain, minute, verdict, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [d.contestId, d.decidedOn, d.meeting, d.outcome, d.votesFor, d.votesAgainst, d.votesAbstain, d.minute, d.verdict, new Date().toISOString()],
  );
  return r;
}

export async function deleteDecision(db: Queries, id: number): Promise<void> {
  await db.run('DELETE FROM contest_decisions WHERE id = ?', [id]);
}
