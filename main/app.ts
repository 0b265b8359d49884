import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { userInfo } from 'node:os';
import { backupAtStartupIfDue } from '../db/sqlite/backup.ts';
import type { EncryptionState, KeyProtector, KeySource } from '../db/sqlite/encryption/unlock.ts';
import { type Db, openKeyedDatabase } from '../db/sqlite/open.ts';
import { SqliteStore } from '../db/sqlite/store.ts';
import type { Store } from '../db/store.ts';
import { createCtx, type OpenTeam, type ShowArtwork } from './api/context.ts';
import { createDispatcher, type Dispatch } from './api/dispatcher.ts';
import { keepYoungGenerationSmall } from './heap-growth.ts';
import { createJobs, type Jobs } from './jobs.ts';
import { keepFilesPrivate, tightenDataFiles } from './private-files.ts';
import { createUploads, type Uploads } from './uploads.ts';

export interface Hustings {
  dispatch: Dispatch;
  /** Where the data is: what repositories and tests read and write through. */
  store: Store;
  /**
   * The SQLite file's connection of the moment (encrypting the file in place replaces it), for
   * work only a file has; on PostgreSQL there is none and reading it throws.
   */
  readonly db: Db;
  /**
   * The SQLite file; on PostgreSQL, the name the files kept beside the database (leaflet artwork,
   * uploads, the erasure log, the browser token) are given, in the server's files folder.
   */
  dbPath: string;
  /** Long jobs: the doors forward their events (SSE in browser mode, IPC in Electron). */
  jobs: Jobs;
  uploads: Uploads;
  /** The same object the handlers see: acknowledging the recovery key clears it for the door too. */
  encryption: EncryptionState;
  close(): Promise<void>;
}

/** Who is at the keyboard, for the audit trail. */
function defaultActor(): string {
  try {
    return userInfo().username;
  } catch {
    return 'local user';
  }
}

/** What the doors are given besides where the data is. */
interface DoorOptions {
  actor?: string;
  showArtwork?: ShowArtwork;
  openTeam?: OpenTeam;
  /** The command line: methods may name files anywhere (see Ctx.anyFile). */
  anyFile?: boolean;
  /** Progress of long work inside a call, for the command line (see Ctx.onProgress). */
  onProgress?: (done: number, total: number) => void;
}

/**
 * Opens the database with what the door was given to unlock it (`keys`) and wires the dispatcher:
 * what every door (IPC, HTTP, CLI) stands on. An existing database gets its start-up backup when
 * the newest backup is over a day old.
 */
export async function openHustings(opts: DoorOptions & { dbPath: string; keys: KeySource; startupBackup?: boolean }): Promise<Hustings> {
  keepYoungGenerationSmall();
  // Every door opens Hustings here: from now on what this process creates is its owner's only.
  keepFilesPrivate();
  const existed = opts.dbPath !== ':memory:' && existsSync(opts.dbPath);
  const { db, encryption } = await openKeyedDatabase(opts.dbPath, opts.keys);
  // Once the file is known to be a Hustings database (a refused file is left exactly as it was):
  // what an older version left readable by others, and a -wal/-shm SQLite just created with the
  // file's old mode, become the owner's only before any personal data is read or written.
  tightenDataFiles(opts.dbPath);
  if (existed && opts.startupBackup !== false) {
    try {
      await backupAtStartupIfDue(db, opts.dbPath);
    } catch (error) {
      console.warn(`[hustings] the start-up backup failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const store = new SqliteStore(db);
  return wire(store, encryption, { ...opts, keyProtector: opts.keys.protector }, () => store.connection);
}

/**
 * Opens a team's shared PostgreSQL database at `databaseUrl`, bringing it to the current version
 * first. Files that live beside the data (artwork, uploads, the erasure log) go in `filesDir` on
 * the server; encryption at rest and backups are the database server's own (pg_dump), not ours.
 */
export async function openTeamHustings(opts: DoorOptions & { databaseUrl: string; filesDir: string; maxConnections?: number }): Promise<Hustings> {
  keepYoungGenerationSmall();
  keepFilesPrivate();
  // Loaded only here: the desktop app and the CLI on a file never need the PostgreSQL driver.
  const [{ openPostgresStore }, { migratePostgres }, { unreachable }] = await Promise.all([
    import('../db/postgres/store.ts'),
    import('../db/postgres/migrate.ts'),
    import('../db/postgres/reach.ts'),
  ]);
  const store = openPostgresStore(opts.databaseUrl, { max: opts.maxConnections, connectTimeoutMs: 10_000 });
  try {
    await migratePostgres(store); // the first query: where an unreachable server shows
  } catch (error) {
    await store.close();
    throw unreachable(error, opts.databaseUrl) ?? error;
  }
  mkdirSync(opts.filesDir, { recursive: true, mode: 0o700 });
  const dbPath = join(opts.filesDir, `${new URL(opts.databaseUrl).pathname.slice(1) || 'hustings'}.postgres`);
  return wire(store, { key: null, pendingRecoveryKey: null }, { ...opts, dbPath }, () => {
    throw new Error('This campaign is in PostgreSQL: there is no SQLite file connection.');
  });
}

function wire(store: Store, encryption: EncryptionState, opts: DoorOptions & { dbPath: string; keyProtector?: KeyProtector }, connection: () => Db): Hustings {
  const jobs = createJobs();
  const uploads = createUploads(opts.dbPath);
  let closing: Promise<void> | undefined;
  const ctx = createCtx(store, encryption, opts.dbPath, opts.actor ?? defaultActor(), {
    jobs,
    uploads,
    showArtwork: opts.showArtwork,
    openTeam: opts.openTeam,
    keyProtector: opts.keyProtector,
    anyFile: opts.anyFile,
    onProgress: opts.onProgress,
  });
  return {
    dispatch: createDispatcher(ctx),
    store,
    get db() {
      return connection();
    },
    dbPath: opts.dbPath,
    jobs,
    uploads,
    encryption,
    close() {
      // Once: a second close (a test's cleanup after the test closed it) waits for the first.
      closing ??= (async () => {
        for (const j of jobs.running()) jobs.cancel(j.jobId);
        uploads.close();
        await store.close();
      })();
      return closing;
    },
  };
}
