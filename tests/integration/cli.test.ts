import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commands } from '../../main/cli.ts';
import { hustings } from '../helpers/cli.ts';
import { keyFromKeyFile, rawDatabase } from '../helpers/db.ts';
import { HEADINGS, SMALL_REGISTER } from '../helpers/register.ts';

const CSV = new URL('../fixtures/uk-parliament-constituencies-2024-electorate.csv', import.meta.url).pathname;
let dir: string;
let db: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hustings-cli-'));
  db = join(dir, 'h.sqlite');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function count(table: string): number {
  const d = rawDatabase(db, { readonly: true });
  try {
    return (d.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  } finally {
    d.close();
  }
}

describe('the hustings command', () => {
  it('explains itself', () => {
    const r = hustings('--help');
    expect(r.code).toBe(0);
    for (const c of ['serve', 'elections list', 'areas import FILE', 'backup FILE']) expect(r.out).toContain(c);
    expect(hustings('frobnicate').code).toBe(2);
  });

  it('lists elections as JSON', () => {
    const r = hustings('elections', 'list', '--db', db, '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual([]);
  });

  it('imports nothing while rows need a decision, naming them by line', () => {
    const r = hustings('areas', 'import', CSV, '--db', db);
    expect(r.code).toBe(1);
    expect(r.out).toContain('Line 159 repeats line 158 exactly (Eastbourne).');
    expect(r.out).toContain('Line 575 (Glasgow East) has the GSS code S14000083, already used by line 574 (Falkirk).');
    expect(r.err).toMatch(/Nothing imported: 3 row\(s\) need a decision/);
    expect(count('areas')).toBe(0);
  });

  it('imports the 650 constituencies once the decisions are given', () => {
    const r = hustings('areas', 'import', CSV, '--db', db, '--repeated-rows', 'skip', '--shared-codes', 'import-without-code');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Imported 650 area(s); skipped 2.');
    expect(count('areas')).toBe(650);
  });

  it('backs up to a checked copy and never overwrites one', () => {
    hustings('areas', 'import', CSV, '--db', db, '--repeated-rows', 'skip', '--shared-codes', 'skip');
    const file = join(dir, 'copy.sqlite');
    const r = hustings('backup', file, '--db', db);
    expect(r.code).toBe(0);
    expect(r.out).toContain('integrity check ok');
    expect(existsSync(file)).toBe(true);
    const copy = rawDatabase(file, { readonly: true, key: keyFromKeyFile(db) }); // a backup has the database's key
    expect((copy.prepare('SELECT COUNT(*) AS n FROM areas').get() as { n: number }).n).toBe(649);
    copy.close();
    expect(hustings('backup', file, '--db', db).code).toBe(1);
  }, 60_000); // three runs of the command line: slow on a busy machine

  it('imports a register, refuses a re-import that would remove electors until told, and applies notices of alteration', () => {
    const areas = join(dir, 'areas.csv');
    writeFileSync(areas, 'PCON25NM,PCON25CD,Electorate\n"Newtown East",E14001063,76765\n"Newtown West",E14001064,70000\n');
    expect(hustings('areas', 'import', areas, '--db', db).code).toBe(0);
    const file = (name: string, text: string) => {
      const path = join(dir, name);
      writeFileSync(path, text);
      return path;
    };
    expect(hustings('register', 'import', file('register.csv', SMALL_REGISTER), '--area', '1', '--db', db).out).toContain('Imported 9 electors');

    const aaOnly = file(
      'aa-only.csv',
      SMALL_REGISTER.split('\r\n')
        .filter((l) => !l.startsWith('AB,'))
        .join('\r\n'),
    );
    const refused = hustings('register', 'import', aaOnly, '--area', '1', '--db', db);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain(
      'Importing aa-only.csv would remove 3 electors of Newtown East who are not in it, and none of them has canvass returns. Nothing has been changed.',
    );
    expect(refused.err).toContain('Run it again with --confirm-removals to remove them, or with --alterations to apply the file as notices of alteration.');
    expect(refused.err).not.toMatch(/\bat \w+ \(/); // no stack trace
    expect(count('electors')).toBe(9);

    const applied = hustings('register', 'import', aaOnly, '--area', '1', '--db', db, '--alterations');
    expect(applied.out).toContain('Applied 6 notices of alteration: 0 added, 6 changed, 0 deleted');
    expect(count('electors')).toBe(9);

    const notice = file('notice.csv', [`${HEADINGS},Change Type`, 'AB,3,1,,Lee,David,Rose Cottage,Park Road,AB1 4CD,D'].join('\n'));
    expect(hustings('register', 'import', notice, '--area', '1', '--db', db, '--alterations').err).toContain(
      'Run it again with --confirm-removals to delete them.',
    );
    expect(hustings('register', 'import', notice, '--area', '1', '--db', db, '--alterations', '--confirm-removals').out).toContain(
      '0 added, 0 changed, 1 deleted',
    );
    expect(count('electors')).toBe(8);
    expect(hustings('register', 'import', aaOnly, '--area', '1', '--db', db, '--confirm-removals').out).toContain(
      'Re-imported 6 electors: 6 matched, 0 new, 2 left',
    );
    expect(count('electors')).toBe(6);

    // A Latin-1 register (as older council systems write it) keeps its accents.
    const latin1 = join(dir, 'latin1.csv');
    writeFileSync(latin1, Buffer.from([HEADINGS, 'AA,1,,,Ångström,Zoë,1 Mill Lane,Newtown,AB1 2CD'].join('\r\n'), 'latin1'));
    const read = hustings('register', 'import', latin1, '--area', '2', '--db', db);
    expect(read.code, read.err).toBe(0);
    expect(read.err).toContain('Reading latin1.csv as Western European (Windows-1252 / Latin-1) text.');
    const d = rawDatabase(db, { readonly: true });
    expect(d.prepare('SELECT full_name AS n FROM electors WHERE area_id = 2').get()).toEqual({ n: 'Zoë Ångström' });
    d.close();
  }, 150_000); // nine runs of the command on a busy machine

  it('says what is wrong with bad options', () => {
    const r = hustings('serve', '--port', 'eighty', '--db', db);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--port must be a number from 0 to 65535');
    expect(hustings('areas', 'import', join(dir, 'missing.csv'), '--db', db).err).toMatch(/Cannot read/);
    // Options that become a method's input are checked with the contract's schema, named as typed.
    expect(hustings('deadlines', '--election', '0', '--contest', 'two', '--db', db)).toMatchObject({
      code: 2,
      err: '--election: Must be a record id\n--contest: Must be a record id (a whole number)\n',
    });
    expect(hustings('volunteers', 'list', '--role', 'x'.repeat(41), '--db', db)).toMatchObject({ code: 2, err: expect.stringMatching(/^--role: /) });
  }, 60_000);
});

/**
 * Arguments that would make each command run, with FILE for a file it reads and OUT for one it
 * writes. Every command must be here, so a new one is tried with bad input too.
 */
const RUNNABLE: Record<string, string[]> = {
  serve: [],
  // Nothing listens on port 1: the team database cannot be reached (and a missing file is copied from).
  migrate: ['--database', 'postgres://nobody@127.0.0.1:1/none'],
  copy: ['--from', 'FILE', '--to', 'postgres://nobody@127.0.0.1:1/none'],
  'users add': ['Ann', '--role', 'admin', '--database', 'postgres://nobody@127.0.0.1:1/none'],
  'users link': ['Ann', '--database', 'postgres://nobody@127.0.0.1:1/none'],
  'elections list': [],
  'areas import': ['FILE'],
  'nominations check': ['--contest', '1'],
  'planner show': ['1'],
  'planner compare': [],
  timetable: ['--type', 'local', '--poll', '2027-05-06'],
  // rules and methods open no database: a bad option stands in for the bad path.
  rules: ['--type', 'no-such-type'],
  call: ['elections.list'],
  methods: ['--no-such-option'],
  deadlines: ['--ics', 'OUT'],
  'treasury limit': ['--contest', '1'],
  'treasury return': ['--contest', '1', '--csv', 'OUT'],
  'register import': ['FILE', '--area', '1'],
  'register districts': ['--area', '1'],
  'register walk-sheets': ['--area', '1', '--pdf', 'OUT'],
  'leaflets list': [],
  'leaflets coverage': ['1'],
  'rounds list': [],
  'rounds sheet': ['1'],
  'volunteers list': [],
  backup: ['OUT'],
  restore: ['FILE'],
  backups: [],
  encrypt: [],
  'polling rota': ['--contest', '1', '--pdf', 'OUT'],
  'polling knock-up': ['--contest', '1', '--room', '1', '--round', '1', '--pdf', 'OUT'],
};

/** Runs hustings without blocking, so several can run at once; a hung command is killed. */
function hustingsAsync(args: string[]): Promise<{ args: string[]; code: number | null; signal: string | null; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['bin/hustings.js', ...args], { stdio: ['ignore', 'ignore', 'pipe'], timeout: 60_000 });
    let err = '';
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.on('close', (code, signal) => resolve({ args, code, signal, err }));
  });
}

