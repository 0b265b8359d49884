/**
 * Erasure that stays (issue 15): erasing an elector takes their address, elector number and
 * postcode out of notes and the audit trail as well as their name; the erasure is noted in a
 * log beside the database that holds nothing personal; and restoring a backup from before the
 * erasure erases them again and says so. Every scan for a person's strings is first shown to
 * find them, so it can fail.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { erasureLogPath, logElectorErasure, reapplyErasures, sealErasureLog } from '../../db/erasure-log.ts';
import { afterRollback } from '../../db/repositories/audit.ts';
import { electorIdentity } from '../../db/repositories/elector-erasure.ts';
import { fileBytesMention } from '../helpers/bytes.ts';
import type { KeySource } from '../../db/sqlite/encryption/unlock.ts';
import { ok, PLAIN, TEST_KEY, TEST_KEYS, type tempHustings } from '../helpers/db.ts';
import { contentOf, eraseElector, findElector, textMentions, zanzibar } from '../helpers/elector-erasure.ts';

type App = Awaited<ReturnType<typeof tempHustings>>;
let app: App;
let dbPath: string;
let areaId: number;

/** What identifies Marguerite and Oswald: none of it may be left anywhere once they are erased. */
const MARGUERITE = ['Marguerite', 'Quillon', '17 Zanzibar Crescent', 'ZC-17'];
const OSWALD = ['Oswald', 'ZC-19'];

/** Plain unless said otherwise: the tests read the file's bytes (and backups are not yet encrypted). */
async function setUp(keys: KeySource = PLAIN) {
  ({ app, dbPath, areaId } = await zanzibar(keys));
}
afterEach(() => app.cleanup());

const elector = (search: string) => findElector(app, areaId, search);
const erase = (search: string) => eraseElector(app, areaId, search);

function checkpoint() {
  app.db.pragma('wal_checkpoint(TRUNCATE)');
}

/** Notes that name the erased people, and notes about the neighbours who stay. */
async function writeNotes() {
  const harold = (await elector('Harold'))!;
  const iris = (await elector('Iris'))!;
  const sessionId = (
    await ok(app, 'canvass.createSession', {
      areaId,
      heldOn: '2026-11-20',
      canvassers: 'Sam Keeper',
      notes: 'Met Marguerite Quillon at 17 Zanzibar Crescent, NT4 9QQ: ZC-17 wants a poster',
    })
  ).id;
  await ok(app, 'canvass.recordReturn', { sessionId, electorId: harold.id, codes: 'L', note: 'Leaflets for the rest of NT4 9QQ' });
  await ok(app, 'canvass.recordReturn', { sessionId, electorId: iris.id, codes: 'L', note: 'Iris at 21 Zanzibar Crescent wants a lift' });
  const electionId = (await ok(app, 'elections.create', { name: 'County 2025', type: 'local', pollingDay: '2025-05-01', nation: 'england' })).id;
  const task = (title: string, notes: string) =>
    ok(app, 'tasks.create', { title, assignee: 'Sam Keeper', notes, electionId, dueKind: 'fixed', dueDate: '2025-04-01' });
  await task('Poster', 'Drop a poster at 17 Zanzibar Crescent (ZC-17)');
  await task('Lift', 'Oswald Pemberton, 21 Zanzibar Crescent, needs a lift');
  return { sessionId, electionId };
}

