import { EncryptionKeyError, KeyNeededError } from '../../db/sqlite/encryption/errors.ts';
import { DatabaseRefusedError } from '../../db/sqlite/identity.ts';
import { PostgresMigrationRefused } from '../../db/postgres/migrate.ts';
import { DatabaseUnreachableError } from '../../db/postgres/reach.ts';
import { AppError } from '../../shared/contract/result.ts';
import { systemProblem } from '../system-errors.ts';
import { CliError } from './command.ts';

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
  const known = [DatabaseRefusedError, PostgresMigrationRefused, DatabaseUnreachableError, AppError];
  if (known.some((kind) => error instanceof kind)) return { message: (error as Error).message, exitCode: 1 };
  const system = systemProblem(error);
  if (system !== null) return { message: system, exitCode: 1 };
  const text = (error instanceof Error ? error.message : String(error)).split('\n')[0];
  return { message: `Hustings could not finish: ${text}`, exitCode: 1 };
}
