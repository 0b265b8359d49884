import type { Queries } from '../store.ts';

export async function getSetting<T>(db: Queries, key: string): Promise<T | undefined> {
  const text = await getSettingText(db, key);
  return text === undefined ? undefined : (JSON.parse(text) as T);
}

/** A setting's JSON as it is stored, for a reader that keeps what it worked out from it while it stays the same. */
export async function getSettingText(db: Queries, key: string): Promise<string | undefined> {
  return (await db.get<{ v: string }>('SELECT value_json AS v FROM settings WHERE key = ?', [key]))?.v;
}

export async function putSetting(db: Queries, key: string, value: unknown): Promise<void> {
  await db.run('INSERT INTO settings (key, value_json) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json', [
    key,
    JSON.stringify(value),
  ]);
}
