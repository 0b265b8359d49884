/**
 * The team database from the command line: `migrate` brings a PostgreSQL database to this
 * version's schema, `copy` moves a whole campaign between a desktop file and a PostgreSQL database
 * (db/copy.ts does the work and the check). A URL is only ever shown without its password.
 */
import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { artworkFolder } from '../../db/artwork-files.ts';
import { takeBackup } from '../../db/sqlite/backup.ts';
import { checkArtwork, checkCopy, copyCampaign, CopyRefused, requireCurrentSchema, type Side } from '../../db/copy.ts';
import { latestVersion, loadMigrations } from '../../db/migrations.ts';
import { openKeyedDatabase } from '../../db/sqlite/open.ts';
import { migratePostgres, PostgresMigrationRefused } from '../../db/postgres/migrate.ts';
import { SqliteStore } from '../../db/sqlite/store.ts';
import type { Store } from '../../db/store.ts';
import { scrubbed, shownUrl, whyUnreachable } from '../../db/postgres/reach.ts';
import { CliError, type Command, filesDirOf, isPostgresUrl, postgresUrl, printTable, progressOnStderr, URL_EXAMPLE, type Values } from './command.ts';
import { announceRecoveryKey, keysFromTerminal } from './unlock.ts';
import { plural } from '../../shared/domain/words.ts';

const CONNECT_TIMEOUT_MS = 10_000;

/** A store on the database at `url`, proven to answer; a server that does not is a usage problem (exit 2). */
async function connect(url: string, option: string): Promise<Store> {
  // The driver loads only here: every other command starts without it.
  const { openPostgresStore } = await import('../../db/postgres/store.ts');
  const store = openPostgresStore(url, { max: 2, connectTimeoutMs: CONNECT_TIMEOUT_MS });
  try {
    await store.get('SELECT 1 AS ok');
    return store;
  } catch (error) {
    await store.close().catch(() => undefined);
    throw new CliError(
      `Cannot reach the PostgreSQL database ${shownUrl(url)} (${option}): ${whyUnreachable(error) ?? scrubbed(String((error as Error).message ?? error), url)}. Nothing was written.`,
      2,
    );
  }
}

/** Migrates, with a refusal (a newer or foreign database) told as it is: exit 1, nothing changed. */
async function migrated(store: Store): Promise<{ id: number; name: string }[]> {
  try {
    return await migratePostgres(store);
  } catch (error) {
    if (error instanceof PostgresMigrationRefused) throw new CliError(error.message, 1);
    throw error;
  }
}

const migrationName = (name: string) => name.replace(/(\.pg)?\.sql$/, '');

async function runMigrate(values: Values): Promise<number> {
  const url = postgresUrl(values.database, '--database');
  const shown = shownUrl(url);
  const store = await connect(url, '--database');
  try {
    const applied = await migrated(store);
    const version = latestVersion(loadMigrations('postgres'));
    if (applied.length === 0) console.log(`Already up to date at version ${version}: ${shown}`);
    else console.log(`Applied ${applied.map((m) => migrationName(m.name)).join(', ')} to ${shown}: it is at version ${version}.`);
    return 0;
  } finally {
    await store.close();
  }
}

type End = { kind: 'file'; path: string } | { kind: 'postgres'; url: string };

function endOf(value: unknown, option: string): End {
  if (typeof value !== 'string' || value === '') {
    throw new CliError(`Give both ends: --from FILE --to ${URL_EXAMPLE} (or --from ${URL_EXAMPLE} --to FILE); ${option} is missing.`, 2);
  }
  return isPostgresUrl(value) ? { kind: 'postgres', url: postgresUrl(value, option) } : { kind: 'file', path: resolve(value) };
}

function label(end: End): string {
  return end.kind === 'file' ? end.path : shownUrl(end.url);
}

/** Where an end keeps its leaflet artwork: beside a file; for a team database, in --files DIR (as serve keeps it). */
function artworkOf(end: End, values: Values): string {
  return artworkFolder(end.kind === 'file' ? dirname(end.path) : filesDirOf(values));
}

/** The campaign file to copy from, as it is: one from an older version is refused, not upgraded. */
async function openSourceFile(path: string, values: Values): Promise<Store> {
  const { db } = await openKeyedDatabase(path, await keysFromTerminal(path, values), { upgrade: false });
  return new SqliteStore(db);
}

/**
 * The file to copy into, opened as every command opens one: created encrypted (with its key file)
 * when new, migrated when old. An existing file about to be replaced is backed up first, as a
 * restore backs up what it replaces.
 */
async function openTargetFile(path: string, values: Values): Promise<Store> {
  const existed = existsSync(path) && statSync(path).size > 0;
  const { db, encryption } = await openKeyedDatabase(path, await keysFromTerminal(path, values));
  if (encryption.pendingRecoveryKey !== null) announceRecoveryKey(path, encryption.pendingRecoveryKey);
  if (existed && values.replace === true) {
    try {
      const backup = await takeBackup(db, path, 'restore');
      process.stderr.write(`Backed up ${path} to ${backup.file} before replacing what it holds.\n`);
    } catch (error) {
      db.close();
      throw error;
    }
  }
  return new SqliteStore(db);
}

