/**
 * Files sent by the renderer in text chunks (the same way through IPC and HTTP), kept until a
 * job reads them. Uploads are forgotten after an hour. They hold registers (personal data), so
 * they live in a folder Hustings owns beside the database, readable by its owner only, and what
 * a crash left there is removed when Hustings next starts.
 */
import { randomUUID } from 'node:crypto';
import { appendFileSync, chmodSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { makeFolder } from '../db/folders.ts';
import { AppError } from '../shared/contract/result.ts';

interface Upload {
  id: string;
  name: string;
  path: string;
  size: number;
  received: number;
}

export interface Uploads {
  begin(name: string, size: number): Upload;
  append(id: string, text: string): Upload;
  get(id: string): Upload | undefined;
  discard(id: string): void;
  /** Registers a file already on disk (the CLI, the desktop app's open dialog). */
  adopt(path: string, name: string, size: number): Upload;
  close(): void;
}

/** The folder beside the database where uploads wait for their job. */
export function uploadsDir(dbPath: string): string {
  return join(dirname(dbPath), 'uploads');
}

/** Whether a process is running: a file named for a live one is another Hustings' upload. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes the uploads a Hustings process that is no longer running (a crash) left behind. */
function removeLeftoverUploads(dir: string): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return; // no folder: nothing left over
  }
  for (const name of names) {
    const pid = Number(/^(\d+)-/.exec(name)?.[1]);
    if (Number.isInteger(pid) && pid !== process.pid && !alive(pid)) rmSync(join(dir, name), { force: true });
  }
}

/**
 * Uploads for the database at `dbPath` (an in-memory database's go to a private temporary
 * folder). Each file's name starts with this process's id, so another Hustings on the same
 * folder (the CLI beside browser mode) knows it is in use.
 */
export function createUploads(dbPath: string, maxAgeMs = 60 * 60_000): Uploads {
  const owned = dbPath === ':memory:' ? undefined : uploadsDir(dbPath);
  if (owned) removeLeftoverUploads(owned);
  let dir: string | undefined;
  const files = new Map<string, Upload & { owned: boolean; timer: ReturnType<typeof setTimeout> }>();
  const folder = () => {
    if (dir) return dir;
    if (!owned) return (dir = mkdtempSync(join(tmpdir(), 'hustings-uploads-')));
    makeFolder(owned, 0o700);
    chmodSync(owned, 0o700); // a folder made before, or by someone else, is made private too
    return (dir = owned);
  };
  const forget = (id: string) => {
    const f = files.get(id);
    if (!f) return;
    clearTimeout(f.timer);
    files.delete(id);
    if (f.owned) rmSync(f.path, { force: true });
  };
  const add = (u: Upload, owned: boolean) => {
    const timer = setTimeout(() => forget(u.id), maxAgeMs);
    timer.unref?.();
    files.set(u.id, { ...u, owned, timer });
    return u;
  };
  return {
    begin(name, size) {
      const id = randomUUID();
      const path = join(folder(), `${process.pid}-${id}.csv`);
      writeFileSync(path, '', { mode: 0o600 });
      return add({ id, name, path, size, received: 0 }, true);
    },
    append(id, text) {
      const f = files.get(id);
      if (!f) throw new Error(`There is no upload ${id} (uploads are kept for an hour)`);
      // Text is counted in characters, never more than the bytes they were read from.
      if (f.received + text.length > f.size) {
        forget(id);
        throw new AppError(
          'invalid_input',
          `${f.name} is longer than the ${f.size.toLocaleString('en-GB')} bytes it was said to be, so it was not kept: send it again`,
          {
            text: 'More than the size given when sending began',
          },
        );
      }
      appendFileSync(f.path, text);
      f.received += text.length;
      return { id: f.id, name: f.name, path: f.path, size: f.size, received: f.received };
    },
    get(id) {
      const f = files.get(id);
      return f ? { id: f.id, name: f.name, path: f.path, size: f.size, received: f.received } : undefined;
    },
    discard: forget,
    adopt(path, name, size) {
      return add({ id: randomUUID(), name, path, size, received: size }, false);
    },
    close() {
      for (const id of [...files.keys()]) forget(id);
      if (dir && !owned) rmSync(dir, { recursive: true, force: true });
    },
  };
}
