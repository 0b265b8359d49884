import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findElector, householdCounts } from '../../db/repositories/electors.ts';
import { compareWalkOrder, parseAddress } from '../../shared/domain/households.ts';
import { ok, snapshot, tempHustings } from '../helpers/db.ts';
import { HEADINGS, SMALL_REGISTER, importCsv, upload } from '../helpers/register.ts';

type App = Awaited<ReturnType<typeof tempHustings>>;
let app: App;
let areaId: number;
beforeEach(async () => {
  app = await tempHustings();
  areaId = (await ok(app, 'areas.create', { name: 'Newtown East', kind: 'ward', nation: 'england', electorate: null, classification: null })).id;
});
afterEach(() => app.cleanup());

describe('importing a register', () => {
  it('imports electors, households and polling districts, and others can look electors up', async () => {
    const end = await importCsv(app, areaId, SMALL_REGISTER);
    expect(end.state).toBe('done');
    expect(end.result).toMatchObject({ electors: 9, households: 7, pollingDistricts: ['AA', 'AB'], matched: 0, added: 9, left: 0, reimport: false });
    expect(await householdCounts(app.store, areaId)).toEqual([
      { pollingDistrict: 'AA', households: 5, electors: 6 },
      { pollingDistrict: 'AB', households: 2, electors: 3 },
    ]);
    const lee = await findElector(app.store, areaId, 'AB-3/1');
    expect(lee).toMatchObject({ fullName: 'David Lee', surname: 'Lee', address: 'Rose Cottage\nPark Road', postcode: 'AB1 4CD', street: 'Park Road' });
    expect(await findElector(app.store, areaId, 'AB-3')).toBeUndefined();
    const audit = await ok(app, 'audit.list', { entity: 'register' });
    expect(audit[0].summary).toBe('Imported the register of Newtown East from register.csv: 9 electors in 7 households');
  });

  it('counts each district’s households and electors as register.list counts the area’s', async () => {
    await importCsv(app, areaId, SMALL_REGISTER);
    const districts = await ok(app, 'register.listDistricts', { areaId });
    expect(districts).toEqual([
      { pollingDistrict: 'AA', households: 5, electors: 6 },
      { pollingDistrict: 'AB', households: 2, electors: 3 },
    ]);
    const [summary] = await ok(app, 'register.list', {});
    expect(summary).toMatchObject({ electors: 9, households: 7, districts: 2 });
    expect(districts.reduce((n: number, d: any) => n + d.households, 0)).toBe(summary.households);
  });

  it('lists electors in walk order: street, house number, flats', async () => {
    await importCsv(app, areaId, SMALL_REGISTER);
    const page = await ok(app, 'register.listElectors', { areaId, pollingDistrict: 'AA' });
    expect(page.total).toBe(6);
    expect(page.items.map((e: any) => e.electorNumber)).toEqual(['AA-6', 'AA-5', 'AA-1', 'AA-2', 'AA-4', 'AA-3']);
    const search = await ok(app, 'register.listElectors', { areaId, search: 'park' });
    expect(search.items.map((e: any) => e.fullName)).toEqual(['Chidi Okafor', 'Ada Okafor', 'David Lee']);
    expect((await ok(app, 'register.listElectors', { areaId, search: 'AA-3' })).total).toBe(1);
    // The entry screen's names of a district: number, id and name, in the same walk order.
    const names = await ok(app, 'register.listNames', { areaId, pollingDistrict: 'AA' });
    expect(names).toEqual(page.items.map((e: any) => [e.electorNumber, e.id, e.fullName]));
    expect(await ok(app, 'register.listNames', { areaId })).toHaveLength(9);
    expect((await app.dispatch('register.listNames', { areaId: 999 })).ok).toBe(false);
    const sheet = await ok(app, 'register.getWalkSheet', { areaId, pollingDistrict: 'AB' });
    expect(sheet.households.map((h: any) => [h.street, h.house, h.electors.length])).toEqual([
      ['Park Road', '10', 2],
      ['Park Road', 'Rose Cottage', 1],
    ]);
  });

  it('copes with a byte-order mark, CRLF, quoted commas and line breaks, blank lines and trailing columns', async () => {
    const csv =
      '\uFEFF' +
      [
        `${HEADINGS},Extra`,
        'AA,1,,,"Smith, Jr",John,"1 Mill Lane, Upper",Newtown,AB1 2CD,x,y,z',
        '',
        'AA,2,,,Smith,Jane,"1 Mill Lane, Upper",Newtown,ab12cd',
        '   ',
        'AA,3,,,"O\'Brien","Mary\r\nAnn","2 Mill Lane",Newtown,AB1 2CD',
        'AA,4,,,Green,Tom,2 Mill Lane,Newtown,AB1 2CD,',
        '',
      ].join('\r\n');
    const end = await importCsv(app, areaId, csv);
    expect(end.state, end.message).toBe('done');
    expect(end.result).toMatchObject({ electors: 4, households: 2 });
    const john = await findElector(app.store, areaId, 'AA-1');
    expect(john).toMatchObject({ surname: 'Smith, Jr', address: '1 Mill Lane, Upper\nNewtown' });
    expect((await findElector(app.store, areaId, 'AA-2'))?.householdId).toBe(john?.householdId);
    expect((await findElector(app.store, areaId, 'AA-3'))?.forenames).toBe('Mary Ann');
  });

  it('refuses a file with bad lines, listing each line and reason, and changes nothing', async () => {
    const before = await snapshot(app);
    const csv = [
      HEADINGS,
      'AA,1,,,Smith,John,1 Mill Lane,Newtown,AB1 2CD',
      '',
      'AA,,,,Smith,Jane,1 Mill Lane,Newtown,AB1 2CD',
      'AA,3,,,"Brown',
      'Jr",Ann,3 Mill Lane,Newtown,NOPE',
      'AA,1,,,Green,Tom,2 Mill Lane,Newtown,AB1 2CD',
    ].join('\n');
    const end = await importCsv(app, areaId, csv);
    expect(end.state).toBe('error');
    expect(end.message).toBe('3 lines of register.csv cannot be imported, so nothing was imported. Correct them and import again.');
    expect((end.error?.details as any).problems).toEqual([
      { line: 4, reason: 'the elector number is empty' },
      { line: 5, reason: 'postcode "NOPE" is not a UK postcode' },
      { line: 7, reason: 'elector number AA-1 is already on line 2' },
    ]);
    expect(await snapshot(app)).toBe(before);
  });

  it('names the line of a quoted cell that is never closed, and imports nothing', async () => {
    const before = await snapshot(app);
    const csv = [
      HEADINGS,
      'AA,1,,,Smith,John,1 Mill Lane,Newtown,AB1 2CD',
      'AA,2,,,"Smith,Jane,1 Mill Lane,Newtown,AB1 2CD',
      'AA,3,,,Brown,Ann,3 Mill Lane,Newtown,AB1 2CD',
    ].join('\n');
    const end = await importCsv(app, areaId, csv);
    expect(end.state).toBe('error');
    expect((end.error?.details as any).problems).toEqual([
      { line: 3, reason: 'a quoted cell starting on this line is never closed (a " is missing), so the rest of the file ran into it' },
    ]);
    expect(await snapshot(app)).toBe(before);
  });

  it('reads a file whose lines end in CR alone', async () => {
    const end = await importCsv(app, areaId, SMALL_REGISTER.replaceAll('\r\n', '\r'));
    expect(end.state, end.message).toBe('done');
    expect(end.result).toMatchObject({ electors: 9, households: 7 });
  });

  it('cancelled means nothing changed', async () => {
    const rows = [HEADINGS];
    for (let i = 1; i <= 30000; i++) rows.push(`AA,${i},,,Surname${i},Forename,${i} Long Road,Newtown,AB1 2CD`);
    const fileId = await upload(app, 'big.csv', rows.join('\n'), 2_000_000);
    const preview = await ok(app, 'register.importPreview', { fileId });
    const before = await snapshot(app);
    const started = await ok(app, 'register.importStart', { fileId, areaId, mapping: preview.mapping });
    await ok(app, 'jobs.cancel', { jobId: started.jobId });
    const end = await app.jobs.wait(started.jobId);
    expect(end.state).toBe('cancelled');
    expect(end.message).toMatch(/nothing was changed/);
    const after = JSON.parse(await snapshot(app));
    const settingsFree = (s: any[]) => s.filter(([name]: [string]) => name !== 'settings');
    expect(settingsFree(after)).toEqual(settingsFree(JSON.parse(before)));
  });

  it('imports polling-district codes with digits (GB1, AB1, KB2, lower case) and finds their electors everywhere', async () => {
    const csv = [
      HEADINGS,
      'GB1,1,,,Smith,John,1 Mill Lane,Newtown,AB1 2CD',
      'gb1,2,,,Smith,Jane,1 Mill Lane,Newtown,AB1 2CD',
      'AB1,123,,,Brown,Ann,3 Mill Lane,Newtown,AB1 2CD',
      'KB2,7,1,,Patel,Ravi,5 High Street,Newtown,AB1 3CD',
      'KB2A,8,,,Jones,Sam,7 High Street,Newtown,AB1 3CD',
    ].join('\n');
    const end = await importCsv(app, areaId, csv);
    expect(end.state, end.message).toBe('done');
    expect(end.result).toMatchObject({ electors: 5, pollingDistricts: ['AB1', 'GB1', 'KB2', 'KB2A'] });
    expect(await ok(app, 'register.getByNumber', { areaId, electorNumber: 'GB1-1' })).toMatchObject({ fullName: 'John Smith', pollingDistrict: 'GB1' });
    expect(await ok(app, 'register.getByNumber', { areaId, electorNumber: 'kb2-7/1' })).toMatchObject({ fullName: 'Ravi Patel' });
    expect(await ok(app, 'register.getByNumber', { areaId, electorNumber: '2', pollingDistrict: 'gb1' })).toMatchObject({ fullName: 'Jane Smith' });
    expect((await ok(app, 'register.listElectors', { areaId, pollingDistrict: 'AB1' })).items.map((e: any) => e.electorNumber)).toEqual(['AB1-123']);
    const session = await ok(app, 'canvass.createSession', { areaId, pollingDistrict: 'KB2A', heldOn: '2026-11-01', canvassers: 'Sam' });
    expect(session.pollingDistrict).toBe('KB2A');
    // The whole number in one column, its code written with the number.
    const whole = [
      'Elector Number,Elector Surname,Elector Forename,Address1,PostCode',
      'GB1-1,Smith,John,1 Mill Lane,AB1 2CD',
      'AB1-124/2,Brown,Ann,3 Mill Lane,AB1 2CD',
    ].join('\n');
    const other = (await ok(app, 'areas.create', { name: 'Newtown West', kind: 'ward', nation: 'england', electorate: null, classification: null })).id;
    const again = await importCsv(app, other, whole, 'whole.csv');
    expect(again.state, again.message).toBe('done');
    expect(await ok(app, 'register.getByNumber', { areaId: other, electorNumber: 'AB1-124/2' })).toMatchObject({ fullName: 'Ann Brown' });
  });

  it('suggests the mapping from headings, then remembers the user’s own choices', async () => {
    const csv = ['PD,No,Who,Street,Town,PC', 'AA,1,John Smith,1 Mill Lane,Newtown,AB1 2CD'].join('\n');
    const fileId = await upload(app, 'odd.csv', csv);
    const preview = await ok(app, 'register.importPreview', { fileId });
    expect(preview.mapping).toMatchObject({ pollingDistrict: 0, electorNumber: 1, fullName: null, postcode: 5 });
    expect(preview.problems.map((p: any) => p.field)).toEqual(['fullName']);
    expect(preview.remembered).toBe(false);
    const bad = await app.dispatch('register.importStart', { fileId, areaId, mapping: preview.mapping });
    expect(bad.ok).toBe(false);
    const mapping = { ...preview.mapping, fullName: 2, address1: 3, address2: 4 };
    const started = await ok(app, 'register.importStart', { fileId, areaId, mapping });
    expect((await app.jobs.wait(started.jobId)).state).toBe('done');
    const again = await ok(app, 'register.importPreview', { fileId: await upload(app, 'odd2.csv', csv) });
    expect(again.remembered).toBe(true);
    expect(again.mapping).toMatchObject({ fullName: 2, address1: 3, address2: 4, postcode: 5 });
  });
});

