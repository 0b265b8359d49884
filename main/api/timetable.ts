import type { Contest } from '../../shared/contract/contests.ts';
import type { Election } from '../../shared/contract/elections.ts';
import { AppError } from '../../shared/contract/result.ts';
import {
  HOLIDAY_DIVISION_LABELS,
  HOLIDAY_KIND_LABELS,
  type TimetableView,
  type holidaysContract,
  type timetableContract,
} from '../../shared/contract/timetable.ts';
import { ELECTION_TYPE_INFO } from '../../shared/domain/election-types.ts';
import { MILESTONE_LABELS, TimetableInputError, computeTimetable, countdown, timetableJson } from '../../shared/domain/timetable.ts';
import type { MilestoneKey, Timetable, TimetableInput } from '../../shared/domain/timetable.ts';
import { DIVISIONS, beyondHolidayData, buildHolidays, formatDateLong, ukToday } from '../../shared/domain/working-days.ts';
import type { Holidays } from '../../shared/domain/working-days.ts';
import { getArea } from '../../db/repositories/areas.ts';
import { listElections } from '../../db/repositories/elections.ts';
import {
  deleteExtraHoliday,
  deleteOverride,
  findExtraHoliday,
  getExtraHoliday,
  insertExtraHoliday,
  listExtraHolidays,
  listOverrides,
  putOverride,
} from '../../db/repositories/timetable.ts';
import type { OverrideRow } from '../../db/repositories/timetable.ts';
import type { Queries } from '../../db/store.ts';
import type { Ctx, HandlersFor } from './context.ts';
import { requireRecord } from './records.ts';
import { requireContest } from './contests.ts';
import { requireElection } from './elections.ts';

// --- Timetables with the user's holidays and overrides (also for other features' handlers) -------

/**
 * The last holidays built, by the user's extra days they were built from: the same object while
 * those are unchanged, so the working-day answers remembered per holiday set are reused across
 * calls (a new set each call counted every day to a far polling day again: ~0.3-1 s).
 */
let lastHolidays: { key: string; holidays: Holidays } | null = null;

/** The shipped bank holidays plus the user's extra days. */
export async function loadHolidays(db: Queries): Promise<Holidays> {
  const rows = await listExtraHolidays(db);
  const extras = rows.map((r) => ({ date: r.date, title: r.title, divisions: r.division === 'all' ? DIVISIONS : [r.division] }));
  const key = JSON.stringify(extras);
  if (lastHolidays?.key !== key) lastHolidays = { key, holidays: buildHolidays(extras) };
  return lastHolidays.holidays;
}

/** Run the rules, turning bad input into a field error for the user. */
function computeOrExplain(input: TimetableInput): Timetable {
  try {
    return computeTimetable(input);
  } catch (error) {
    if (error instanceof TimetableInputError) throw new AppError('invalid_input', error.message, { [error.field]: error.message });
    throw error;
  }
}

/** What a timetable is computed with; load once and reuse for many elections. */
export interface TimetableData {
  holidays: Holidays;
  overrides: Map<number, OverrideRow[]>;
}

export async function loadTimetableData(db: Queries, electionIds?: readonly number[]): Promise<TimetableData> {
  const overrides = new Map<number, OverrideRow[]>();
  for (const o of await listOverrides(db, electionIds)) overrides.set(o.electionId, [...(overrides.get(o.electionId) ?? []), o]);
  return { holidays: await loadHolidays(db), overrides };
}

function overridesOf(data: TimetableData, electionId: number): Partial<Record<MilestoneKey, string>> {
  return Object.fromEntries((data.overrides.get(electionId) ?? []).map((o) => [o.milestone, o.date]));
}

/** An election's timetable in its own nation (no post-poll dates: those belong to contests). */
export function electionTimetable(election: Election, data: TimetableData): Timetable {
  return computeOrExplain({
    type: election.type,
    pollingDay: election.pollingDay,
    nation: election.nation,
    overrides: overridesOf(data, election.id),
    holidays: data.holidays,
  });
}

/**
 * A contest's timetable: its election's rules and overrides, in the contest's own nation (a
 * general election's contest in Northern Ireland has NI absent-vote deadlines; spending returns
 * use the contest's nation), with the post-poll deadlines once the result is declared. For the
 * GLA, a constituency contest has 35 days for the return, the Mayor and London-wide list 70.
 */
export async function contestTimetable(db: Queries, contest: Contest, election: Election, data: TimetableData): Promise<Timetable> {
  const nation = ELECTION_TYPE_INFO[election.type].nations.includes(contest.nation) ? contest.nation : election.nation;
  const glaPart = election.type === 'gla' && (await getArea(db, contest.areaId))?.kind === 'constituency' ? 'constituency' : 'mayor';
  return computeOrExplain({
    type: election.type,
    pollingDay: election.pollingDay,
    nation,
    declaredOn: contest.declaredOn,
    overrides: overridesOf(data, election.id),
    holidays: data.holidays,
    glaPart,
  });
}

function toView(election: Election, contest: Contest | null, t: Timetable, data: TimetableData, today: string): TimetableView {
  const reasons = new Map((data.overrides.get(election.id) ?? []).map((o) => [o.milestone, o.reason]));
  return {
    electionId: election.id,
    electionName: election.name,
    contestId: contest?.id ?? null,
    contestName: contest?.areaName ?? null,
    type: t.type,
    nation: t.nation,
    ruleSetLabel: t.ruleSetLabel,
    pollingDay: t.pollingDay,
    declaredOn: t.declaredOn,
    today,
    warnings: t.warnings,
    milestones: t.milestones.map(({ calendar, ...m }) => ({
      ...m,
      overrideReason: m.overridden ? (reasons.get(m.key) ?? '') : null,
      ...countdown(today, m.date, calendar, data.holidays),
    })),
  };
}

