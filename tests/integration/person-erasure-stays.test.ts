/**
 * Erasure that stays (issue 15) for the people besides electors: a volunteer, a candidate, a
 * nomination subscriber and a donor. Each erasure is noted in the erasure log (nothing personal
 * in it), and restoring a backup taken before erases each of them again, the way they were
 * erased, and says so. Every scan for a person's strings is first shown to find them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { erasureLogPath, reapplyErasures } from '../../db/erasure-log.ts';
import type { KeySource } from '../../db/sqlite/encryption/unlock.ts';
import { fileBytesMention } from '../helpers/bytes.ts';
import { ok, PLAIN, rawDatabase, TEST_KEYS, tempHustings } from '../helpers/db.ts';

type App = Awaited<ReturnType<typeof tempHustings>>;
let app: App;
let dbPath: string;
let electionId: number;
let contestId: number;

/** What identifies each of the four: none of it may be left once they are erased. */
const VOLUNTEER = ['Zephyrwood', 'qz@example.org', '07700 900461', '17 Larkspur Mews'];
const CANDIDATE = ['Quillfeather', '3 Ostrich Row', 'pq@example.org', '07700 900777'];
/** Not "AB-12": the schema's comments hold "AB-123". */
const SUBSCRIBER = ['Brambleby', 'QX-417'];
const DONOR = ['Vellacott', '9 Wren Close'];
const EVERYONE = [...VOLUNTEER, ...CANDIDATE, ...SUBSCRIBER, ...DONOR];
/** The people who stay. */
const OTHERS = ['Olive Keepsake', 'Constance Keepname', 'Winifred Staysput', 'Ursula Keepgiving'];

async function setUp(keys: KeySource) {
  app = await tempHustings(keys);
  dbPath = join(app.dir, 'hustings.sqlite');
  electionId = (await ok(app, 'elections.create', { name: 'County 2027', type: 'local', pollingDay: '2027-05-06', nation: 'england' })).id;
  const areaId = (await ok(app, 'areas.create', { name: 'Abbey', kind: 'ward', nation: 'england', electorate: 4000, classification: null })).id;
  contestId = (await ok(app, 'contests.create', { electionId, areaId, status: 'contesting' })).id;
}
afterEach(() => app.cleanup());

function checkpoint() {
  app.db.pragma('wal_checkpoint(TRUNCATE)');
}

/** Case-insensitive, as a person reading the file would look for a name. */
function textMentions(text: string, needle: string): boolean {
  return text.toLowerCase().includes(needle.toLowerCase());
}

