/**
 * Encrypting a plain database in place (issue 15): from the command line and through the running
 * app. The bytes of every file beside the database (the file, its WAL, key file, backups) are
 * scanned for a person before (so the scan is shown to find them) and after; a conversion killed
 * at each step, and in the middle of the copy, leaves a database that opens with all its data.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { isPlainSqliteFile } from '../../db/sqlite/encryption/cipher.ts';
import { CONVERSION_STEPS } from '../../db/sqlite/encryption/convert.ts';
import { keyFilePath } from '../../db/sqlite/encryption/keys.ts';
import { latestVersion, loadMigrations } from '../../db/migrations.ts';
import { type Db, openDatabase } from '../../db/sqlite/open.ts';
import { type Hustings, openHustings } from '../../main/app.ts';
import { ok } from '../helpers/db.ts';
import { HEADINGS, importCsv } from '../helpers/register.ts';
import { hustingsOnTerminal, SCRIPT } from '../helpers/terminal.ts';

// Tests here start the command line several times each (Node start-up plus a scrypt unlock per
// run): on a loaded 2-core machine that outgrows the default 30 s, though nothing is wrong.
vi.setConfig({ testTimeout: 120_000 });

const PASSPHRASE = 'correct horse battery staple';
/** A person's strings, each in its own column: name, address, postcode. */
const PERSON = ['Quattlebaum', '17 Zanzibar Crescent', 'ZZ9 9ZQ'];
const REGISTER = [HEADINGS, 'AA,1,,,Quattlebaum,Zebedee,17 Zanzibar Crescent,Newtown,ZZ9 9ZQ', 'AA,2,,,Smith,Jane,1 Mill Lane,Newtown,AB1 2CD'].join('\r\n');

let dir: string;
let dbPath: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hustings-encrypt-'));
  dbPath = join(dir, 'hustings.sqlite');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Every file in the database's folder and below (the database, WAL, key file, backups…). */
function filesIn(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .map((f) => join(folder, f))
    .filter((f) => statSync(f).isFile());
}

/** The files in which any of the strings' UTF-8 bytes occur. */
function filesMentioning(strings: string[]): string[] {
  return filesIn(dir).filter((f) => {
    const bytes = readFileSync(f);
    return strings.some((s) => bytes.includes(Buffer.from(s, 'utf8')));
  });
}

/** A plain database holding the person, as an existing user's file is (with its start-up backup). */
async function plainDatabaseWithPerson(): Promise<Hustings> {
  const app = await openHustings({ dbPath, actor: 'tester', keys: { plain: true } });
  const area = await ok(app, 'areas.create', { name: 'Abbey', kind: 'ward', nation: 'england', electorate: null, classification: null });
  expect((await importCsv(app, area.id, REGISTER)).state).toBe('done');
  await ok(app, 'backups.create', {});
  return app;
}

/** Opens the database as the app does: plain as it is, encrypted with the passphrase's key. */
async function openWithPassphrase(): Promise<Db> {
  return openDatabase(dbPath, { passphrase: PASSPHRASE });
}

function people(db: Db): string[] {
  return (db.prepare('SELECT full_name AS name FROM electors ORDER BY id').all() as { name: string }[]).map((r) => r.name);
}

