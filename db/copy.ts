/**
 * A whole campaign from one store into another (a desktop file into a team database, or back),
 * whichever engines they are: every table of the schema, parents before children, all columns by
 * name, in one transaction on the target. Each side keeps its own record of migrations (both must
 * be at this version's schema), and what an engine derives itself is not copied: SQLite's elector
 * search index follows electors by its triggers, PostgreSQL's is an index over the rows. Leaflet
 * artwork, kept in files beside each database, follows once the rows are committed. Then a check
 * reads both sides again and compares each table's row count and content checksum, and the files.
 */
import { createHash } from 'node:crypto';
import { type ArtworkCopied, artworkNames, type ArtworkSum, artworkSum, carryArtwork } from './artwork-files.ts';
import { latestVersion, loadMigrations, recordMismatch, type RecordedMigration } from './migrations.ts';
import { movePastCopiedIds } from './postgres/sequences.ts';
import type { Queries, SqlValue, Store } from './store.ts';

/** One end of a copy; `label` names it in messages (a file's path, a URL without its password). */
export interface Side {
  store: Store;
  label: string;
  /** Its folder of leaflet artwork (db/artwork-files.ts): when both ends name one, the files are carried too. */
  artwork?: string;
}

/** A copy refused, or rolled back, with nothing written: the message says why and what to do. */
export class CopyRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CopyRefused';
  }
}

export interface Table {
  name: string;
  columns: string[];
  /** The primary key's columns, in key order: rows are read in pages along it. */
  key: string[];
  /** Tables this one's foreign keys point at. */
  parents: string[];
}

export interface TableSum {
  rows: number;
  /** sha256 of each row (values normalised alike on both engines), added up modulo 2^256, in hex. */
  checksum: string;
}

export interface TableCheck {
  table: string;
  source: TableSum;
  target: TableSum;
  same: boolean;
}

const PAGE = 1000;
/** Values per INSERT: under SQLite's limit of 32,766 and PostgreSQL's of 65,535. */
const VALUES_PER_INSERT = 30_000;

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * A team server's ways in, not the campaign: sessions, one-time links and failed sign-ins stay
 * where they were made (a copy signs nobody in elsewhere). Accounts and their role grants, the
 * branch's record of who does what, are copied.
 */
export const NOT_COPIED = new Set(['sessions', 'sign_in_links', 'sign_in_failures']);

/** The tables that hold a campaign, as the engine's own catalogue lists them. */
async function tablesOf(store: Store): Promise<Table[]> {
  if (store.engine === 'sqlite') {
    // Plain tables only: the search index is a virtual table with shadow tables of its own.
    const names = await store.all<{ name: string }>(
      "SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'migrations'",
    );
    const tables: Table[] = [];
    for (const { name } of names) {
      const columns = await store.all<{ name: string; pk: number }>('SELECT name, pk FROM pragma_table_info(?) ORDER BY cid', [name]);
      const parents = await store.all<{ parent: string }>('SELECT DISTINCT "table" AS parent FROM pragma_foreign_key_list(?)', [name]);
      tables.push({
        name,
        columns: columns.map((c) => c.name),
        key: columns
          .filter((c) => c.pk > 0)
          .sort((a, b) => a.pk - b.pk)
          .map((c) => c.name),
        parents: parents.map((p) => p.parent),
      });
    }
    return tables.filter((t) => !NOT_COPIED.has(t.name));
  }
  const names = await store.all<{ name: string }>(
    "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> 'migrations'",
  );
  const tables: Table[] = [];
  for (const { name } of names) {
    const columns = await store.all<{ name: string }>(
      'SELECT column_name AS name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position',
      [name],
    );
    const key = await store.all<{ name: string }>(
      `SELECT k.column_name AS name FROM information_schema.table_constraints c
         JOIN information_schema.key_column_usage k ON k.constraint_schema = c.constraint_schema AND k.constraint_name = c.constraint_name
        WHERE c.table_schema = current_schema() AND c.table_name = ? AND c.constraint_type = 'PRIMARY KEY' ORDER BY k.ordinal_position`,
      [name],
    );
    const parents = await store.all<{ parent: string }>(
      "SELECT DISTINCT confrelid::regclass::text AS parent FROM pg_constraint WHERE contype = 'f' AND conrelid = ?::regclass",
      [quote(name)],
    );
    tables.push({ name, columns: columns.map((c) => c.name), key: key.map((k) => k.name), parents: parents.map((p) => p.parent.replace(/^"|"$/g, '')) });
  }
  return tables.filter((t) => !NOT_COPIED.has(t.name));
}

