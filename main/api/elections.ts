import type { electionsContract } from '../../shared/contract/elections.ts';
import { AppError } from '../../shared/contract/result.ts';
import { deleteElection, getElection, insertElection, listElections, updateElection } from '../../db/repositories/elections.ts';
import { listContests } from '../../db/repositories/contests.ts';
import { moneyKept } from './contests.ts';
import type { Ctx, HandlersFor } from './context.ts';
import { EDITABLE, guardedEdit } from './edits.ts';
import { requireRecord } from './records.ts';

export async function requireElection(ctx: Ctx, id: number) {
  return requireRecord(await getElection(ctx.db, id), 'election', id);
}

export const electionsHandlers: HandlersFor<typeof electionsContract> = {
  'elections.list': async (ctx) => listElections(ctx.db),
  'elections.get': async (ctx, { id }) => requireElection(ctx, id),
  'elections.create': async (ctx, input) => {
    const id = await insertElection(ctx.db, input);
    const after = await requireElection(ctx, id);
    await ctx.audit({ action: 'create', entity: 'election', entityId: id, summary: `Created election ${input.name}`, after });
    return after;
  },
  'elections.update': guardedEdit(EDITABLE.election, async (ctx, { id, ...input }) => {
    const before = await requireElection(ctx, id);
    await updateElection(ctx.db, id, input);
    const after = await requireElection(ctx, id);
    await ctx.audit({ action: 'update', entity: 'election', entityId: id, summary: `Changed election ${input.name}`, before, after });
    return after;
  }),
  'elections.deleteImpact': async (ctx, { id }) => {
    const e = await requireElection(ctx, id);
    const contests = await listContests(ctx.db, { electionId: id });
    return { contests: contests.map((c) => c.areaName), blockedBy: await moneyKept(ctx, e.name, contests) };
  },
  'elections.delete': async (ctx, { id, confirm }) => {
    const before = await requireElection(ctx, id);
    const contests = await listContests(ctx.db, { electionId: id });
    const blockedBy = await moneyKept(ctx, before.name, contests);
    if (blockedBy) throw new AppError('conflict', blockedBy);
    if (contests.length > 0 && !confirm) {
      throw new AppError(
        'needs_confirmation',
        `${before.name} has ${contests.length} contest${contests.length === 1 ? '' : 's'} (${contests.map((c) => c.areaName).join(', ')}); deleting it deletes them and everything recorded for them too.`,
      );
    }
    await deleteElection(ctx.db, id);
    await ctx.audit({
      action: 'delete',
      entity: 'election',
      entityId: id,
      summary: `Deleted election ${before.name} with ${contests.length} contest(s)`,
      before: { ...before, contests },
    });
    return { deletedContests: contests.length };
  },
};
