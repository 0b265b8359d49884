import { deleteDrop, getDrop, insertDrop, listDrops } from '../../../db/repositories/drops.ts';
import { listPrintRuns } from '../../../db/repositories/print-runs.ts';
import type { leafletsContract } from '../../../shared/contract/leaflets.ts';
import { AppError } from '../../../shared/contract/result.ts';
import { checkDrop } from '../../../shared/domain/drops.ts';
import { ukToday } from '../../../shared/domain/working-days.ts';
import type { HandlersFor } from '../context.ts';
import { requireLeafletRecord, requireRound, requireVolunteer } from './records.ts';
import { invalid, requireRecord } from '../records.ts';

export const dropHandlers = {
  'drops.list': async (ctx, filter) => listDrops(ctx.db, filter),
  'drops.create': async (ctx, { confirm, ...input }) => {
    const leaflet = await requireLeafletRecord(ctx, input.leafletId);
    const round = await requireRound(ctx, input.roundId);
    if (input.volunteerId !== null) await requireVolunteer(ctx, input.volunteerId);
    const check = checkDrop(input, {
      today: ukToday(),
      round: { roundId: round.id, name: round.name, households: round.households, streetCount: round.streets.length },
      printRuns: await listPrintRuns(ctx.db, { leafletId: leaflet.id }),
      otherDrops: await listDrops(ctx.db, { leafletId: leaflet.id }),
      overCountConfirmed: confirm === true,
    });
    if (check.errors.length > 0) throw invalid(check.errors);
    if (check.confirm) throw new AppError('needs_confirmation', check.confirm);
    const id = await insertDrop(ctx.db, input);
    const after = (await getDrop(ctx.db, id))!;
    const how = input.complete ? 'in full' : `in part, ${check.leftAfter} households left`;
    await ctx.audit({
      action: 'create',
      entity: 'drop',
      entityId: id,
      summary: `${after.delivered} of "${leaflet.title}" delivered on "${round.name}" ${how}`,
      after,
    });
    return after;
  },
  'drops.delete': async (ctx, { id }) => {
    const before = requireRecord(await getDrop(ctx.db, id), 'drop', id);
    await deleteDrop(ctx.db, id);
    await ctx.audit({ action: 'delete', entity: 'drop', entityId: id, summary: `Deleted a drop of "${before.leafletTitle}" on "${before.roundName}"`, before });
    return { deleted: true };
  },
} satisfies Partial<HandlersFor<typeof leafletsContract>>;