/** Parents before children (by name where the order is free), so every foreign key finds its row. */
function parentsFirst(tables: Table[]): Table[] {
  const left = new Map(tables.map((t) => [t.name, t]));
  const ordered: Table[] = [];
  while (left.size > 0) {
    const ready = [...left.values()].filter((t) => t.parents.every((p) => p === t.name || !left.has(p))).sort((a, b) => (a.name < b.name ? -1 : 1));
    if (ready.length === 0) throw new Error(`The tables ${[...left.keys()].join(', ')} refer to each other in a circle: no order copies them.`);
    for (const t of ready) {
      ordered.push(t);
      left.delete(t.name);
    }
  }
  return ordered;
}

/** Refuses a side whose schema is not this version's: older, newer, or another build's. */
export async function requireCurrentSchema(side: Side): Promise<void> {
  const { store, label } = side;
  const known = loadMigrations(store.engine);
  const latest = latestVersion(known);
  const hasRecord =
    store.engine === 'sqlite'
      ? await store.get("SELECT 1 AS found FROM sqlite_schema WHERE type = 'table' AND name = 'migrations'")
      : await store.get("SELECT 1 AS found FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'migrations'");
  if (!hasRecord) throw new CopyRefused(`${label} holds no Hustings campaign (it has no record of Hustings migrations). Nothing was written.`);
  const recorded = await store.all<RecordedMigration>('SELECT id, name, checksum FROM migrations ORDER BY id');
  const version = recorded.reduce((max, r) => Math.max(max, r.id), 0);
  const mismatch = recordMismatch(recorded, known);
  if (mismatch?.kind === 'newer') {
    throw new CopyRefused(
      `${label} is from a newer version of Hustings (schema ${version}; this version knows up to ${latest}): copy it with that version. Nothing was written.`,
    );
  }
  if (mismatch !== null) {
    throw new CopyRefused(
      `${label} records migration ${mismatch.recorded.id} (${mismatch.recorded.name}), which this version of Hustings does not have as it is: another build wrote it. Nothing was written.`,
    );
  }
  if (version < latest) {
    const how =
      store.engine === 'postgres' ? `hustings migrate --database ${label}` : `open it once with this version, e.g. hustings elections list --db ${label}`;
    throw new CopyRefused(`${label} is at schema ${version}, this version of Hustings at ${latest}: migrate it first (${how}). Nothing was written.`);
  }
}

/** The tables to copy, in order, once both sides are known to have the same ones with the same columns. */
async function sharedTables(from: Side, to: Side): Promise<Table[]> {
  const source = await tablesOf(from.store);
  const target = new Map((await tablesOf(to.store)).map((t) => [t.name, t]));
  const names = (tables: Iterable<{ name: string }>) => [...tables].map((t) => t.name).sort();
  if (names(source).join() !== names(target.values()).join()) {
    const missing = names(source).filter((n) => !target.has(n));
    const extra = names(target.values()).filter((n) => !source.some((t) => t.name === n));
    throw new CopyRefused(
      `${from.label} and ${to.label} do not have the same tables (only one has ${[...missing, ...extra].join(', ')}). Nothing was written.`,
    );
  }
  for (const t of source) {
    const other = target.get(t.name) as Table;
    if ([...t.columns].sort().join() !== [...other.columns].sort().join()) {
      throw new CopyRefused(`The table ${t.name} has other columns in ${from.label} than in ${to.label}. Nothing was written.`);
    }
  }
  return parentsFirst(source);
}

