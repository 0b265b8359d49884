import { EncryptionKeyError, KeyNeededError } from '../../db/encryption/errors.ts';
import { DatabaseRefusedError } from '../../db/identity.ts';
import { AppError } from '../../shared/contract/result.ts';
import { CliError } from './command.ts';

/** What the system says about a file or port, in words a volunteer can act on. */
const SYSTEM: Record<string, (where: string) => string> = {
  ENOENT: (where) => `There is no such folder or file: ${where}`,
  ENOTDIR: (where) => `Part of ${where} is a file, not a folder`,
  EISDIR: (where) => `${where} is a folder, not a file`,
  EACCES: (where) => `You do not have permission to use ${where}`,
  EPERM: (where) => `You do not have permission to use ${where}`,
  EROFS: (where) => `${where} is on a disk that cannot be written to`,
  ENOSPC: (where) => `The disk is full: nothing more can be written to ${where}`,
  EEXIST: (where) => `${where} already exists`,
  EADDRINUSE: (where) => `Another program is already using ${where}: choose another --port`,
  EADDRNOTAVAIL: (where) => `This computer has no address ${where}: check --host`,
};

/**
 * Any failure of a command as the sentence printed for the user (never a stack trace) and the
 * exit code: 2 for a usage mistake or a missing or wrong key, 1 otherwise.
 */
export function describeFailure(error: unknown): { message: string; exitCode: number } {
  if (error instanceof CliError) return { message: error.message, exitCode: error.exitCode };
  if (error instanceof KeyNeededError && /recovery key\.$/.test(error.message)) {
    return { message: `${error.message.slice(0, -1)} (--recovery-key KEY, or HUSTINGS_RECOVERY_KEY).`, exitCode: 2 };
  }
  if (error instanceof EncryptionKeyError) return { message: error.message, exitCode: 2 };
  if (error instanceof DatabaseRefusedError || error instanceof AppError) return { message: error.message, exitCode: 1 };
  const e = error as NodeJS.ErrnoException & { address?: string; port?: number };
  const where = e?.path ?? (e?.address !== undefined ? `${e.address}${e.port === undefined ? '' : `:${e.port}`}` : undefined);
  const known = e?.code !== undefined ? SYSTEM[e.code] : undefined;
  if (known && where !== undefined) return { message: `${known(where)}.`, exitCode: 1 };
  const text = (error instanceof Error ? error.message : String(error)).split('\n')[0];
  return { message: `Hustings could not finish: ${text}`, exitCode: 1 };
}
