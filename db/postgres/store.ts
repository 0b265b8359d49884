/**
 * The store over a shared PostgreSQL: a pool of connections, each transaction on a client of its
 * own, so that many people's requests run side by side. Rows come back as the SQLite store gives
 * them: camelCase aliases as written (sql.ts), counts and sums as numbers, truth as 1 or 0.
 */
import pg from 'pg';
import { ConstraintError, type ConstraintKind, type Queries, type SqlValue, type Store, together } from '../store.ts';
import { type PgStatement, toPostgres } from './sql.ts';

export interface PostgresStoreOptions {
  /** Most connections open at once (pg's default is 10). */
  max?: number;
  /** How long to wait for the server to answer a new connection; pg's default waits for ever. */
  connectTimeoutMs?: number;
}

/** Column types whose text pg would hand over as strings; they are numbers or truth in SQLite. */
const INT8 = 20;
const NUMERIC = 1700;
const BOOL = 16;

function columnTypes(): pg.CustomTypesConfig {
  // This pool's own parsers: other users of pg in the process keep the driver's defaults.
  const parsers = new Map<number, (text: string) => unknown>([
    [INT8, Number],
    [NUMERIC, Number],
    [BOOL, (text) => (text === 't' ? 1 : 0)],
  ]);
  return {
    getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
      parsers.get(oid) ?? pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig['getTypeParser'],
  };
}

const SQLSTATE_KINDS: Record<string, ConstraintKind> = {
  '23503': 'foreign_key',
  // ON DELETE RESTRICT (the money records) is its own SQLSTATE; SQLite reports both as one.
  '23001': 'foreign_key',
  '23505': 'unique',
  '23502': 'not_null',
  '23514': 'check',
};

/** A refusal by the schema as the neutral ConstraintError; any other error as it was. */
function neutral(err: unknown): unknown {
  const e = err as { code?: string; table?: string; message?: string };
  const kind = e && typeof e.code === 'string' ? SQLSTATE_KINDS[e.code] : undefined;
  return kind ? new ConstraintError(kind, e.table ?? null, e.message ?? kind) : err;
}

/**
 * Each statement's PostgreSQL text and the name it is prepared under: a connection prepares a
 * named statement once and then only binds and runs it, which spares the server parsing and
 * planning a return's dozen statements every time. Names are never reused for other text; only
 * statements with parameters are named.
 */
const statements = new Map<string, PgStatement & { name: string }>();
const STATEMENTS_KEPT = 2000;
let named = 0;

function statement(sql: string): PgStatement & { name: string } {
  let found = statements.get(sql);
  if (!found) {
    found = { ...toPostgres(sql), name: `h${++named}` };
    if (statements.size >= STATEMENTS_KEPT) statements.clear();
    statements.set(sql, found);
  }
  return found;
}

function values(params: readonly SqlValue[]): unknown[] {
  return params.map((p) => (typeof p === 'bigint' ? p.toString() : p));
}

type Runner = Pick<pg.Pool | pg.PoolClient, 'query'>;

/**
 * On a transaction's connection (pipelining: a statement goes out without waiting for the answers
 * before it), the statements issued in one tick leave in one write, the first of them holding the
 * socket's output until the tick is over: one system call and one wake-up of the server for all.
 */
function batching(client: pg.PoolClient): () => void {
  const socket = client.connection.stream;
  let holding = false;
  return () => {
    if (holding) return;
    holding = true;
    socket.cork();
    process.nextTick(() => {
      holding = false;
      socket.uncork();
    });
  };
}

function queriesOn(runner: Runner, batch?: () => void): Queries {
  async function arrays(sql: string, params: readonly SqlValue[]): Promise<{ st: PgStatement; result: pg.QueryArrayResult }> {
    const st = statement(sql);
    batch?.();
    try {
      // A statement without parameters may be a script of several (a migration): never prepared.
      const name = params.length > 0 ? st.name : undefined;
      const result = await runner.query({ name, text: st.text, values: values(params), rowMode: 'array' });
      return { st, result: result as pg.QueryArrayResult };
    } catch (err) {
      throw neutral(err);
    }
  }
  async function all<T>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
    const { st, result } = await arrays(sql, params);
    const keys = result.fields.map((f) => st.names.get(f.name) ?? f.name);
    return result.rows.map((row) => {
      const obj: Record<string, unknown> = {};
      for (let k = 0; k < keys.length; k++) obj[keys[k]] = row[k];
      return obj as T;
    });
  }
  return {
    engine: 'postgres',
    all,
    async get<T>(sql: string, params: readonly SqlValue[] = []) {
      return (await all<T>(sql, params))[0];
    },
    async values<T extends unknown[]>(sql: string, params: readonly SqlValue[] = []) {
      return (await arrays(sql, params)).result.rows as T[];
    },
    async insert(sql: string, params: readonly SqlValue[] = []) {
      const { result } = await arrays(`${sql} RETURNING id`, params);
      return Number(result.rows[0][0]);
    },
    async run(sql: string, params: readonly SqlValue[] = []) {
      const { result } = await arrays(sql, params);
      return { changes: result.rowCount ?? 0 };
    },
  };
}

/** A store on the PostgreSQL database at `url` (postgres://user:password@host:port/database). */
export function openPostgresStore(url: string, opts: PostgresStoreOptions = {}): Store {
  // Pipelining: statements a transaction issues together (`together`) share a round trip.
  const pool = new pg.Pool({ connectionString: url, max: opts.max, connectionTimeoutMillis: opts.connectTimeoutMs, types: columnTypes(), pipeline: true });
  // A connection the server drops while idle leaves the pool; without a listener it would end the process.
  pool.on('error', () => {});
  return {
    ...queriesOn(pool),
    /** Erased rows' old versions stay in the table files until a VACUUM clears them. */
    async flushLog() {
      await pool.query('VACUUM');
    },
    async transaction<T>(work: (tx: Queries) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      let broken = false;
      try {
        const batch = batching(client);
        batch();
        // BEGIN goes out with the work's first statements, in the same write. It fails only with
        // its connection, and then so does everything behind it.
        const [, result] = await together(client.query('BEGIN'), work(queriesOn(client, batch)));
        await client.query('COMMIT');
        return result;
      } catch (err) {
        try {
          await client.query('ROLLBACK');
        } catch {
          broken = true; // The connection itself failed: do not give it back to the pool.
        }
        throw neutral(err);
      } finally {
        client.release(broken);
      }
    },
    async close() {
      await pool.end();
    },
  };
}
