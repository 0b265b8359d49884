/**
 * Erasing a person and exporting their data, for every kind of person Hustings holds data about
 * (docs/reliability.md §8). Each feature's handler notes the erasure in the erasure log and
 * erases the person and every copy of them (db/repositories/elector-erasure.ts,
 * person-erasure.ts); this writes the one row that is left: an erasure happened, when, by whom,
 * and which kind of record — nothing about the person.
 */
import { AppError } from '../../shared/contract/result.ts';
import { personIdentifiers } from '../../shared/domain/erasure.ts';
import { listAudit } from '../../db/repositories/audit.ts';
import { listMentions, type ScrubCount } from '../../db/repositories/erasure.ts';
import { type AccountIdentity, accountsOfPerson, eraseAccount } from '../../db/repositories/account-erasure.ts';
import type { Ctx } from './context.ts';

export interface PersonErasure {
  /** The audit trail's entity of the person's own record and its id. */
  entity: string;
  entityId: number | null;
  /** "a volunteer’s", "a donor’s" … for the erasure record. */
  whose: string;
  /** Not personal: counts, ids of records that stay. */
  extra?: Record<string, unknown>;
}

/** An erasure asks first: without confirm it answers needs_confirmation with what would go. */
export function confirmErasure(confirm: boolean | undefined, message: string): void {
  if (!confirm) throw new AppError('needs_confirmation', `${message} This cannot be undone.`);
}

/**
 * The team accounts an erasure of a person reaches (the rule: `accountsOfPerson`). Refused when
 * one is the caller's own, as switching oneself off is: another team secretary does it.
 */
export async function accountsReached(ctx: Ctx, names: readonly string[], linkedAccountId: number | null = null): Promise<AccountIdentity[]> {
  const accounts = await accountsOfPerson(ctx.db, names, linkedAccountId);
  const own = accounts.find((a) => a.name === ctx.caller?.name);
  if (own) throw new AppError('conflict', `This erasure would switch off your own account, ${own.name}: ask another team secretary to do it.`);
  return accounts;
}

/** What an erasure's confirmation says of the accounts it reaches ('' for none). */
export function accountsNote(accounts: readonly AccountIdentity[]): string {
  if (accounts.length === 0) return '';
  const names = accounts.map((a) => `“${a.name}”`).join(' and ');
  const one = accounts.length === 1;
  return ` The team ${one ? 'account' : 'accounts'} ${names} ${one ? 'is' : 'are'} switched off, ${one ? 'its' : 'their'} sessions ended, and the name replaced wherever the team’s records show who did what.`;
}

/** Erases the accounts an erasure reached (db/repositories/account-erasure.ts), inside its transaction. */
async function eraseAccounts(ctx: Ctx, accounts: readonly AccountIdentity[]): Promise<ScrubCount> {
  const total: ScrubCount = { auditRows: 0, records: 0 };
  for (const a of accounts) {
    const traces = await eraseAccount(ctx.db, a, new Date().toISOString());
    total.auditRows += traces.auditRows;
    total.records += traces.records;
  }
  return total;
}

/**
 * Erases the accounts the erasure reached and writes the one row an erasure leaves, once the
 * person and their copies are gone (db/repositories/person-erasure.ts).
 */
export async function recordErasure(
  ctx: Ctx,
  e: PersonErasure,
  traces: ScrubCount,
  accounts: readonly AccountIdentity[] = [],
): Promise<{ erased: true; auditRows: number; records: number }> {
  const ofAccounts = await eraseAccounts(ctx, accounts);
  const result = { erased: true as const, auditRows: traces.auditRows + ofAccounts.auditRows, records: traces.records + ofAccounts.records };
  await ctx.audit({
    action: 'erase',
    entity: e.entity,
    entityId: e.entityId,
    summary: `Erased ${e.whose} personal data on request`,
    after: { ...e.extra, ...(accounts.length > 0 && { accounts: accounts.length }), auditRows: result.auditRows, records: result.records },
  });
  return result;
}

/** The activity about a person's own records and where else they are named, for a subject-access export. */
export async function personTrail(ctx: Ctx, records: { entity: string; ids: readonly number[] }[], identifiers: readonly (string | null | undefined)[]) {
  const audit = [];
  for (const { entity, ids } of records) for (const entityId of ids) audit.push(...(await listAudit(ctx.db, { entity, entityId, limit: 10_000 })));
  const mentions = await listMentions(ctx.db, personIdentifiers(identifiers));
  const own = new Set(audit.map((a) => a.id));
  const mentioned = mentions.audit.filter((a) => !own.has(a.id));
  return { exportedAt: new Date().toISOString(), mentions: mentions.records, audit: [...audit, ...mentioned].sort((a, b) => b.id - a.id) };
}
