import { CONTEST_STATUS_LABELS, type Contest } from '../../shared/contract/contests.ts';
import { type ContestPlan, DECISION_OUTCOME_LABELS, type StoredPlan, type plannerContract } from '../../shared/contract/planner.ts';
import { AppError } from '../../shared/contract/result.ts';
import { type AssumptionKey, DEFAULT_ASSUMPTIONS, type PlanFacts, VERDICT_LABELS, computePlan } from '../../shared/domain/planner.ts';
import { countdown, formatTime } from '../../shared/domain/timetable.ts';
import { formatDateLong, ukToday } from '../../shared/domain/working-days.ts';
import { getArea } from '../../db/repositories/areas.ts';
import { householdTotal } from '../../db/repositories/electors.ts';
import { listContests, updateContestStatus } from '../../db/repositories/contests.ts';
import { deleteDecision, getDecision, getPlan, insertDecision, listDecisions, listPlans, savePlan } from '../../db/repositories/plans.ts';
import { rulesOf } from './candidates/rules.ts';
import { requireContest } from './contests.ts';
import { requireElection } from './elections.ts';
import { contestTimetable, loadTimetableData } from './timetable.ts';
import { treasuryHandlers } from './treasury.ts';
import type { Ctx, HandlersFor } from './context.ts';
import { requireRecord } from './records.ts';

/**
 * What the rest of Hustings knows about a contest. Each fact stays null (and the planner says it
 * is unknown) until the feature that owns it provides it.
 */
async function contestFacts(ctx: Ctx, c: Contest, today: string): Promise<PlanFacts> {
  const area = await getArea(ctx.db, c.areaId);
  const { req } = await rulesOf(ctx, c);
  const data = await loadTimetableData(ctx.db, [c.electionId]);
  const election = await requireElection(ctx, c.electionId);
  // A timetable the rules cannot compute leaves the close of nominations unknown, and the plan says so.
  const timetable = await contestTimetable(ctx.db, c, election, data).catch(() => null);
  const limit = await treasuryHandlers['treasury.getLimit'](ctx, { contestId: c.id });
  const close = timetable?.milestones.find((m) => m.key === 'close_of_nominations');
  return {
    today,
    pollingDay: c.pollingDay,
    electorate: area?.electorate ?? null,
    registerHouseholds: (await householdTotal(ctx.db, c.areaId)) || null,
    depositPence: req.deposit?.amountPence ?? 0,
    spendingLimitPence: limit.limitPence,
    spendingLimitNote: limit.limitPence === null ? limit.working : undefined,
    subscribersRequired: req.subscribers.required,
    subscriberRoles: req.subscribers.roles,
    closeOfNominations: close
      ? { date: close.date, text: `${close.time ? `${formatTime(close.time)} ` : ''}${formatDateLong(close.date)}${close.provisional ? ' (provisional)' : ''}` }
      : null,
    workingDaysToClose: close ? countdown(today, close.date, close.calendar, data.holidays).workingDays : null,
  };
}

const ASSUMPTION_KEYS = Object.keys(DEFAULT_ASSUMPTIONS) as AssumptionKey[];

function assumptionsOf(stored: StoredPlan): Record<AssumptionKey, number | null> {
  return Object.fromEntries(ASSUMPTION_KEYS.map((k) => [k, stored[k]])) as Record<AssumptionKey, number | null>;
}

async function planOf(ctx: Ctx, c: Contest, stored: StoredPlan, today: string): Promise<Omit<ContestPlan, 'decisions'>> {
  const facts = await contestFacts(ctx, c, today);
  const plan = computePlan(facts, stored, assumptionsOf(stored));
  return { contest: c, stored, facts, plan };
}

async function contestPlan(ctx: Ctx, contestId: number): Promise<ContestPlan> {
  const c = await requireContest(ctx, contestId);
  const p = await planOf(ctx, c, await getPlan(ctx.db, contestId), ukToday());
  return { ...p, decisions: await listDecisions(ctx.db, contestId) };
}

