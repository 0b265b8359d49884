import { z } from 'zod';
import { id, isoDate } from './common.ts';
import { EVERY_MEMBER, query } from './define.ts';

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
  // team secretary reads all of it; anyone else only the history of records their roles may read
  // (main/api/audit.ts), e.g. a treasurer that of the treasury's entries. Not the canvasser, who
  // reads only their districts.
  'audit.list': query(
    [...EVERY_MEMBER, 'admin'],
    'The audit trail, newest first, filtered by entity, record, actor, action and dates (inclusive); others than the team secretary see the history of the records they may read',
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
