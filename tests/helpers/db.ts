import Database from 'better-sqlite3-multiple-ciphers';
import { createDecipheriv, scryptSync } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyKey, isPlainSqliteFile } from '../../db/sqlite/encryption/cipher.ts';
import { keyFilePath, lockedKeyFile, writeKeyFileText } from '../../db/sqlite/encryption/keys.ts';
import { type KeySource, unlock } from '../../db/sqlite/encryption/unlock.ts';
import { openPostgresStore } from '../../db/postgres/store.ts';
import { SqliteStore } from '../../db/sqlite/store.ts';
import type { Engine, Store } from '../../db/store.ts';
import { type Hustings, openHustings, openTeamHustings } from '../../main/app.ts';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/contract/index.ts';

/** The raw data key in-process tests encrypt with: no key file, no scrypt per test. */
export const TEST_KEY = Buffer.from('01189424c93453d9d0d1878f15c0623034922a8ec70e16fcf9bfc3c542e5643f', 'hex');
export const TEST_KEYS: KeySource = { key: TEST_KEY };
/** An unencrypted file, as every database was before encryption (and bytes a test can read). */
export const PLAIN: KeySource = { plain: true };

/**
 * The data key in the key file beside `dbPath`, unlocked with HUSTINGS_PASSPHRASE as the key
 * file's format says (scrypt, then AES-256-GCM): read independently of db/sqlite/encryption.
 */
export function keyFromKeyFile(dbPath: string): Buffer {
  const lock = JSON.parse(readFileSync(keyFilePath(dbPath), 'utf8')).passphrase;
  const wrapping = scryptSync(process.env.HUSTINGS_PASSPHRASE ?? '', Buffer.from(lock.salt, 'base64'), 32, {
    N: lock.N,
    r: lock.r,
    p: lock.p,
    maxmem: 256 * lock.N * lock.r * lock.p,
  });
  const decipher = createDecipheriv('aes-256-gcm', wrapping, Buffer.from(lock.iv, 'base64')).setAAD(Buffer.from('hustings data key v1'));
  decipher.setAuthTag(Buffer.from(lock.tag, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(lock.sealed, 'base64')), decipher.final()]);
}

/**
 * A direct connection to a database file, as a test inspects it behind the app's back: keyed
 * when the file exists and is not plain SQLite, with `key`, else the key in its key file (a
 * database a spawned CLI or server made), else the test key.
 */
export function rawDatabase(path: string, options: Database.Options & { key?: Buffer } = {}): Database.Database {
  const { key, ...open } = options;
  const encrypted = existsSync(path) && !isPlainSqliteFile(path);
  const db = new Database(path, open);
  if (encrypted) applyKey(db, key ?? (existsSync(keyFilePath(path)) ? keyFromKeyFile(path) : TEST_KEY));
  return db;
}

/** Where a server or CLI keeps its data: a SQLite file, or the team database at `databaseUrl`. */
export interface DataPlace {
  dbPath: string;
  databaseUrl?: string;
}

/**
 * `work` on the database of a running server or CLI through a store of its own: writing test data
 * beside it (on a file it waits its turn for the file's lock).
 */
export async function withStoreOf<T>(place: DataPlace, work: (db: Store) => Promise<T>): Promise<T> {
  if (place.databaseUrl !== undefined) {
    const store = openPostgresStore(place.databaseUrl, { max: 1 });
    try {
      return await work(store);
    } finally {
      await store.close();
    }
  }
  const db = rawDatabase(place.dbPath);
  try {
    db.pragma('busy_timeout = 5000');
    db.pragma('foreign_keys = ON');
    return await work(new SqliteStore(db));
  } finally {
    db.close();
  }
}

/** The data key of a database a spawned CLI or server made, through its key file and HUSTINGS_PASSPHRASE. */
export async function dataKeyOf(dbPath: string): Promise<Buffer> {
  const { key } = await unlock(dbPath, { passphrase: process.env.HUSTINGS_PASSPHRASE });
  if (key === null) throw new Error(`${dbPath} is not encrypted`);
  return key;
}

