import { getContest } from '../../../db/repositories/contests.ts';
import { deleteLeaflet, insertLeaflet, leafletDependants, listLeaflets, setLeafletStatus, updateLeaflet } from '../../../db/repositories/leaflets.ts';
import { listPrintRuns } from '../../../db/repositories/print-runs.ts';
import type { leafletsContract } from '../../../shared/contract/leaflets.ts';
import { AppError } from '../../../shared/contract/result.ts';
import { imprintGaps, readinessProblem } from '../../../shared/domain/imprint.ts';
import type { Ctx, HandlersFor } from '../context.ts';
import { EDITABLE, guardedEdit } from '../edits.ts';
import { invalid } from '../records.ts';
import { removeArtworkFile } from './artwork.ts';
import { impactMessage, requireLeaflet, requireLeafletRecord, toLeaflet } from './records.ts';
import { fieldsOf } from '../../../shared/domain/problems.ts';

async function checkContests(ctx: Ctx, ids: number[]) {
  for (const [i, id] of ids.entries()) {
    if (!(await getContest(ctx.db, id))) throw invalid(`There is no contest with id ${id}`, { [`contestIds.${i}`]: 'No such contest' });
  }
}

async function leafletImpact(ctx: Ctx, id: number) {
  const l = await requireLeafletRecord(ctx, id);
  const d = await leafletDependants(ctx.db, id);
  const cost = (await listPrintRuns(ctx.db, { leafletId: id })).reduce((n, p) => n + p.costPence, 0);
  const extra = cost > 0 ? ` (£${(cost / 100).toFixed(2)} of printing, which the treasury counts as spending)` : '';
  // Assignments are kept (they just lose the leaflet), so they are not counted as deleted.
  const counted = { drops: d.drops, printRuns: d.printRuns, assignments: 0 };
  return { leaflet: l, ...counted, message: impactMessage(`"${l.title}"`, counted, extra) };
}

export const leafletHandlers = {
  'leaflets.list': async (ctx, filter) => Promise.all((await listLeaflets(ctx.db, filter)).map((l) => toLeaflet(ctx, l))),
  'leaflets.get': async (ctx, { id }) => requireLeaflet(ctx, id),
  'leaflets.create': async (ctx, input) => {
    await checkContests(ctx, input.contestIds);
    const id = await insertLeaflet(ctx.db, input);
    const after = await requireLeaflet(ctx, id);
    await ctx.audit({ action: 'create', entity: 'leaflet', entityId: id, summary: `Added leaflet "${after.title}"`, after });
    return after;
  },
  'leaflets.update': guardedEdit(EDITABLE.leaflet, async (ctx, { id, ...input }) => {
    const before = await requireLeaflet(ctx, id);
    await checkContests(ctx, input.contestIds);
    await updateLeaflet(ctx.db, id, input);
    let after = await requireLeaflet(ctx, id);
    let summary = `Changed leaflet "${after.title}"`;
    if (after.status === 'ready' && after.imprintGaps.length > 0) {
      await setLeafletStatus(ctx.db, id, 'draft');
      after = await requireLeaflet(ctx, id);
      summary += ' (back to draft: its imprint is no longer complete)';
    }
    await ctx.audit({ action: 'update', entity: 'leaflet', entityId: id, summary, before, after });
    return after;
  }),
  'leaflets.setStatus': guardedEdit(
    EDITABLE.leaflet,
    async (ctx, { id, status }) => {
      const before = await requireLeafletRecord(ctx, id);
      if (status === 'ready') {
        const problem = readinessProblem(before);
        if (problem) throw invalid(problem, { ...fieldsOf(imprintGaps(before)), status: problem });
      }
      await setLeafletStatus(ctx.db, id, status);
      const after = await requireLeaflet(ctx, id);
      await ctx.audit({ action: 'update', entity: 'leaflet', entityId: id, summary: `Leaflet "${after.title}" marked ${status}`, before, after });
      return after;
    },
    'button',
  ),
  'leaflets.deleteImpact': async (ctx, { id }) => {
    const { leaflet: _, ...impact } = await leafletImpact(ctx, id);
    return impact;
  },
  'leaflets.delete': async (ctx, { id, confirm }) => {
    const { leaflet, drops, printRuns, message } = await leafletImpact(ctx, id);
    if ((drops > 0 || printRuns > 0) && !confirm) throw new AppError('needs_confirmation', `${message} Confirm to delete.`);
    const before = await toLeaflet(ctx, leaflet);
    await deleteLeaflet(ctx.db, id);
    removeArtworkFile(ctx, leaflet.artworkFile);
    await ctx.audit({ action: 'delete', entity: 'leaflet', entityId: id, summary: `Deleted leaflet "${leaflet.title}"`, before });
    return { deletedDrops: drops, deletedPrintRuns: printRuns };
  },
} satisfies Partial<HandlersFor<typeof leafletsContract>>;