/** Runs the CLI with HUSTINGS_PASSPHRASE set to `passphrase`, or unset (null). */
function hustingsCli(args: string[], passphrase: string | null) {
  const env = { ...process.env };
  if (passphrase === null) delete env.HUSTINGS_PASSPHRASE;
  else env.HUSTINGS_PASSPHRASE = passphrase;
  const r = spawnSync(process.execPath, ['bin/hustings.js', ...args], { encoding: 'utf8', timeout: 60_000, env });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('hustings encrypt', () => {
  it('encrypts a plain database and its backups in place: the person is in the files before, in none after', async () => {
    const app = await plainDatabaseWithPerson();
    expect(filesMentioning(PERSON).length).toBeGreaterThanOrEqual(2); // the file or its WAL, and the backup
    await app.close();

    const r = hustingsCli(['encrypt', '--db', dbPath], PASSPHRASE);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain(`Encrypted ${dbPath} and 1 backup(s).`);
    const recoveryKey = /^ {2}(\S+)$/m.exec(r.out)?.[1] ?? '';
    expect(recoveryKey).toMatch(/^([0-9A-Z]{5}-){12}[0-9A-Z]{5}$/);

    expect(filesMentioning(PERSON)).toEqual([]);
    expect(
      filesIn(dir)
        .map((f) => f.slice(dir.length + 1))
        .sort(),
    ).toEqual(['backups/' + readdirSync(join(dir, 'backups'))[0], 'hustings.sqlite', 'hustings.sqlite.key']);
    expect(isPlainSqliteFile(dbPath)).toBe(false);

    const db = await openWithPassphrase();
    try {
      expect(people(db)).toEqual(['Zebedee Quattlebaum', 'Jane Smith']);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      db.close();
    }
    // The recovery key opens it without the key file, as on another computer.
    rmSync(keyFilePath(dbPath));
    const elsewhere = await openDatabase(dbPath, { recoveryKey });
    expect(people(elsewhere)).toHaveLength(2);
    elsewhere.close();
  });

  it('refuses an encrypted file, a missing one and another program’s, in one sentence, changing nothing', async () => {
    await (await plainDatabaseWithPerson()).close();
    expect(hustingsCli(['encrypt', '--db', dbPath], PASSPHRASE).code).toBe(0);
    const before = readFileSync(dbPath);
    const again = hustingsCli(['encrypt', '--db', dbPath], PASSPHRASE);
    expect(again).toMatchObject({ code: 1, err: `${dbPath} is already encrypted.\n`, out: '' });
    expect(readFileSync(dbPath).equals(before)).toBe(true);

    const missing = hustingsCli(['encrypt', '--db', join(dir, 'nope.sqlite')], PASSPHRASE);
    expect(missing).toMatchObject({ code: 1, err: `There is no database at ${join(dir, 'nope.sqlite')} to encrypt.\n` });
    const other = join(dir, 'other.sqlite');
    new Database(other).exec('CREATE TABLE notes (text TEXT)').close();
    const foreign = hustingsCli(['encrypt', '--db', other], PASSPHRASE);
    expect(foreign.code).toBe(1);
    expect(foreign.err).toMatch(/is not a Hustings database: .*Nothing in it was changed\.\n$/);
    expect(isPlainSqliteFile(other)).toBe(true);
  });

  it('brings an older plain database up to date, then encrypts it and the backup taken before the upgrade', async () => {
    const fixtures = new URL('../fixtures/db/', import.meta.url).pathname;
    copyFileSync(join(fixtures, 'v12.sqlite'), dbPath);
    const name = 'electors.full_name 1';
    expect(filesMentioning([name])).toEqual([dbPath]);
    const r = hustingsCli(['encrypt', '--db', dbPath], PASSPHRASE);
    expect(r.err).toBe('');
    expect(r.out).toContain(`Encrypted ${dbPath} and 1 backup(s).`);
    expect(filesMentioning([name])).toEqual([]);
    const db = await openWithPassphrase();
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(latestVersion(loadMigrations()));
      expect(people(db)).toContain('electors.full_name 1 — Ünïcödé ‘quotes’');
    } finally {
      db.close();
    }
    expect(hustingsCli(['elections', 'list', '--db', dbPath], PASSPHRASE).code).toBe(0);
  });

  it('refuses a database another program has open, changing nothing', async () => {
    const app = await plainDatabaseWithPerson();
    try {
      const before = filesIn(dir).sort();
      const r = hustingsCli(['encrypt', '--db', dbPath], PASSPHRASE);
      expect(r).toMatchObject({
        code: 1,
        err: `${dbPath} is open in another program (Hustings in a browser or the desktop app?): close it and try again. Nothing was changed.\n`,
      });
      expect(filesIn(dir).sort()).toEqual(before);
      expect(isPlainSqliteFile(dbPath)).toBe(true);
      expect(people(app.db)).toHaveLength(2);
    } finally {
      await app.close();
    }
  });

  it.skipIf(!SCRIPT)('on a terminal, asks for the new passphrase twice without showing it', async () => {
    await (await plainDatabaseWithPerson()).close();
    const typo = await hustingsOnTerminal(
      ['encrypt', '--db', dbPath],
      [
        ['New passphrase: ', 'otters juggling'],
        ['The same passphrase again: ', 'otters jugglinf'],
        ['New passphrase: ', PASSPHRASE],
        ['The same passphrase again: ', PASSPHRASE],
      ],
    );
    expect(typo.code, typo.screen).toBe(0);
    expect(typo.screen).toContain('The two did not match.');
    expect(typo.screen).toMatch(/Recovery key:[^]*\s([0-9A-Z]{5}-){12}[0-9A-Z]{5}\s/);
    expect(typo.screen).not.toMatch(/otters|horse/); // never echoed
    const db = await openWithPassphrase();
    expect(people(db)).toHaveLength(2);
    db.close();
  });

  it('without a terminal or HUSTINGS_PASSPHRASE says to set it, and refuses a short one, changing nothing', async () => {
    await (await plainDatabaseWithPerson()).close();
    const noTerminal = hustingsCli(['encrypt', '--db', dbPath], null);
    expect(noTerminal.code).toBe(2);
    expect(noTerminal.err).toBe(`Encrypting ${dbPath} needs a new passphrase: set HUSTINGS_PASSPHRASE to one, or run this in a terminal to be asked.\n`);
    const short = hustingsCli(['encrypt', '--db', dbPath], 'short');
    expect(short).toMatchObject({ code: 2, err: 'HUSTINGS_PASSPHRASE is too short for a new passphrase: use at least 8 characters.\n' });
    expect(isPlainSqliteFile(dbPath)).toBe(true);
    expect(existsSync(keyFilePath(dbPath))).toBe(false);
  });
});