let testKeyFile: Promise<string> | undefined;

/**
 * A key file locking the test key under HUSTINGS_PASSPHRASE, so a CLI the test spawns on the same
 * database opens it as a user's would; made once per test process (one scrypt), then copied.
 */
export async function writeTestKeyFile(dbPath: string): Promise<void> {
  const passphrase = process.env.HUSTINGS_PASSPHRASE;
  if (!passphrase) return;
  testKeyFile ??= lockedKeyFile(TEST_KEY, { passphrase });
  writeKeyFileText(dbPath, await testKeyFile);
}

/**
 * The engine in-process tests run on: PostgreSQL when HUSTINGS_TEST_ENGINE=postgres (the vitest
 * `on-postgres` project runs the integration suite so), else the SQLite file.
 */
export const TEST_ENGINE: Engine = process.env.HUSTINGS_TEST_ENGINE === 'postgres' ? 'postgres' : 'sqlite';

export type TempHustings = Hustings & {
  dir: string;
  /** The PostgreSQL database, on that engine. */
  databaseUrl?: string;
  /** The options that point a spawned `hustings` at this app's data: --db FILE, or --database URL. */
  cliWhere: string[];
  cleanup(): Promise<void>;
};

/**
 * A real database with the real migrations, in a folder removed afterwards: on SQLite a file
 * encrypted with the test key (or plain, with `PLAIN`, for tests that read the file's bytes); on
 * PostgreSQL a database of the test's own on the test server, dropped afterwards.
 */
export async function tempHustings(keys: KeySource = TEST_KEYS): Promise<TempHustings> {
  const dir = mkdtempSync(join(tmpdir(), 'hustings-test-'));
  if (TEST_ENGINE === 'postgres') {
    // Loaded only here: Playwright specs use this file too, and postgres.ts needs vitest's runner.
    const { freshHustingsDatabase } = await import('./postgres.ts');
    const database = await freshHustingsDatabase();
    const app = await openTeamHustings({ databaseUrl: database.url, filesDir: dir, actor: 'tester' });
    return withCleanup(app, dir, { databaseUrl: database.url, cliWhere: ['--database', database.url, '--files', dir] }, () => database.drop());
  }
  const dbPath = join(dir, 'hustings.sqlite');
  if (!keys.plain) await writeTestKeyFile(dbPath);
  return withCleanup(await openHustings({ dbPath, actor: 'tester', keys }), dir, { cliWhere: ['--db', dbPath] });
}

function withCleanup(app: Hustings, dir: string, where: { databaseUrl?: string; cliWhere: string[] }, drop?: () => Promise<void>): TempHustings {
  return Object.assign(app, {
    dir,
    ...where,
    async cleanup() {
      await app.close();
      await drop?.();
      rmSync(dir, { recursive: true, force: true });
    },
  });
}

/** Every user table's rows (each table's in one order whatever the engine), to prove a rejected call changed nothing. */
export async function snapshot(app: Hustings): Promise<string> {
  // Tables with rows of their own: SQLite's search index (virtual and shadow tables) follows electors.
  const tables =
    app.store.engine === 'sqlite'
      ? "SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
      : "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name";
  const rows = [];
  for (const { name } of await app.store.all<{ name: string }>(tables)) {
    const all = (await app.store.all(`SELECT * FROM "${name}"`)).map((r) => JSON.stringify(r)).sort();
    rows.push([name, all]);
  }
  return JSON.stringify(rows);
}

/**
 * Calls a method and returns its value, failing the test with the error message otherwise. Loose
 * on purpose (any method name, any input): for tests that send bad input. `call` is the typed one.
 */
export async function ok<T = any>(app: Hustings, method: string, input: unknown): Promise<T> {
  const r = await app.dispatch(method, input);
  if (!r.ok) throw new Error(`${method} failed: ${r.error.message}`);
  return r.value as T;
}

/** `ok` typed by method name: the input is the contract's, the value the method's output. */
export async function call<M extends MethodName>(app: Hustings, method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  return ok<MethodOutput<M>>(app, method, input);
}