/** Every row of every table of a database file, as text: what a person opening it would see. */
function contentOf(path: string): string {
  const db = rawDatabase(path, { readonly: true, fileMustExist: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[];
    return JSON.stringify(tables.map(({ name }) => db.prepare(`SELECT * FROM "${name}"`).all()));
  } finally {
    db.close();
  }
}

function note(title: string, notes: string) {
  return ok(app, 'tasks.create', { title, assignee: '', notes, electionId, contestId, dueKind: 'fixed', dueDate: '2027-04-01' });
}

/** The four people (and one of each kind who stays), each named in a note. */
async function fourPeople() {
  const volunteer = await ok(app, 'volunteers.create', {
    name: 'Quentin Zephyrwood',
    email: 'qz@example.org',
    phone: '07700 900461',
    address: '17 Larkspur Mews\nNewtown NT4 9QQ',
    roles: ['deliver'],
    consentToContact: true,
    consentRecordedOn: '2026-01-10',
  });
  await ok(app, 'volunteers.create', { name: 'Olive Keepsake', consentToContact: false });
  const candidate = await ok(app, 'candidates.create', {
    ballotName: 'Perpetua Quillfeather',
    homeAddress: '3 Ostrich Row\nOldtown OT1 1AA',
    email: 'pq@example.org',
    phone: '07700 900777',
    notes: 'Lives near the station',
  });
  const cedric = await ok(app, 'candidates.create', { ballotName: 'Constance Keepname' });
  const candidacy = await ok(app, 'candidacies.create', { candidateId: cedric.id, contestId });
  await ok(app, 'candidacies.create', { candidateId: candidate.id, contestId });
  await ok(app, 'subscribers.add', { candidacyId: candidacy.id, electorNumber: 'QX-417', name: 'Ignatius Brambleby' });
  const paper = await ok(app, 'subscribers.add', { candidacyId: candidacy.id, electorNumber: 'QX-418', name: 'Winifred Staysput' });
  const subscriber = paper.subscribers.find((s: { fullName: string }) => s.fullName === 'Ignatius Brambleby');
  const donation = { contestId, kind: 'cash', value: '£30', receivedOn: '2026-04-20' };
  const donor = await ok(app, 'treasury.createDonation', { ...donation, donorName: 'Hortensia Vellacott', donorAddress: '9 Wren Close, Banbury' });
  await ok(app, 'treasury.createDonation', { ...donation, donorName: 'Ursula Keepgiving', donorAddress: '1 Other Way' });

  await note('Lift', 'Quentin Zephyrwood, 17 Larkspur Mews, Newtown NT4 9QQ, has a car; he moved to NT4 9QQ last year');
  await note('Leaflets', 'The rest of Newtown NT4 9QQ');
  await note('Photo', 'Perpetua Quillfeather at 3 Ostrich Row, Oldtown OT1 1AA');
  await note('Thank the proposer', 'Card to Ignatius Brambleby (QX-417)');
  await note('Receipt', 'Hortensia Vellacott of 9 Wren Close, Banbury asked for none');
  return { volunteer, candidate, candidacy, subscriber, donor };
}

async function eraseAll(p: Awaited<ReturnType<typeof fourPeople>>) {
  await ok(app, 'volunteers.erasePerson', { id: p.volunteer.id, confirm: true });
  await ok(app, 'candidates.erasePerson', { id: p.candidate.id, confirm: true });
  await ok(app, 'subscribers.erasePerson', { id: p.subscriber.id, confirm: true });
  await ok(app, 'treasury.eraseDonor', { donationId: p.donor.id, confirm: true });
}

async function notes(): Promise<string[]> {
  return (await ok(app, 'tasks.list', { electionId })).map((t: { notes: string }) => t.notes).sort();
}

describe('erasing a volunteer, a candidate, a subscriber and a donor', () => {
  beforeEach(() => setUp(PLAIN));

  it('takes their postcode and number out of the notes that named them, not out of others', async () => {
    await eraseAll(await fourPeople());
    expect(await notes()).toEqual([
      '(erased) at (erased)',
      '(erased) of (erased) asked for none',
      '(erased), (erased), has a car; he moved to (erased) last year',
      'Card to (erased) ((erased))',
      'The rest of Newtown NT4 9QQ',
    ]);
  });

  it('notes each erasure in the log, with nothing personal in it', async () => {
    const p = await fourPeople();
    checkpoint();
    const personal = [...EVERYONE, 'NT4 9QQ', 'OT1 1AA', 'Banbury', 'Newtown'];
    for (const s of personal) expect(fileBytesMention(dbPath, s), s).toBe(true); // the scan finds them where they are

    await eraseAll(p);
    const log = readFileSync(erasureLogPath(dbPath), 'utf8');
    for (const s of personal) expect(textMentions(log, s), s).toBe(false);
    const entries = log
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => JSON.parse(l));
    expect(entries.map((e) => e.kind)).toEqual(['volunteer', 'candidate', 'subscriber', 'donor']);
    for (const e of entries) expect(e.match.every((h: string) => /^[0-9a-f]{64}$/.test(h))).toBe(true);
  });
});