describe('files in other encodings, and files that are not registers', () => {
  /** A file on disk, as the CLI and the desktop app's open dialog hand it over: its bytes as they are. */
  async function importBytes(name: string, bytes: Buffer) {
    const path = join(app.dir, name);
    writeFileSync(path, bytes);
    const { id: fileId } = app.uploads.adopt(path, name, bytes.length);
    const preview = await app.dispatch('register.importPreview', { fileId });
    if (!preview.ok) return { preview };
    const started = await ok(app, 'register.importStart', { fileId, areaId, mapping: (preview.value as any).mapping });
    return { preview, end: await app.jobs.wait(started.jobId) };
  }
  const ACCENTED = [HEADINGS, 'AA,1,,,Ångström,Zoë,1 Mill Lane,Newtown,AB1 2CD', 'AA,2,,,Muñoz,José,1 Mill Lane,Newtown,AB1 2CD'].join('\r\n');

  it.each([
    ['Latin-1', 'latin1.csv', Buffer.from(ACCENTED, 'latin1'), 'Western European (Windows-1252 / Latin-1)'],
    ['UTF-16 with its mark', 'utf16.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(ACCENTED, 'utf16le')]), 'UTF-16 (Unicode)'],
    ['UTF-8', 'utf8.csv', Buffer.from(ACCENTED), 'UTF-8'],
  ])('imports a %s register with its names as written', async (_, name, bytes, encoding) => {
    const { preview, end } = await importBytes(name, bytes);
    expect(preview.ok && (preview.value as { encoding: string }).encoding).toBe(encoding);
    expect(end?.state, end?.message).toBe('done');
    expect(await findElector(app.store, areaId, 'AA-1')).toMatchObject({ fullName: 'Zoë Ångström', surname: 'Ångström' });
    expect(await findElector(app.store, areaId, 'AA-2')).toMatchObject({ fullName: 'José Muñoz' });
  });

  it('says what is wrong with a workbook, a first line with no end, and a file that changes encoding part-way', async () => {
    const before = await snapshot(app);
    const xlsx = await importBytes('register.xlsx', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 6, 0, 8, 0]));
    expect(xlsx.preview.ok ? null : xlsx.preview.error.message).toMatch(/^register\.xlsx is a spreadsheet workbook, not a CSV file/);
    const long = await importBytes('long.csv', Buffer.from(`${HEADINGS},${'x'.repeat(300 * 1024)}`));
    expect(long.preview.ok ? null : long.preview.error.message).toBe(
      'The first line of long.csv runs on for more than 256 KB without a line break: a register has one elector a line. Check it is the register CSV.',
    );
    const rows = [HEADINGS];
    for (let i = 1; i <= 3000; i++) rows.push(`AA,${i},,,Smith,John,${i} Mill Lane,Newtown,AB1 2CD`);
    const mixed = Buffer.concat([Buffer.from(rows.join('\n')), Buffer.from('\nAA,3001,,,Ångström,Zoë,1 Mill Lane,Newtown,AB1 2CD\n', 'latin1')]);
    const { end } = await importBytes('mixed.csv', mixed);
    expect(end?.state).toBe('error');
    expect(end?.message).toMatch(
      /^mixed\.csv is not all UTF-8 text: near line 3,002 it has characters written another way\. Open it in your spreadsheet program and save it as "CSV UTF-8/,
    );
    expect(await snapshot(app)).toBe(before);
  });
});

