import type { Statement } from 'better-sqlite3-multiple-ciphers';
import type { Db } from './open.ts';

/** Enough for every statement the app runs; SQL built with a varying number of `?` may pass it. */
const LIMIT = 1000;

/**
 * Keeps the connection's statements compiled. better-sqlite3 compiles the SQL on every `prepare`
 * (about 0.1 ms here, more than running a keyed lookup), and handlers prepare the same few hundred
 * statements call after call: one tellers' number went through eight compilations. A statement
 * handed out again has its row mode (pluck, raw, expand) reset, as a fresh one would; one still
 * being iterated is not shared, a fresh one is compiled instead. Least recently used go first.
 */
export function cacheStatements(db: Db): void {
  const compile = db.prepare.bind(db);
  const cache = new Map<string, Statement>();
  db.prepare = ((sql: string) => {
    const kept = cache.get(sql);
    if (kept?.busy) return compile(sql);
    if (kept) {
      cache.delete(sql);
      cache.set(sql, kept);
      if (kept.reader) kept.raw(false).pluck(false).expand(false);
      return kept;
    }
    const statement = compile(sql);
    cache.set(sql, statement);
    if (cache.size > LIMIT) cache.delete(cache.keys().next().value!);
    return statement;
  }) as Db['prepare'];
}
