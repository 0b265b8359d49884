import { getContestRules } from '../../../db/repositories/candidacies.ts';
import type { ContestRules } from '../../../shared/contract/candidates.ts';
import type { Contest } from '../../../shared/contract/contests.ts';
import { describeReturnRule } from '../../../shared/domain/deposits.ts';
import {
  CANDIDACY_STATUS_LABELS,
  type CandidacyStatus,
  type NominationRequirements,
  defaultPostKind,
  nominationRequirements,
  postKindsFor,
} from '../../../shared/domain/nominations.ts';
import { formatTime } from '../../../shared/domain/timetable.ts';
import type { Ctx } from '../context.ts';
import { requireElection } from '../elections.ts';
import { contestTimetable, loadTimetableData } from '../timetable.ts';
import { formatDateLong } from '../../../shared/domain/working-days.ts';

export async function rulesOf(ctx: Ctx, contest: Contest): Promise<ContestRules & { req: NominationRequirements }> {
  const row = await getContestRules(ctx.db, contest.id);
  const overrides = { subscribersRequired: row?.subscribersRequired ?? null, depositPence: row?.depositPence ?? null };
  const councils = row?.councils ?? null;
  const req = nominationRequirements(contest.electionType, contest.nation, row?.postKind ?? defaultPostKind(contest.electionType), overrides, { councils });
  return {
    contestId: contest.id,
    postKind: req.postKind,
    postKinds: [...postKindsFor(contest.electionType)],
    seats: row?.seats ?? 1,
    ...overrides,
    councils,
    requirements: {
      label: req.label,
      postKind: req.postKind,
      subscribers: req.subscribers,
      deposit: req.deposit && { ...req.deposit, returnRuleText: describeReturnRule(req.deposit.returnRule) },
      notes: req.notes,
      instrument: req.instrument,
      checkedOn: req.checkedOn,
    },
    req,
  };
}

export const publicRules = ({ req: _req, ...rules }: ContestRules & { req: NominationRequirements }): ContestRules => rules;

/**
 * Close of nominations from the contest's timetable (with the user's holidays and overrides): the
 * deadline of every checklist item. Unknown (null) while the returning officer has not set it,
 * e.g. for a by-election without an override.
 */
export async function closeOfNominations(ctx: Ctx, contest: Contest): Promise<{ date: string; time: string | null } | null> {
  const election = await requireElection(ctx, contest.electionId);
  const timetable = await contestTimetable(ctx.db, contest, election, await loadTimetableData(ctx.db, [election.id]));
  const m = timetable.milestones.find((x) => x.key === 'close_of_nominations');
  if (!m || m.provisional) return null;
  return { date: m.date, time: m.time ? formatTime(m.time) : null };
}

/**
 * The dates of a status change (of a candidacy or a party list): withdrawal only until close of
 * nominations, after which the name stays on the ballot paper, and never before the last change.
 */
export function statusDateProblem(
  before: { history: readonly { status: CandidacyStatus; onDate: string }[]; closeOfNominations: string | null },
  status: CandidacyStatus,
  onDate: string,
  whoWithdraws: string,
): string | null {
  if (status === 'withdrawn' && before.closeOfNominations && onDate > before.closeOfNominations) {
    return `${whoWithdraws} only until close of nominations (${formatDateLong(before.closeOfNominations)}); after that the name stays on the ballot paper`;
  }
  // The first entry is the day the record was entered, which may be after the events being recorded.
  const last = before.history.length > 1 ? before.history[before.history.length - 1] : undefined;
  if (last && onDate < last.onDate)
    return `The date is before the last change (${CANDIDACY_STATUS_LABELS[last.status].toLowerCase()} on ${formatDateLong(last.onDate)})`;
  return null;
}