describe('re-importing next year’s register', () => {
  it('matches renumbered electors by name and address so their canvass history carries over', async () => {
    await importCsv(app, areaId, SMALL_REGISTER);
    const session = await ok(app, 'canvass.createSession', { areaId, heldOn: '2026-11-01', canvassers: 'Sam' });
    const jane = (await findElector(app.store, areaId, 'AA-2'))!;
    const ann = (await findElector(app.store, areaId, 'AA-3'))!;
    await ok(app, 'canvass.recordReturn', { sessionId: session.id, electorId: jane.id, codes: '1J' });
    await ok(app, 'canvass.recordReturn', { sessionId: session.id, electorId: ann.id, codes: '2' });

    const next = [
      HEADINGS,
      'AA,1,,,Carter,Liz,3 Mill Lane,Newtown,AB1 2CD',
      'AA,2,,,Smith,John,1 Mill Lane,Newtown,AB1 2CD',
      'AA,3,,,SMITH,JANE,"1, Mill Lane",Newtown,AB1 2CD',
      'AA,4,,,Green,Tom,2 Mill Lane,Newtown,AB1 2CD',
      'AA,5,,,Patel,Ravi,"Flat 2, 5 High Street",Newtown,AB1 3CD',
      'AA,6,,,Jones,Sam,"Flat 1, 5 High Street",Newtown,AB1 3CD',
      'AB,1,,,Okafor,Chidi,10 Park Road,Newtown,AB1 4CD',
      'AB,2,,,Okafor,Ada,10 Park Road,Newtown,AB1 4CD',
      'AB,3,,,Lee,David,Rose Cottage,Park Road,AB1 4CD',
    ].join('\n');
    const end = await importCsv(app, areaId, next, 'register-2027.csv', { confirmRemovals: true });
    expect(end.state, end.message).toBe('done');
    expect(end.result).toMatchObject({ electors: 9, matched: 8, added: 1, left: 1, reimport: true, mode: 'replace' });

    const janeNow = (await findElector(app.store, areaId, 'AA-3'))!;
    expect(janeNow.id).toBe(jane.id);
    expect(janeNow).toMatchObject({ fullName: 'JANE SMITH', latestSupport: '1', requests: ['join'] });
    expect((await ok(app, 'register.getElector', { id: jane.id })).returns).toHaveLength(1);
    // Ann Brown left: she and her return are gone, Liz Carter is new with no history.
    expect(await findElector(app.store, areaId, 'AA-1')).toMatchObject({ fullName: 'Liz Carter', latestOutcome: null });
    expect((await ok(app, 'canvass.getSession', { id: session.id })).returnCount).toBe(1);
    const audit = await ok(app, 'audit.list', { entity: 'register' });
    expect(audit[0].summary).toBe('Re-imported the register of Newtown East from register-2027.csv: 8 matched, 1 new, 1 left');
    expect(await householdCounts(app.store, areaId)).toEqual([
      { pollingDistrict: 'AA', households: 5, electors: 6 },
      { pollingDistrict: 'AB', households: 2, electors: 3 },
    ]);
  });
});

