import { z } from 'zod';
import { id } from './common.ts';
import { query } from './define.ts';

export const auditEntry = z.object({
  id,
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.number().nullable(),
  summary: z.string(),
  before: z.unknown(),
  after: z.unknown(),
});
export type AuditEntry = z.infer<typeof auditEntry>;

export const auditContract = {
  'audit.list': query(
    'The audit trail, newest first, optionally of one entity or record',
    z.strictObject({
      entity: z.string().max(100).optional(),
      entityId: id.optional(),
      limit: z.number().int().min(1).max(1000).default(200),
    }),
    z.array(auditEntry),
  ),
};
