/**
 * Erasing a person (docs/reliability.md §8), for every kind of person besides electors (whose
 * erasure is tested in audit.test.ts): volunteers, candidates, nomination subscribers and donors.
 * Each test creates the person, changes things so the audit trail holds copies of them, names them
 * in other records, erases them through the API, and then reads the bytes of the database file
 * and its WAL: none of their name, address, email or phone may be left, and the erasure itself
 * must be on record (when, by whom, which kind of record) without any of it.
 */
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setDeclaredOn } from '../../db/repositories/contests.ts';
import { setPasswordHash } from '../../db/repositories/team.ts';
import { addAccount } from '../../main/team/accounts.ts';
import { hashPassword } from '../../main/team/passwords.ts';
import { sessionCaller, startSession } from '../../main/team/sessions.ts';
import { signIn } from '../../main/team/sign-in.ts';
import { FREE_TEXT } from '../../db/repositories/erasure.ts';
import { fileBytesMention } from '../helpers/bytes.ts';
import { ok, PLAIN, snapshot, tempHustings } from '../helpers/db.ts';
import { importCsv, SMALL_REGISTER } from '../helpers/register.ts';

type App = Awaited<ReturnType<typeof tempHustings>>;
let app: App;
let dbPath: string;
let areaId: number;
let electionId: number;
let contestId: number;

beforeEach(async () => {
  app = await tempHustings(PLAIN); // the file's bytes are read, so these databases are plain
  dbPath = join(app.dir, 'hustings.sqlite');
  electionId = (await ok(app, 'elections.create', { name: 'County 2027', type: 'local', pollingDay: '2027-05-06', nation: 'england' })).id;
  areaId = (await ok(app, 'areas.create', { name: 'Abbey', kind: 'ward', nation: 'england', electorate: 4000, classification: null })).id;
  contestId = (await ok(app, 'contests.create', { electionId, areaId, status: 'contesting' })).id;
});
afterEach(() => app.cleanup());

/** Everything committed so far is in the main file, so a later check of the bytes means something. */
function checkpoint() {
  if (app.store.engine === 'sqlite') app.db.pragma('wal_checkpoint(TRUNCATE)');
}

/**
 * Whether the data still holds each string: on SQLite the file's bytes (and its log's), on
 * PostgreSQL any row of any table, read whole as text.
 */
async function expectInFile(strings: string[], present: boolean) {
  for (const s of strings) expect(await stored(s), `${JSON.stringify(s)} in the database`).toBe(present);
}

async function stored(text: string): Promise<boolean> {
  if (app.store.engine === 'sqlite') return fileBytesMention(dbPath, text);
  const tables = await app.store.values<[string]>(
    "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'",
  );
  for (const [table] of tables) {
    if ((await app.store.values(`SELECT 1 FROM "${table}" x WHERE strpos(x::text, ?) > 0 LIMIT 1`, [text])).length > 0) return true;
  }
  return false;
}

async function task(title: string, assignee: string, notes = '') {
  return ok(app, 'tasks.create', { title, assignee, notes, electionId, contestId, dueKind: 'fixed', dueDate: '2027-04-01' });
}

