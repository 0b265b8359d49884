import { listDrops } from '../../../db/repositories/drops.ts';
import { householdCounts } from '../../../db/repositories/electors.ts';
import { listPrintRuns } from '../../../db/repositories/print-runs.ts';
import { listRounds } from '../../../db/repositories/rounds.ts';
import type { leafletsContract } from '../../../shared/contract/leaflets.ts';
import { coverage } from '../../../shared/domain/delivery-coverage.ts';
import { planFit } from '../../../shared/domain/delivery-rounds.ts';
import { stockOf } from '../../../shared/domain/leaflet-stock.ts';
import { ukToday } from '../../../shared/domain/working-days.ts';
import { requireContest } from '../contests.ts';
import type { HandlersFor } from '../context.ts';
import { requireLeafletRecord, toRound } from './records.ts';

export const coverageHandlers = {
  'leaflets.coverage': async (ctx, { leafletId, contestId, today }) => {
    await requireLeafletRecord(ctx, leafletId);
    const contest = contestId === null ? null : await requireContest(ctx, contestId);
    const rounds = await Promise.all((await listRounds(ctx.db, contest ? { areaId: contest.areaId } : {})).map((r) => toRound(ctx, r)));
    const drops = await listDrops(ctx.db, { leafletId });
    const runs = await listPrintRuns(ctx.db, { leafletId });
    // With the register loaded, a district's households are the register's (rounds may not cover it all).
    const registered = contest ? Object.fromEntries((await householdCounts(ctx.db, contest.areaId)).map((d) => [d.pollingDistrict, d.households])) : {};
    const c = coverage(
      rounds.map((r) => ({ roundId: r.id, name: r.name, pollingDistrict: r.pollingDistrict || null, households: r.households })),
      drops,
      registered,
    );
    const pollingDay = contest?.pollingDay ?? null;
    const byId = new Map(rounds.map((r) => [r.id, r]));
    const remaining = c.notCovered.map((r) => ({
      roundId: r.roundId,
      name: r.name,
      households: r.households,
      leftHouseholds: r.left,
      estimatedMinutes: byId.get(r.roundId)!.estimatedMinutes,
    }));
    const assignments = rounds.flatMap((r) => r.assignments).filter((a) => a.leafletId === null || a.leafletId === leafletId);
    const plan = pollingDay
      ? planFit(remaining, assignments, { today: today ?? ukToday(), pollingDay })
      : {
          ...planFit(remaining, assignments, { today: today ?? ukToday(), pollingDay: '9999-12-31' }),
          summary: 'Choose a contest to check the remaining rounds against its polling day.',
        };
    return { leafletId, contestId, pollingDay, stock: stockOf(runs, drops), ...c, plan };
  },
} satisfies Partial<HandlersFor<typeof leafletsContract>>;
