import { streetHouseholdCounts } from '../../../db/repositories/electors.ts';
import {
  deleteAssignment,
  deleteRound,
  getAssignment,
  insertAssignment,
  insertRound,
  listAssignments,
  listRounds,
  updateRound,
} from '../../../db/repositories/rounds.ts';
import type { leafletsContract } from '../../../shared/contract/leaflets.ts';
import { AppError } from '../../../shared/contract/result.ts';
import { validateRound } from '../../../shared/domain/delivery-rounds.ts';
import { requireArea } from '../areas.ts';
import type { Ctx, HandlersFor } from '../context.ts';
import { impactMessage, requireLeafletRecord, requireRound, requireRoundRecord, requireVolunteer, toRound } from './records.ts';
import { EDITABLE, guardedEdit } from '../edits.ts';
import { invalid, requireRecord } from '../records.ts';
import { formatDateLong } from '../../../shared/domain/working-days.ts';

type RoundInput = {
  name: string;
  areaId: number | null;
  pollingDistrict: string;
  streets: { name: string; households: number; householdsSource: string; notes: string }[];
  estimatedMinutes: number | null;
  notes: string;
};

async function checkRound(ctx: Ctx, input: RoundInput) {
  const problems = validateRound(input);
  if (problems.length > 0) throw invalid(problems);
  if (input.areaId !== null) await requireArea(ctx, input.areaId);
}

async function roundImpact(ctx: Ctx, id: number) {
  const r = await requireRoundRecord(ctx, id);
  const assignments = (await listAssignments(ctx.db, { roundId: id })).length;
  const counted = { drops: r.drops, printRuns: 0, assignments };
  return { round: r, ...counted, message: impactMessage(`round "${r.name}"`, counted) };
}

export const roundHandlers = {
  'rounds.list': async (ctx, filter) => Promise.all((await listRounds(ctx.db, filter)).map((r) => toRound(ctx, r))),
  'rounds.get': async (ctx, { id }) => requireRound(ctx, id),
  'rounds.create': async (ctx, input) => {
    await checkRound(ctx, input);
    const id = await insertRound(ctx.db, input);
    const after = await requireRound(ctx, id);
    await ctx.audit({ action: 'create', entity: 'round', entityId: id, summary: `Added round "${after.name}"`, after });
    return after;
  },
  'rounds.update': guardedEdit(EDITABLE.round, async (ctx, { id, ...input }) => {
    const before = await requireRound(ctx, id);
    await checkRound(ctx, input);
    await updateRound(ctx.db, id, input);
    const after = await requireRound(ctx, id);
    await ctx.audit({ action: 'update', entity: 'round', entityId: id, summary: `Changed round "${after.name}"`, before, after });
    return after;
  }),
  'rounds.deleteImpact': async (ctx, { id }) => {
    const { round: _, ...impact } = await roundImpact(ctx, id);
    return impact;
  },
  'rounds.delete': async (ctx, { id, confirm }) => {
    const { drops, message } = await roundImpact(ctx, id);
    if (drops > 0 && !confirm) throw new AppError('needs_confirmation', `${message} Confirm to delete.`);
    const before = await requireRound(ctx, id);
    await deleteRound(ctx.db, id);
    await ctx.audit({ action: 'delete', entity: 'round', entityId: id, summary: `Deleted round "${before.name}"`, before });
    return { deletedDrops: drops };
  },
  'rounds.registerStreets': async (ctx, { areaId, pollingDistrict }) => {
    await requireArea(ctx, areaId);
    return streetHouseholdCounts(ctx.db, areaId, pollingDistrict?.trim().toUpperCase());
  },
  'rounds.assign': async (ctx, input) => {
    const round = await requireRoundRecord(ctx, input.roundId);
    const volunteer = await requireVolunteer(ctx, input.volunteerId);
    if (input.leafletId !== null) await requireLeafletRecord(ctx, input.leafletId);
    const id = await insertAssignment(ctx.db, input);
    const after = (await getAssignment(ctx.db, id))!;
    const when = input.plannedOn ? ` for ${formatDateLong(input.plannedOn)}` : '';
    await ctx.audit({ action: 'create', entity: 'round_assignment', entityId: id, summary: `Assigned "${round.name}" to ${volunteer.name}${when}`, after });
    return after;
  },
  'rounds.unassign': async (ctx, { id }) => {
    const before = requireRecord(await getAssignment(ctx.db, id), 'assignment', id);
    await deleteAssignment(ctx.db, id);
    await ctx.audit({ action: 'delete', entity: 'round_assignment', entityId: id, summary: `Took a round off ${before.volunteerName}`, before });
    return { deleted: true };
  },
} satisfies Partial<HandlersFor<typeof leafletsContract>>;
