/**
 * Erasing a person and exporting their data, for every kind of person Hustings holds data about
 * (docs/reliability.md §8). Each feature's handler removes or blanks the person's own record;
 * this removes every other copy and writes the one row that is left: an erasure happened, when,
 * by whom, and which kind of record — nothing about the person.
 */
import { AppError } from '../../shared/contract/result.ts';
import { personIdentifiers } from '../../shared/domain/erasure.ts';
import { type AuditReference, listAudit } from '../../db/repositories/audit.ts';
import { eraseTraces, listMentions } from '../../db/repositories/erasure.ts';
import type { Ctx } from './context.ts';

export interface PersonErasure {
  /** The audit trail's entity of the person's own record and its id, whose rows are blanked. */
  entity: string;
  entityId: number | null;
  references?: AuditReference[];
  /** Their name, address, email, phone…: each mention elsewhere is replaced by "(erased)". */
  identifiers: readonly (string | null | undefined)[];
  /** "a volunteer’s", "a donor’s" … for the erasure record. */
  whose: string;
  /** Not personal: counts, ids of records that stay. */
  extra?: Record<string, unknown>;
}

/** An erasure asks first: without confirm it answers needs_confirmation with what would go. */
export function confirmErasure(confirm: boolean | undefined, message: string): void {
  if (!confirm) throw new AppError('needs_confirmation', `${message} This cannot be undone.`);
}

/** The identifying strings of an address: the whole of it and its first line when that has a house number. */
export function addressIdentifiers(address: string): string[] {
  const first = address.split(/\r?\n|,/)[0]?.trim() ?? '';
  return /\d/.test(first) && first.length >= 6 ? [address, first] : [address];
}

export async function erasePersonData(ctx: Ctx, e: PersonErasure): Promise<{ erased: true; auditRows: number; records: number }> {
  const traces = await eraseTraces(ctx.db, {
    entity: e.entity,
    entityId: e.entityId,
    references: e.references,
    identifiers: personIdentifiers(e.identifiers),
  });
  const result = { erased: true as const, ...traces };
  await ctx.audit({
    action: 'erase',
    entity: e.entity,
    entityId: e.entityId,
    summary: `Erased ${e.whose} personal data on request`,
    after: { ...e.extra, auditRows: result.auditRows, records: result.records },
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
