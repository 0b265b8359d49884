/**
 * `hustings copy` and `hustings migrate` on real files and the real PostgreSQL: a campaign built
 * through the app (and an upgraded fixture with rows in every table) goes into a team database and
 * back, table by table the same; a non-empty target is refused untouched; --replace empties it.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listBackups } from '../../db/sqlite/backup.ts';
import { artworkFolder } from '../../db/artwork-files.ts';
import { checkArtwork, checkCopy, copyCampaign, CopyRefused, NOT_COPIED, type Side, type Table, tableSums } from '../../db/copy.ts';
import { latestVersion, loadMigrations } from '../../db/migrations.ts';
import { openKeyedDatabase } from '../../db/sqlite/open.ts';
import { ELECTOR_SEARCH_MATCH, electorSearchQuery } from '../../db/postgres/elector-search.ts';
import { migratePostgres } from '../../db/postgres/migrate.ts';
import { openPostgresStore } from '../../db/postgres/store.ts';
import { getVolunteer } from '../../db/repositories/volunteers.ts';
import { SqliteStore } from '../../db/sqlite/store.ts';
import type { Store } from '../../db/store.ts';
import type { Hustings } from '../../main/app.ts';
import { openHustings } from '../../main/app.ts';
import { fixturePath } from '../fixtures/db/build.ts';
import { ok, PLAIN, rawDatabase, TEST_KEYS } from '../helpers/db.ts';
import { freshPostgresDatabase, type TestDatabase } from '../helpers/postgres.ts';
import { pdfFile } from '../helpers/artwork.ts';
import { importCsv, SMALL_REGISTER } from '../helpers/register.ts';

const LATEST = latestVersion(loadMigrations());
/** The schema version before this one: its fixture is the newest a user's older file stands for. */
const PREVIOUS = loadMigrations()
  .map((m) => m.version)
  .at(-2)!;
const dir = mkdtempSync(join(tmpdir(), 'hustings-copy-'));
const databases: TestDatabase[] = [];
const stores: Store[] = [];

async function database(): Promise<TestDatabase> {
  const d = await freshPostgresDatabase();
  databases.push(d);
  return d;
}

function pgStore(url: string): Store {
  const s = openPostgresStore(url);
  stores.push(s);
  return s;
}

/** Runs `hustings` as a user would, without blocking this process. */
function hustings(...args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['bin/hustings.js', ...args], { stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.on('close', (code) => resolve({ code, out, err }));
  });
}

const hidden = (url: string) => new URL(url).password;

/** Every user table's rows in key order (rowid order is the key's for these tables), migrations apart. */
function tablesOfFile(path: string, key?: Buffer): Map<string, unknown[]> {
  const db = rawDatabase(path, { readonly: true, key });
  try {
    const names = db
      .prepare(
        "SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'migrations' ORDER BY name",
      )
      .all() as { name: string }[];
    return new Map(
      names.map(({ name }) => {
        const key = (db.prepare('SELECT name FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk').all(name) as { name: string }[]).map((c) => `"${c.name}"`);
        return [name, db.prepare(`SELECT * FROM "${name}" ORDER BY ${key.join(', ') || 'rowid'}`).all()];
      }),
    );
  } finally {
    db.close();
  }
}

const REGISTER = `${SMALL_REGISTER}\nAB,4,,,O'Brien,"Zoë ""Zed""",Café Row,Newtown,AB1 5CD`;
let app: Hustings;
let source: string;
let ids: { donation: number; candidate: number; volunteer: number; election: number };
/** The artwork attached through the app: its file's name in the artwork folder beside the campaign. */
let artwork: string;
const ARTWORK = pdfFile('Spring news');

