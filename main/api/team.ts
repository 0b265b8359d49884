/**
 * The Team page's methods: accounts, role grants, sign-in links and switching off (main/team/);
 * and the canvassers' names, for assigning districts.
 * A link's secret is answered once and never written to the audit trail.
 */
import { accountById, grantsOf, listAccounts, listCanvassers, rolesOf, setRoles, switchOff } from '../../db/repositories/team.ts';
import { AppError } from '../../shared/contract/result.ts';
import type { teamContract } from '../../shared/contract/team.ts';
import { addAccount } from '../team/accounts.ts';
import { issueLink } from '../team/links.ts';
import { endEverySession } from '../team/sessions.ts';
import type { Ctx, HandlersFor } from './context.ts';
import { requireRecord } from './records.ts';

async function requireAccount(ctx: Ctx, id: number) {
  return requireRecord(await accountById(ctx.db, id), 'account', id);
}

export const teamHandlers: HandlersFor<typeof teamContract> = {
  'team.list': async (ctx) => Promise.all((await listAccounts(ctx.db)).map(async (a) => ({ ...a, grants: await grantsOf(ctx.db, a.id) }))),
  'team.invite': async (ctx, input) => {
    const made = await addAccount(ctx.db, { ...input, recordedBy: ctx.actor });
    await ctx.audit({
      action: 'create',
      entity: 'account',
      entityId: made.id,
      summary: `Invited ${input.name} as ${input.roles.join(', ')} (decided at ${input.meeting} on ${input.decidedOn})`,
      after: { name: input.name, roles: input.roles, meeting: input.meeting, decidedOn: input.decidedOn },
    });
    return { accountId: made.id, name: input.name, token: made.token, expiresAt: made.expiresAt };
  },
  'team.setRoles': async (ctx, input) => {
    const account = await requireAccount(ctx, input.accountId);
    const before = await rolesOf(ctx.db, account.id);
    await setRoles(ctx.db, account.id, input.roles, {
      meeting: input.meeting,
      decidedOn: input.decidedOn,
      recordedBy: ctx.actor,
      at: new Date().toISOString(),
    });
    await ctx.audit({
      action: 'update',
      entity: 'account',
      entityId: account.id,
      summary: `Roles of ${account.name}: ${input.roles.join(', ')} (decided at ${input.meeting} on ${input.decidedOn})`,
      before: { roles: before },
      after: { roles: input.roles, meeting: input.meeting, decidedOn: input.decidedOn },
    });
    return null;
  },
  'team.resetLink': async (ctx, { accountId }) => {
    const account = await requireAccount(ctx, accountId);
    const link = await issueLink(ctx.db, account.id, 'reset');
    await ctx.audit({ action: 'update', entity: 'account', entityId: account.id, summary: `Issued a new sign-in link for ${account.name}` });
    return { accountId: account.id, name: account.name, ...link };
  },
  'team.canvassers': async (ctx) => listCanvassers(ctx.db),
  'team.switchOff': async (ctx, { accountId }) => {
    const account = await requireAccount(ctx, accountId);
    // The team secretary would lock themselves out (only the command line could let them back in).
    if (ctx.caller?.name === account.name) throw new AppError('conflict', 'You cannot switch off your own account: ask another team secretary.');
    await switchOff(ctx.db, account.id, new Date().toISOString());
    await endEverySession(ctx.db, account.id);
    await ctx.audit({ action: 'update', entity: 'account', entityId: account.id, summary: `Switched off ${account.name}'s account` });
    return null;
  },
};
