import { z } from 'zod';
import { maintenance } from './define.ts';

/** Shortest new passphrase accepted at every door: scrypt slows guessing, it cannot make "1234" safe. */
export const MIN_PASSPHRASE = 8;

/** A new passphrase. */
export const newPassphrase = z
  .string({ error: 'Choose a passphrase' })
  .min(MIN_PASSPHRASE, `Choose a passphrase of at least ${MIN_PASSPHRASE} characters: a few unrelated words are easy to remember and hard to guess`)
  .max(1000, 'That passphrase is over 1,000 characters: choose a shorter one');

/** Converting a plain (unencrypted) database file to an encrypted one, in place. */
export const encryptContract = {
  'encryption.encrypt': maintenance(
    ['admin'],
    'Encrypt this database (a plain file) in place with a new passphrase; its backups too. Returns the recovery key, which encryption.status also shows until acknowledged; it is stored nowhere',
    z.strictObject({ passphrase: newPassphrase }),
    z.object({
      encrypted: z.literal(true),
      /** For a script (hustings call): the app's pages show it from encryption.status. */
      recoveryKey: z.string(),
      backupsEncrypted: z.number(),
      /** Backups that could not be encrypted: "file: why". */
      backupsLeftPlain: z.array(z.string()),
    }),
  ),
};
