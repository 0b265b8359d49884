import type { Queries } from '../store.ts';

export async function getSetting<T>(db: Queries, key: string): Promise<T | undefined> {
  const row = (await db.get('SELECT value_json AS v FROM settings WHERE key = ?', [key])) as { v: string } | undefined;
  return row ? (JSON.parse(row.v) as T) : undefined;
}

export async function putSetting(db: Queries, key: string, value: unknown): Promise<void> {
  await db.run('INSERT INTO settings (key, value_json) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json', [
    key,
    JSON.stringify(value),
  ]);
}
