import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../db/sqlite/open.ts';
import { cacheStatements } from '../../db/sqlite/statement-cache.ts';

describe('the statement cache', () => {
  let db: Db;
  beforeEach(() => {
    db = new Database(':memory:');
    db.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO t (name) VALUES ('Ada'), ('Bo')");
    cacheStatements(db);
  });
  afterEach(() => db.close());

  it('hands out the compiled statement again', () => {
    expect(db.prepare('SELECT name FROM t WHERE id = ?')).toBe(db.prepare('SELECT name FROM t WHERE id = ?'));
    expect(db.prepare('SELECT name FROM t WHERE id = ?')).not.toBe(db.prepare('SELECT id FROM t WHERE id = ?'));
  });

  it('resets the row mode another caller chose, as a fresh statement would answer', () => {
    const sql = 'SELECT id, name FROM t WHERE id = ?';
    expect(db.prepare(sql).pluck().get(1)).toBe(1);
    expect(db.prepare(sql).get(1)).toEqual({ id: 1, name: 'Ada' });
    expect(db.prepare(sql).raw().get(2)).toEqual([2, 'Bo']);
    expect(db.prepare(sql).get(2)).toEqual({ id: 2, name: 'Bo' });
    db.prepare("INSERT INTO t (name) VALUES ('Cy')").run();
    expect(db.prepare("INSERT INTO t (name) VALUES ('Cy')").run().changes).toBe(1);
  });

  it('gives a fresh statement while the kept one is still being iterated', () => {
    const sql = 'SELECT name FROM t ORDER BY id';
    const names: string[] = [];
    for (const row of db.prepare(sql).iterate() as IterableIterator<{ name: string }>) {
      names.push(row.name, ...(db.prepare(sql).all() as { name: string }[]).map((r) => r.name));
    }
    expect(names).toEqual(['Ada', 'Ada', 'Bo', 'Bo', 'Ada', 'Bo']);
  });

  it('keeps at most a thousand statements, the least recently used leaving first', () => {
    const first = db.prepare('SELECT 0');
    for (let i = 1; i <= 1000; i++) db.prepare(`SELECT ${i}`);
    expect(db.prepare('SELECT 1000')).toBe(db.prepare('SELECT 1000'));
    expect(db.prepare('SELECT 0')).not.toBe(first);
  });
});