describe('every command with bad paths and files', () => {
  it('knows how to run every command', () => {
    expect(commands.map((c) => c.path.join(' ')).sort()).toEqual(Object.keys(RUNNABLE).sort());
  });

  it('fails with a plain message and a non-zero exit, never a stack trace or a hang', async () => {
    const good = join(dir, 'good.sqlite');
    expect(hustings('elections', 'list', '--db', good).code).toBe(0);
    const text = join(dir, 'notes.txt');
    writeFileSync(text, 'not a database\n');
    // One bad thing per run: files in a folder that cannot exist for the commands that read or
    // write one, otherwise a database in such a folder or one that is not a database at all.
    const runs = Object.entries(RUNNABLE).map(([name, args], i) => {
      const withFiles = args.map((a) => (a === 'FILE' ? '/proc/nope/in.csv' : a === 'OUT' ? '/proc/nope/out.x' : a));
      const db = args.some((a) => a === 'FILE' || a === 'OUT') ? good : i % 2 === 0 ? '/proc/nope/h.sqlite' : text;
      return [...name.split(' '), ...withFiles, '--db', db];
    });
    // A file where a folder should be, and a folder where a file should be.
    runs.push(['backup', join(text, 'copy.sqlite'), '--db', good], ['restore', dir, '--db', good], ['areas', 'import', dir, '--db', good]);
    const results: Awaited<ReturnType<typeof hustingsAsync>>[] = [];
    for (let i = 0; i < runs.length; i += 4) results.push(...(await Promise.all(runs.slice(i, i + 4).map(hustingsAsync))));
    for (const r of results) {
      const what = `hustings ${r.args.join(' ')}\n${r.err}`;
      expect(r.signal, what).toBeNull();
      expect(r.err, what).not.toMatch(/^\s+at /m);
      expect(r.err, what).not.toMatch(/\w*Error:|node:internal|\.ts:\d+/);
      if (r.args[0] !== 'backups') expect(r.code, what).toBeGreaterThan(0);
      if (r.code !== 0) expect(r.err.trim(), what).not.toBe('');
    }
    const impossible = results.find((r) => r.args[0] === 'backup' && r.args[1] === '/proc/nope/out.x');
    expect(impossible).toMatchObject({ code: 1, err: 'There is no such folder or file: /proc/nope.\n' });
  }, 300_000);
});