async function runCopy(values: Values): Promise<number> {
  const from = endOf(values.from, '--from');
  const to = endOf(values.to, '--to');
  if (from.kind === to.kind) {
    const both = from.kind === 'file' ? 'both are files' : 'both are PostgreSQL URLs';
    throw new CliError(`copy moves a campaign between a file and a PostgreSQL database, but ${both}: one of --from and --to must be ${URL_EXAMPLE}.`, 2);
  }
  if (from.kind === 'file' && !(existsSync(from.path) && statSync(from.path).isFile() && statSync(from.path).size > 0)) {
    throw new CliError(`There is no campaign file at ${from.path} (--from). Nothing was written.`, 2);
  }
  const opened: Store[] = [];
  try {
    // What cannot be reached or read is found before anything is created or written.
    let source: Side & { artwork: string };
    let target: Side & { artwork: string };
    if (from.kind === 'file' && to.kind === 'postgres') {
      const server = await connect(to.url, '--to');
      opened.push(server);
      source = { store: await openSourceFile(from.path, values), label: label(from), artwork: artworkOf(from, values) };
      opened.push(source.store);
      await migrated(server);
      target = { store: server, label: label(to), artwork: artworkOf(to, values) };
    } else if (from.kind === 'postgres' && to.kind === 'file') {
      source = { store: await connect(from.url, '--from'), label: label(from), artwork: artworkOf(from, values) };
      opened.push(source.store);
      await requireCurrentSchema(source);
      target = { store: await openTargetFile(to.path, values), label: label(to), artwork: artworkOf(to, values) };
      opened.push(target.store);
    } else {
      throw new Error('unreachable: the two ends were checked to differ');
    }

    const { tables, copied, artwork } = await copyCampaign(source, target, { replace: values.replace === true, onProgress: progressOnStderr('Copying') });
    const total = copied.reduce((sum, c) => sum + c.rows, 0);
    console.log(`Copied ${total} rows in ${copied.length} tables from ${source.label} to ${target.label}, in one transaction:`);
    printTable(copied, ['table', 'rows']);
    const files = artwork!; // both sides name their artwork folder
    const removed = files.removed > 0 ? `, and removed ${plural(files.removed, 'file')} only the replaced data named` : '';
    console.log(`\nCopied ${plural(files.copied, 'leaflet artwork file')} from ${source.artwork} to ${target.artwork}${removed}.`);
    if (files.missing.length > 0) {
      process.stderr.write(
        `Note: ${plural(files.missing.length, 'artwork file')} the leaflets name ${files.missing.length === 1 ? 'is' : 'are'} not in ${source.artwork}, so not copied (${files.missing.slice(0, 3).join(', ')}${files.missing.length > 3 ? ', …' : ''}): attach ${files.missing.length === 1 ? 'it' : 'them'} again.\n`,
      );
    }

    const checks = await checkCopy(source, target, tables);
    const art = await checkArtwork(source, target);
    const all = [
      ...checks.map((c) => ({
        table: c.table,
        source: `${c.source.rows} ${c.source.checksum.slice(0, 12)}`,
        target: `${c.target.rows} ${c.target.checksum.slice(0, 12)}`,
        same: c.same,
      })),
      {
        table: 'artwork files',
        source: `${art.source.files} ${art.source.checksum.slice(0, 12)}`,
        target: `${art.target.files} ${art.target.checksum.slice(0, 12)}`,
        same: art.same,
      },
    ];
    console.log('\nCheck, read back from both after the commit (rows and a sha256 of their content per table; the artwork files and their bytes):');
    printTable(
      all.map((c) => ({ ...c, result: c.same ? 'same' : 'DIFFERENT' })),
      ['table', 'source', 'target', 'result'],
    );
    const different = checks.filter((c) => !c.same).map((c) => `${c.table} (${c.source.rows} rows in the source, ${c.target.rows} in the target)`);
    if (!art.same) different.push(`the artwork files (${art.source.files} in the source, ${art.target.files} in the target)`);
    if (different.length > 0) {
      console.error(`The two sides differ after the copy: ${different.join(', ')}. Was one of them changed meanwhile? Copy again with --replace.`);
      return 1;
    }
    console.log(`\nBoth sides hold the same data: ${checks.length} tables, ${total} rows, ${plural(art.source.files, 'artwork file')}.`);
    return 0;
  } catch (error) {
    if (error instanceof CopyRefused) throw new CliError(error.message, 1);
    throw error;
  } finally {
    for (const store of opened.reverse()) await store.close().catch(() => undefined);
  }
}

export const databaseCommands: Command[] = [
  {
    path: ['migrate'],
    usage: `migrate --database ${URL_EXAMPLE}`,
    summary: "Bring a PostgreSQL team database to this version's schema, and say what was applied (a desktop file is upgraded whenever Hustings opens it).",
    options: { database: { type: 'string' } },
    run: (values) => runMigrate(values),
  },
  {
    path: ['copy'],
    usage: `copy --from FILE --to ${URL_EXAMPLE} [--files DIR] [--replace]   (or --from ${URL_EXAMPLE} --to FILE)`,
    summary:
      'Copy a whole campaign between a desktop file and a PostgreSQL team database in one transaction, then the leaflet artwork files (from the artwork folder beside the file to the one in --files DIR, the folder serve --database uses, default the data folder; or back), then check both sides hold the same rows and files. A target holding data is refused unless --replace (which empties it first).',
    options: { from: { type: 'string' }, to: { type: 'string' }, replace: { type: 'boolean' } },
    run: (values) => runCopy(values),
  },
];
