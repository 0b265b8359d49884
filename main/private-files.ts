/**
 * Everything Hustings writes can hold the electoral register or canvass returns, so on Linux and
 * macOS its files are readable by their owner only (0600) and its folders are the owner's only
 * (0700). No single mechanism covers every writer, so three layers each cover what the others
 * miss:
 *
 * 1. The process umask (0o077), set by every door as it starts (CLI, browser mode, the desktop
 *    app, all through openHustings). Files other code creates — SQLite's database, -wal, -shm and
 *    journal, the copies `VACUUM INTO` and the backup API write, anything a dependency writes —
 *    come out private without each writer having to remember.
 * 2. Explicit modes where Hustings itself writes (makeFolder's 0700 default, `writePrivateFile`,
 *    `mode: 0o600`): the umask cannot be set from a worker thread, and an embedder could reset it.
 * 3. Tightening on open (`tightenDataFiles`): files and folders that older versions created
 *    readable by everyone (0644/0755) are made private the next time Hustings opens them; and
 *    SQLite gives a new -wal/-shm the database file's own mode, so the file is tightened first.
 *
 * Windows has no such mode bits (each user's profile folder is protected by its ACLs), so none
 * of this runs there.
 */
import { chmodSync, existsSync, lstatSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { isMainThread } from 'node:worker_threads';

const POSIX = process.platform !== 'win32';
export const PRIVATE_FILE = 0o600;
const PRIVATE_FOLDER = 0o700;

/** The folders Hustings keeps beside a database (backups, leaflet artwork, upload temporaries). */
const DATA_SUBFOLDERS = ['backups', 'artwork', 'uploads'] as const;

/** New files and folders of this process are its owner's only (layer 1 above). */
export function keepFilesPrivate(): void {
  if (POSIX && isMainThread) process.umask(0o077);
}

function tighten(path: string, mode: number, isFolder: boolean): void {
  try {
    // lstat: a symbolic link is left alone (chmod would change what it points at).
    const st = lstatSync(path);
    if (isFolder ? !st.isDirectory() : !st.isFile()) return;
    if ((st.mode & 0o777 & ~mode) !== 0) chmodSync(path, st.mode & mode);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return;
    // Another user's file (EPERM): say so, but do not refuse to open the data.
    console.warn(`[hustings] could not make ${path} readable by its owner only: ${(error as Error).message}`);
  }
}

/** A folder Hustings owns, and the files directly in it, made private (0700 / 0600). */
export function tightenFolder(dir: string): void {
  if (!POSIX) return;
  tighten(dir, PRIVATE_FOLDER, true);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) tighten(join(dir, name), PRIVATE_FILE, false);
}

/**
 * Makes private what belongs to the database at `dbPath`: the file and everything beside it named
 * after it (-wal, -shm, -journal, .key, .erasures), and its backups, artwork and uploads folders
 * with their files. The folder holding the database is left as it is — it may be the user's
 * Documents — unless it is Hustings' own data folder (see `tightenFolder`). Not the browser token:
 * one others could read may have been read, so browser-token.ts replaces it rather than trust it.
 */
export function tightenDataFiles(dbPath: string): void {
  if (!POSIX || dbPath === ':memory:') return;
  const dir = dirname(dbPath);
  const file = basename(dbPath);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return; // no folder yet: whatever is made now is made private by the umask and makeFolder
  }
  for (const name of names) {
    if (name.startsWith(file)) tighten(join(dir, name), PRIVATE_FILE, false);
  }
  for (const sub of DATA_SUBFOLDERS) tightenFolder(join(dir, sub));
}

/** Writes a file only its owner can read, even when it replaces one others could. */
export function writePrivateFile(path: string, data: string | Uint8Array): void {
  // An existing file keeps its mode through writeFileSync: narrow it before the data goes in.
  if (POSIX && existsSync(path)) chmodSync(path, PRIVATE_FILE);
  writeFileSync(path, data, { mode: PRIVATE_FILE });
}
