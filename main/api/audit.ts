import type { auditContract } from '../../shared/contract/audit.ts';
import { auditFacets, listAudit } from '../../db/repositories/audit.ts';
import type { HandlersFor } from './context.ts';

export const auditHandlers: HandlersFor<typeof auditContract> = {
  'audit.list': async (ctx, filter) => listAudit(ctx.db, filter),
  'audit.facets': async (ctx) => auditFacets(ctx.db),
};
