import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMigrations } from '../../db/migrations.ts';
import { ELECTOR_SEARCH_MATCH, electorSearchQuery } from '../../db/postgres/elector-search.ts';
import { migratePostgres, PostgresMigrationRefused } from '../../db/postgres/migrate.ts';
import { movePastCopiedIds } from '../../db/postgres/sequences.ts';
import { openPostgresStore } from '../../db/postgres/store.ts';
import { type Db, openDatabase } from '../../db/sqlite/open.ts';
import type { Store } from '../../db/store.ts';
import { PLAIN } from '../helpers/db.ts';
import { freshPostgresDatabase, type TestDatabase } from '../helpers/postgres.ts';

interface Column {
  table: string;
  column: string;
  notNull: boolean;
  /** The default as SQL, without PostgreSQL's casts ('' for ''::text); null for none. */
  default: string | null;
}

interface ForeignKey {
  table: string;
  column: string;
  references: string;
  onDelete: string;
}

/** SQLite's own tables and those FTS5 keeps for electors_search: not part of the schema we wrote. */
function ours(table: string): boolean {
  return !table.startsWith('sqlite_') && !table.startsWith('electors_search');
}

function sqliteSchema(db: Db) {
  const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((t) => t.name).filter(ours);
  const columns: Column[] = [];
  const foreignKeys: ForeignKey[] = [];
  for (const table of tables) {
    for (const c of db.prepare('SELECT name, "notnull", pk, dflt_value FROM pragma_table_info(?)').all(table) as {
      name: string;
      notnull: number;
      pk: number;
      dflt_value: string | null;
    }[]) {
      // A single INTEGER PRIMARY KEY is never null in SQLite either, whatever "notnull" says.
      columns.push({ table, column: c.name, notNull: c.notnull === 1 || c.pk > 0, default: c.dflt_value });
    }
    for (const f of db.prepare('SELECT "table", "from", on_delete FROM pragma_foreign_key_list(?)').all(table) as {
      table: string;
      from: string;
      on_delete: string;
    }[]) {
      foreignKeys.push({ table, column: f.from, references: f.table, onDelete: f.on_delete });
    }
  }
  // UNIQUE constraints (not primary keys) as table(columns).
  const uniques = tables.flatMap((table) =>
    (db.prepare("SELECT name FROM pragma_index_list(?) WHERE origin = 'u'").all(table) as { name: string }[]).map(
      (i) =>
        `${table}(${(db.prepare('SELECT name FROM pragma_index_info(?) ORDER BY seqno').all(i.name) as { name: string }[]).map((c) => c.name).join(', ')})`,
    ),
  );
  const indexes = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name").all() as { name: string }[]).map(
    (i) => i.name,
  );
  const sort = <T extends { table: string; column: string }>(rows: T[]) =>
    rows.sort((a, b) => a.table.localeCompare(b.table) || a.column.localeCompare(b.column));
  return { tables, columns: sort(columns), foreignKeys: sort(foreignKeys), indexes, uniques: uniques.sort() };
}

const DELETE_RULES: Record<string, string> = { a: 'NO ACTION', r: 'RESTRICT', c: 'CASCADE', n: 'SET NULL', d: 'SET DEFAULT' };

async function postgresSchema(store: Store) {
  const tables = (
    await store.values<[string]>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name",
    )
  ).map(([t]) => t);
  const columns = (
    await store.all<{ table: string; column: string; nullable: string; default: string | null }>(
      "SELECT table_name AS table, column_name AS column, is_nullable AS nullable, column_default AS default FROM information_schema.columns WHERE table_schema = 'public'",
    )
  ).map((c) => ({ table: c.table, column: c.column, notNull: c.nullable === 'NO', default: c.default?.replace(/::[a-z ]+$/, '') ?? null }));
  const foreignKeys = (
    await store.all<{ table: string; column: string; references: string; rule: string }>(
      `SELECT c.conrelid::regclass::text AS table, a.attname AS column, c.confrelid::regclass::text AS references, c.confdeltype AS rule
         FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
        WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace`,
    )
  ).map((f) => ({ table: f.table, column: f.column, references: f.references, onDelete: DELETE_RULES[f.rule] }));
  const indexes = (await store.values<[string]>("SELECT indexname FROM pg_indexes WHERE schemaname = 'public'")).map(([i]) => i);
  const uniques = (
    await store.values<[string, string]>(
      `SELECT c.conrelid::regclass::text, string_agg(a.attname, ', ' ORDER BY k.n)
         FROM pg_constraint c, unnest(c.conkey) WITH ORDINALITY k(attnum, n), pg_attribute a
        WHERE c.contype = 'u' AND c.connamespace = 'public'::regnamespace AND a.attrelid = c.conrelid AND a.attnum = k.attnum
        GROUP BY c.oid, c.conrelid`,
    )
  ).map(([table, cols]) => `${table}(${cols})`);
  return { tables, columns, foreignKeys, indexes, uniques: uniques.sort() };
}

