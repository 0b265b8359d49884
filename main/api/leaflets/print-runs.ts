import { listDrops } from '../../../db/repositories/drops.ts';
import { deletePrintRun, getPrintRun, insertPrintRun, listPrintRuns, updatePrintRun } from '../../../db/repositories/print-runs.ts';
import type { leafletsContract } from '../../../shared/contract/leaflets.ts';
import { firstShortfall } from '../../../shared/domain/leaflet-stock.ts';
import { requireContest } from '../contests.ts';
import type { Ctx, HandlersFor } from '../context.ts';
import { requireLeafletRecord } from './records.ts';
import { invalid, requireRecord } from '../records.ts';
import { formatDateLong } from '../../../shared/domain/working-days.ts';

/** After print runs change, the drops already logged must still have had copies to deliver. */
async function checkStockStillCovers(ctx: Ctx, leafletIds: number[]) {
  for (const leafletId of new Set(leafletIds)) {
    const runs = await listPrintRuns(ctx.db, { leafletId });
    const drops = await listDrops(ctx.db, { leafletId });
    const short = firstShortfall(runs, drops);
    if (short) {
      throw invalid(
        `That would leave the drops logged by ${formatDateLong(short.date)} with ${-short.onHand} more copies than were printed. Change or delete those drops first.`,
        { quantity: 'Fewer copies than the drops already logged' },
      );
    }
  }
}

export const printRunHandlers = {
  'printRuns.list': async (ctx, filter) => listPrintRuns(ctx.db, filter),
  'printRuns.create': async (ctx, input) => {
    await requireLeafletRecord(ctx, input.leafletId);
    if (input.contestId !== null) await requireContest(ctx, input.contestId);
    const id = await insertPrintRun(ctx.db, input);
    const after = (await getPrintRun(ctx.db, id))!;
    await ctx.audit({
      action: 'create',
      entity: 'print_run',
      entityId: id,
      summary: `Printed ${after.quantity} of "${after.leafletTitle}" on ${formatDateLong(after.printedOn)}`,
      after,
    });
    return after;
  },
  'printRuns.update': async (ctx, { id, ...input }) => {
    const before = requireRecord(await getPrintRun(ctx.db, id), 'print run', id);
    await requireLeafletRecord(ctx, input.leafletId);
    if (input.contestId !== null) await requireContest(ctx, input.contestId);
    await updatePrintRun(ctx.db, id, input);
    await checkStockStillCovers(ctx, [before.leafletId, input.leafletId]);
    const after = (await getPrintRun(ctx.db, id))!;
    await ctx.audit({ action: 'update', entity: 'print_run', entityId: id, summary: `Changed a print run of "${after.leafletTitle}"`, before, after });
    return after;
  },
  'printRuns.delete': async (ctx, { id }) => {
    const before = requireRecord(await getPrintRun(ctx.db, id), 'print run', id);
    await deletePrintRun(ctx.db, id);
    await checkStockStillCovers(ctx, [before.leafletId]);
    await ctx.audit({ action: 'delete', entity: 'print_run', entityId: id, summary: `Deleted a print run of "${before.leafletTitle}"`, before });
    return { deleted: true };
  },
} satisfies Partial<HandlersFor<typeof leafletsContract>>;