describe('encryption.encrypt in the running app', () => {
  it('converts the open file and goes on working on it; the recovery key waits to be shown', async () => {
    const app = await plainDatabaseWithPerson();
    try {
      expect(filesMentioning(PERSON).length).toBeGreaterThan(0);
      const r = await ok(app, 'encryption.encrypt', { passphrase: PASSPHRASE });
      expect(r).toEqual({ encrypted: true, recoveryKey: expect.stringMatching(/^([0-9A-Z]{5}-){12}[0-9A-Z]{5}$/), backupsEncrypted: 1, backupsLeftPlain: [] });
      expect(await ok(app, 'encryption.status', {})).toEqual({ encrypted: true, recoveryKey: r.recoveryKey, teamDatabase: false });
      // The same Hustings object answers, from the encrypted file, and takes new writes.
      expect((await ok(app, 'audit.list', { limit: 1 }))[0]).toMatchObject({ action: 'encrypt', entity: 'database' });
      expect(people(app.db)).toEqual(['Zebedee Quattlebaum', 'Jane Smith']);
      await ok(app, 'elections.create', { name: 'County 2025', type: 'local', pollingDay: '2025-05-01', nation: 'england' });
      app.db.pragma('wal_checkpoint(TRUNCATE)');
      expect(filesMentioning([...PERSON, 'County 2025'])).toEqual([]);

      const again = await app.dispatch('encryption.encrypt', { passphrase: PASSPHRASE });
      expect(again).toMatchObject({ ok: false, error: { code: 'conflict', message: `${dbPath} is already encrypted.` } });
    } finally {
      await app.close();
    }
    const db = await openWithPassphrase();
    expect((db.prepare('SELECT name FROM elections').all() as { name: string }[]).map((e) => e.name)).toEqual(['County 2025']);
    db.close();
  });

  it('locks the new key with the desktop app’s keychain too, so the desktop app opens the file as before', async () => {
    await (await plainDatabaseWithPerson()).close();
    // Stands in for Electron's safeStorage: a keychain secret this test holds.
    const secret = Buffer.alloc(32, 7);
    const keychain = {
      encrypt: (plain: Buffer) => Buffer.from(plain.map((b, i) => b ^ secret[i % 32])),
      decrypt: (sealed: Buffer) => Buffer.from(sealed.map((b, i) => b ^ secret[i % 32])),
    };
    const desktop = await openHustings({ dbPath, actor: 'tester', keys: { protector: keychain } });
    try {
      await ok(desktop, 'encryption.encrypt', { passphrase: PASSPHRASE });
    } finally {
      await desktop.close();
    }
    const again = await openDatabase(dbPath, { protector: keychain });
    expect(people(again)).toHaveLength(2);
    again.close();
    (await openWithPassphrase()).close();
  });

  it('refuses while work is running (an import, a backup), and encrypts once it has finished', async () => {
    const app = await plainDatabaseWithPerson();
    try {
      let finish = () => {};
      const working = new Promise<void>((resolve) => (finish = resolve));
      const job = app.jobs.start('register.import', () => working);
      const r = await app.dispatch('encryption.encrypt', { passphrase: PASSPHRASE });
      expect(r).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/^Work is still running/) } });
      expect(isPlainSqliteFile(dbPath)).toBe(true);
      finish();
      await app.jobs.wait(job.jobId);
      await ok(app, 'encryption.encrypt', { passphrase: PASSPHRASE });
      expect(isPlainSqliteFile(dbPath)).toBe(false);
    } finally {
      await app.close();
    }
  });

  it('refuses a short passphrase field by field, changing nothing', async () => {
    const app = await plainDatabaseWithPerson();
    try {
      const r = await app.dispatch('encryption.encrypt', { passphrase: 'short' });
      expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { passphrase: expect.stringMatching(/at least 8 characters/) } } });
      expect(isPlainSqliteFile(dbPath)).toBe(true);
      expect(people(app.db)).toHaveLength(2);
    } finally {
      await app.close();
    }
  });
});

