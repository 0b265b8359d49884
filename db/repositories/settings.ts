import type { Db } from '../open.ts';

export async function getSetting<T>(db: Db, key: string): Promise<T | undefined> {
  const row = db.prepare('SELECT value_json AS v FROM settings WHERE key = ?').get(key) as { v: string } | undefined;
  return row ? (JSON.parse(row.v) as T) : undefined;
}

export async function putSetting(db: Db, key: string, value: unknown): Promise<void> {
  db.prepare('INSERT INTO settings (key, value_json) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json').run(
    key,
    JSON.stringify(value),
  );
}
