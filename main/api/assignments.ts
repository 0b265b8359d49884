import type { assignmentsContract } from '../../shared/contract/assignments.ts';
import { AppError } from '../../shared/contract/result.ts';
import { deleteAssignment, findAssignment, getAssignment, insertAssignment, listAssignments } from '../../db/repositories/assignments.ts';
import { getArea } from '../../db/repositories/areas.ts';
import { listCanvassers } from '../../db/repositories/team.ts';
import { checkDistrict } from './canvass.ts';
import type { Ctx, HandlersFor } from './context.ts';
import { requireRecord } from './records.ts';

const where = (a: { areaName: string; pollingDistrict: string }) =>
  a.pollingDistrict ? `polling district ${a.pollingDistrict} of ${a.areaName}` : `the whole of ${a.areaName}`;

/**
 * On a team server (a signed-in caller) the person must be an active canvasser account, as the
 * page offers; a single-user file or a server without accounts takes the name as typed.
 */
async function checkCanvasser(ctx: Ctx, person: string) {
  if (!ctx.caller) return;
  const names = (await listCanvassers(ctx.db)).map((c) => c.name);
  if (names.includes(person)) return;
  const list = names.length ? `its canvassers are ${names.join(', ')}` : 'no account holds the canvasser role yet';
  throw new AppError('invalid_input', `${person} is not a canvasser account on this team: ${list}`, { person: 'Not a canvasser account on this team' });
}

/** Canvassers' districts; a canvasser's answer is trimmed to their own by main/api/scope.ts. */
export const assignmentsHandlers: HandlersFor<typeof assignmentsContract> = {
  'assignments.list': async (ctx, { areaId }) => listAssignments(ctx.db, { areaId }),
  'assignments.assign': async (ctx, { person, areaId, pollingDistrict }) => {
    const area = requireRecord(await getArea(ctx.db, areaId), 'area', areaId, { field: 'areaId' });
    await checkDistrict(ctx, areaId, pollingDistrict);
    await checkCanvasser(ctx, person);
    if (await findAssignment(ctx.db, person, areaId, pollingDistrict)) {
      throw new AppError('conflict', `${person} is already assigned ${where({ areaName: area.name, pollingDistrict })}`, {
        person: pollingDistrict ? `Already assigned to ${pollingDistrict}` : 'Already assigned to the whole area',
      });
    }
    const id = await insertAssignment(ctx.db, { person, areaId, pollingDistrict, assignedBy: ctx.actor });
    const after = (await getAssignment(ctx.db, id))!;
    await ctx.audit({ action: 'create', entity: 'canvass_assignment', entityId: id, summary: `Assigned ${person} to canvass ${where(after)}`, after });
    return after;
  },
  'assignments.unassign': async (ctx, { id }) => {
    const before = requireRecord(await getAssignment(ctx.db, id), 'assignment', id, { missing: 'No such assignment (already taken back?)' });
    await deleteAssignment(ctx.db, id);
    await ctx.audit({
      action: 'delete',
      entity: 'canvass_assignment',
      entityId: id,
      summary: `Took back ${before.person}’s assignment to ${where(before)}`,
      before,
    });
    return { removed: before };
  },
};
