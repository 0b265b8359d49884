/**
 * Files sent by the renderer in text chunks (the same way through IPC and HTTP), kept in a
 * private temporary folder until a job reads them. Uploads are forgotten after an hour.
 */
import { randomUUID } from 'node:crypto';
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Upload {
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

export function createUploads(maxAgeMs = 60 * 60_000): Uploads {
  let dir: string | undefined;
  const files = new Map<string, Upload & { owned: boolean; timer: ReturnType<typeof setTimeout> }>();
  const folder = () => (dir ??= mkdtempSync(join(tmpdir(), 'hustings-uploads-')));
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
      const path = join(folder(), `${id}.csv`);
      writeFileSync(path, '');
      return add({ id, name, path, size, received: 0 }, true);
    },
    append(id, text) {
      const f = files.get(id);
      if (!f) throw new Error(`There is no upload ${id} (uploads are kept for an hour)`);
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
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}