describe('a conversion killed half way', () => {
  const child = new URL('../support/convert-child.ts', import.meta.url).pathname;

  /** A conversion in a child process, stopping at `pauseAt` if given; `reached` resolves when it prints `line`, with the time. */
  function convert(pauseAt?: string) {
    const proc = spawn(process.execPath, [child, dbPath, ...(pauseAt ? [pauseAt] : [])], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, HUSTINGS_PASSPHRASE: PASSPHRASE },
    });
    let out = '';
    const seen = new Map<string, number>();
    const waiting = new Map<string, () => void>();
    proc.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      for (const line of out.split('\n'))
        if (!seen.has(line)) {
          seen.set(line, performance.now());
          waiting.get(line)?.();
        }
    });
    proc.stderr.on('data', (c: Buffer) => (out += c.toString()));
    const reached = (line: string) =>
      new Promise<number>((resolve, reject) => {
        if (seen.has(line)) return resolve(seen.get(line) as number);
        waiting.set(line, () => resolve(seen.get(line) as number));
        proc.once('exit', () => setTimeout(() => reject(new Error(`the conversion ended before "${line}":\n${out}`)), 50));
      });
    return { proc, reached };
  }

  async function kill(proc: ChildProcess): Promise<void> {
    const exited = new Promise((r) => proc.once('exit', r));
    proc.kill('SIGKILL');
    await exited;
  }

  /** A plain database big enough that copying it takes a while: the person among many audit rows. */
  async function bigPlainDatabase(): Promise<Record<string, number>> {
    const app = await plainDatabaseWithPerson();
    app.db.exec(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 150000)
      INSERT INTO audit_log (at, actor, action, entity, entity_id, summary) SELECT '2025-01-01T00:00:00Z', 'tester', 'note', 'test', i, 'Filler row ' || i || ' of a large database' FROM n`);
    const counts = rowCounts(app.db);
    await app.close();
    return counts;
  }

  function rowCounts(db: Db): Record<string, number> {
    const tables = (
      db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]
    ).map((t) => t.name);
    return Object.fromEntries(tables.map((t) => [t, (db.prepare(`SELECT COUNT(*) AS n FROM "${t}"`).get() as { n: number }).n]));
  }

  /** After the kill: the next open cleans up and finds every row, in the old file or the new. */
  async function expectWholeAfterReopen(counts: Record<string, number>, encrypted: boolean) {
    expect(isPlainSqliteFile(dbPath)).toBe(!encrypted);
    const db = await openWithPassphrase();
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(rowCounts(db)).toEqual(counts);
      expect(people(db)).toContain('Zebedee Quattlebaum');
    } finally {
      db.close();
    }
    const left = readdirSync(dir).filter((f) => f.includes('.encrypting'));
    expect(left, 'temporary files left after the next open').toEqual([]);
    expect(existsSync(keyFilePath(dbPath))).toBe(encrypted);
    if (encrypted) expect(filesMentioning(PERSON)).toEqual([]);
  }

  for (const step of CONVERSION_STEPS) {
    it(`leaves a database that opens with all its data when killed after "${step}"`, async () => {
      const counts = await bigPlainDatabase();
      const conversion = convert(step);
      await conversion.reached(`step ${step}`);
      await kill(conversion.proc);
      // Before the copy replaced the original the old file is there as it was; after, the new one.
      await expectWholeAfterReopen(counts, step === 'replaced');
    }, 60_000);
  }

  it('leaves a database that opens with all its data when killed in the middle of the copy', async () => {
    const counts = await bigPlainDatabase();
    // How long the copy takes on this machine, so the kills land inside it.
    const timing = convert('copied');
    const copyMs = (await timing.reached('step copied')) - (await timing.reached('step locked'));
    await kill(timing.proc);
    await expectWholeAfterReopen(counts, false);
    let midCopy = 0;
    for (const fraction of [0.1, 0.5, 0.8]) {
      const conversion = convert();
      await conversion.reached('step locked');
      await new Promise((r) => setTimeout(r, copyMs * fraction));
      const copied = await Promise.race([conversion.reached('step copied').then(() => true), new Promise((r) => setTimeout(() => r(false), 0))]);
      await kill(conversion.proc);
      if (!copied) midCopy++;
      await expectWholeAfterReopen(counts, false);
    }
    expect(midCopy, `kills that landed inside a ${Math.round(copyMs)} ms copy`).toBeGreaterThan(0);
  }, 120_000);
});
