/**
 * The few things SQLite and PostgreSQL say differently, each said here once. Every other
 * statement in the repositories is written once and runs on both engines as it is.
 */
import type { Queries } from '../store.ts';

/**
 * SQLite's planner hint, kept where tests/bench showed its own choice of index slower. PostgreSQL
 * has no such syntax (its planner picks by statistics): there it is nothing.
 */
export function indexedBy(db: Queries, index: string): string {
  return db.engine === 'sqlite' ? `INDEXED BY ${index}` : '';
}

/**
 * LIKE that ignores the case of letters, as SQLite's LIKE does. PostgreSQL's LIKE is
 * case-sensitive and ILIKE is not; `lower(x) LIKE lower(?)` would do on both, but would cost
 * SQLite a function call on every row of a search that reads them all.
 */
export function likeAnyCase(db: Queries): 'LIKE' | 'ILIKE' {
  return db.engine === 'sqlite' ? 'LIKE' : 'ILIKE';
}

/**
 * A top-level field of a column of JSON text (audit copies), compared with `= ?`; null where the
 * text is not a JSON object (PostgreSQL's cast would refuse the whole statement).
 */
export function jsonField(db: Queries, column: string, field: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(field)) throw new Error(`jsonField: bad field name ${field}`);
  return db.engine === 'sqlite' ? `json_extract(${column}, '$.${field}')` : `(CASE WHEN ${column} IS JSON OBJECT THEN ${column}::jsonb ->> '${field}' END)`;
}

/**
 * Holds a row for the rest of the transaction, so that what is read about it next cannot change
 * under the reader. PostgreSQL locks the row (without writing it, as a write that changes nothing
 * would: a new version of a row of many indexes); a SQLite transaction holds the whole file
 * already (BEGIN IMMEDIATE), so there is nothing to do.
 */
export async function lockRow(db: Queries, table: string, id: number): Promise<void> {
  if (!/^[a-z_]+$/.test(table)) throw new Error(`lockRow: bad table name ${table}`);
  if (db.engine === 'postgres') await db.get(`SELECT id FROM ${table} WHERE id = ? FOR NO KEY UPDATE`, [id]);
}

/** Every column, in any table, that is a foreign key to `table`: from the engine's catalogue. */
export async function foreignKeysTo(db: Queries, table: string): Promise<{ tableName: string; columnName: string }[]> {
  const sql =
    db.engine === 'sqlite'
      ? `SELECT m.name AS tableName, f."from" AS columnName FROM sqlite_master m JOIN pragma_foreign_key_list(m.name) f
           WHERE m.type = 'table' AND f."table" = ? ORDER BY m.name`
      : `SELECT c.conrelid::regclass::text AS tableName, a.attname AS columnName FROM pg_constraint c
           JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey)
           WHERE c.contype = 'f' AND c.confrelid = CAST(? AS regclass) ORDER BY 1`;
  return db.all(sql, [table]);
}
