import type { encryptionContract } from '../../shared/contract/encryption.ts';
import type { Ctx, HandlersFor } from './context.ts';

function status(ctx: Ctx) {
  return { encrypted: ctx.encryption.key !== null, recoveryKey: ctx.encryption.pendingRecoveryKey, teamDatabase: ctx.store.engine === 'postgres' };
}

export const encryptionHandlers: HandlersFor<typeof encryptionContract> = {
  'encryption.status': async (ctx) => status(ctx),
  'encryption.acknowledgeRecoveryKey': async (ctx) => {
    if (ctx.encryption.pendingRecoveryKey !== null) {
      ctx.encryption.pendingRecoveryKey = null;
      // The record says when it was confirmed, never the key.
      await ctx.audit({ action: 'update', entity: 'database', entityId: null, summary: 'Confirmed the recovery key is written down; it is no longer shown' });
    }
    return status(ctx);
  },
};