beforeAll(async () => {
  // The newest fixture (rows in every table, as a user's database grew), upgraded by opening it,
  // and then a campaign entered through the app on top.
  source = join(dir, 'campaign.sqlite');
  copyFileSync(fixturePath(PREVIOUS), source);
  app = await openHustings({ dbPath: source, keys: PLAIN, actor: 'tester', startupBackup: false });
  const election = await ok(app, 'elections.create', { name: 'Newtown council 2026', type: 'local', pollingDay: '2026-05-07', nation: 'england' });
  const area = await ok(app, 'areas.create', { name: 'Newtown East', kind: 'ward', nation: 'england', electorate: 7500, classification: null });
  const contest = await ok(app, 'contests.create', { electionId: election.id, areaId: area.id, status: 'contesting', reason: 'Won here in "2022"' });
  expect((await importCsv(app, area.id, REGISTER)).state).toBe('done');
  const candidate = await ok(app, 'candidates.create', {
    ballotName: "Siân O'Neill",
    homeAddress: '1 Rue de l’Église, Newtown',
    partyDescription: 'Small Party',
  });
  await ok(app, 'candidacies.create', { candidateId: candidate.id, contestId: contest.id });
  const donation = await ok(app, 'treasury.createDonation', {
    contestId: contest.id,
    donorName: 'Ann Élector',
    donorAddress: '1 High St',
    kind: 'cash',
    value: '£250.75',
    receivedOn: '2026-04-20',
  });
  const volunteer = await ok(app, 'volunteers.create', { name: 'Olive Keen', roles: ['telling', 'deliver', 'canvass'], consentToContact: true });
  const session = await ok(app, 'canvass.createSession', { areaId: area.id, heldOn: '2026-04-18', canvassers: 'Sam, Ali' });
  const electors = (await app.store.all<{ id: number }>('SELECT id FROM electors WHERE area_id = ? ORDER BY id', [area.id])).slice(0, 3);
  for (const e of electors) await ok(app, 'canvass.recordReturn', { sessionId: session.id, electorId: e.id, codes: 'I3L' });
  const leaflet = await ok(app, 'leaflets.create', { title: 'Spring news', size: 'A5' });
  await ok(app, 'leaflets.attachArtwork', { id: leaflet.id, fileName: 'spring.pdf', type: 'application/pdf', dataBase64: ARTWORK.toString('base64') });
  artwork = readdirSync(artworkFolder(dir)).find((f) => f.startsWith(`leaflet-${leaflet.id}-`))!;
  ids = { donation: donation.id, candidate: candidate.id, volunteer: volunteer.id, election: election.id };
});

afterAll(async () => {
  await app?.close();
  for (const s of stores) await s.close().catch(() => undefined);
  for (const d of databases) await d.drop().catch(() => undefined);
  rmSync(dir, { recursive: true, force: true });
}, 120_000);

