import type { z } from 'zod';
import { allows, refusal } from '../../shared/contract/access.ts';
import { type MethodName, contract, isMethodName } from '../../shared/contract/index.ts';
import { type ApiError, type ApiResult, AppError } from '../../shared/contract/result.ts';
import { afterCommit, afterRollback } from '../../db/repositories/audit.ts';
import { ConstraintError, type Queries } from '../../db/store.ts';
import type { Caller } from '../../shared/contract/roles.ts';
import { type Ctx, asCaller, inTransaction } from './context.ts';
import { constraintMessage } from './constraint-message.ts';
import { EditConflict } from './edits.ts';
import { handlers } from './handlers.ts';
import { withinReach } from './scope.ts';

/** A call: on a team server with the signed-in `caller`; without one, the single user of the file. */
export type Dispatch = (method: string, input: unknown, caller?: Caller) => Promise<ApiResult>;

/** Field path → message, for forms to show beside each field. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) fields[[...issue.path, key].join('.')] = `"${key}" is not a field of this form`;
      continue;
    }
    const path = issue.path.map(String).join('.');
    fields[path] ??= issue.message;
  }
  return fields;
}

/** The one-line message of an invalid_input error: every field and what is wrong with it. */
function describe(fields: Record<string, string>): string {
  const parts = Object.entries(fields).map(([path, message]) => (path ? `${path}: ${message}` : message));
  return `Please correct the input — ${parts.join('; ')}`;
}

function toApiError(error: unknown): ApiError {
  if (error instanceof EditConflict) return { code: error.code, message: error.message, updatedAt: error.updatedAt };
  if (error instanceof AppError) return { code: error.code, message: error.message, fields: error.fields };
  if (error instanceof ConstraintError) return { code: 'conflict', message: constraintMessage(error) };
  console.error('[hustings] unexpected error', error);
  return { code: 'internal', message: `Something went wrong inside Hustings: ${error instanceof Error ? error.message : String(error)}` };
}

/**
 * A signed-in caller's roles must include one the method's declaration lists; the single user of
 * a file (no caller) may call everything. Refused before the input is read, so a refusal says
 * the same whatever was sent.
 */
function forbidden(method: MethodName, caller: Caller | undefined): ApiResult | null {
  const def = contract[method];
  if (caller === undefined || allows(def.access, caller.roles)) return null;
  return { ok: false, error: { code: 'forbidden', message: refusal(def) } };
}

/**
 * The one way into the data: refuse what the caller's roles do not allow, parse the input with
 * the contract's schema, run the handler, and for mutations wrap it in one transaction so bad
 * input never half-writes. On a SQLite file calls run one at a time (its one connection has one
 * transaction); on PostgreSQL each call runs at once in a transaction of its own from the pool,
 * and the database keeps them apart.
 */
export function createDispatcher(fileCtx: Ctx): Dispatch {
  let queue: Promise<unknown> = Promise.resolve();
  const run = async (method: string, raw: unknown, caller?: Caller): Promise<ApiResult> => {
    const ctx = caller ? asCaller(fileCtx, caller) : fileCtx;
    if (!isMethodName(method)) return { ok: false, error: { code: 'unknown_method', message: `There is no method "${method}"` } };
    const refused = forbidden(method, caller);
    if (refused) return refused;
    const def = contract[method];
    // No input at all means `{}`; an explicit null is malformed like any other wrong type.
    const parsed = def.input.safeParse(raw === undefined ? {} : raw);
    if (!parsed.success) {
      const fields = fieldErrors(parsed.error);
      return { ok: false, error: { code: 'invalid_input', message: describe(fields), fields } };
    }
    const handler = handlers[method] as (ctx: Ctx, input: unknown) => Promise<unknown>;
    if (def.kind === 'query' || def.kind === 'maintenance') {
      try {
        return { ok: true, value: await withinReach(ctx, method, parsed.data, (input) => handler(ctx, input)) };
      } catch (error) {
        return { ok: false, error: toApiError(error) };
      }
    }
    let tx: Queries | undefined;
    try {
      const value = await ctx.store.transaction((opened) => {
        const txCtx = inTransaction(ctx, (tx = opened));
        return withinReach(txCtx, method, parsed.data, (input) => handler(txCtx, input));
      });
      await afterCommit(ctx.store, tx!);
      return { ok: true, value };
    } catch (error) {
      if (tx !== undefined) afterRollback(tx);
      return { ok: false, error: toApiError(error) };
    }
  };
  if (fileCtx.store.engine === 'postgres') return run;
  return (method, input, caller) => {
    const result = queue.then(() => run(method, input, caller));
    queue = result.catch(() => undefined);
    return result;
  };
}

/**
 * Queries run at once, outside the queue: for a handler already running in it that reads through
 * other methods (a PDF written from `register.getWalkSheet`), which the queue would hold behind
 * itself for ever. Checked as the dispatcher checks them, for the handler's caller; anything but
 * a query is refused.
 */
export function queriesNow(ctx: Ctx): Dispatch {
  return async (method, raw) => {
    if (!isMethodName(method) || contract[method].kind !== 'query')
      return { ok: false, error: { code: 'unknown_method', message: `There is no query "${method}"` } };
    const refused = forbidden(method, ctx.caller);
    if (refused) return refused;
    const parsed = contract[method].input.safeParse(raw === undefined ? {} : raw);
    if (!parsed.success) {
      const fields = fieldErrors(parsed.error);
      return { ok: false, error: { code: 'invalid_input', message: describe(fields), fields } };
    }
    try {
      const handler = handlers[method] as (ctx: Ctx, input: unknown) => Promise<unknown>;
      return { ok: true, value: await withinReach(ctx, method, parsed.data, (input) => handler(ctx, input)) };
    } catch (error) {
      return { ok: false, error: toApiError(error) };
    }
  };
}
