import { existsSync } from 'node:fs';
import { userInfo } from 'node:os';
import { backupAtStartupIfDue } from '../db/backup.ts';
import type { EncryptionState, KeySource } from '../db/encryption/unlock.ts';
import { type Db, openKeyedDatabase } from '../db/open.ts';
import { SqliteStore } from '../db/sqlite/store.ts';
import { createCtx, type ShowArtwork } from './api/context.ts';
import { createDispatcher, type Dispatch } from './api/dispatcher.ts';
import { keepYoungGenerationSmall } from './heap-growth.ts';
import { createJobs, type Jobs } from './jobs.ts';
import { keepFilesPrivate, tightenDataFiles } from './private-files.ts';
import { createUploads, type Uploads } from './uploads.ts';

export interface Hustings {
  dispatch: Dispatch;
  /** Where the data is: what repositories and tests read and write through. */
  store: SqliteStore;
  /** The file's connection of the moment (encrypting the file in place replaces it): SQLite only. */
  readonly db: Db;
  dbPath: string;
  /** Long jobs: the doors forward their events (SSE in browser mode, IPC in Electron). */
  jobs: Jobs;
  uploads: Uploads;
  /** The same object the handlers see: acknowledging the recovery key clears it for the door too. */
  encryption: EncryptionState;
  close(): void;
}

/** Who is at the keyboard, for the audit trail. */
function defaultActor(): string {
  try {
    return userInfo().username;
  } catch {
    return 'local user';
  }
}

/**
 * Opens the database with what the door was given to unlock it (`keys`) and wires the dispatcher:
 * what every door (IPC, HTTP, CLI) stands on. An existing database gets its start-up backup when
 * the newest backup is over a day old.
 */
export async function openHustings(opts: {
  dbPath: string;
  keys: KeySource;
  actor?: string;
  startupBackup?: boolean;
  showArtwork?: ShowArtwork;
  /** The command line: methods may name files anywhere (see Ctx.anyFile). */
  anyFile?: boolean;
  /** Progress of long work inside a call, for the command line (see Ctx.onProgress). */
  onProgress?: (done: number, total: number) => void;
}): Promise<Hustings> {
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
  const jobs = createJobs();
  const uploads = createUploads(opts.dbPath);
  const store = new SqliteStore(db);
  const ctx = createCtx(store, encryption, opts.dbPath, opts.actor ?? defaultActor(), {
    jobs,
    uploads,
    showArtwork: opts.showArtwork,
    keyProtector: opts.keys.protector,
    anyFile: opts.anyFile,
    onProgress: opts.onProgress,
  });
  const dispatch = createDispatcher(ctx);
  return {
    dispatch,
    store,
    get db() {
      return store.connection;
    },
    dbPath: opts.dbPath,
    jobs,
    uploads,
    encryption,
    close: () => {
      for (const j of jobs.running()) jobs.cancel(j.jobId);
      uploads.close();
      store.connection.close();
    },
  };
}
