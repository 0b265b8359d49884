import { CONTEST_STATUS_LABELS, type contestsContract } from '../../shared/contract/contests.ts';
import { AppError } from '../../shared/contract/result.ts';
import type { Contest } from '../../shared/contract/contests.ts';
import { contestIdsWithMoney } from '../../db/repositories/treasury.ts';
import { deleteContest, findContest, getContest, insertContest, listContests, updateContestStatus } from '../../db/repositories/contests.ts';
import { requireArea } from './areas.ts';
import type { Ctx, HandlersFor } from './context.ts';
import { requireElection } from './elections.ts';

export async function requireContest(ctx: Ctx, id: number) {
  const c = await getContest(ctx.db, id);
  if (!c) throw new AppError('not_found', `There is no contest with id ${id}`, { id: 'No such contest' });
  return c;
}

/**
 * Money records are legal records for the return of expenses (their tables refuse cascading
 * deletes), so an election or area whose contests hold any cannot be deleted with them.
 */
export async function moneyKept(ctx: Ctx, what: string, contests: Contest[]): Promise<string | null> {
  const withMoney = new Set(await contestIdsWithMoney(ctx.db));
  const kept = contests.filter((c) => withMoney.has(c.id));
  if (kept.length === 0) return null;
  const names = kept.map((c) => `${c.areaName} (${c.electionName})`).join(', ');
  return `${what} cannot be deleted: money is recorded for ${names} — deposit, donations, spending or limit settings — and those records are kept for the return of expenses. If they were entered in error, remove them in the Treasury first.`;
}

export const contestsHandlers: HandlersFor<typeof contestsContract> = {
  'contests.list': async (ctx, filter) => listContests(ctx.db, filter),
  'contests.get': async (ctx, { id }) => requireContest(ctx, id),
  'contests.create': async (ctx, input) => {
    const election = await requireElection(ctx, input.electionId);
    const area = await requireArea(ctx, input.areaId);
    if (await findContest(ctx.db, input.electionId, input.areaId)) {
      throw new AppError('conflict', `${area.name} is already a contest in ${election.name}`, { areaId: 'Already a contest in this election' });
    }
    const id = await insertContest(ctx.db, input);
    const after = await requireContest(ctx, id);
    await ctx.audit({ action: 'create', entity: 'contest', entityId: id, summary: `Added ${area.name} to ${election.name}`, after });
    return after;
  },
  'contests.update': async (ctx, { id, status, reason }) => {
    const before = await requireContest(ctx, id);
    await updateContestStatus(ctx.db, id, status, reason);
    const after = await requireContest(ctx, id);
    await ctx.audit({
      action: 'update',
      entity: 'contest',
      entityId: id,
      summary: `${before.areaName} (${before.electionName}): ${CONTEST_STATUS_LABELS[status]}`,
      before,
      after,
    });
    return after;
  },
  'contests.delete': async (ctx, { id }) => {
    const before = await requireContest(ctx, id);
    await deleteContest(ctx.db, id);
    await ctx.audit({ action: 'delete', entity: 'contest', entityId: id, summary: `Removed ${before.areaName} from ${before.electionName}`, before });
    return { deleted: true };
  },
};
