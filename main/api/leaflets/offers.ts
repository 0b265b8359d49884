/**
 * A member's own offer to volunteer (issue 13): the volunteer record their team account made. They
 * read and change only that record, and only what the offer holds; coordinators see it among the
 * volunteers. The single user of a file adds volunteers on the Volunteers page instead.
 */
import { accountNamed } from '../../../db/repositories/team.ts';
import { insertVolunteer, updateVolunteer, volunteerOfAccount } from '../../../db/repositories/volunteers.ts';
import type { leafletsContract, Volunteer, VolunteerOffer } from '../../../shared/contract/leaflets.ts';
import { AppError } from '../../../shared/contract/result.ts';
import { normaliseRoles } from '../../../shared/domain/volunteers.ts';
import type { Ctx, HandlersFor } from '../context.ts';
import { requireVolunteer } from './records.ts';

/** The caller's account: offers are made by someone signed in to a team server. */
async function callerAccount(ctx: Ctx): Promise<{ id: number; name: string }> {
  const account = ctx.caller && (await accountNamed(ctx.db, ctx.caller.name));
  if (!account) throw new AppError('invalid_input', 'Only someone signed in to a team server offers themselves: add a volunteer on the Volunteers page.');
  return account;
}

const offerOf = ({ id, name, email, phone, roles, availability, consentToContact, updatedAt }: Volunteer): VolunteerOffer => ({
  id,
  name,
  email,
  phone,
  roles,
  availability,
  consentToContact,
  updatedAt,
});

export const offerHandlers = {
  'volunteers.getMyOffer': async (ctx) => {
    if (!ctx.caller) return null;
    const account = await accountNamed(ctx.db, ctx.caller.name);
    const mine = account && (await volunteerOfAccount(ctx.db, account.id));
    return mine ? offerOf(mine) : null;
  },
  'volunteers.offerMyself': async (ctx, offer) => {
    const account = await callerAccount(ctx);
    const before = await volunteerOfAccount(ctx.db, account.id);
    const today = new Date().toISOString().slice(0, 10);
    // Consent given now is recorded today; consent already recorded keeps its date.
    const consentRecordedOn = offer.consentToContact ? (before?.consentToContact ? before.consentRecordedOn : today) : null;
    const row = { ...offer, roles: normaliseRoles(offer.roles), consentRecordedOn };
    if (before) {
      await updateVolunteer(ctx.db, before.id, { ...row, name: before.name, address: before.address, notes: before.notes });
      const after = await requireVolunteer(ctx, before.id);
      await ctx.audit({
        action: 'update',
        entity: 'volunteer',
        entityId: before.id,
        summary: `${account.name} changed their offer to volunteer`,
        before,
        after,
      });
      return offerOf(after);
    }
    const id = await insertVolunteer(ctx.db, { ...row, name: account.name, address: '', notes: '' }, account.id);
    const after = await requireVolunteer(ctx, id);
    await ctx.audit({ action: 'create', entity: 'volunteer', entityId: id, summary: `${account.name} offered themselves as a volunteer`, after });
    return offerOf(after);
  },
} satisfies Partial<HandlersFor<typeof leafletsContract>>;
