/** What every door (IPC, HTTP, CLI) returns for a method call. */
export type ErrorCode =
  | 'invalid_input'
  | 'not_found'
  | 'conflict'
  | 'needs_confirmation'
  | 'unknown_method'
  | 'internal'
  // Refused at the door (main/server.ts), before any method runs.
  | 'forbidden'
  | 'unauthorized'
  | 'too_large'
  | 'method_not_allowed'
  // A sign-in held back by the lock-out after repeated failures (issue 13).
  | 'too_many_attempts';

export interface ApiError {
  code: ErrorCode;
  message: string;
  /** Field path (dot-separated) → what is wrong with it and how to fix it. */
  fields?: Record<string, string>;
  /** A save refused because someone changed the record since it was loaded: its version now. */
  updatedAt?: string;
}

export type ApiResult<T = unknown> = { ok: true; value: T } | { ok: false; error: ApiError };

/** An error a handler raises on purpose; the dispatcher turns it into `{ ok: false, error }`. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields?: Record<string, string>;
  constructor(code: ErrorCode, message: string, fields?: Record<string, string>) {
    super(message);
    this.code = code;
    this.fields = fields;
  }
}

export const HTTP_STATUS: Record<ErrorCode, number> = {
  invalid_input: 400,
  not_found: 404,
  conflict: 409,
  needs_confirmation: 409,
  unknown_method: 404,
  internal: 500,
  forbidden: 403,
  unauthorized: 401,
  too_large: 413,
  method_not_allowed: 405,
  too_many_attempts: 429,
};