async function electionView(ctx: Ctx, electionId: number, today = ukToday()): Promise<TimetableView> {
  const election = await requireElection(ctx, electionId);
  const data = await loadTimetableData(ctx.db, [electionId]);
  return toView(election, null, electionTimetable(election, data), data, today);
}

/** Elections whose timetable reaches beyond the bank-holiday data, with what to tell the user. */
async function electionsBeyondData(db: Queries, holidays: Holidays) {
  const out = [];
  const data = await loadTimetableData(db);
  for (const election of await listElections(db)) {
    let t: Timetable;
    try {
      t = electionTimetable(election, data);
    } catch {
      continue; // an election saved with a type/nation the rules refuse shows its error on its own page
    }
    const r = beyondHolidayData([...t.milestones.map((m) => m.date), t.pollingDay], holidays);
    if (r.message) out.push({ electionId: election.id, electionName: election.name, pollingDay: election.pollingDay, message: r.message });
  }
  return out;
}

export const timetableHandlers: HandlersFor<typeof timetableContract & typeof holidaysContract> = {
  'timetable.forElection': async (ctx, { electionId, today }) => electionView(ctx, electionId, today),
  'timetable.forContest': async (ctx, { contestId, today }) => {
    const contest = await requireContest(ctx, contestId);
    const election = await requireElection(ctx, contest.electionId);
    const data = await loadTimetableData(ctx.db, [election.id]);
    return toView(election, contest, await contestTimetable(ctx.db, contest, election, data), data, today ?? ukToday());
  },
  'timetable.compute': async (ctx, input) => {
    const t = computeOrExplain({ ...input, holidays: await loadHolidays(ctx.db) });
    return { milestones: timetableJson(t), warnings: t.warnings };
  },
  'timetable.setOverride': async (ctx, { electionId, milestone, date, reason }) => {
    const election = await requireElection(ctx, electionId);
    if (milestone === 'polling_day') {
      throw new AppError('invalid_input', 'Polling day is the election’s own date: change it on the election instead', {
        milestone: 'Change polling day on the election',
      });
    }
    const before = (await listOverrides(ctx.db, [electionId])).find((o) => o.milestone === milestone) ?? null;
    const after = { electionId, milestone, date, reason };
    await putOverride(ctx.db, after);
    // Check the result still computes (e.g. the date is real) before the transaction commits.
    const view = await electionView(ctx, electionId);
    await ctx.audit({
      action: 'update',
      entity: 'milestone_override',
      entityId: electionId,
      summary: `${election.name}: ${MILESTONE_LABELS[milestone]} set to ${formatDateLong(date)}${reason ? ` (${reason})` : ''}`,
      before,
      after,
    });
    return view;
  },
  'timetable.clearOverride': async (ctx, { electionId, milestone }) => {
    const election = await requireElection(ctx, electionId);
    const before = (await listOverrides(ctx.db, [electionId])).find((o) => o.milestone === milestone);
    if (!before) throw new AppError('not_found', `${MILESTONE_LABELS[milestone]} has no date set by hand in ${election.name}`, { milestone: 'Not overridden' });
    await deleteOverride(ctx.db, electionId, milestone);
    await ctx.audit({
      action: 'delete',
      entity: 'milestone_override',
      entityId: electionId,
      summary: `${election.name}: ${MILESTONE_LABELS[milestone]} back to the computed date`,
      before,
    });
    return electionView(ctx, electionId);
  },
  'holidays.list': async (ctx) => {
    const holidays = await loadHolidays(ctx.db);
    return { extra: await listExtraHolidays(ctx.db), coverage: holidays.coverage, electionsBeyondData: await electionsBeyondData(ctx.db, holidays) };
  },
  'holidays.create': async (ctx, input) => {
    const existing = await findExtraHoliday(ctx.db, input.date, input.division);
    if (existing) {
      throw new AppError('conflict', `${formatDateLong(input.date)} is already added for ${HOLIDAY_DIVISION_LABELS[input.division]} (${existing.title})`, {
        date: 'Already added for this part of the UK',
      });
    }
    const id = await insertExtraHoliday(ctx.db, input);
    const after = (await getExtraHoliday(ctx.db, id))!;
    await ctx.audit({
      action: 'create',
      entity: 'extra_holiday',
      entityId: id,
      summary: `Added ${HOLIDAY_KIND_LABELS[input.kind].toLowerCase()} ${formatDateLong(input.date)} (${input.title}) for ${HOLIDAY_DIVISION_LABELS[input.division]}`,
      after,
    });
    return after;
  },
  'holidays.delete': async (ctx, { id }) => {
    const before = requireRecord(await getExtraHoliday(ctx.db, id), 'extra holiday', id, { missing: 'No such holiday' });
    await deleteExtraHoliday(ctx.db, id);
    await ctx.audit({ action: 'delete', entity: 'extra_holiday', entityId: id, summary: `Removed ${formatDateLong(before.date)} (${before.title})`, before });
    return { deleted: true };
  },
};
