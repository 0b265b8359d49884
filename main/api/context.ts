import type { z } from 'zod';
import type { MethodDef } from '../../shared/contract/define.ts';
import type { Db } from '../../db/open.ts';
import { type AuditRecord, writeAudit } from '../../db/repositories/audit.ts';

/** What a handler gets besides its parsed input. */
export interface Ctx {
  db: Db;
  dbPath: string;
  /** Who is making the change, for the audit trail. */
  actor: string;
  audit(record: Omit<AuditRecord, 'actor'>): Promise<void>;
}

export function createCtx(db: Db, dbPath: string, actor: string): Ctx {
  return { db, dbPath, actor, audit: (record) => writeAudit(db, { ...record, actor }) };
}

export type HandlersFor<C extends Record<string, MethodDef>> = {
  [M in keyof C]: (ctx: Ctx, input: z.output<C[M]['input']>) => Promise<z.input<C[M]['output']>>;
};