describe('asking before a re-import removes anyone', () => {
  it('says how many electors and returns a partial file would remove, changes nothing, and imports once confirmed', async () => {
    await importCsv(app, areaId, SMALL_REGISTER);
    const session = await ok(app, 'canvass.createSession', { areaId, heldOn: '2026-11-01', canvassers: 'Sam' });
    for (const n of ['AB-1', 'AB-2'])
      await ok(app, 'canvass.recordReturn', { sessionId: session.id, electorId: (await findElector(app.store, areaId, n))!.id, codes: '2' });
    await ok(app, 'canvass.recordReturn', { sessionId: session.id, electorId: (await findElector(app.store, areaId, 'AA-1'))!.id, codes: '1' });
    const before = await snapshot(app);

    const aaOnly = SMALL_REGISTER.split('\r\n')
      .filter((l) => !l.startsWith('AB,'))
      .join('\r\n');
    const fileId = await upload(app, 'aa-only.csv', aaOnly);
    const preview = await ok(app, 'register.importPreview', { fileId });
    const asked = await app.jobs.wait((await ok(app, 'register.importStart', { fileId, areaId, mapping: preview.mapping })).jobId);
    expect(asked.state).toBe('error');
    expect(asked.error?.code).toBe('needs_confirmation');
    expect(asked.message).toBe(
      "Importing aa-only.csv would remove 3 electors of Newtown East who are not in it, and 2 canvass returns go with them. Nothing has been changed. If it is the whole new register, confirm the removal; if it holds only some electors or the council's monthly changes, import it as notices of alteration, which removes only the electors it marks as deleted.",
    );
    expect(asked.error?.details).toEqual({ removals: { electors: 3, returns: 2 } });
    expect(await snapshot(app)).toBe(before);

    // The same upload, confirmed: no need to send the file again.
    const done = await app.jobs.wait((await ok(app, 'register.importStart', { fileId, areaId, mapping: preview.mapping, confirmRemovals: true })).jobId);
    expect(done.state, done.message).toBe('done');
    expect(done.result).toMatchObject({ electors: 6, matched: 6, left: 3 });
    expect((await ok(app, 'canvass.getSession', { id: session.id })).returnCount).toBe(1);
  });
});

