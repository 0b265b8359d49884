import { AppError } from '../../shared/contract/result.ts';
import { type FieldProblem, fieldsOf } from '../../shared/domain/problems.ts';

/**
 * The record a handler was asked about, or the one not_found error every door shows alike:
 * "There is no contest with id 7", with the field (`id` unless said) marked "No such contest".
 */
export function requireRecord<T>(record: T | null | undefined, what: string, id: number | string, opts: { field?: string; missing?: string } = {}): T {
  if (record === null || record === undefined) {
    throw new AppError('not_found', `There is no ${what} with id ${id}`, { [opts.field ?? 'id']: opts.missing ?? `No such ${what}` });
  }
  return record;
}

/**
 * Bad input a handler found (a rule from shared/domain, or a check against saved data): one
 * invalid_input error, either a message and its fields, or field problems whose messages make
 * the message (after `lead`, joined by `separator`).
 */
export function invalid(message: string, fields?: Record<string, string>): AppError;
export function invalid(problems: readonly FieldProblem[], opts?: { lead?: string; separator?: string; rename?: Record<string, string> }): AppError;
export function invalid(
  what: string | readonly FieldProblem[],
  extra?: Record<string, string> | { lead?: string; separator?: string; rename?: Record<string, string> },
): AppError {
  if (typeof what === 'string') return new AppError('invalid_input', what, extra as Record<string, string> | undefined);
  const { lead = '', separator = ' ', rename = {} } = (extra ?? {}) as { lead?: string; separator?: string; rename?: Record<string, string> };
  return new AppError('invalid_input', lead + what.map((p) => p.message).join(separator), fieldsOf(what, rename));
}