let sqliteDir: string;
let sqlite: ReturnType<typeof sqliteSchema>;
let database: TestDatabase;
let store: Store;

beforeAll(async () => {
  sqliteDir = mkdtempSync(join(tmpdir(), 'hustings-pg-schema-'));
  const db = await openDatabase(join(sqliteDir, 'latest.sqlite'), PLAIN);
  sqlite = sqliteSchema(db);
  db.close();
  database = await freshPostgresDatabase();
  store = openPostgresStore(database.url);
});

afterAll(async () => {
  await store?.close();
  await database?.drop();
  rmSync(sqliteDir, { recursive: true, force: true });
});

describe('the PostgreSQL schema', () => {
  it('is created by migratePostgres, which says what it applied, and applies nothing the second time', async () => {
    const applied = await migratePostgres(store);
    expect(applied).toEqual(loadMigrations('postgres').map((m) => ({ id: m.version, name: m.name })));
    expect(applied[0]).toEqual({ id: 1, name: '001_foundation.pg.sql' });
    // Every migration has its twin, even those 001 already holds for PostgreSQL.
    expect(applied.every((m) => m.name.endsWith('.pg.sql'))).toBe(true);

    const recorded = await store.all<{ id: number; checksum: string; appliedAt: string }>(
      'SELECT id, checksum, applied_at AS appliedAt FROM migrations ORDER BY id',
    );
    expect(recorded.map((r) => [r.id, r.checksum])).toEqual(loadMigrations('postgres').map((m) => [m.version, m.checksum]));
    expect(new Date(recorded[0].appliedAt).getTime()).not.toBeNaN();

    expect(await migratePostgres(store)).toEqual([]);
    expect(await store.get('SELECT COUNT(*) AS n FROM migrations')).toEqual({ n: applied.length });
  });

  it('has every SQLite table with the same columns, NOT NULLs, defaults, foreign keys, UNIQUE constraints and indexes', async () => {
    const pg = await postgresSchema(store);
    expect(sqlite.tables.length).toBeGreaterThan(40);
    const missingTables = sqlite.tables.filter((t) => !pg.tables.includes(t));
    expect(missingTables).toEqual([]);

    const key = (c: { table: string; column: string }) => `${c.table}.${c.column}`;
    const pgColumns = new Map(pg.columns.map((c) => [key(c), c]));
    expect(sqlite.columns.filter((c) => !pgColumns.has(key(c))).map(key)).toEqual([]);
    expect(sqlite.columns.filter((c) => pgColumns.get(key(c))!.notNull !== c.notNull).map(key)).toEqual([]);
    const defaults = (columns: Column[]) => columns.filter((c) => c.default !== null).map((c) => `${key(c)} DEFAULT ${c.default}`);
    expect(defaults(sqlite.columns.map((c) => pgColumns.get(key(c))!))).toEqual(defaults(sqlite.columns));
    expect(defaults(sqlite.columns)).toContain("leaflets.size DEFAULT 'A5'");
    // And nothing more on PostgreSQL, but the migrations record the SQLite side may not have yet.
    const sqliteColumns = new Set(sqlite.columns.map(key));
    expect(pg.columns.filter((c) => !sqliteColumns.has(key(c)) && c.table !== 'migrations').map(key)).toEqual([]);

    const fk = (f: ForeignKey) => `${f.table}.${f.column} -> ${f.references} ON DELETE ${f.onDelete}`;
    expect(pg.foreignKeys.map(fk).sort()).toEqual(sqlite.foreignKeys.map(fk).sort());

    expect(pg.uniques).toEqual(sqlite.uniques);
    expect(sqlite.uniques).toContain('contests(election_id, area_id)');
    expect(sqlite.indexes.filter((i) => !pg.indexes.includes(i))).toEqual([]);
    expect(pg.indexes).toContain('electors_search');
    // Nothing more than those and the indexes of primary keys and UNIQUE constraints (SQLite's are unnamed).
    expect(pg.indexes.filter((i) => !sqlite.indexes.includes(i) && !/_(pkey|key)$/.test(i) && i !== 'electors_search')).toEqual([]);
  });

  it('refuses what SQLite refuses: a CHECK, a unique pair, a RESTRICT on money records', async () => {
    await store.run(
      "INSERT INTO elections (id, name, type, polling_day, nation, created_at, updated_at) VALUES (1, 'May', 'local', '2025-05-01', 'england', 'x', 'x')",
    );
    await store.run("INSERT INTO areas (id, name, kind, nation, created_at, updated_at) VALUES (1, 'Newtown', 'ward', 'england', 'x', 'x')");
    await store.run("INSERT INTO contests (id, election_id, area_id, status, created_at, updated_at) VALUES (1, 1, 1, 'contesting', 'x', 'x')");
    await expect(
      store.run("INSERT INTO contests (election_id, area_id, status, created_at, updated_at) VALUES (1, 1, 'contesting', 'x', 'x')"),
    ).rejects.toMatchObject({
      kind: 'unique',
      table: 'contests',
    });
    await expect(
      store.run(
        "INSERT INTO expenses (contest_id, kind, category, supplier, description, amount_pence, created_at, updated_at) VALUES (1, 'expense', 'transport', 's', 'd', 0, 'x', 'x')",
      ),
    ).rejects.toMatchObject({ kind: 'check', table: 'expenses' });
    await store.run(
      "INSERT INTO expenses (contest_id, kind, category, supplier, description, amount_pence, created_at, updated_at) VALUES (1, 'expense', 'transport', 's', 'd', 500, 'x', 'x')",
    );
    await expect(store.run('DELETE FROM contests WHERE id = 1')).rejects.toMatchObject({ kind: 'foreign_key', table: 'expenses' });
  });

  it('gives new ids past those a copy wrote explicitly, once the copy has moved the sequences on', async () => {
    // The rows above were written with their ids, as a copy from a file writes them.
    const june =
      "INSERT INTO elections (name, type, polling_day, nation, created_at, updated_at) VALUES ('June', 'local', '2025-06-05', 'england', 'x', 'x') RETURNING id";
    await expect(store.get(june)).rejects.toMatchObject({ kind: 'unique', table: 'elections' });
    await store.transaction(movePastCopiedIds);
    expect(await store.get(june)).toEqual({ id: 2 });
    expect(await store.get("INSERT INTO audit_log (at, actor, action, entity, summary) VALUES ('x', 'x', 'x', 'x', 'x') RETURNING id")).toEqual({ id: 1 });
  });

  it('finds electors by the start of any word of name, address or postcode, accents or not', async () => {
    await store.run("INSERT INTO areas (id, name, kind, nation, created_at, updated_at) VALUES (2, 'Oldtown', 'ward', 'england', 'x', 'x')");
    const elector = (n: number, name: string, address: string, postcode: string) =>
      store.run(
        "INSERT INTO electors (area_id, polling_district, elector_number, number, full_name, surname, forenames, address_lines, postcode, walk_seq, created_at, updated_at) VALUES (2, 'AB', ?, ?, ?, '', '', ?, ?, ?, 'x', 'x')",
        [`AB-${n}`, n, name, address, postcode, n],
      );
    await elector(1, 'Zoë Smithson', '12 High Street\nNewtown', 'AB1 2CD');
    await elector(2, "Sean O'Brien", 'Rose Cottage\nMill Lane', 'AB1 3EF');
    await elector(3, 'Amy Jones', '14 High Street\nNewtown', 'ZZ9 9ZZ');
    const found = async (search: string) =>
      (await store.values<[string]>(`SELECT elector_number FROM electors WHERE ${ELECTOR_SEARCH_MATCH} ORDER BY walk_seq`, [electorSearchQuery(search)!])).map(
        ([n]) => n,
      );
    expect(await found('zoe')).toEqual(['AB-1']);
    expect(await found('ZOË smi')).toEqual(['AB-1']);
    expect(await found('high')).toEqual(['AB-1', 'AB-3']);
    expect(await found('ab1')).toEqual(['AB-1', 'AB-2']);
    expect(await found("o'bri")).toEqual(['AB-2']);
    // A word split in parts is its parts side by side, in order, as in FTS5's phrase.
    expect(await found('cottage-mill')).toEqual(['AB-2']);
    expect(await found('mill-cottage')).toEqual([]);
    expect(await found('ab1-3')).toEqual(['AB-2']);
    expect(await found('cottage mill')).toEqual(['AB-2']);
    expect(await found('jones high smith')).toEqual([]);
    expect(await found('igh')).toEqual([]); // The start of a word, not any part of it.

    // An edit or an erasure changes what is found with the row.
    await store.run("UPDATE electors SET full_name = 'Amy Brown' WHERE elector_number = 'AB-3'");
    expect(await found('jones')).toEqual([]);
    await store.run("DELETE FROM electors WHERE elector_number = 'AB-1'");
    expect(await found('zoe')).toEqual([]);
  });
});