/** The contest's status follows its latest decision; with none left it goes back to considering. */
async function followLatestDecision(ctx: Ctx, contestId: number): Promise<void> {
  const before = await requireContest(ctx, contestId);
  const [latest] = await listDecisions(ctx.db, contestId);
  const status = latest?.outcome ?? 'considering';
  const reason = latest
    ? `${DECISION_OUTCOME_LABELS[latest.outcome]} — ${latest.meeting}, ${formatDateLong(latest.decidedOn)} (${latest.votesFor} for, ${latest.votesAgainst} against, ${latest.votesAbstain} abstaining)`
    : '';
  if (before.status === status && before.reason === reason) return;
  await updateContestStatus(ctx.db, contestId, status, reason);
  const after = await requireContest(ctx, contestId);
  await ctx.audit({
    action: 'update',
    entity: 'contest',
    entityId: contestId,
    summary: `${before.areaName} (${before.electionName}): ${CONTEST_STATUS_LABELS[status]}, following ${latest ? `the decision of ${latest.meeting}` : 'the removal of its only decision'}`,
    before,
    after,
  });
}

export const plannerHandlers: HandlersFor<typeof plannerContract> = {
  'planner.get': async (ctx, { contestId }) => contestPlan(ctx, contestId),
  'planner.list': async (ctx, { electionId }) => {
    if (electionId !== undefined) await requireElection(ctx, electionId);
    const today = ukToday();
    const contests = await listContests(ctx.db, { electionId });
    const plans = await listPlans(ctx.db);
    const decisions = await listDecisions(ctx.db);
    return Promise.all(
      contests.map(async (c) => ({
        ...(await planOf(ctx, c, plans.get(c.id) ?? (await getPlan(ctx.db, c.id)), today)),
        latestDecision: decisions.find((d) => d.contestId === c.id) ?? null,
      })),
    );
  },
  'planner.save': async (ctx, { contestId, ...input }) => {
    const c = await requireContest(ctx, contestId);
    const before = await getPlan(ctx.db, contestId);
    await savePlan(ctx.db, contestId, input);
    const after = await contestPlan(ctx, contestId);
    await ctx.audit({
      action: before.updatedAt === null ? 'create' : 'update',
      entity: 'contest-plan',
      entityId: contestId,
      summary: `Plan for ${c.areaName} (${c.electionName}) saved: ${VERDICT_LABELS[after.plan.verdict].toLowerCase()}`,
      before: before.updatedAt === null ? undefined : before,
      after: after.stored,
    });
    return after;
  },
  'planner.listDecisions': async (ctx, { contestId }) => {
    if (contestId !== undefined) await requireContest(ctx, contestId);
    return listDecisions(ctx.db, contestId);
  },
  'planner.decide': async (ctx, input) => {
    const c = await requireContest(ctx, input.contestId);
    const today = ukToday();
    if (input.decidedOn > today) {
      throw new AppError('invalid_input', `A decision is recorded once taken: ${formatDateLong(input.decidedOn)} is after today (${formatDateLong(today)})`, {
        decidedOn: `Must be today (${formatDateLong(today)}) or earlier`,
      });
    }
    const { plan } = await planOf(ctx, c, await getPlan(ctx.db, c.id), today);
    const id = await insertDecision(ctx.db, { ...input, verdict: plan.verdict });
    const after = (await getDecision(ctx.db, id))!;
    await ctx.audit({
      action: 'create',
      entity: 'contest-decision',
      entityId: id,
      summary: `${input.meeting} decided on ${c.areaName} (${c.electionName}): ${DECISION_OUTCOME_LABELS[input.outcome]}, ${input.votesFor}–${input.votesAgainst}`,
      after,
    });
    await followLatestDecision(ctx, c.id);
    return after;
  },
  'planner.deleteDecision': async (ctx, { id }) => {
    const before = requireRecord(await getDecision(ctx.db, id), 'decision', id);
    await deleteDecision(ctx.db, id);
    await ctx.audit({
      action: 'delete',
      entity: 'contest-decision',
      entityId: id,
      summary: `Removed the decision of ${before.meeting} on ${before.areaName} (${before.electionName})`,
      before,
    });
    await followLatestDecision(ctx, before.contestId);
    return { deleted: true };
  },
};