describe.each([
  ['a plain database', PLAIN],
  ['an encrypted database', TEST_KEYS],
])('restoring a backup taken before they were erased, on %s', (_, keys) => {
  beforeEach(() => setUp(keys));

  it('erases each of them again, as they were erased, says how many, and leaves the others', async () => {
    const p = await fourPeople();
    const older = await ok(app, 'backups.create', {});
    await eraseAll(p);

    const listed = await ok(app, 'backups.list', {});
    expect(listed.backups.find((b: { file: string }) => b.file === older.file).holdsErased).toBe(4);
    const olderContent = contentOf(join(app.dir, 'backups', older.file));
    for (const s of [...EVERYONE, ...OTHERS]) expect(textMentions(olderContent, s), s).toBe(true); // the control

    const restored = await ok(app, 'backups.restore', { file: older.file, confirm: true });
    expect(restored).toMatchObject({ erasuresReapplied: 4, notes: ['4 people erased since that backup were erased again.'] });

    expect((await ok(app, 'volunteers.list', {})).map((v: { name: string }) => v.name)).toEqual(['Olive Keepsake']);
    expect(await ok(app, 'candidates.get', { id: p.candidate.id })).toMatchObject({ ballotName: '(erased)', homeAddress: '', email: '', candidacyCount: 1 });
    const paper = await ok(app, 'candidacies.get', { id: p.candidacy.id });
    expect(paper.subscribers.map((s: { position: number; fullName: string }) => [s.position, s.fullName])).toEqual([[1, 'Winifred Staysput']]);
    const ledger = await ok(app, 'treasury.getLedger', { contestId });
    expect(ledger.donations.map((d: { donorName: string; valuePence: number }) => [d.donorName, d.valuePence])).toEqual([
      ['(erased)', 3000],
      ['Ursula Keepgiving', 3000],
    ]);
    expect(await notes()).toContain('Card to (erased) ((erased))');

    const again = (await ok(app, 'audit.list', { action: 'erase', limit: 100 })).filter((a: { summary: string }) => /again after a restore/.test(a.summary));
    expect(again.map((a: { summary: string }) => a.summary.replace(/ \(first erased .*\)$/, '')).sort()).toEqual([
      'Erased a candidate’s personal data again after a restore',
      'Erased a donor’s personal data again after a restore',
      'Erased a nomination subscriber’s personal data again after a restore',
      'Erased a volunteer’s personal data again after a restore',
    ]);
    checkpoint();
    const live = contentOf(dbPath);
    for (const s of EVERYONE) expect(textMentions(live, s), s).toBe(false);
    for (const s of OTHERS) expect(textMentions(live, s), s).toBe(true);
    if (keys.plain) for (const s of EVERYONE) expect(fileBytesMention(dbPath, s), s).toBe(false);

    // Restored again, the same backup: the same four, erased again, and no one else.
    const twice = await ok(app, 'backups.restore', { file: older.file, confirm: true });
    expect(twice.erasuresReapplied).toBe(4);
    expect((await ok(app, 'volunteers.list', {})).map((v: { name: string }) => v.name)).toEqual(['Olive Keepsake']);
  });
});

describe('finding them again', () => {
  beforeEach(() => setUp(PLAIN));

  const volunteer = (name: string, email = '', phone = '') =>
    app.db.prepare("INSERT INTO volunteers (name, email, phone, created_at, updated_at) VALUES (?, ?, ?, '2026-01-01', '2026-01-01')").run(name, email, phone);
  const names = async () => (await ok(app, 'volunteers.list', {})).map((v: { name: string; email: string }) => `${v.name} <${v.email}>`).sort();

  it('finds a volunteer by name and phone though their email changed, by name alone only when that is all there is and finds one person', async () => {
    const v = await ok(app, 'volunteers.create', { name: 'Quentin Zephyrwood', email: 'qz@example.org', phone: '07700 900461', consentToContact: true });
    await ok(app, 'volunteers.erasePerson', { id: v.id, confirm: true });

    // An older copy: the same phone under an old email, and a namesake with other details.
    volunteer('Quentin Zephyrwood', 'old@example.org', '07700900461');
    volunteer('Quentin Zephyrwood', 'other@example.org', '01632 960000');
    expect(await reapplyErasures(app.store, dbPath, null)).toBe(1);
    expect(await names()).toEqual(['Quentin Zephyrwood <other@example.org>']);
    expect(await reapplyErasures(app.store, dbPath, null)).toBe(0);

    // A copy from before he gave any details: one person of that name is him; two cannot be told apart.
    volunteer('Quentin Zephyrwood');
    expect(await reapplyErasures(app.store, dbPath, null)).toBe(1);
    expect(await names()).toEqual(['Quentin Zephyrwood <other@example.org>']);
    volunteer('Quentin Zephyrwood');
    volunteer('Quentin Zephyrwood');
    expect(await reapplyErasures(app.store, dbPath, null)).toBe(0);
    expect(await names()).toHaveLength(3);
  });

  it('erases a subscriber again from the paper they were erased from, not from another candidate’s', async () => {
    const papers = [];
    for (const name of ['Constance Keepname', 'Cedric Standing']) {
      const c = await ok(app, 'candidates.create', { ballotName: name });
      const k = await ok(app, 'candidacies.create', { candidateId: c.id, contestId });
      papers.push(
        (await ok(app, 'subscribers.add', { candidacyId: k.id, electorNumber: 'QX-417', name: 'Ignatius Brambleby' })) as {
          id: number;
          subscribers: { id: number }[];
        },
      );
    }
    const older = await ok(app, 'backups.create', {});
    await ok(app, 'subscribers.erasePerson', { id: papers[0]!.subscribers[0]!.id, confirm: true });
    const restored = await ok(app, 'backups.restore', { file: older.file, confirm: true });
    expect(restored.erasuresReapplied).toBe(1);
    const left = await Promise.all(papers.map(async (p) => (await ok(app, 'candidacies.get', { id: p.id })).subscribers.length));
    expect(left).toEqual([0, 1]);
  });
});