/** A table's rows as value arrays in `columns` order, a page at a time along its primary key. */
async function* pages(q: Queries, table: Table, columns: string[]): AsyncGenerator<unknown[][]> {
  const select = `SELECT ${columns.map(quote).join(', ')} FROM ${quote(table.name)}`;
  if (table.key.length === 0) {
    yield await q.values(select);
    return;
  }
  const key = table.key.map(quote).join(', ');
  const keyAt = table.key.map((k) => columns.indexOf(k));
  let after: SqlValue[] | null = null;
  for (;;) {
    const where: string = after === null ? '' : ` WHERE (${key}) > (${table.key.map(() => '?').join(', ')})`;
    const rows: unknown[][] = await q.values(`${select}${where} ORDER BY ${key} LIMIT ${PAGE}`, after ?? []);
    if (rows.length > 0) yield rows;
    if (rows.length < PAGE) return;
    const last = rows[rows.length - 1];
    after = keyAt.map((i) => last[i] as SqlValue);
  }
}

async function insertRows(q: Queries, table: Table, rows: unknown[][]): Promise<void> {
  const perInsert = Math.max(1, Math.floor(VALUES_PER_INSERT / table.columns.length));
  const row = `(${table.columns.map(() => '?').join(', ')})`;
  const into = `INSERT INTO ${quote(table.name)} (${table.columns.map(quote).join(', ')}) VALUES `;
  for (let i = 0; i < rows.length; i += perInsert) {
    const chunk = rows.slice(i, i + perInsert);
    await q.run(into + chunk.map(() => row).join(', '), chunk.flat() as SqlValue[]);
  }
}

/** Tables holding rows, with how many. */
async function filledTables(q: Queries, tables: Table[]): Promise<{ table: string; rows: number }[]> {
  const filled: { table: string; rows: number }[] = [];
  for (const t of tables) {
    const { n } = (await q.get<{ n: number }>(`SELECT COUNT(*) AS n FROM ${quote(t.name)}`)) as { n: number };
    if (n > 0) filled.push({ table: t.name, rows: n });
  }
  return filled;
}

/**
 * Reads in one transaction that sees one moment of the data, also while others write: on
 * PostgreSQL a read-only snapshot (REPEATABLE READ), on SQLite the file's write lock.
 */
