import type Database from 'better-sqlite3-multiple-ciphers';
import { ConstraintError, type ConstraintKind, type Queries, type SqlValue, type Store } from '../store.ts';
import { AppError } from '../../shared/contract/result.ts';

type Connection = Database.Database;

const KINDS: Record<string, ConstraintKind> = {
  SQLITE_CONSTRAINT_FOREIGNKEY: 'foreign_key',
  SQLITE_CONSTRAINT_UNIQUE: 'unique',
  SQLITE_CONSTRAINT_PRIMARYKEY: 'unique',
  SQLITE_CONSTRAINT_NOTNULL: 'not_null',
  SQLITE_CONSTRAINT_CHECK: 'check',
};

/** SQLite's constraint errors as the store's neutral one; anything else as it came. */
function neutral(error: unknown): unknown {
  if (!(error instanceof Error) || !('code' in error)) return error;
  // ON DELETE RESTRICT fails as a trigger would, with the foreign key's message.
  const kind = error.code === 'SQLITE_CONSTRAINT_TRIGGER' && error.message.startsWith('FOREIGN KEY') ? 'foreign_key' : KINDS[String(error.code)];
  if (kind === undefined) return error;
  // "UNIQUE constraint failed: areas.name, areas.nation"; a foreign key failure names no table.
  const table = /constraint failed: ([A-Za-z_][A-Za-z0-9_]*)\./.exec(error.message)?.[1] ?? null;
  return new ConstraintError(kind, table, error.message);
}

function attempt<T>(work: () => T): Promise<T> {
  try {
    return Promise.resolve(work());
  } catch (error) {
    return Promise.reject(neutral(error));
  }
}

/**
 * The store over the one connection to the desktop file. better-sqlite3 is synchronous, so a
 * query resolves at once; transactions (BEGIN IMMEDIATE) run one after another, since everything
 * on one connection shares its one transaction.
 */
export class SqliteStore implements Store {
  readonly engine = 'sqlite' as const;
  #connection: Connection;
  #queue: Promise<unknown> = Promise.resolve();

  constructor(connection: Connection) {
    this.#connection = connection;
  }

  /** The file's connection, for what only SQLite has (online backups, encryption, restore). */
  get connection(): Connection {
    return this.#connection;
  }

  /** Encrypting the file in place closes its connection and opens a keyed one. */
  replaceConnection(connection: Connection): void {
    this.#connection = connection;
  }

  all<T>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
    return attempt(() => this.#connection.prepare(sql).all(...params) as T[]);
  }

  get<T>(sql: string, params: readonly SqlValue[] = []): Promise<T | undefined> {
    return attempt(() => this.#connection.prepare(sql).get(...params) as T | undefined);
  }

  values<T extends unknown[]>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
    return attempt(
      () =>
        this.#connection
          .prepare(sql)
          .raw(true)
          .all(...params) as T[],
    );
  }

  insert(sql: string, params: readonly SqlValue[] = []): Promise<number> {
    return attempt(() => (this.#connection.prepare(`${sql} RETURNING id`).get(...params) as { id: number }).id);
  }

  run(sql: string, params: readonly SqlValue[] = []): Promise<{ changes: number }> {
    return attempt(() => ({ changes: this.#connection.prepare(sql).run(...params).changes }));
  }

  transaction<T>(work: (tx: Queries) => Promise<T>): Promise<T> {
    const run = async (): Promise<T> => {
      const db = this.#connection;
      db.exec('BEGIN IMMEDIATE');
      try {
        const value = await work(this);
        db.exec('COMMIT');
        return value;
      } catch (error) {
        if (db.inTransaction) db.exec('ROLLBACK');
        throw neutral(error);
      }
    };
    const result = this.#queue.then(run);
    this.#queue = result.catch(() => undefined);
    return result;
  }

  /** Copies the WAL into the file and empties it: erased rows must not linger in old frames. */
  async flushLog(): Promise<void> {
    this.#connection.pragma('wal_checkpoint(TRUNCATE)');
  }

  async close(): Promise<void> {
    this.#connection.close();
  }
}

/**
 * The desktop file's connection, for what only SQLite does (online backups, encryption in place,
 * restore). A team database on PostgreSQL is backed up with the server's own `pg_dump`.
 */
export function fileConnection(store: Store): Connection {
  return fileStore(store).connection;
}

/** The store of the desktop file; refused (as `fileConnection`) on PostgreSQL. */
export function fileStore(store: Store): SqliteStore {
  if (store instanceof SqliteStore) return store;
  throw new AppError(
    'conflict',
    'This works on a campaign file on this computer. A team database on PostgreSQL is backed up and restored with pg_dump and pg_restore.',
  );
}
