import { existsSync, readFileSync } from 'node:fs';

/** Whether the text's UTF-8 bytes occur anywhere in the database file or its WAL. */
export function fileBytesMention(dbPath: string, text: string): boolean {
  const needle = Buffer.from(text, 'utf8');
  return [dbPath, `${dbPath}-wal`].some((f) => existsSync(f) && readFileSync(f).includes(needle));
}