describe('a PostgreSQL database migratePostgres will not touch', () => {
  const migrated = async () => {
    const db = await freshPostgresDatabase();
    const s = openPostgresStore(db.url);
    await migratePostgres(s);
    return { db, s };
  };
  const tables = async (s: Store) =>
    (await s.values<[string]>("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1")).map(([t]) => t);

  it('is one recording a migration newer than this version knows', async () => {
    const { db, s } = await migrated();
    try {
      await s.run("INSERT INTO migrations (id, name, checksum, applied_at) VALUES (999, '999_future.pg.sql', 'abc', '2030-01-01')");
      await expect(migratePostgres(s)).rejects.toThrow(
        /migration 999 \(999_future\.pg\.sql\) applied, newer than this version of Hustings knows \(up to \d+\).*nothing was changed/,
      );
    } finally {
      await s.close();
      await db.drop();
    }
  });

  it('is one recording a migration this version does not have, or one that differs from ours', async () => {
    const { db, s } = await migrated();
    try {
      const known = loadMigrations('postgres');
      const withGap = known.filter((m) => m.version !== 5);
      await expect(migratePostgres(s, withGap)).rejects.toThrow(
        /records migration 5 \(005_volunteers_leaflets\.pg\.sql\), which this version of Hustings does not have/,
      );
      await s.run("UPDATE migrations SET checksum = 'edited' WHERE id = 3");
      await expect(migratePostgres(s)).rejects.toThrow(/migration 3 \(003_register\.pg\.sql\) differs from this version's 003_register\.pg\.sql/);
      expect(await s.get('SELECT COUNT(*) AS n FROM migrations')).toEqual({ n: known.length });
    } finally {
      await s.close();
      await db.drop();
    }
  });

  it('is one holding another application’s tables, left as it was', async () => {
    const db = await freshPostgresDatabase();
    const s = openPostgresStore(db.url);
    try {
      await s.run('CREATE TABLE invoices (id integer PRIMARY KEY)');
      // Its own error, so the CLI can print the message alone.
      await expect(migratePostgres(s)).rejects.toBeInstanceOf(PostgresMigrationRefused);
      await expect(migratePostgres(s)).rejects.toThrow(
        /already holds tables \(invoices, …\) but no record of Hustings migrations: it is not a Hustings database/,
      );
      expect(await tables(s)).toEqual(['invoices']);
    } finally {
      await s.close();
      await db.drop();
    }
  });

  it('is never half-migrated: a failing migration leaves the ones before it recorded, and nothing of itself', async () => {
    const db = await freshPostgresDatabase();
    const s = openPostgresStore(db.url);
    try {
      const known = loadMigrations('postgres').slice(0, 2);
      const broken = [...known, { version: 3, name: '003_broken.pg.sql', sql: 'CREATE TABLE half (id integer); SELECT no_such_function();', checksum: 'x' }];
      await expect(migratePostgres(s, broken)).rejects.toThrow(/no_such_function/);
      expect(await s.values('SELECT id FROM migrations ORDER BY id')).toEqual([[1], [2]]);
      expect(await tables(s)).not.toContain('half');
    } finally {
      await s.close();
      await db.drop();
    }
  });
});