function readConsistently<T>(store: Store, work: (q: Queries) => Promise<T>): Promise<T> {
  return store.transaction(async (q) => {
    if (store.engine === 'postgres') await q.run('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    return work(q);
  });
}

/**
 * Copies every table of `from` into `to` in one transaction on `to`, and returns the tables in
 * the order copied with their row counts. A target holding any row is refused unless `replace`,
 * which empties it (children first) in the same transaction. `onProgress` hears rows copied of all.
 * When both sides name their artwork folder, the leaflets' files follow after the commit, and the
 * files only the replaced rows named are removed then (`artwork` says what happened).
 */
export async function copyCampaign(
  from: Side,
  to: Side,
  opts: { replace?: boolean; onProgress?: (done: number, total: number) => void } = {},
): Promise<{ tables: Table[]; copied: { table: string; rows: number }[]; artwork?: ArtworkCopied }> {
  await requireCurrentSchema(from);
  await requireCurrentSchema(to);
  const tables = await sharedTables(from, to);
  let carried: string[] = [];
  let replaced: string[] = [];
  const copied = await readConsistently(from.store, (src) =>
    to.store.transaction(async (dst) => {
      const filled = await filledTables(dst, tables);
      if (filled.length > 0 && !opts.replace) {
        const shown = filled.slice(0, 3).map((f) => `${f.table}: ${f.rows}`);
        if (filled.length > 3) shown.push(`${filled.length - 3} more tables`);
        throw new CopyRefused(
          `${to.label} already holds data (${shown.join(', ')}). Nothing was written. Copy into an empty database, or add --replace to empty this one first (what it holds now is lost).`,
        );
      }
      replaced = await artworkNames(dst);
      carried = await artworkNames(src);
      for (const t of [...tables].reverse()) await dst.run(`DELETE FROM ${quote(t.name)}`);
      const total = (await filledTables(src, tables)).reduce((sum, f) => sum + f.rows, 0);
      let done = 0;
      opts.onProgress?.(done, total);
      const counts: { table: string; rows: number }[] = [];
      for (const t of tables) {
        let rows = 0;
        try {
          for await (const page of pages(src, t, t.columns)) {
            await insertRows(dst, t, page);
            rows += page.length;
            done += page.length;
            opts.onProgress?.(done, total);
          }
        } catch (error) {
          // The whole transaction rolls back: say which table the target would not take.
          const why = error instanceof Error ? error.message : String(error);
          throw new CopyRefused(`${to.label} would not take the rows of ${t.name} (${why}). The copy was rolled back: nothing was written.`);
        }
        counts.push({ table: t.name, rows });
      }
      // Ids were written as they were: new rows must get ids past them.
      if (to.store.engine === 'postgres') await movePastCopiedIds(dst);
      return counts;
    }),
  );
  if (from.artwork === undefined || to.artwork === undefined) return { tables, copied };
  return { tables, copied, artwork: carryArtwork(carried, from.artwork, to.artwork, replaced) };
}

/** A value as both engines' rows give it to the checksum: numbers as numbers, text as text, bytes as hex. */
function normalised(value: unknown): unknown {
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value instanceof Uint8Array) return { bytes: Buffer.from(value).toString('hex') };
  if (Object.is(value, -0)) return 0;
  return value;
}

const MOD = 1n << 256n;

/**
 * Each table's row count and checksum. Rows are hashed one by one and the hashes added up, so the
 * sum does not depend on the order an engine sorts text in; columns are taken in name order.
 */
export async function tableSums(store: Store, tables: Table[]): Promise<Map<string, TableSum>> {
  return readConsistently(store, async (q) => {
    const sums = new Map<string, TableSum>();
    for (const t of tables) {
      const columns = [...t.columns].sort();
      let rows = 0;
      let sum = 0n;
      for await (const page of pages(q, t, columns)) {
        for (const row of page) {
          const hash = createHash('sha256')
            .update(JSON.stringify(row.map(normalised)))
            .digest('hex');
          sum = (sum + BigInt(`0x${hash}`)) % MOD;
          rows++;
        }
      }
      sums.set(t.name, { rows, checksum: sum.toString(16).padStart(64, '0') });
    }
    return sums;
  });
}

/** Reads both sides again and compares every table: its rows and their content. */
export async function checkCopy(from: Side, to: Side, tables: Table[]): Promise<TableCheck[]> {
  const source = await tableSums(from.store, tables);
  const target = await tableSums(to.store, tables);
  return tables.map((t) => {
    const s = source.get(t.name) as TableSum;
    const d = target.get(t.name) as TableSum;
    return { table: t.name, source: s, target: d, same: s.rows === d.rows && s.checksum === d.checksum };
  });
}

/** Compares the artwork files each side's leaflets name and its folder holds: how many, and their names and bytes. */
export async function checkArtwork(
  from: Side & { artwork: string },
  to: Side & { artwork: string },
): Promise<{ source: ArtworkSum; target: ArtworkSum; same: boolean }> {
  const source = await artworkSum(from.store, from.artwork);
  const target = await artworkSum(to.store, to.artwork);
  return { source, target, same: source.files === target.files && source.checksum === target.checksum };
}
