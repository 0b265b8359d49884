import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Hustings, openHustings } from '../../main/app.ts';

/** A real database file with the real migrations, in a folder removed afterwards. */
export async function tempHustings(): Promise<Hustings & { dir: string; cleanup(): void }> {
  const dir = mkdtempSync(join(tmpdir(), 'hustings-test-'));
  const app = await openHustings({ dbPath: join(dir, 'hustings.sqlite'), actor: 'tester' });
  return {
    ...app,
    dir,
    cleanup() {
      app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Every user table's rows, to prove a rejected call changed nothing. */
export function snapshot(app: Hustings): string {
  const tables = app.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as {
    name: string;
  }[];
  return JSON.stringify(tables.map(({ name }) => [name, app.db.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).all()]));
}

/** Calls a method and returns its value, failing the test with the error message otherwise. */
export async function ok<T = any>(app: Hustings, method: string, input: unknown): Promise<T> {
  const r = await app.dispatch(method, input);
  if (!r.ok) throw new Error(`${method} failed: ${r.error.message}`);
  return r.value as T;
}