describe('copying a campaign between a file and PostgreSQL (the store level)', () => {
  let pg: Store;
  let from: Side;
  let to: Side;
  let tables: Table[];

  beforeAll(async () => {
    const target = await database();
    pg = pgStore(target.url);
    await migratePostgres(pg);
    from = { store: app.store, label: source, artwork: artworkFolder(dir) };
    to = { store: pg, label: 'the team database', artwork: artworkFolder(join(dir, 'team-files')) };
  });

  it('copies every table in one go, and both sides count and sum the same', async () => {
    const copy = await copyCampaign(from, to);
    tables = copy.tables;
    const copied = copy.copied;
    const counts = Object.fromEntries(copied.map((c) => [c.table, c.rows]));
    const file = tablesOfFile(source);
    // A team server's sessions, sign-in links and failed sign-ins stay where they were made.
    expect(Object.keys(counts).sort()).toEqual([...file.keys()].filter((t) => !NOT_COPIED.has(t)));
    for (const [table, rows] of file) if (!NOT_COPIED.has(table)) expect(counts[table], table).toBe(rows.length);
    expect(counts.electors).toBeGreaterThan(10);
    // Parents before children: electors come after areas and households.
    const order = copied.map((c) => c.table);
    expect(order.indexOf('areas')).toBeLessThan(order.indexOf('electors'));
    expect(order.indexOf('households')).toBeLessThan(order.indexOf('electors'));
    expect(order.indexOf('electors')).toBeLessThan(order.indexOf('canvass_returns'));

    const checks = await checkCopy(from, to, tables);
    expect(checks.filter((c) => !c.same)).toEqual([]);
    expect(checks.find((c) => c.table === 'electors')?.target.rows).toBe(counts.electors);

    // The artwork follows into the team's files folder; the fixture's leaflets name files it never had.
    expect(copy.artwork).toEqual({ copied: 1, missing: expect.any(Array), removed: 0 });
    expect(copy.artwork?.missing).toHaveLength(3);
    expect(readdirSync(to.artwork!)).toEqual([artwork]);
    expect(readFileSync(join(to.artwork!, artwork)).equals(ARTWORK)).toBe(true);
    const files = await checkArtwork({ ...from, artwork: from.artwork! }, { ...to, artwork: to.artwork! });
    expect(files).toMatchObject({ source: { files: 1 }, same: true });
    expect(files.target).toEqual(files.source);
  });

  it('holds the values exactly: pence, dates, truth and text with accents and quotes', async () => {
    expect(await pg.get('SELECT value_pence AS pence, received_on AS receivedOn, donor_name AS donor FROM donations WHERE id = ?', [ids.donation])).toEqual({
      pence: 25075,
      receivedOn: '2026-04-20',
      donor: 'Ann Élector',
    });
    expect(await pg.get('SELECT ballot_name AS name, home_address AS address FROM candidates WHERE id = ?', [ids.candidate])).toEqual({
      name: "Siân O'Neill",
      address: '1 Rue de l’Église, Newtown',
    });
    expect(await pg.get('SELECT consent_to_contact AS consent FROM volunteers WHERE id = ?', [ids.volunteer])).toEqual({ consent: 1 });
    // Copied in key order, listed in the order entered.
    expect((await getVolunteer(pg, ids.volunteer))?.roles).toEqual(['telling', 'deliver', 'canvass']);
    expect(await pg.get('SELECT polling_day AS day FROM elections WHERE id = ?', [ids.election])).toEqual({ day: '2026-05-07' });
    expect(await pg.get("SELECT full_name AS name, address_lines AS address FROM electors WHERE full_name LIKE 'Zo%'")).toEqual({
      name: 'Zoë "Zed" O\'Brien',
      address: expect.stringContaining('Café Row'),
    });
    // PostgreSQL's search needs nothing copied: it is an index over the rows.
    const found = await pg.all(`SELECT full_name AS name FROM electors WHERE ${ELECTOR_SEARCH_MATCH}`, [electorSearchQuery('zoe cafe') as string]);
    expect(found).toEqual([{ name: 'Zoë "Zed" O\'Brien' }]);
  });

  it('leaves each side its own record of migrations, and new rows get fresh ids', async () => {
    const recorded = await pg.all<{ id: number; name: string }>('SELECT id, name FROM migrations ORDER BY id');
    expect(recorded).toHaveLength(loadMigrations('postgres').length);
    expect(recorded[0].name).toBe('001_foundation.pg.sql'); // PostgreSQL's own, not the file's 001_foundation.sql
    expect((await app.store.get<{ n: number }>('SELECT COUNT(*) AS n FROM migrations'))?.n).toBe(loadMigrations().length);

    const highest = (await pg.get<{ id: number }>('SELECT MAX(id) AS id FROM elections'))?.id as number;
    const id = await pg.insert(
      "INSERT INTO elections (name, type, polling_day, nation, created_at, updated_at) VALUES ('By-election', 'local', '2026-09-10', 'england', '2026-08-01', '2026-08-01')",
    );
    expect(id).toBe(highest + 1);
    const voter = await pg.insert("INSERT INTO volunteers (name, consent_to_contact, created_at, updated_at) VALUES ('New', 0, '2026-08-01', '2026-08-01')");
    expect(voter).toBeGreaterThan(ids.volunteer);
    await pg.run('DELETE FROM elections WHERE id = ?', [id]);
    await pg.run('DELETE FROM volunteers WHERE id = ?', [voter]);
  });

  it('refuses a target that holds data and writes nothing; --replace empties it first in the same transaction', async () => {
    // The team's own artwork, which the campaign copied over it does not have.
    const theirs = await pg.insert("INSERT INTO leaflets (title, artwork_file, created_at, updated_at) VALUES ('Theirs', 'leaflet-0-theirs.pdf', 'x', 'x')");
    writeFileSync(join(to.artwork!, 'leaflet-0-theirs.pdf'), 'their artwork');
    const before = await tableSums(pg, tables);
    await ok(app, 'elections.create', { name: 'Added after the first copy', type: 'local', pollingDay: '2026-05-07', nation: 'england' });
    await expect(copyCampaign(from, to)).rejects.toThrow(CopyRefused);
    await expect(copyCampaign(from, to)).rejects.toThrow(/already holds data \(.*areas: \d+/);
    expect(await tableSums(pg, tables)).toEqual(before);
    expect(readdirSync(to.artwork!).sort()).toEqual([artwork, 'leaflet-0-theirs.pdf'].sort());

    const again = await copyCampaign(from, to, { replace: true });
    expect((await checkCopy(from, to, again.tables)).every((c) => c.same)).toBe(true);
    expect(await pg.get("SELECT name FROM elections WHERE name = 'Added after the first copy'")).toEqual({ name: 'Added after the first copy' });
    // Once the rows are committed, the file only the replaced rows named goes.
    expect(await pg.get('SELECT id FROM leaflets WHERE id = ?', [theirs])).toBeUndefined();
    expect(again.artwork).toMatchObject({ copied: 1, removed: 1 });
    expect(readdirSync(to.artwork!)).toEqual([artwork]);
  });

  it('copies back into a new file that holds, table by table, what the original holds', async () => {
    const back = join(dir, 'back.sqlite');
    const { db } = await openKeyedDatabase(back, TEST_KEYS);
    const file = new SqliteStore(db);
    try {
      const copy = await copyCampaign(to, { store: file, label: back, artwork: artworkFolder(join(dir, 'back-files')) });
      expect((await checkCopy({ store: pg, label: 'pg' }, { store: file, label: back }, copy.tables)).every((c) => c.same)).toBe(true);
      expect(readFileSync(join(dir, 'back-files', 'artwork', artwork)).equals(ARTWORK)).toBe(true);
      // The search index is the file's own, filled as the electors arrived.
      const search = "SELECT rowid AS id FROM electors_search WHERE electors_search MATCH 'okafor' ORDER BY rowid";
      expect(await file.all(search)).toEqual(await app.store.all(search));
      expect((await file.all(search)).length).toBe(2);
      expect((await getVolunteer(file, ids.volunteer))?.roles).toEqual(['telling', 'deliver', 'canvass']);
      // Into the file again: refused while it holds the campaign; --replace empties it, index and all.
      await expect(copyCampaign({ store: pg, label: 'pg' }, { store: file, label: back })).rejects.toThrow(`${back} already holds data`);
      await copyCampaign({ store: pg, label: 'pg' }, { store: file, label: back }, { replace: true });
      expect(await file.all(search)).toEqual(await app.store.all(search));
      expect(await file.get("SELECT COUNT(*) AS n FROM electors_search WHERE electors_search MATCH 'newtown'")).toEqual(
        await file.get('SELECT COUNT(*) AS n FROM electors WHERE address_lines LIKE ?', ['%Newtown%']),
      );
    } finally {
      await file.close();
    }
    const original = tablesOfFile(source);
    const copied = tablesOfFile(back);
    expect([...copied.keys()]).toEqual([...original.keys()]);
    for (const [table, rows] of original) expect(copied.get(table), table).toEqual(NOT_COPIED.has(table) ? [] : rows);
  });

  it('names the table whose content differs when one side changes', async () => {
    await pg.run('UPDATE donations SET value_pence = value_pence + 1 WHERE id = ?', [ids.donation]);
    try {
      const checks = await checkCopy(from, to, tables);
      expect(checks.filter((c) => !c.same).map((c) => c.table)).toEqual(['donations']);
      const donations = checks.find((c) => c.table === 'donations');
      expect(donations?.source.rows).toBe(donations?.target.rows);
    } finally {
      await pg.run('UPDATE donations SET value_pence = value_pence - 1 WHERE id = ?', [ids.donation]);
    }
    expect((await checkCopy(from, to, tables)).every((c) => c.same)).toBe(true);
  });

  it('rolls the whole copy back when the target refuses a row, naming the table, and writes no artwork file', async () => {
    // SQLite's INTEGER holds 3,000,000,000; PostgreSQL's integer does not. Areas go in first.
    const own = mkdtempSync(join(dir, 'odd-'));
    const odd = join(own, 'odd.sqlite');
    const { db } = await openKeyedDatabase(odd, TEST_KEYS);
    const file = new SqliteStore(db);
    const empty = await database();
    const target = pgStore(empty.url);
    await migratePostgres(target);
    try {
      await file.run("INSERT INTO areas (name, kind, nation, created_at, updated_at) VALUES ('Ward', 'ward', 'england', 'x', 'x')");
      await file.run("INSERT INTO leaflets (title, artwork_file, artwork_bytes, created_at, updated_at) VALUES ('Huge', 'huge.pdf', 3000000000, 'x', 'x')");
      mkdirSync(artworkFolder(own));
      writeFileSync(join(artworkFolder(own), 'huge.pdf'), ARTWORK);
      const teamFiles = join(own, 'team-files');
      await expect(
        copyCampaign(
          { store: file, label: odd, artwork: artworkFolder(own) },
          { store: target, label: 'the team database', artwork: artworkFolder(teamFiles) },
        ),
      ).rejects.toThrow(/the team database would not take the rows of leaflets \(.*out of range.*\)\. The copy was rolled back: nothing was written\./);
      expect(await target.get('SELECT COUNT(*) AS n FROM areas')).toEqual({ n: 0 });
      expect(existsSync(teamFiles)).toBe(false);
    } finally {
      await file.close();
    }
  });

  it('refuses a source at an older schema: it must be migrated first', async () => {
    const old = await database();
    const oldStore = pgStore(old.url);
    await migratePostgres(oldStore, loadMigrations('postgres').slice(0, 1));
    const into = await openKeyedDatabase(join(dir, 'from-old.sqlite'), TEST_KEYS);
    const file = new SqliteStore(into.db);
    try {
      await expect(copyCampaign({ store: oldStore, label: 'old team db' }, { store: file, label: 'f' })).rejects.toThrow(
        `old team db is at schema 1, this version of Hustings at ${LATEST}: migrate it first (hustings migrate --database old team db)`,
      );
    } finally {
      await file.close();
    }
  });
});

describe('hustings migrate and hustings copy', () => {
  it('migrates a PostgreSQL database and says what it applied, then that it is up to date; the password is never shown', async () => {
    const target = await database();
    const shown = target.url.replace(`:${hidden(target.url)}@`, '@');
    const first = await hustings('migrate', '--database', target.url);
    expect(first.err).toBe('');
    expect(first.code).toBe(0);
    expect(first.out).toContain('Applied 001_foundation, 002_timetable');
    expect(first.out).toContain(`to ${shown}: it is at version ${LATEST}.`);
    const second = await hustings('migrate', '--database', target.url);
    expect(second).toEqual({ code: 0, out: `Already up to date at version ${LATEST}: ${shown}\n`, err: '' });
    for (const r of [first, second]) expect(r.out + r.err).not.toContain(`:${hidden(target.url)}@`);
  }, 60_000);

  it('refuses a database that is not a Hustings one, with the reason and no stack trace', async () => {
    const foreign = await database();
    const s = pgStore(foreign.url);
    await s.run('CREATE TABLE customers (id integer PRIMARY KEY)');
    const r = await hustings('migrate', '--database', foreign.url);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/already holds tables \(customers, …\) but no record of Hustings migrations/);
    expect(r.err).not.toMatch(/^\s+at /m);
    expect(await s.get("SELECT 1 AS found FROM information_schema.tables WHERE table_name = 'migrations'")).toBeUndefined();

    const newer = await database();
    const n = pgStore(newer.url);
    await migratePostgres(n);
    await n.run("INSERT INTO migrations (id, name, checksum, applied_at) VALUES (99, '099_future.pg.sql', 'x', 'now')");
    const r2 = await hustings('migrate', '--database', newer.url);
    expect(r2.code).toBe(1);
    expect(r2.err).toBe(
      `This database has migration 99 (099_future.pg.sql) applied, newer than this version of Hustings knows (up to ${LATEST}). Use the newer version of Hustings with it; nothing was changed.\n`,
    );
  }, 60_000);

  it('copies a file into PostgreSQL and back with the real command, printing counts and the check', async () => {
    const target = await database();
    // The team's files (artwork) go where serve --database --files keeps them.
    const teamFiles = join(dir, 'cli-team-files');
    const into = await hustings('copy', '--from', source, '--to', target.url, '--files', teamFiles);
    // Progress on stderr (stdout stays what scripts read); the fixture's leaflets name artwork
    // files it never had, and the copy says so.
    expect(into.err).toMatch(
      /^Copying: 0%\n(Copying: \d0%\n)*Copying: 100%\nNote: 3 artwork files the leaflets name are not in .*\/artwork, so not copied \(.+\): attach them again\.\n$/,
    );
    expect(into.code).toBe(0);
    expect(into.out).toContain(`Copied 1 leaflet artwork file from ${join(dir, 'artwork')} to ${join(teamFiles, 'artwork')}.`);
    expect(readFileSync(join(teamFiles, 'artwork', artwork)).equals(ARTWORK)).toBe(true);
    expect(into.out).toMatch(/^artwork files +1 [0-9a-f]{12} +1 [0-9a-f]{12} +same$/m);
    expect(into.out).toMatch(/Both sides hold the same data: \d+ tables, \d+ rows, 1 artwork file\.\n$/);
    expect(into.out).toMatch(/^Copied \d+ rows in \d+ tables from .*campaign\.sqlite to postgres:\/\/postgres@/);
    expect(into.out).toMatch(/^electors +\d+$/m);
    expect(into.out).toMatch(/^electors +\d+ [0-9a-f]{12} +\d+ [0-9a-f]{12} +same$/m);
    expect(into.out).toContain('Both sides hold the same data');
    expect(into.out).not.toContain('DIFFERENT');
    expect(into.out).not.toContain(`:${hidden(target.url)}@`);

    const refused = await hustings('copy', '--from', source, '--to', target.url);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/already holds data .* add --replace/);
    expect((await hustings('copy', '--from', source, '--to', target.url, '--replace')).code).toBe(0);

    // Back into a new file: created encrypted, with its key file and a recovery key shown once, its artwork beside it.
    mkdirSync(join(dir, 'cli-back'));
    const back = join(dir, 'cli-back', 'cli-back.sqlite');
    const out = await hustings('copy', '--from', target.url, '--to', back, '--files', teamFiles);
    expect(out.code).toBe(0);
    expect(readFileSync(join(dir, 'cli-back', 'artwork', artwork)).equals(ARTWORK)).toBe(true);
    expect(out.err).toContain('Its recovery key is:');
    expect(existsSync(`${back}.key`)).toBe(true);
    expect(readFileSync(back).subarray(0, 15).toString()).not.toBe('SQLite format 3');
    const original = tablesOfFile(source);
    const copied = tablesOfFile(back);
    for (const [table, rows] of original) expect(copied.get(table), table).toEqual(NOT_COPIED.has(table) ? [] : rows);

    // Replacing what a file holds backs it up first, as a restore does.
    expect((await hustings('copy', '--from', target.url, '--to', back)).err).toMatch(/already holds data/);
    const replaced = await hustings('copy', '--from', target.url, '--to', back, '--replace');
    expect(replaced.code).toBe(0);
    const backups = listBackups(back);
    expect(backups.map((b) => b.reason)).toEqual(['restore']);
    expect(replaced.err).toContain(`Backed up ${back} to ${backups[0].file} before replacing what it holds.`);
  }, 180_000);

  it('refuses bad input with a plain message and exit 2, writing nothing', async () => {
    const target = await database();
    const unreachable = 'postgres://someone:s3cret-word@127.0.0.1:1/nowhere';
    const newFile = join(dir, 'never-made.sqlite');
    const runs = await Promise.all([
      hustings('copy', '--to', target.url),
      hustings('copy', '--from', source, '--to', join(dir, 'other.sqlite')),
      hustings('copy', '--from', target.url, '--to', target.url),
      hustings('copy', '--from', join(dir, 'missing.sqlite'), '--to', target.url),
      hustings('copy', '--from', unreachable, '--to', newFile),
      hustings('copy', '--from', source, '--to', unreachable),
      hustings('copy', '--from', source, '--to', 'postgres://'),
      hustings('migrate', '--database', unreachable),
    ]);
    const messages = [
      /--from is missing/,
      /between a file and a PostgreSQL database, but both are files/,
      /both are PostgreSQL URLs/,
      /There is no campaign file at .*missing\.sqlite \(--from\)/,
      /Cannot reach the PostgreSQL database postgres:\/\/someone@127\.0\.0\.1:1\/nowhere \(--from\): nothing is listening there/,
      /Cannot reach the PostgreSQL database postgres:\/\/someone@127\.0\.0\.1:1\/nowhere \(--to\)/,
      /--to postgres:\/\/ is not a PostgreSQL database URL/,
      /Cannot reach the PostgreSQL database postgres:\/\/someone@127\.0\.0\.1:1\/nowhere \(--database\)/,
    ];
    runs.forEach((r, i) => {
      expect(r.err, String(i)).toMatch(messages[i]);
      expect(r.code, r.err).toBe(2);
      expect(r.err).not.toContain('s3cret-word');
      expect(r.err).not.toMatch(/^\s+at |\w*Error:/m);
    });
    expect(existsSync(newFile)).toBe(false);
    expect(existsSync(join(dir, 'other.sqlite'))).toBe(false);
    const s = pgStore(target.url);
    expect(await s.get('SELECT 1 AS found FROM information_schema.tables WHERE table_schema = current_schema()')).toBeUndefined();
  }, 120_000);

  it('refuses a file from an older version, leaving it exactly as it was', async () => {
    const target = await database();
    const own = mkdtempSync(join(dir, 'old-'));
    const old = join(own, 'old.sqlite');
    copyFileSync(fixturePath(PREVIOUS), old);
    const bytes = readFileSync(old);
    const r = await hustings('copy', '--from', old, '--to', target.url);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/old\.sqlite is from an older version of Hustings \(schema \d+; this version is at \d+\)\. Open it once with this version/);
    expect(readFileSync(old).equals(bytes)).toBe(true);
    expect(existsSync(join(own, 'backups'))).toBe(false);
    const s = pgStore(target.url);
    expect(await s.get('SELECT 1 AS found FROM information_schema.tables WHERE table_schema = current_schema()')).toBeUndefined();
  }, 60_000);
});
