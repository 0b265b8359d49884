import { z } from 'zod';
import { maintenance, mutation, query } from './define.ts';

/** A new passphrase: long enough that guessing it is slow even for a stolen key file. */
export const newPassphrase = z
  .string({ error: 'Choose a passphrase' })
  .min(10, 'Choose a passphrase of at least 10 characters: a few unrelated words are easy to remember and hard to guess')
  .max(1000, 'That passphrase is over 1,000 characters: choose a shorter one');

/** Converting a plain (unencrypted) database file to an encrypted one, in place. */
export const encryptContract = {
  'encryption.encrypt': maintenance(
    'Encrypt this database (a plain file) in place with a new passphrase; its backups too. The recovery key is then shown once (encryption.status)',
    z.strictObject({ passphrase: newPassphrase }),
    z.object({ encrypted: z.literal(true), backupsEncrypted: z.number(), backupsLeftPlain: z.array(z.string()) }),
  ),
  // Stand-ins for enc-core's encryption.status / acknowledgeRecoveryKey until h-core is merged.
  'encryption.status': query('Whether the database is encrypted, and the recovery key while it waits to be shown', z.strictObject({}), z.object({ encrypted: z.boolean(), recoveryKey: z.string().nullable() })),
  'encryption.acknowledgeRecoveryKey': mutation('The recovery key is written down: stop showing it', z.strictObject({}), z.object({ ok: z.literal(true) })),
};
