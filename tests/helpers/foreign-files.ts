/**
 * Files that are not Hustings databases, for foreign-files.test.ts (in process) and
 * foreign-files-cli.test.ts (the CLI).
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { latestVersion, loadMigrations } from '../../db/migrations.ts';

const LATEST = latestVersion(loadMigrations());

/** Another application's SQLite file whose user_version is the one Hustings expects. */
export function foreignFile(path: string, build = "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES ('shopping');") {
  const db = new Database(path);
  db.exec(build);
  db.pragma(`user_version = ${LATEST}`);
  db.close();
  return path;
}

/** The Hustings schema, made by the migrations but carrying another application's mark. */
export function markedByAnother(path: string) {
  const db = new Database(path);
  for (const m of loadMigrations()) db.exec(m.sql);
  db.pragma(`user_version = ${LATEST}`);
  db.pragma('application_id = 1234');
  db.close();
  return path;
}

/** The file, its side files and the folder around it, byte for byte. */
export function fingerprint(path: string) {
  const folder = join(path, '..');
  return { bytes: readFileSync(path).toString('base64'), files: readdirSync(folder).sort() };
}

export function names(path: string): string[] {
  const db = new Database(path, { readonly: true });
  try {
    return (db.prepare('SELECT name FROM elections ORDER BY id').all() as { name: string }[]).map((r) => r.name);
  } finally {
    db.close();
  }
}
