import { z } from 'zod';
import { mutation, query } from './define.ts';

const encryptionStatus = z.object({
  /** Whether the database file (and its WAL) is encrypted. */
  encrypted: z.boolean(),
  /** The recovery key of a database created in this run, until it is acknowledged; never stored. */
  recoveryKey: z.string().nullable(),
  /** A team database on PostgreSQL: its server protects the data at rest, not a file key of ours. */
  teamDatabase: z.boolean(),
});
export type EncryptionStatus = z.infer<typeof encryptionStatus>;

export const encryptionContract = {
  'encryption.status': query(
    ['admin'],
    'Whether the database file is encrypted, and its recovery key while it is still to be written down (shown until acknowledged, never stored)',
    z.strictObject({}),
    encryptionStatus,
  ),
  'encryption.acknowledgeRecoveryKey': mutation(
    ['admin'],
    'Say the recovery key is written down or printed: the app forgets it and does not show it again',
    z.strictObject({}),
    encryptionStatus,
  ),
};
