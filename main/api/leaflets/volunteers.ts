import { logErasure } from '../../../db/erasure-log.ts';
import { listDrops } from '../../../db/repositories/drops.ts';
import { eraseVolunteer, volunteerIdentifiers } from '../../../db/repositories/person-erasure.ts';
import { listAssignments } from '../../../db/repositories/rounds.ts';
import { accountOfVolunteer, deleteVolunteer, insertVolunteer, listVolunteers, updateVolunteer } from '../../../db/repositories/volunteers.ts';
import type { leafletsContract } from '../../../shared/contract/leaflets.ts';
import { AppError } from '../../../shared/contract/result.ts';
import { normaliseRoles } from '../../../shared/domain/volunteers.ts';
import type { Ctx, HandlersFor } from '../context.ts';
import { accountsNote, accountsReached, confirmErasure, personTrail, recordErasure } from '../erasure.ts';
import { EDITABLE, guardedEdit } from '../edits.ts';
import { plural, requireVolunteer } from './records.ts';

async function volunteerImpact(ctx: Ctx, id: number) {
  const v = await requireVolunteer(ctx, id);
  const counted = { drops: v.drops, printRuns: 0, assignments: v.assignments };
  const parts = [
    v.drops ? `${plural(v.drops, 'drop')} ${v.drops === 1 ? 'stays' : 'stay'}, without their name` : '',
    v.assignments ? `${plural(v.assignments, 'assignment')} ${v.assignments === 1 ? 'is' : 'are'} deleted` : '',
  ].filter(Boolean);
  const message = parts.length ? `Deleting ${v.name} erases their details; ${parts.join(' and ')}.` : `Deleting ${v.name} erases their details.`;
  return { volunteer: v, ...counted, message };
}

export const volunteerHandlers = {
  'volunteers.list': async (ctx, filter) => listVolunteers(ctx.db, filter),
  'volunteers.get': async (ctx, { id }) => requireVolunteer(ctx, id),
  'volunteers.create': async (ctx, input) => {
    const id = await insertVolunteer(ctx.db, { ...input, roles: normaliseRoles(input.roles) });
    const after = await requireVolunteer(ctx, id);
    await ctx.audit({ action: 'create', entity: 'volunteer', entityId: id, summary: `Added volunteer ${after.name}`, after });
    return after;
  },
  'volunteers.update': guardedEdit(EDITABLE.volunteer, async (ctx, { id, ...input }) => {
    const before = await requireVolunteer(ctx, id);
    await updateVolunteer(ctx.db, id, { ...input, roles: normaliseRoles(input.roles) });
    const after = await requireVolunteer(ctx, id);
    await ctx.audit({ action: 'update', entity: 'volunteer', entityId: id, summary: `Changed volunteer ${after.name}`, before, after });
    return after;
  }),
  'volunteers.deleteImpact': async (ctx, { id }) => {
    const { volunteer: _, ...impact } = await volunteerImpact(ctx, id);
    return impact;
  },
  'volunteers.delete': async (ctx, { id, confirm }) => {
    const { volunteer: before, drops, assignments, message } = await volunteerImpact(ctx, id);
    if ((drops > 0 || assignments > 0) && !confirm) throw new AppError('needs_confirmation', `${message} Confirm to delete.`);
    await deleteVolunteer(ctx.db, id);
    await ctx.audit({ action: 'delete', entity: 'volunteer', entityId: id, summary: `Deleted volunteer ${before.name}`, before });
    return { deleted: true };
  },
  'volunteers.getPersonExport': async (ctx, { id }) => {
    const volunteer = await requireVolunteer(ctx, id);
    const assignments = await listAssignments(ctx.db, { volunteerId: id });
    const trail = await personTrail(
      ctx,
      [
        { entity: 'volunteer', ids: [id] },
        { entity: 'round_assignment', ids: assignments.map((a) => a.id) },
      ],
      volunteerIdentifiers(volunteer),
    );
    return { ...trail, volunteer, assignments, drops: await listDrops(ctx.db, { volunteerId: id }) };
  },
  'volunteers.erasePerson': async (ctx, { id, confirm }) => {
    const v = await requireVolunteer(ctx, id);
    const kept = v.drops ? ` Their ${plural(v.drops, 'drop')} ${v.drops === 1 ? 'stays' : 'stay'} in the delivery records, without their name.` : '';
    const gone = v.assignments ? `, their ${plural(v.assignments, 'round assignment')}` : '';
    const accounts = await accountsReached(ctx, [v.name], await accountOfVolunteer(ctx.db, id));
    confirmErasure(
      confirm,
      `Erasing ${v.name} deletes their contact details, address, availability, roles and notes${gone}, takes their name out of tasks, canvass sessions and notes, and blanks their details in the activity log, leaving only a note that an erasure happened.${kept}${accountsNote(accounts)}`,
    );
    // Noted in the erasure log beside the database, so restoring an older backup erases them again.
    logErasure(ctx.db, ctx.dbPath, ctx.encryption.key, 'volunteer', v);
    const traces = await eraseVolunteer(ctx.db, v);
    return recordErasure(
      ctx,
      { entity: 'volunteer', entityId: id, whose: 'a volunteer’s', extra: { drops: v.drops, assignments: v.assignments } },
      traces,
      accounts,
    );
  },
} satisfies Partial<HandlersFor<typeof leafletsContract>>;
