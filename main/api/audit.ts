import type { auditContract } from '../../shared/contract/audit.ts';
import { listAudit } from '../../db/repositories/audit.ts';
import type { HandlersFor } from './context.ts';

export const auditHandlers: HandlersFor<typeof auditContract> = {
  'audit.list': async (ctx, filter) => listAudit(ctx.db, filter),
};