describe('notices of alteration', () => {
  const NOTICE_HEADINGS = `${HEADINGS},Change Type`;

  it('adds, deletes and changes only the electors named, keeping everyone else as they were', async () => {
    await importCsv(app, areaId, SMALL_REGISTER);
    const session = await ok(app, 'canvass.createSession', { areaId, heldOn: '2026-11-01', canvassers: 'Sam' });
    const ann = (await findElector(app.store, areaId, 'AA-3'))!;
    const tom = (await findElector(app.store, areaId, 'AA-4'))!;
    await ok(app, 'canvass.recordReturn', { sessionId: session.id, electorId: ann.id, codes: '1' });
    await ok(app, 'canvass.recordReturn', { sessionId: session.id, electorId: tom.id, codes: '2J' });
    const everyoneElse = async () =>
      (await app.store.all("SELECT * FROM electors WHERE area_id = ? AND elector_number NOT IN ('AA-3', 'AA-4', 'AA-2/1') ORDER BY id", [areaId])).map(
        (e: any) => ({ ...e, walk_seq: 0 }),
      );
    const untouched = await everyoneElse();

    const notice = [
      NOTICE_HEADINGS,
      'AA,2,1,,Carter,Liz,1 Mill Lane,Newtown,AB1 2CD,A',
      'AA,3,,E,Brown,Ann,3 Mill Lane,Newtown,AB1 2CD,D',
      'AA,4,,,Green-Hill,Tom,9 Acre Road,Newtown,AB1 5CD,C',
    ].join('\r\n');
    const asked = await importCsv(app, areaId, notice, 'notice-2026-12.csv', { mode: 'alterations' });
    expect(asked.error?.code).toBe('needs_confirmation');
    expect(asked.message).toBe(
      'notice-2026-12.csv deletes 1 elector of Newtown East, and 1 canvass return go with them. Nothing has been changed. Confirm to delete them.',
    );

    const end = await importCsv(app, areaId, notice, 'notice-2026-12.csv', { mode: 'alterations', confirmRemovals: true });
    expect(end.state, end.message).toBe('done');
    expect(end.result).toMatchObject({ electors: 3, added: 1, matched: 1, left: 1, reimport: true, mode: 'alterations', households: 6 });
    expect(await findElector(app.store, areaId, 'AA-3')).toBeUndefined();
    expect(await findElector(app.store, areaId, 'AA-2/1')).toMatchObject({
      fullName: 'Liz Carter',
      householdId: (await findElector(app.store, areaId, 'AA-1'))!.householdId,
    });
    // Tom keeps his id and his history at his new address.
    expect(await findElector(app.store, areaId, 'AA-4')).toMatchObject({
      id: tom.id,
      fullName: 'Tom Green-Hill',
      street: 'Acre Road',
      latestSupport: '2',
      requests: ['join'],
    });
    expect(await everyoneElse()).toEqual(untouched);
    expect((await ok(app, 'canvass.getSession', { id: session.id })).returnCount).toBe(1);
    const audit = await ok(app, 'audit.list', { entity: 'register' });
    expect(audit[0].summary).toBe('Applied notices of alteration to the register of Newtown East from notice-2026-12.csv: 1 added, 1 changed, 1 deleted');
    // Walk order as a full import would give it: Acre Road first, 3 Mill Lane gone.
    const walk = (await ok(app, 'register.listElectors', { areaId, pollingDistrict: 'AA' })).items.map((e: any) => e.electorNumber);
    expect(walk).toEqual(['AA-4', 'AA-6', 'AA-5', 'AA-1', 'AA-2', 'AA-2/1']);
    const seqs = (await app.store.all('SELECT walk_seq AS s FROM electors WHERE area_id = ? ORDER BY walk_seq', [areaId])).map((r: any) => r.s);
    expect(seqs).toEqual(seqs.map((_: number, i: number) => i + 1));
  });

  it('applies a file without a change column (one district’s electors) as additions and changes, removing nobody', async () => {
    await importCsv(app, areaId, SMALL_REGISTER);
    const partial = [HEADINGS, 'AB,1,,,Okafor,Chidi Emeka,10 Park Road,Newtown,AB1 4CD', 'AB,4,,,Khan,Aisha,12 Park Road,Newtown,AB1 4CD'].join('\n');
    const end = await importCsv(app, areaId, partial, 'ab.csv', { mode: 'alterations' });
    expect(end.state, end.message).toBe('done');
    expect(end.result).toMatchObject({ added: 1, matched: 1, left: 0 });
    expect((await ok(app, 'register.listElectors', { areaId })).total).toBe(10);
    expect(await findElector(app.store, areaId, 'AB-1')).toMatchObject({ forenames: 'Chidi Emeka' });
  });

  it('refuses lines that do not fit the register held, by line, and changes nothing', async () => {
    await importCsv(app, areaId, SMALL_REGISTER);
    const before = await snapshot(app);
    const notice = [
      NOTICE_HEADINGS,
      'AA,1,,,Smith,John,1 Mill Lane,Newtown,AB1 2CD,A',
      'AA,9,,,Nobody,Here,1 Mill Lane,Newtown,AB1 2CD,D',
      'AA,2,,,Someone,Else,1 Mill Lane,Newtown,AB1 2CD,Deleted',
      'AA,10,,,New,Person,1 Mill Lane,Newtown,AB1 2CD,amended',
      'AA,11,,,New,Person,1 Mill Lane,Newtown,AB1 2CD,X',
    ].join('\n');
    const end = await importCsv(app, areaId, notice, 'notice.csv', { mode: 'alterations' });
    expect(end.state).toBe('error');
    expect((end.error?.details as any).problems).toEqual([
      { line: 6, reason: 'change "X" is not one we know: write A (addition), D (deletion) or C (change)' },
    ]);
    const fixed = await importCsv(app, areaId, notice.split('\n').slice(0, 5).join('\n'), 'notice.csv', { mode: 'alterations' });
    expect((fixed.error?.details as any).problems).toEqual([
      { line: 2, reason: 'AA-1 is to be added but is already on the register (John Smith); mark the line as a change' },
      { line: 3, reason: 'AA-9 is to be deleted but is not on the register' },
      { line: 4, reason: 'AA-2 is to be deleted as Else Someone, but the register has Jane Smith at that number' },
      { line: 5, reason: 'AA-10 is to be changed but is not on the register; mark the line as an addition' },
    ]);
    expect(await snapshot(app)).toBe(before);
    // A change column on a file imported as the whole register is a mistake worth saying.
    const whole = await importCsv(app, areaId, notice, 'notice.csv');
    expect(whole.message).toMatch(/^A whole register has no Change \(on notices of alteration\) column/);
  });
});