describe('erasing an elector', () => {
  beforeEach(() => setUp());

  it('takes their address, elector number and postcode out of notes and the audit trail, but not their neighbours’', async () => {
    const { sessionId, electionId } = await writeNotes();
    checkpoint();
    for (const s of [...MARGUERITE, ...OSWALD]) expect(fileBytesMention(dbPath, s), s).toBe(true); // the control

    const result = await erase('Marguerite');
    expect(result).toMatchObject({ erased: true });
    await erase('Oswald');

    const session = (await ok(app, 'canvass.listSessions', { areaId })).find((s: { id: number }) => s.id === sessionId);
    expect(session.notes).toBe('Met (erased) at (erased), (erased): (erased) wants a poster');
    const tasks = (await ok(app, 'tasks.list', { electionId })).map((t: { notes: string }) => t.notes).sort();
    // Oswald's house is Iris's too: it goes only where he was named, next to his name.
    expect(tasks).toEqual(['(erased), (erased), needs a lift', 'Drop a poster at (erased) ((erased))']);

    // The neighbours' notes keep the postcode and the house they still live in.
    const harold = (await elector('Harold'))!;
    const iris = (await elector('Iris'))!;
    const returns = (await ok(app, 'register.getElector', { id: harold.id })).returns;
    expect(returns[0].note).toBe('Leaflets for the rest of NT4 9QQ');
    expect((await ok(app, 'register.getElector', { id: iris.id })).returns[0].note).toBe('Iris at 21 Zanzibar Crescent wants a lift');

    // The audit trail's copies of the session and the tasks were scrubbed too.
    const trail = JSON.stringify(await ok(app, 'audit.list', { limit: 500 }));
    for (const s of [...MARGUERITE, ...OSWALD]) expect(textMentions(trail, s), s).toBe(false);
    expect(trail).toContain('21 Zanzibar Crescent wants a lift');

    for (const s of [...MARGUERITE, ...OSWALD]) expect(fileBytesMention(dbPath, s), s).toBe(false);
    for (const s of ['Iris', 'Harold', 'NT4 9QQ', '21 Zanzibar Crescent']) expect(fileBytesMention(dbPath, s), s).toBe(true);
  });

  it('notes the erasure in a log beside the database, owner-only, with nothing personal in it', async () => {
    const before = readFileSync(dbPath, 'latin1') + readFileSync(`${dbPath}-wal`, 'latin1');
    const personal = [...MARGUERITE, 'NT4 9QQ', 'Newtown', 'Zanzibar'];
    for (const s of personal) expect(textMentions(before, s), s).toBe(true); // the scan finds them where they are

    await erase('Marguerite');
    const log = readFileSync(erasureLogPath(dbPath), 'utf8');
    expect(statSync(erasureLogPath(dbPath)).mode & 0o777).toBe(0o600);
    for (const s of personal) expect(textMentions(log, s), s).toBe(false);
    const lines = log
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    expect(lines[1]).toEqual({
      at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      kind: 'elector',
      match: [expect.stringMatching(/^[0-9a-f]{64}$/), expect.stringMatching(/^[0-9a-f]{64}$/)],
    });

    // An erasure that is not confirmed erases nothing and notes nothing; one rolled back takes its note back.
    const harold = (await elector('Harold'))!;
    expect((await app.dispatch('register.erasePerson', { id: harold.id })).ok).toBe(false);
    expect(readFileSync(erasureLogPath(dbPath), 'utf8')).toBe(log);
    app.db.exec('BEGIN IMMEDIATE');
    logElectorErasure(app.store, dbPath, null, (await electorIdentity(app.store, harold.id))!);
    expect(readFileSync(erasureLogPath(dbPath), 'utf8')).not.toBe(log);
    app.db.exec('ROLLBACK');
    afterRollback(app.store);
    expect(readFileSync(erasureLogPath(dbPath), 'utf8')).toBe(log);
  });
});

// Restoring from the command line (`hustings backups`, `hustings restore`) is tested in
// elector-erasure-stays-cli.test.ts, outside the fast loop.
describe.each([
  ['a plain database', PLAIN],
  ['an encrypted database', TEST_KEYS],
])('restoring a backup taken before an erasure, on %s', (_, keys) => {
  beforeEach(() => setUp(keys));

  it('erases the people again before the data is used, says how many, and the list marks the backup', async () => {
    await writeNotes();
    const older = await ok(app, 'backups.create', {});
    await erase('Marguerite');
    await erase('Oswald');

    const listed = await ok(app, 'backups.list', {});
    expect(listed.backups.find((b: { file: string }) => b.file === older.file).holdsErased).toBe(2);
    const olderContent = contentOf(join(app.dir, 'backups', older.file));
    for (const s of [...MARGUERITE, ...OSWALD]) expect(textMentions(olderContent, s), s).toBe(true); // the control

    const restored = await ok(app, 'backups.restore', { file: older.file, confirm: true });
    expect(restored).toMatchObject({ restoredFrom: older.file, erasuresReapplied: 2, notes: ['2 people erased since that backup were erased again.'] });
    expect(await elector('Marguerite')).toBeUndefined();
    expect(await elector('Oswald')).toBeUndefined();
    expect((await elector('Iris'))?.fullName).toMatch(/Iris/);
    const again = await ok(app, 'audit.list', { action: 'erase', entity: 'elector' });
    expect(again.filter((a: { summary: string }) => /again after a restore/.test(a.summary))).toHaveLength(2);
    checkpoint();
    const live = contentOf(dbPath);
    for (const s of [...MARGUERITE, ...OSWALD]) expect(textMentions(live, s), s).toBe(false);
    expect(live).toContain('21 Zanzibar Crescent wants a lift');
    if (keys.plain) for (const s of [...MARGUERITE, ...OSWALD]) expect(fileBytesMention(dbPath, s), s).toBe(false);

    // The backup taken just before the restore was after the erasures: it holds no one erased.
    const after = await ok(app, 'backups.list', {});
    expect(after.backups.find((b: { file: string }) => b.file === restored.safetyBackup).holdsErased).toBe(0);
    expect(after.backups.find((b: { file: string }) => b.file === older.file).holdsErased).toBe(2);
    const safety = contentOf(join(app.dir, 'backups', restored.safetyBackup));
    for (const s of [...MARGUERITE, ...OSWALD]) expect(textMentions(safety, s), s).toBe(false);
  });
});

