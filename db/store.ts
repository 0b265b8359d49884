/**
 * The one way repositories reach the data, whichever engine holds it: the embedded SQLite file
 * (db/sqlite/) or a shared PostgreSQL (db/postgres/). SQL is written once, with `?` placeholders;
 * an engine that numbers its placeholders rewrites them. Handlers and repositories never import a
 * driver.
 */

/** A value a statement takes: what both engines store (booleans are written as 0/1). */
export type SqlValue = string | number | bigint | null | Uint8Array;

export type Engine = 'sqlite' | 'postgres';

/**
 * Reads and writes, inside a transaction or not: what a repository takes. In a transaction,
 * statements issued without waiting for the one before run in the order issued, each seeing what
 * the earlier ones wrote; on PostgreSQL they travel to the server together, one round trip for
 * all of them (see `together`).
 */
export interface Queries {
  /**
   * Which engine runs the SQL. Repositories write each statement once; only what has no portable
   * form (the full-text elector search, SQLite's own catalogue) branches on it, in one named place.
   */
  readonly engine: Engine;
  /** Every row, as objects keyed by column name. */
  all<T>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
  /** The first row, or undefined. A write with `RETURNING id` is read this way for the new id. */
  get<T>(sql: string, params?: readonly SqlValue[]): Promise<T | undefined>;
  /** Every row as an array of values in column order (large sheets and exports). */
  values<T extends unknown[]>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
  /** An INSERT of one row into a table whose key is `id`: the new row's id (by `RETURNING id`). */
  insert(sql: string, params?: readonly SqlValue[]): Promise<number>;
  /** A write; `changes` is how many rows it inserted, changed or deleted. */
  run(sql: string, params?: readonly SqlValue[]): Promise<{ changes: number }>;
}

export interface Store extends Queries {
  /**
   * Runs `work` in one transaction: committed when it resolves, rolled back when it throws (and the
   * error passed on). On SQLite (one connection) transactions run one after another; on
   * PostgreSQL each has its own connection from the pool.
   */
  transaction<T>(work: (tx: Queries) => Promise<T>): Promise<T>;
  /** After an erasure: leaves no copy of erased rows in the engine's own log (SQLite's WAL). */
  flushLog(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Statements issued at once, answered in the order given. In a PostgreSQL transaction they leave
 * in one write and the server runs them one after another (a pipeline), so statements that need
 * no answer from each other cost one round trip instead of one each; on SQLite each has run by the
 * time it is issued. (Outside a transaction PostgreSQL runs each on a connection of its own, at
 * once: there, only reads that do not depend on each other.) Waits for every one, then throws the
 * first one's error if any failed: a PostgreSQL transaction refuses whatever follows a refused
 * statement ("transaction is aborted"), and the refusal that matters is the first.
 */
export async function together<T extends readonly unknown[]>(...statements: { [K in keyof T]: T[K] | Promise<T[K]> }): Promise<T> {
  const settled = await Promise.allSettled(statements);
  const failed = settled.find((s) => s.status === 'rejected');
  if (failed) throw failed.reason;
  return settled.map((s) => (s as PromiseFulfilledResult<unknown>).value) as unknown as T;
}

export type ConstraintKind = 'foreign_key' | 'unique' | 'not_null' | 'check';

/**
 * A write refused by the schema, in words neither engine owns: handlers choose what to tell the
 * user from `kind` (and `table` where the engine says which), never from the driver's message.
 */
export class ConstraintError extends Error {
  readonly kind: ConstraintKind;
  readonly table: string | null;
  constructor(kind: ConstraintKind, table: string | null, detail: string) {
    super(detail);
    this.name = 'ConstraintError';
    this.kind = kind;
    this.table = table;
  }
}
