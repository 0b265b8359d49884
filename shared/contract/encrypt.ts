import { z } from 'zod';
import { maintenance } from './define.ts';

/** A new passphrase, as long as the terminal asks for (main/cli/unlock.ts MIN_PASSPHRASE). */
export const newPassphrase = z
  .string({ error: 'Choose a passphrase' })
  .min(8, 'Choose a passphrase of at least 8 characters: a few unrelated words are easy to remember and hard to guess')
  .max(1000, 'That passphrase is over 1,000 characters: choose a shorter one');

/** Converting a plain (unencrypted) database file to an encrypted one, in place. */
export const encryptContract = {
  'encryption.encrypt': maintenance(
    'Encrypt this database (a plain file) in place with a new passphrase; its backups too. The recovery key is then shown once (encryption.status)',
    z.strictObject({ passphrase: newPassphrase }),
    z.object({ encrypted: z.literal(true), backupsEncrypted: z.number(), backupsLeftPlain: z.array(z.string()) }),
  ),
};
