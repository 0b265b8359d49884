import { z } from 'zod';
import { ASSUMPTION_LABELS, ASSUMPTION_RANGES, type AssumptionKey, type Plan, type PlanFacts, type PlanInputs } from '../domain/planner.ts';
import { id, idInput, isoDate, optionalText, requiredText } from './common.ts';
import { contest } from './contests.ts';
import { EVERY_MEMBER, mutation, query } from './define.ts';

function wholeCount(label: string, max: number) {
  return z
    .number({ error: `${label} must be a number` })
    .int(`${label} must be a whole number`)
    .min(0, `${label} cannot be negative`)
    .max(max, `${label} must be at most ${max.toLocaleString('en-GB')}`);
}

function pence(label: string) {
  return z
    .number({ error: `${label} must be an amount in pence` })
    .int(`${label} must be a whole number of pence`)
    .min(0, `${label} cannot be negative`)
    .max(1_000_000_000, `${label} must be at most £10,000,000`);
}

/** An assumption: a number in its range, or null to use the default. */
function assumption(key: AssumptionKey) {
  const { min, max, decimals } = ASSUMPTION_RANGES[key];
  const label = ASSUMPTION_LABELS[key];
  const base = z
    .number({ error: `${label} must be a number` })
    .min(min, `${label} must be from ${min} to ${max}`)
    .max(max, `${label} must be from ${min} to ${max}`);
  const checked =
    decimals === 0
      ? base.int(`${label} must be a whole number`)
      : base.refine((v) => Math.abs(v * 10 ** decimals - Math.round(v * 10 ** decimals)) < 1e-9, `${label} may have at most ${decimals} decimal places`);
  return checked.nullable().default(null);
}

const planInputFields = {
  fundsAvailablePence: pence('Funds available').nullable().default(null),
  volunteerHoursOffered: wholeCount('Volunteer hours offered', 1_000_000).nullable().default(null),
  membersKnown: wholeCount('Members known in the area', 1_000_000).nullable().default(null),
  householdsEntered: wholeCount('Households', 10_000_000).nullable().default(null),
};

const assumptionFields = {
  plannedRounds: assumption('plannedRounds'),
  costPerThousandPence: assumption('costPerThousandPence'),
  deliveriesPerHour: assumption('deliveriesPerHour'),
  electorsPerHousehold: assumption('electorsPerHousehold'),
  canvassHours: assumption('canvassHours'),
  otherSpendingPence: assumption('otherSpendingPence'),
  stretchPercent: assumption('stretchPercent'),
  minWorkingDaysForPapers: assumption('minWorkingDaysForPapers'),
} satisfies Record<AssumptionKey, unknown>;

export const planSaveInput = z.strictObject({ contestId: id, ...planInputFields, ...assumptionFields, notes: optionalText('Notes') });
export type PlanSaveInput = z.input<typeof planSaveInput>;

/** What is stored for a contest: the meeting's figures and its own assumptions (null = default). */
export type StoredPlan = PlanInputs & { [K in AssumptionKey]: number | null } & { notes: string; updatedAt: string | null };
const storedPlan = z.custom<StoredPlan>();

export const DECISION_OUTCOMES = ['contesting', 'not-contesting', 'considering'] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];
export const DECISION_OUTCOME_LABELS: Record<DecisionOutcome, string> = {
  contesting: 'Stand: contest this election',
  'not-contesting': 'Do not stand',
  considering: 'Defer: keep considering',
};

const vote = (label: string) => wholeCount(label, 100_000);

export const decisionInput = z
  .strictObject({
    contestId: id,
    decidedOn: isoDate,
    meeting: requiredText('Meeting', 200),
    outcome: z.enum(DECISION_OUTCOMES, { error: 'Choose what the meeting decided' }),
    votesFor: vote('Votes for'),
    votesAgainst: vote('Votes against'),
    votesAbstain: vote('Abstentions'),
    minute: requiredText('Minute', 5000),
  })
  .superRefine((d, ctx) => {
    if (d.votesFor + d.votesAgainst > 0 && d.votesFor <= d.votesAgainst) {
      ctx.addIssue({
        code: 'custom',
        path: ['votesFor'],
        message: `With ${d.votesFor} for and ${d.votesAgainst} against the motion was not carried: record the decision the meeting did carry (all 0 for a decision by consensus)`,
      });
    }
  });
export type DecisionInput = z.input<typeof decisionInput>;

const decision = z.object({
  id,
  contestId: id,
  decidedOn: z.string(),
  meeting: z.string(),
  outcome: z.enum(DECISION_OUTCOMES),
  votesFor: z.number(),
  votesAgainst: z.number(),
  votesAbstain: z.number(),
  minute: z.string(),
  verdict: z.string().nullable(),
  createdAt: z.string(),
  areaName: z.string(),
  electionName: z.string(),
});
export type Decision = z.infer<typeof decision>;

const plan = z.custom<Plan>();
const facts = z.custom<PlanFacts>();

const contestPlan = z.object({ contest, stored: storedPlan, facts, plan, decisions: z.array(decision) });
export type ContestPlan = z.infer<typeof contestPlan>;

export const plannerContract = {
  'planner.get': query(
    EVERY_MEMBER,
    'A contest’s plan: figures, verdict with reasons, assumptions and decisions',
    z.strictObject({ contestId: id }),
    contestPlan,
  ),
  'planner.list': query(
    EVERY_MEMBER,
    'Every contest’s plan side by side, optionally of one election',
    z.strictObject({ electionId: id.optional() }),
    z.array(contestPlan.omit({ decisions: true }).extend({ latestDecision: decision.nullable() })),
  ),
  'planner.save': mutation(['coordinator'], 'Save a contest’s planning figures and assumptions', planSaveInput, contestPlan),
  'planner.listDecisions': query(
    EVERY_MEMBER,
    'Decisions taken, newest first, optionally of one contest',
    z.strictObject({ contestId: id.optional() }),
    z.array(decision),
  ),
  'planner.decide': mutation(['coordinator'], 'Record a meeting’s decision on a contest; the contest’s status follows it', decisionInput, decision),
  'planner.deleteDecision': mutation(
    ['coordinator'],
    'Delete a decision recorded in error; the status follows the decision before it',
    idInput,
    z.object({ deleted: z.boolean() }),
  ),
};
