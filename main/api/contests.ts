import { ConstraintError } from '../../db/store.ts';
import { CONTEST_STATUS_LABELS, type contestsContract } from '../../shared/contract/contests.ts';
import { AppError } from '../../shared/contract/result.ts';
import type { Contest } from '../../shared/contract/contests.ts';
import { contestIdsWithMoney } from '../../db/repositories/treasury.ts';
import { listAreas } from '../../db/repositories/areas.ts';
import {
  batchContestHoldings,
  deleteContest,
  deleteContestBatch,
  findContest,
  getContest,
  getContestBatch,
  insertContest,
  insertContestBatch,
  listContestBatches,
  listContests,
  updateContestStatus,
} from '../../db/repositories/contests.ts';
import { areaFitsElection, CONTEST_AREA_KINDS, matchesAreaFilter } from '../../shared/domain/contest-areas.ts';
import { ELECTION_TYPE_INFO, NATION_LABELS } from '../../shared/domain/election-types.ts';
import { requireArea } from './areas.ts';
import type { Ctx, HandlersFor } from './context.ts';
import { EDITABLE, guardedEdit } from './edits.ts';
import { requireRecord } from './records.ts';
import { requireElection } from './elections.ts';

export async function requireContest(ctx: Ctx, id: number) {
  return requireRecord(await getContest(ctx.db, id), 'contest', id);
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
  'contests.update': guardedEdit(EDITABLE.contest, async (ctx, { id, status, reason }) => {
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
  }),
  'contests.delete': async (ctx, { id }) => {
    const before = await requireContest(ctx, id);
    try {
      await deleteContest(ctx.db, id);
    } catch (error) {
      // The schema keeps money records (ON DELETE RESTRICT): the one thing still holding a contest here.
      if (error instanceof ConstraintError && error.kind === 'foreign_key') {
        throw new AppError(
          'conflict',
          `${before.areaName} still has money records (a deposit, donations or expenses), which are kept as legal records, so nothing was deleted. Delete them first if they really were entered in error.`,
        );
      }
      throw error;
    }
    await ctx.audit({ action: 'delete', entity: 'contest', entityId: id, summary: `Removed ${before.areaName} from ${before.electionName}`, before });
    return { deleted: true };
  },
  'contests.considerAll': async (ctx, { electionId, ...filter }) => {
    const election = await requireElection(ctx, electionId);
    const taken = new Set((await listContests(ctx.db, { electionId })).map((c) => c.areaId));
    const matching = (await listAreas(ctx.db)).filter((a) => areaFitsElection(a, election) && matchesAreaFilter(a, filter));
    const fresh = matching.filter((a) => !taken.has(a.id));
    if (fresh.length === 0) {
      const kinds = CONTEST_AREA_KINDS[election.type].join(' or ');
      throw new AppError(
        'conflict',
        matching.length > 0
          ? `Every matching area is already a contest in ${election.name}: nothing to add.`
          : `No ${kinds} areas match${filter.nation ? ` in ${NATION_LABELS[filter.nation]}` : ''}${filter.region ? ` in the region “${filter.region}”` : ''}${filter.nameContains ? ` with “${filter.nameContains}” in the name` : ''}. A ${ELECTION_TYPE_INFO[election.type].label} is fought in ${kinds} areas: import them under Areas first, or change the filter.`,
      );
    }
    const batchId = await insertContestBatch(ctx.db, electionId, filter);
    for (const a of fresh) await insertContest(ctx.db, { electionId, areaId: a.id, status: 'considering', reason: '', batchId });
    const batch = (await getContestBatch(ctx.db, batchId))!;
    await ctx.audit({
      action: 'create',
      entity: 'contest-batch',
      entityId: batchId,
      summary: `Added ${fresh.length} area${fresh.length === 1 ? '' : 's'} to ${election.name} as contests being considered`,
      after: { ...batch, areas: fresh.map((a) => a.name) },
    });
    return { batch, created: fresh.length, alreadyContests: matching.length - fresh.length };
  },
  'contests.listBatches': async (ctx, { electionId }) => {
    await requireElection(ctx, electionId);
    return listContestBatches(ctx.db, electionId);
  },
  'contests.undoBatch': async (ctx, { id }) => {
    const batch = await getContestBatch(ctx.db, id);
    if (!batch) throw new AppError('not_found', `There is no batch of contests with id ${id}: it may have been undone already`, { id: 'No such batch' });
    const election = await requireElection(ctx, batch.electionId);
    const contests = await batchContestHoldings(ctx.db, id);
    const untouched = contests.filter((c) => c.holds.length === 0);
    const kept = contests.filter((c) => c.holds.length > 0).map((c) => ({ contestId: c.id, areaName: c.areaName, holds: c.holds.join(', ') }));
    for (const c of untouched) await deleteContest(ctx.db, c.id);
    if (kept.length === 0) await deleteContestBatch(ctx.db, id);
    const removed = `Removed ${untouched.length} contest${untouched.length === 1 ? '' : 's'} from ${election.name}.`;
    const message =
      kept.length === 0
        ? removed
        : `${removed} ${kept.length} ${kept.length === 1 ? 'was' : 'were'} kept because ${kept.length === 1 ? 'it has' : 'they have'} gained data since: ${kept
            .map((k) => `${k.areaName} (${k.holds})`)
            .join('; ')}. Delete ${kept.length === 1 ? 'it' : 'them'} one by one if you are sure.`;
    await ctx.audit({
      action: 'delete',
      entity: 'contest-batch',
      entityId: id,
      summary: message,
      before: { ...batch, removed: untouched.map((c) => c.areaName), kept },
    });
    return { removed: untouched.length, kept, message };
  },
};