/** The one row an erasure leaves, and proof it holds nothing about the person. */
async function erasureRecord(entity: string, secrets: string[]) {
  const rows = await ok(app, 'audit.list', { action: 'erase', entity });
  expect(rows).toHaveLength(1);
  expect(rows[0]).toMatchObject({ actor: 'tester', action: 'erase', entity, summary: expect.stringMatching(/^Erased an? .+ personal data on request$/) });
  expect(rows[0].at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  for (const s of secrets) expect(JSON.stringify(rows[0])).not.toContain(s);
  return rows[0];
}

async function needsConfirmation(method: string, input: Record<string, unknown>) {
  const before = await snapshot(app);
  const r = await app.dispatch(method, input);
  expect(r.ok).toBe(false);
  if (!r.ok) expect(r.error.code).toBe('needs_confirmation');
  expect(await snapshot(app)).toBe(before);
  return r.ok ? '' : r.error.message;
}

describe('erasing a volunteer', () => {
  const NAME = 'Quentin Zephyrwood';
  const SECRETS = ['Zephyrwood', 'qz@example.org', '07700 900461', '17 Larkspur Mews'];

  it('removes them from the volunteer list, assignments, tasks, canvass sessions, notes and the audit trail, down to the file bytes', async () => {
    const input = {
      name: NAME,
      email: 'qz@example.org',
      phone: '07700 900461',
      address: '17 Larkspur Mews\nNewtown NT4 9QQ',
      roles: ['deliver'],
      consentToContact: true,
      consentRecordedOn: '2026-01-10',
      notes: 'Has a car',
    };
    const v = await ok(app, 'volunteers.create', input);
    await ok(app, 'volunteers.update', { id: v.id, ...input, availability: 'Weekends', roles: ['deliver', 'canvass'] });
    const other = await ok(app, 'volunteers.create', { name: 'Olive Keepsake', consentToContact: false });
    const round = await ok(app, 'rounds.create', { name: 'Mill Lane loop', streets: [{ name: 'Mill Lane', households: 40 }] });
    await ok(app, 'rounds.assign', { roundId: round.id, volunteerId: v.id, plannedOn: '2027-04-10', notes: `${NAME} prefers mornings` });
    await ok(app, 'rounds.assign', { roundId: round.id, volunteerId: other.id });
    await task('Ring about Saturday', NAME, `Ask ${NAME} (07700 900461) about the car`);
    await ok(app, 'canvass.createSession', { areaId, heldOn: '2027-03-01', canvassers: `Sam Keeper, ${NAME}` });
    checkpoint();
    await expectInFile(SECRETS, true); // the control: before erasure, the bytes are there to be found

    const ask = await needsConfirmation('volunteers.erasePerson', { id: v.id });
    expect(ask).toMatch(/Quentin Zephyrwood.*contact details.*round assignment.*activity log/);
    const result = await ok(app, 'volunteers.erasePerson', { id: v.id, confirm: true });
    expect(result.erased).toBe(true);
    expect(result.auditRows).toBeGreaterThanOrEqual(4);
    expect(result.records).toBe(2); // the task and the session

    expect((await app.dispatch('volunteers.get', { id: v.id })).ok).toBe(false);
    expect((await ok(app, 'volunteers.list', {})).map((x: any) => x.name)).toEqual(['Olive Keepsake']);
    const tasks = await ok(app, 'tasks.list', { electionId });
    expect(tasks.map((t: any) => [t.assignee, t.notes])).toEqual([['(erased)', 'Ask (erased) ((erased)) about the car']]);
    const sessions = await ok(app, 'canvass.listSessions', { areaId });
    expect(sessions[0].canvassers).toBe('Sam Keeper, (erased)');
    const rec = await erasureRecord('volunteer', SECRETS);
    expect(rec).toMatchObject({ entityId: v.id, after: { assignments: 1 } });
    // Others' data stays.
    expect(JSON.stringify(await ok(app, 'audit.list', { entity: 'volunteer', entityId: other.id }))).toContain('Olive Keepsake');
    await expectInFile(SECRETS, false);
    await expectInFile(['Olive Keepsake', 'Sam Keeper'], true);
  });

  it('exports everything about them first, after which nothing is changed', async () => {
    const v = await ok(app, 'volunteers.create', { name: NAME, email: 'qz@example.org', consentToContact: true });
    await task('Leaflets', NAME);
    const before = await snapshot(app);
    const doc = await ok(app, 'volunteers.getPersonExport', { id: v.id });
    expect(await snapshot(app)).toBe(before);
    expect(doc.volunteer).toMatchObject({ name: NAME, email: 'qz@example.org' });
    expect(doc.mentions).toEqual([expect.objectContaining({ table: 'tasks', column: 'assignee', text: NAME })]);
    expect(doc.audit.map((a: any) => a.entity)).toEqual(['task', 'volunteer']);
  });

  it('refuses an unknown volunteer with a clear message and writes nothing', async () => {
    const before = await snapshot(app);
    const r = await app.dispatch('volunteers.erasePerson', { id: 999, confirm: true });
    expect(r).toMatchObject({ ok: false, error: { code: 'not_found', message: 'There is no volunteer with id 999' } });
    expect(await snapshot(app)).toBe(before);
  });
});

describe('erasing a candidate', () => {
  const NAME = 'Perpetua Quillfeather';
  const SECRETS = ['Quillfeather', '3 Ostrich Row', 'pq@example.org', '07700 900777'];

  it('blanks their details and every copy, keeping their candidacy anonymous so results and the deposit still add up', async () => {
    const input = {
      ballotName: NAME,
      commonName: 'Pet Quillfeather',
      homeAddress: '3 Ostrich Row\nOldtown OT1 1AA',
      email: 'pq@example.org',
      phone: '07700 900777',
      partyDescription: 'Green Party',
      notes: 'Lives near the station',
    };
    const c = await ok(app, 'candidates.create', input);
    await ok(app, 'candidates.update', { id: c.id, ...input, notes: 'Moved house in 2026' });
    const k = await ok(app, 'candidacies.create', { candidateId: c.id, contestId });
    // A consent and a declaration are never in the future: this election has been held.
    await ok(app, 'elections.update', { id: electionId, name: 'County 2025', type: 'local', pollingDay: '2025-05-01', nation: 'england' });
    await ok(app, 'candidacies.setPapers', { id: k.id, consentSignedOn: '2025-03-20', consentWitnessedBy: 'Wilma Witness', agentName: 'Arthur Agent' });
    await ok(app, 'candidacies.setItem', { id: k.id, item: 'home-address-form', state: 'in-progress', doneOn: null, note: `${NAME} to sign at 3 Ostrich Row` });
    await ok(app, 'results.record', {
      contestId,
      declaredOn: '2025-05-02',
      electorate: 4000,
      rows: [
        { candidacyId: k.id, name: NAME, votes: 612 },
        { name: 'Rival Runner', votes: 900, elected: true },
      ],
    });
    await task('Photo for the leaflet', NAME);
    const other = await ok(app, 'candidates.create', { ballotName: 'Constance Keepname' });
    checkpoint();
    await expectInFile(SECRETS, true);

    expect(await needsConfirmation('candidates.erasePerson', { id: c.id })).toMatch(/candidacy stays/);
    const result = await ok(app, 'candidates.erasePerson', { id: c.id, confirm: true });
    expect(result).toMatchObject({ erased: true });

    const after = await ok(app, 'candidates.get', { id: c.id });
    expect(after).toMatchObject({
      ballotName: '(erased)',
      commonName: '',
      homeAddress: '',
      email: '',
      phone: '',
      notes: '',
      partyDescription: 'Green Party',
      candidacyCount: 1,
    });
    const detail = await ok(app, 'candidacies.get', { id: k.id });
    expect(detail.checklist.items.find((i: any) => i.id === 'home-address-form').note).toBe('(erased) to sign at (erased)');
    const res = await ok(app, 'results.get', { contestId });
    expect(res.rows.map((r: any) => [r.name, r.votes])).toEqual([
      ['(erased)', 612],
      ['Rival Runner', 900],
    ]);
    expect((await ok(app, 'tasks.list', { electionId }))[0].assignee).toBe('(erased)');
    await erasureRecord('candidate', SECRETS);
    expect((await ok(app, 'candidates.get', { id: other.id })).ballotName).toBe('Constance Keepname');
    await expectInFile(SECRETS, false);
    await expectInFile(['Constance Keepname', 'Rival Runner', 'Wilma Witness'], true);
  });

  it('exports the candidate with their candidacies and activity', async () => {
    const c = await ok(app, 'candidates.create', { ballotName: NAME, homeAddress: '3 Ostrich Row' });
    await ok(app, 'candidacies.create', { candidateId: c.id, contestId });
    const doc = await ok(app, 'candidates.getPersonExport', { id: c.id });
    expect(doc.candidate.ballotName).toBe(NAME);
    expect(doc.candidacies).toHaveLength(1);
    expect(doc.audit.map((a: any) => a.entity).sort()).toEqual(['candidacy', 'candidate']);
  });
});

describe('erasing a nomination subscriber', () => {
  it('takes them off the paper, renumbers the rest, and leaves no byte of them', async () => {
    const c = await ok(app, 'candidates.create', { ballotName: 'Cedric Standing' });
    const k = await ok(app, 'candidacies.create', { candidateId: c.id, contestId });
    await ok(app, 'subscribers.add', { candidacyId: k.id, electorNumber: 'AB-12', name: 'Ignatius Brambleby' });
    let d = await ok(app, 'subscribers.add', { candidacyId: k.id, electorNumber: 'AB-13', name: 'Winifred Staysput' });
    const ignatius = d.subscribers.find((s: any) => s.fullName === 'Ignatius Brambleby');
    await ok(app, 'subscribers.move', { id: ignatius.id, position: 2 });
    await task('Thank the proposer', '', 'Card to Ignatius Brambleby');
    checkpoint();
    await expectInFile(['Brambleby'], true);

    expect(await needsConfirmation('subscribers.erasePerson', { id: ignatius.id })).toMatch(/Ignatius Brambleby \(AB-12\).*Cedric Standing/);
    await ok(app, 'subscribers.erasePerson', { id: ignatius.id, confirm: true });
    d = await ok(app, 'candidacies.get', { id: k.id });
    expect(d.subscribers.map((s: any) => [s.position, s.electorNumber, s.fullName])).toEqual([[1, 'AB-13', 'Winifred Staysput']]);
    expect((await ok(app, 'tasks.list', { electionId }))[0].notes).toBe('Card to (erased)');
    await erasureRecord('nomination_subscriber', ['Brambleby', 'AB-12']);
    await expectInFile(['Brambleby', '"AB-12"'], false);
    await expectInFile(['Winifred Staysput', 'Cedric Standing'], true);
  });
});

describe('erasing a donor', () => {
  const donation = (over: Record<string, unknown>) => ({
    contestId,
    donorName: 'Hortensia Vellacott',
    donorAddress: '9 Wren Close, Banbury',
    kind: 'cash',
    value: '£30',
    receivedOn: '2026-04-20',
    ...over,
  });

  it('refuses while a donation over £50 must still be on the return, saying why and until when, and changes nothing', async () => {
    await ok(app, 'treasury.createDonation', donation({}));
    const big = await ok(app, 'treasury.createDonation', donation({ value: '£250', electorNumber: 'AB-77' }));
    const donor = await ok(app, 'treasury.getDonor', { donationId: big.id });
    expect(donor.donations).toHaveLength(2);
    expect(donor.donations.map((d: any) => d.mustKeep)).toEqual([false, true]);
    expect(donor.erasureRefusal).toMatch(/cannot be erased yet.*RPA 1983 s\.89.*£250\.00 received Mon 20 Apr 2026 \(Abbey, County 2027\).*not made yet/);

    const before = await snapshot(app);
    const r = await app.dispatch('treasury.eraseDonor', { donationId: big.id, confirm: true });
    expect(r).toMatchObject({ ok: false, error: { code: 'conflict', message: donor.erasureRefusal } });
    expect(await snapshot(app)).toBe(before);

    // Declared and past the two years the return is kept: now it may go.
    await setDeclaredOn(app.store, contestId, '2027-05-07');
    const kept = (await ok(app, 'treasury.getDonor', { donationId: big.id })).donations[1];
    expect(kept).toMatchObject({ mustKeep: true, returnDate: expect.stringMatching(/^2027-06-/), keptUntil: expect.stringMatching(/^2029-06-/) });
  });

  it('blanks the donor on every donation, keeping what was given, once the law no longer needs them', async () => {
    // An election long past: its return was kept for two years and that time is over.
    const old = (await ok(app, 'elections.create', { name: 'County 2021', type: 'local', pollingDay: '2021-05-06', nation: 'england' })).id;
    const oldContest = (await ok(app, 'contests.create', { electionId: old, areaId, status: 'contesting' })).id;
    await setDeclaredOn(app.store, oldContest, '2021-05-07');
    const SECRETS = ['Vellacott', '9 Wren Close', '"AB-77"'];
    const big = await ok(
      app,
      'treasury.createDonation',
      donation({
        contestId: oldContest,
        value: '£500',
        receivedOn: '2021-04-01',
        electorNumber: 'AB-77',
        permissibleSource: 'elector',
        status: 'accepted',
        acceptedOn: '2021-04-02',
      }),
    );
    await ok(app, 'treasury.createDonation', donation({ contestId, reason: 'Hortensia Vellacott asked for no receipt' }));
    await ok(app, 'treasury.createDonation', donation({ donorName: 'Ursula Keepgiving', donorAddress: '1 Other Way' }));
    checkpoint();
    await expectInFile(SECRETS, true);

    const donor = await ok(app, 'treasury.getDonor', { donationId: big.id });
    expect(donor.erasureRefusal).toBeNull();
    expect(donor.donations[0]).toMatchObject({ mustKeep: false, keptUntil: expect.stringMatching(/^2023-06-/) });
    expect(await needsConfirmation('treasury.eraseDonor', { donationId: big.id })).toMatch(/all 2 of their donations.*stay in the accounts/);
    const result = await ok(app, 'treasury.eraseDonor', { donationId: big.id, confirm: true });
    expect(result.erased).toBe(true);

    const ledger = await ok(app, 'treasury.getLedger', { contestId: oldContest });
    expect(ledger.donations[0]).toMatchObject({ donorName: '(erased)', donorAddress: '', electorNumber: null, valuePence: 50_000, status: 'accepted' });
    const now = await ok(app, 'treasury.getLedger', { contestId });
    expect(now.donations.map((d: any) => [d.donorName, d.reason])).toEqual([
      ['(erased)', '(erased) asked for no receipt'],
      ['Ursula Keepgiving', ''],
    ]);
    const rec = await erasureRecord('donor', SECRETS);
    expect(rec).toMatchObject({ entityId: null, after: { donations: [big.id, big.id + 1] } });
    const copies = JSON.stringify(await ok(app, 'audit.list', { entity: 'donation', entityId: big.id }));
    expect(copies).toContain('"electorNumber":null');
    await expectInFile(SECRETS, false);
    await expectInFile(['Ursula Keepgiving'], true);
    // Erased donors cannot be looked up again.
    expect(await app.dispatch('treasury.getDonor', { donationId: big.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('exports a donor with their donations and the activity about them', async () => {
    const d = await ok(app, 'treasury.createDonation', donation({}));
    const doc = await ok(app, 'treasury.getDonorExport', { donationId: d.id });
    expect(doc.donor).toMatchObject({ name: 'Hortensia Vellacott', address: '9 Wren Close, Banbury' });
    expect(doc.audit.map((a: any) => a.entity)).toEqual(['donation']);
  });
});

describe('erasing an elector (the register’s erasure, tested in full in audit.test.ts)', () => {
  it('also takes their full name out of other records’ notes, leaving their household’s', async () => {
    expect((await importCsv(app, areaId, SMALL_REGISTER)).state).toBe('done');
    const jane = (await ok(app, 'register.listElectors', { areaId, search: 'Jane' })).items[0];
    expect(jane.fullName).toBe('Jane Smith');
    await task('Poster', '', 'Jane Smith wants a poster; John Smith does not');
    await ok(app, 'register.erasePerson', { id: jane.id, confirm: true });
    expect((await ok(app, 'tasks.list', { electionId }))[0].notes).toBe('(erased) wants a poster; John Smith does not');
    expect((await erasureRecord('elector', ['Jane Smith'])).after).toMatchObject({ returns: 0, records: 1 });
  });
});

/**
 * A person erased who has a team account (issue 13): the account that made their volunteer record,
 * or one of their name, is switched off under a placeholder; the trail keeps its rows, with the
 * placeholder as their actor.
 */
describe('erasing a person who has a team account', () => {
  const account = (name: string) => addAccount(app.store, { name, roles: ['member'], meeting: 'AGM', decidedOn: '2026-11-04', recordedBy: 'tester' });
  const accountRow = (id: number) =>
    app.store.get<{ name: string; passwordHash: string | null; switchedOffAt: string | null }>(
      'SELECT name, password_hash AS passwordHash, switched_off_at AS switchedOffAt FROM accounts WHERE id = ?',
      [id],
    );
  const count = async (sql: string, params: unknown[]) => (await app.store.get<{ n: number }>(sql, params as never))!.n;

  it('switches off the account that offered itself, ends its sessions and puts a placeholder wherever its name was', async () => {
    const NAME = 'Quentin Zephyrwood';
    const { id } = await account(NAME);
    await setPasswordHash(app.store, id, await hashPassword('quentin’s long password'));
    const session = await startSession(app.store, id);
    await signIn(app.store, 'quentin  zephyrwood', 'a wrong guess', '10.0.0.7'); // a failed sign-in keeps the name typed
    const quentin = { name: NAME, roles: ['member' as const] };
    const offer = await app.dispatch('volunteers.offerMyself', { roles: ['deliver'], email: 'qz@example.org', consentToContact: true }, quentin);
    expect(offer.ok).toBe(true);
    const v = (await ok(app, 'volunteers.list', {}))[0];
    // The coordinator calls them otherwise: the link, not the name, finds the account.
    const { drops: _d, delivered: _v, assignments: _a, updatedAt, ...fields } = v;
    await ok(app, 'volunteers.update', { ...fields, name: 'Quin Z.', expectedUpdatedAt: updatedAt });
    await task('Leaflets', 'Quin Z.', `${NAME} has a car`);
    checkpoint();
    await expectInFile(['Zephyrwood'], true);

    expect(await needsConfirmation('volunteers.erasePerson', { id: v.id })).toContain(
      'The team account “Quentin Zephyrwood” is switched off, its sessions ended, and the name replaced wherever the team’s records show who did what.',
    );
    const refused = await app.dispatch('volunteers.erasePerson', { id: v.id, confirm: true }, { name: NAME, roles: ['admin'] });
    expect(!refused.ok && refused.error.message).toBe(
      'This erasure would switch off your own account, Quentin Zephyrwood: ask another team secretary to do it.',
    );
    await ok(app, 'volunteers.erasePerson', { id: v.id, confirm: true });

    expect(await accountRow(id)).toEqual({ name: `(erased account ${id})`, passwordHash: null, switchedOffAt: expect.any(String) });
    expect(await sessionCaller(app.store, session)).toBeNull();
    expect(await count('SELECT count(*) AS n FROM sign_in_links WHERE account_id = ?', [id])).toBe(0);
    expect(await count('SELECT count(*) AS n FROM audit_log WHERE actor = ?', [`(erased account ${id})`])).toBeGreaterThan(0);
    expect((await ok(app, 'tasks.list', { electionId }))[0].notes).toBe('(erased) has a car');
    expect((await erasureRecord('volunteer', ['Zephyrwood', 'qz@example.org'])).after).toMatchObject({ accounts: 1 });
    await expectInFile(['Zephyrwood', 'qz@example.org'], false);
  });

  it('reaches an account of the erased person’s whole name, case and spacing aside, and no other', async () => {
    expect((await importCsv(app, areaId, SMALL_REGISTER)).state).toBe('done');
    const jane = (await ok(app, 'register.listElectors', { areaId, search: 'Jane' })).items[0];
    const theirs = await account('jane  SMITH');
    const other = await account('Jane Smithson');
    expect(await needsConfirmation('register.erasePerson', { id: jane.id })).toContain('The team account “jane  SMITH” is switched off');
    await ok(app, 'register.erasePerson', { id: jane.id, confirm: true });
    expect((await accountRow(theirs.id))?.name).toBe(`(erased account ${theirs.id})`);
    expect(await accountRow(other.id)).toEqual({ name: 'Jane Smithson', passwordHash: null, switchedOffAt: null });
    expect((await erasureRecord('elector', ['Jane Smith'])).after).toMatchObject({ accounts: 1 });
  });
});

/**
 * A column added later where people may be named (a new table's notes, say) must not escape
 * erasure unnoticed: each text column whose name suggests free text or a person is searched by
 * erasure, belongs to a person's own record (blanked by that record's erasure), or is kept for a
 * reason written here.
 */
describe('which columns erasure searches', () => {
  const OWN_RECORD = new Set([
    'electors.title',
    'electors.full_name',
    'nomination_subscribers.full_name',
    'candidates.ballot_name',
    'candidates.common_name',
    'candidates.home_address',
    'candidates.email',
    'candidates.phone',
    'volunteers.name',
    'volunteers.email',
    'volunteers.phone',
    'volunteers.address',
    'donations.donor_name',
    'donations.donor_address',
    'accounts.name',
  ]);
  const KEPT: Record<string, string> = {
    'migrations.name': 'names a migration file of Hustings itself',
    'elections.name': 'names an election',
    'areas.name': 'names a ward or constituency',
    'extra_holidays.title': 'names a public holiday',
    'delivery_rounds.name': 'names a round of streets',
    'round_streets.name': 'names a street',
    'candidates.party_description': 'the party, as registered',
    'party_lists.party_name': 'the party, as registered',
    'leaflets.title': 'a leaflet’s title',
    'leaflets.printer_name': 'imprint: printed on the leaflet by law',
    'leaflets.printer_address': 'imprint',
    'leaflets.promoter_name': 'imprint',
    'leaflets.promoter_address': 'imprint',
    'leaflets.on_behalf_of_name': 'imprint',
    'leaflets.on_behalf_of_address': 'imprint',
    'leaflets.artwork_name': 'a file name',
    'expenses.description': 'must appear on the return of election expenses',
    'canvass_returns.entered_by': 'the app’s user who typed it, like the audit trail’s actor',
    'follow_up_done.done_by': 'the app’s user who ticked it off, like the audit trail’s actor',
    'polling_stations.name': 'names a polling station, a public place',
    'polling_stations.address': 'a polling station’s address',
    'committee_rooms.name': 'names a campaign’s committee room',
    'committee_rooms.address': 'a committee room’s address',
    'vote_batches.entered_by': 'the app’s user who typed it, like the audit trail’s actor',
    'knock_ups.knocked_by': 'the app’s user who recorded it, like the audit trail’s actor',
    'role_grants.meeting': 'names the branch meeting that gave a role',
    'role_grants.recorded_by': 'the team secretary who recorded the grant, like the audit trail’s actor (an erased account’s placeholder replaces it)',
    'canvass_assignments.assigned_by': 'the coordinator who assigned the district, like the audit trail’s actor (an erased account’s placeholder replaces it)',
    'sign_in_failures.name': 'the name a failed sign-in gave, kept an hour for the lock-out',
    'sign_in_failures.address': 'the network address of a failed sign-in, kept an hour for the lock-out',
  };
  const PERSONISH = /(^|_)(notes?|reason|description|minute|meeting|assignee|canvassers|name|title|by|address|email|phone)$/;

  /** Every column of every table but the audit trail, as the engine's own catalogue has it. */
  const COLUMNS = {
    sqlite:
      "SELECT m.name AS tableName, c.name AS name, c.type AS type FROM sqlite_master m JOIN pragma_table_info(m.name) c WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name != 'audit_log'",
    postgres:
      "SELECT table_name AS tableName, column_name AS name, data_type AS type FROM information_schema.columns WHERE table_schema = current_schema() AND table_name != 'audit_log'",
  };

  it('classifies every text column that may name a person', async () => {
    const searched = new Set(FREE_TEXT.flatMap(([table, columns]) => columns.map((c) => `${table}.${c}`)));
    const unclassified: string[] = [];
    for (const c of await app.store.all<{ tableName: string; name: string; type: string }>(COLUMNS[app.store.engine])) {
      const column = `${c.tableName}.${c.name}`;
      if (!/TEXT/i.test(c.type) || !PERSONISH.test(c.name)) continue;
      if (!searched.has(column) && !OWN_RECORD.has(column) && !(column in KEPT)) unclassified.push(column);
    }
    expect(unclassified.sort()).toEqual([]);
  });
});
