import { ConversionRefusedError, encryptWithPassphrase } from '../../db/sqlite/encryption/convert.ts';
import { NotHustingsDatabaseError } from '../../db/sqlite/identity.ts';
import { openDatabase } from '../../db/sqlite/open.ts';
import { fileStore } from '../../db/sqlite/store.ts';
import type { encryptContract } from '../../shared/contract/encrypt.ts';
import { AppError } from '../../shared/contract/result.ts';
import type { HandlersFor } from './context.ts';

export const encryptHandlers: HandlersFor<typeof encryptContract> = {
  /**
   * Converts the open file: the app's connection is closed (the conversion needs the file to
   * itself), the file encrypted in place, and the handlers' connection replaced by one keyed with
   * the new key, so the app goes on working. If the conversion fails the plain file is reopened.
   */
  'encryption.encrypt': async (ctx, { passphrase }) => {
    if (ctx.encryption.key !== null) throw new AppError('conflict', `${ctx.dbPath} is already encrypted.`);
    if (ctx.dbPath === ':memory:') throw new AppError('conflict', 'A database held in memory has no file to encrypt.');
    if (ctx.jobs.running().length > 0)
      throw new AppError('conflict', 'Work is still running (an import, an export or a backup): encrypt once it has finished.');
    const store = fileStore(ctx.store);
    store.connection.close();
    let result;
    try {
      // The desktop app's keychain locks the new key too, so it opens the file as before.
      result = await encryptWithPassphrase(ctx.dbPath, passphrase, { protector: ctx.keyProtector });
    } catch (error) {
      store.replaceConnection(await openDatabase(ctx.dbPath, {}));
      if (error instanceof ConversionRefusedError || error instanceof NotHustingsDatabaseError) throw new AppError('conflict', error.message);
      throw new AppError('internal', `The database was not encrypted, and is as it was: ${error instanceof Error ? error.message : String(error)}`);
    }
    store.replaceConnection(await openDatabase(ctx.dbPath, { key: result.key }));
    ctx.encryption.key = result.key;
    ctx.encryption.pendingRecoveryKey = result.recoveryKey;
    const { backupsEncrypted, backupsLeftPlain } = result;
    await ctx.audit({
      action: 'encrypt',
      entity: 'database',
      entityId: null,
      summary: `Encrypted the database and ${backupsEncrypted} backup(s) with a new passphrase${backupsLeftPlain.length > 0 ? `; ${backupsLeftPlain.length} backup(s) could not be encrypted` : ''}`,
      after: { backupsEncrypted, backupsLeftPlain },
    });
    return { encrypted: true as const, recoveryKey: result.recoveryKey, backupsEncrypted, backupsLeftPlain };
  },
};