describe('a register of thousands of electors', () => {
  /** Electors 1..n of two districts, three to a house, every fifth house written differently later on. */
  function register(n: number, renumber = 0, skip = new Set<number>()): string {
    const lines = [HEADINGS];
    for (let i = 0; i < n; i++) {
      if (skip.has(i)) continue;
      const house = Math.floor(i / 3);
      const street = ['Mill Lane', 'High Street', 'Acre Road'][house % 3];
      const written = i % 3 === 2 && house % 5 === 0 ? `"${house + 1}, ${street}."` : `${house + 1} ${street}`;
      lines.push(`${i < n / 2 ? 'AA' : 'AB'},${i + 1 + renumber},,,Surname${i},Forename,${written},Newtown,AB1 ${house % 7}CD`);
    }
    return lines.join('\r\n');
  }

  it('imports every elector into households in walk order, and a renumbered re-import keeps them', async () => {
    const n = 2700; // more than one block of rows and many batches of inserts
    const first = await importCsv(app, areaId, register(n));
    expect(first.state, first.message).toBe('done');
    const counts = await householdCounts(app.store, areaId);
    expect(counts.reduce((t, c) => t + c.electors, 0)).toBe(n);
    expect((first.result as { households: number }).households).toBe(counts.reduce((t, c) => t + c.households, 0));

    // Walk order: households by district then street, house and flat; electors of a household together.
    const walk = (await app.store.all(
      `SELECT e.walk_seq AS seq, e.household_id AS h, h.polling_district AS d, h.address_lines AS lines, h.walk_seq AS hseq
         FROM electors e JOIN households h ON h.id = e.household_id WHERE e.area_id = ? ORDER BY e.walk_seq`,
      [areaId],
    )) as { seq: number; h: number; d: string; lines: string; hseq: number }[];
    expect(walk.map((w) => w.seq)).toEqual(Array.from({ length: n }, (_, i) => i + 1));
    const households = [...new Map(walk.map((w) => [w.h, w])).values()];
    expect(new Set(walk.map((w) => w.h)).size).toBe(households.length); // each household's electors are consecutive
    for (let i = 1; i < households.length; i++) {
      const [a, b] = [households[i - 1], households[i]];
      expect(a.hseq).toBeLessThan(b.hseq);
      if (a.d === b.d) expect(compareWalkOrder(parseAddress(a.lines.split('\n')), parseAddress(b.lines.split('\n')))).toBeLessThanOrEqual(0);
      else expect(a.d < b.d).toBe(true);
    }

    const before = new Map(
      (
        (await app.store.all('SELECT full_name AS name, id, household_id AS h FROM electors WHERE area_id = ?', [areaId])) as {
          name: string;
          id: number;
          h: number;
        }[]
      ).map((r) => [r.name, r]),
    );
    const gone = new Set([5, 1000, 2699]);
    const again = await importCsv(app, areaId, register(n, 7, gone), 'register-2027.csv', { confirmRemovals: true });
    expect(again.state, again.message).toBe('done');
    expect(again.result).toMatchObject({ electors: n - gone.size, matched: n - gone.size, added: 0, left: gone.size, reimport: true });
    const after = (await app.store.all('SELECT full_name AS name, id, household_id AS h, number FROM electors WHERE area_id = ?', [areaId])) as {
      name: string;
      id: number;
      h: number;
      number: number;
    }[];
    for (const e of after) {
      expect(e.id).toBe(before.get(e.name)?.id);
      expect(e.h).toBe(before.get(e.name)?.h); // same address, same household
    }
    expect(after.find((e) => e.name === 'Forename Surname0')?.number).toBe(8);
  });
});