describe('finding people again', () => {
  beforeEach(() => setUp());

  it('finds a person again by name and address when the older copy numbered them differently, and keeps two of one name apart', async () => {
    await erase('Marguerite');
    // An older register: Marguerite under another number, and a second Oswald Pemberton at 21.
    app.db.exec(`UPDATE electors SET full_name = 'Oswald Pemberton', forenames = 'Oswald' WHERE elector_number = 'ZC-20'`);
    const marguerite =
      "INSERT INTO electors (area_id, polling_district, elector_number, number, full_name, surname, forenames, address_lines, postcode, walk_seq, created_at, updated_at) VALUES (?, 'ZC', 'ZC-7', 7, 'Marguerite Quillon', 'Quillon', 'Marguerite', ?, 'NT4 9QQ', 0, '2026-01-01', '2026-01-01')";
    app.db.prepare(marguerite).run(areaId, '17 Zanzibar Crescent\nNewtown');
    expect(await reapplyErasures(app.store, dbPath, null)).toBe(1);
    expect(await elector('Marguerite')).toBeUndefined();
    expect((await ok(app, 'register.listElectors', { areaId, search: 'Oswald' })).items).toHaveLength(2);
  });
});

describe('the erasure log’s key', () => {
  it('is sealed under the data key from the start on an encrypted database, which finds the person again', async () => {
    await setUp(TEST_KEYS);
    const restored = app.db.prepare('SELECT * FROM electors WHERE full_name = ?').get('Marguerite Quillon') as Record<string, unknown>;
    await erase('Marguerite');
    const log = readFileSync(erasureLogPath(dbPath), 'utf8');
    expect(Object.keys(JSON.parse(log.split('\n')[0]).hmacKey)).toEqual(['sealed']);
    for (const s of [...MARGUERITE, 'NT4 9QQ', 'Newtown', 'Zanzibar']) expect(textMentions(log, s), s).toBe(false);

    const columns = Object.keys(restored).filter((c) => c !== 'household_id');
    app.db.prepare(`INSERT INTO electors (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`).run(...columns.map((c) => restored[c]));
    expect(await reapplyErasures(app.store, dbPath, TEST_KEY)).toBe(1);
    expect(await elector('Marguerite')).toBeUndefined();
  });

  it('is sealed when a plain database is encrypted, still finds the people erased before, and a wrong key is refused with a plain message', async () => {
    await setUp();
    const restored = app.db.prepare('SELECT * FROM electors WHERE full_name = ?').get('Marguerite Quillon') as Record<string, unknown>;
    await erase('Marguerite');
    const plain = JSON.parse(readFileSync(erasureLogPath(dbPath), 'utf8').split('\n')[0]);
    expect(plain.hmacKey.plain).toMatch(/^[0-9a-f]{64}$/);

    const dataKey = Buffer.alloc(32, 7);
    sealErasureLog(dbPath, dataKey);
    const header = readFileSync(erasureLogPath(dbPath), 'utf8').split('\n')[0];
    expect(header).not.toContain(plain.hmacKey.plain);
    expect(JSON.parse(header).hmacKey.sealed).toBeDefined();
    expect(statSync(erasureLogPath(dbPath)).mode & 0o777).toBe(0o600);

    // She comes back as a restore would bring her; the sealed key still finds her.
    const columns = Object.keys(restored).filter((c) => c !== 'household_id');
    app.db.prepare(`INSERT INTO electors (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`).run(...columns.map((c) => restored[c]));
    await expect(reapplyErasures(app.store, dbPath, Buffer.alloc(32, 8))).rejects.toThrow(/does not open with this database's key/);
    await expect(reapplyErasures(app.store, dbPath, null)).rejects.toThrow(/belongs to an encrypted database/);
    expect(await elector('Marguerite')).toBeDefined(); // a refused log erased nothing
    expect(await reapplyErasures(app.store, dbPath, dataKey)).toBe(1);
    expect(await elector('Marguerite')).toBeUndefined();
  });
});
