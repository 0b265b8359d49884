import { z } from 'zod';
import { id, isoDate } from './common.ts';
import { query } from './define.ts';

const auditEntry = z.object({
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

const auditFilter = z.strictObject({
  entity: z.string().max(100).optional(),
  entityId: id.optional(),
  actor: z.string().max(200).optional(),
  action: z.string().max(100).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  limit: z.number().int().min(1).max(1000).default(200),
});

export const auditContract = {
  // The trail keeps copies of every record changed, donors and canvass returns among them: the
  // team secretary's. (A treasurer's history of one ledger entry would need a rule per entity.)
  'audit.list': query(
    ['admin'],
    'The audit trail, newest first, filtered by entity, record, actor, action and dates (inclusive)',
    auditFilter,
    z.array(auditEntry),
  ),
  'audit.facets': query(
    ['admin'],
    'The entities, actors and actions in the audit trail, for filters',
    z.strictObject({}),
    z.object({ entities: z.array(z.string()), actors: z.array(z.string()), actions: z.array(z.string()) }),
  ),
};
