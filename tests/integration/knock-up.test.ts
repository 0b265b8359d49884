import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { extractText, getDocumentProxy } from 'unpdf';
import { ok, snapshot, tempHustings } from '../helpers/db.ts';
import { addRoom, setPromiseRule, setSupport } from '../helpers/polling.ts';
import { SMALL_REGISTER, importCsv } from '../helpers/register.ts';
import { writeKnockUpSheets } from '../../main/pdf/knock-up-sheets.ts';
import { PassThrough } from 'node:stream';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hustings } from '../helpers/cli.ts';
import { startServer } from '../../main/server.ts';

type App = Awaited<ReturnType<typeof tempHustings>>;
let app: App;
let areaId: number;
let contestId: number;
let roomId: number;
const idOf = async (n: string) => (await app.store.values('SELECT id FROM electors WHERE elector_number = ?', [n]))[0]?.[0] as number;
const vote = (numbers: string[], district = 'AA') =>
  ok(app, 'telling.recordBatch', {
    contestId,
    pollingDistrict: district,
    clientId: `vote-${numbers.join('-')}-${district}`,
    entries: numbers.map((number) => ({ number })),
  });

beforeEach(async () => {
  app = await tempHustings();
  areaId = (await ok(app, 'areas.create', { name: 'Newtown East', kind: 'ward', nation: 'england', electorate: null, classification: null })).id;
  expect((await importCsv(app, areaId, SMALL_REGISTER)).state).toBe('done');
  const electionId = (await ok(app, 'elections.create', { name: 'Council 2026', type: 'local', pollingDay: '2026-05-07', nation: 'england' })).id;
  contestId = (await ok(app, 'contests.create', { electionId, areaId, status: 'contesting' })).id;
  roomId = await addRoom(app.store, contestId, '12 Mill Lane', ['AA']);
  await addRoom(app.store, contestId, 'Park Road', ['AB']);
  await setPromiseRule(app.store, contestId, ['1', '2']);
  await setSupport(app.store, areaId, { 'AA-1': '1', 'AA-2': '2', 'AA-3': '3', 'AA-4': '1', 'AA-5': '2', 'AB-1': '1' });
  await setSupport(app.store, areaId, { 'AA-6': '1' }, 'moved');
});
afterEach(() => app.cleanup());

const numbers = (list: { electors: { electorNumber: string }[] }) => list.electors.map((e) => e.electorNumber);

describe('knock-up lists', () => {
  it('list a room’s promises who have not voted, in walk order, and shrink as numbers arrive', async () => {
    const list = await ok(app, 'knockUp.list', { contestId, roomId });
    // Walk order: High Street (AA-5), then Mill Lane 1, 1, 2 (AA-4); AA-3 is no promise, AA-6 moved.
    expect(numbers(list)).toEqual(['AA-5', 'AA-1', 'AA-2', 'AA-4']);
    expect(list).toMatchObject({ roomName: '12 Mill Lane', districts: ['AA'], rule: ['1', '2'], promises: 4, voted: 0 });
    expect(list.electors[1]).toMatchObject({ fullName: 'John Smith', street: 'Mill Lane', house: '1', support: '1', knocked: [] });
    await vote(['2', '5', '3']);
    const after = await ok(app, 'knockUp.list', { contestId, roomId });
    expect(numbers(after)).toEqual(['AA-1', 'AA-4']);
    expect(after).toMatchObject({ promises: 4, voted: 2 });
    const rooms = await ok(app, 'knockUp.rooms', { contestId });
    expect(rooms.rooms.map((r: any) => [r.name, r.districts, r.promises, r.voted, r.left])).toEqual([
      ['12 Mill Lane', ['AA'], 4, 2, 2],
      ['Park Road', ['AB'], 1, 0, 1],
    ]);
  });

  it('record who was knocked in which round, once per round', async () => {
    const ids = [await idOf('AA-1'), await idOf('AA-4')];
    expect(await ok(app, 'knockUp.record', { contestId, roomId, round: 1, electorIds: ids })).toEqual({ recorded: 2, already: 0 });
    expect(await ok(app, 'knockUp.record', { contestId, roomId, round: 1, electorIds: ids })).toEqual({ recorded: 0, already: 2 });
    await ok(app, 'knockUp.record', { contestId, roomId, round: 2, electorIds: [ids[0]] });
    const list = await ok(app, 'knockUp.list', { contestId, roomId });
    expect(list.electors.find((e: any) => e.electorNumber === 'AA-1').knocked).toEqual([1, 2]);
    expect(list.electors.find((e: any) => e.electorNumber === 'AA-4').knocked).toEqual([1]);
    expect(await ok(app, 'knockUp.unrecord', { contestId, roomId, round: 2, electorIds: [ids[0]] })).toEqual({ removed: 1 });
    expect((await app.store.values('SELECT knocked_by FROM knock_ups LIMIT 1'))[0]?.[0]).toBe('tester');
  });

  it('refuse bad input with the field named, writing nothing', async () => {
    const before = await snapshot(app);
    const bad: [string, Record<string, unknown>, string][] = [
      ['knockUp.list', { contestId, roomId: 999 }, 'roomId'],
      ['knockUp.list', { contestId: 999, roomId }, 'id'],
      ['knockUp.record', { contestId, roomId, round: 0, electorIds: [await idOf('AA-1')] }, 'round'],
      ['knockUp.record', { contestId, roomId, round: 1, electorIds: [] }, 'electorIds'],
      ['knockUp.record', { contestId, roomId, round: 1, electorIds: [await idOf('AB-1')] }, 'electorIds.0'],
      ['knockUp.record', { contestId, roomId, round: 1, electorIds: [await idOf('AA-1'), 99999] }, 'electorIds.1'],
    ];
    for (const [method, input, field] of bad) {
      const r = await app.dispatch(method, input);
      expect(r.ok, JSON.stringify(input)).toBe(false);
      if (!r.ok) expect(Object.keys(r.error.fields ?? {}), JSON.stringify(input)).toContain(field);
    }
    await app.store.run('DELETE FROM promise_rules');
    const noRule = await app.dispatch('knockUp.list', { contestId, roomId });
    expect(noRule.ok).toBe(false);
    if (!noRule.ok) expect(noRule.error.message).toMatch(/who counts as a promise/);
    expect((await snapshot(app)).replace(/"promise_rules",\[[^\]]*\]/, '')).toBe(before.replace(/"promise_rules",\[[^\]]*\]/, ''));
  });

  it('print as A4 sheets: streets, house, name, number and a tick column per round', async () => {
    await vote(['2']);
    await ok(app, 'knockUp.record', { contestId, roomId, round: 1, electorIds: [await idOf('AA-1')] });
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c) => chunks.push(c));
    const r = await writeKnockUpSheets(app.dispatch, { contestId, roomId, round: 2 }, out);
    expect(r).toEqual({ pages: 1, electors: 3 });
    const pdf = await getDocumentProxy(new Uint8Array(Buffer.concat(chunks)));
    const { text } = await extractText(pdf, { mergePages: true });
    expect(text).toContain('Knock-up round 2: 12 Mill Lane');
    expect(text).toContain('Page 1 of 1');
    expect(text).toMatch(/High Street \(AA\)\s+Flat 2, 5 Ravi Patel AA-5\s+Mill Lane \(AA\)\s+1 John Smith AA-1 R1\s+2 Tom Green AA-4/);
    expect(text).not.toContain('Jane Smith');
    expect(text).toMatch(/Round\s+1\s+2\s+3/);
  });

  it('print from the command line, and a wrong room is refused with nothing written', async () => {
    const file = join(app.dir, 'round-1.pdf');
    const args = ['--contest', String(contestId), '--round', '1', '--pdf', file, '--db', app.dbPath];
    const r = hustings('polling', 'knock-up', '--room', String(roomId), ...args);
    expect(r.err).toBe('');
    expect(r).toMatchObject({
      code: 0,
      out: expect.stringMatching(/^Wrote .*round-1\.pdf: 1 page\(s\), 4 promise\(s\) still to vote for 12 Mill Lane, round 1\.\n$/),
    });
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(readFileSync(file))), { mergePages: true });
    expect(text).toContain('Knock-up round 1: 12 Mill Lane');
    const other = join(app.dir, 'wrong.pdf');
    const bad = hustings('polling', 'knock-up', '--room', '999', ...args.slice(0, 4), '--pdf', other, '--db', app.dbPath);
    expect(bad).toMatchObject({ code: 1, err: 'There is no committee room with id 999 in this contest\n' });
    expect(existsSync(other)).toBe(false);
    expect(hustings('polling', 'knock-up', '--room', 'x', ...args)).toMatchObject({
      code: 2,
      err: expect.stringContaining('Give the committee room with --room ID'),
    });
  }, 120_000);
});

describe('knock-up lists by voting history', () => {
  /** Four earlier elections with marked registers, newest first, and this year's numbers for AA-2. */
  async function history() {
    const election = async (name: string, type: string, pollingDay: string) =>
      (await ok(app, 'elections.create', { name, type, pollingDay, nation: 'england' })).id as number;
    const general2024 = await election('General election 2024', 'uk-parliament', '2024-07-04');
    const local2023 = await election('Council 2023', 'local', '2023-05-04');
    const local2022 = await election('Council 2022', 'local', '2022-05-05');
    const general2019 = await election('General election 2019', 'uk-parliament', '2019-12-12');
    const marked = (electionId: number, numbers: string[]) =>
      ok(app, 'telling.recordBatch', {
        contestId,
        electionId,
        pollingDistrict: 'AA',
        source: 'marked_register',
        clientId: `marked-${electionId}`,
        entries: numbers.map((number) => ({ number })),
      });
    // AA-1: 2 of the last 3. AA-2: 2 of the last 3, but has voted today. AA-4: 2024 and 2022,
    // 2 of the last 3 earlier ones, only 1 of the last 3 if today's poll counted. AA-5: 2022 and
    // 2019, 1 of the last 3.
    await marked(general2024, ['1', '2', '4']);
    await marked(local2023, ['1', '2', '3']);
    await marked(local2022, ['4', '5']);
    await marked(general2019, ['5']);
    await vote(['2']);
  }

  it('keep only the promises still to vote with that history in earlier elections; the room’s counts stay whole', async () => {
    await history();
    expect(numbers(await ok(app, 'knockUp.list', { contestId, roomId }))).toEqual(['AA-5', 'AA-1', 'AA-4']);
    const twoOfThree = await ok(app, 'knockUp.list', { contestId, roomId, votedIn: { n: 2, m: 3 } });
    expect(numbers(twoOfThree)).toEqual(['AA-1', 'AA-4']);
    expect(twoOfThree).toMatchObject({ promises: 4, voted: 1 });
    expect(numbers(await ok(app, 'knockUp.list', { contestId, roomId, votedIn: { n: 1, m: 3 } }))).toEqual(['AA-5', 'AA-1', 'AA-4']);
    expect(numbers(await ok(app, 'knockUp.list', { contestId, roomId, votedIn: { n: 3, m: 3 } }))).toEqual([]);
    expect(numbers(await ok(app, 'knockUp.list', { contestId, roomId, votedIn: { n: 2, m: 4 } }))).toEqual(['AA-5', 'AA-1', 'AA-4']);
    expect(numbers(await ok(app, 'knockUp.list', { contestId, roomId, votedIn: { n: 1, m: 1 } }))).toEqual(['AA-1', 'AA-4']);
  });

  it('refuse a filter that is not "n of the last m", naming the field, writing nothing', async () => {
    const before = await snapshot(app);
    const bad: [unknown, string][] = [
      [{ n: 4, m: 3 }, 'votedIn.n'],
      [{ n: 1, m: 0 }, 'votedIn.m'],
      [{ n: '2', m: 3 }, 'votedIn.n'],
      [{ n: 1, m: 21 }, 'votedIn.m'],
      [{ n: 1 }, 'votedIn.m'],
    ];
    for (const [votedIn, field] of bad) {
      const r = await app.dispatch('knockUp.list', { contestId, roomId, votedIn });
      expect(r.ok, JSON.stringify(votedIn)).toBe(false);
      if (!r.ok) expect(Object.keys(r.error.fields ?? {}), JSON.stringify(votedIn)).toContain(field);
    }
    expect(await snapshot(app)).toBe(before);
  });

  it('print the filtered sheets, saying the filter they were printed with', async () => {
    await history();
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c) => chunks.push(c));
    const r = await writeKnockUpSheets(app.dispatch, { contestId, roomId, round: 1, votedIn: { n: 2, m: 3 } }, out);
    expect(r).toEqual({ pages: 1, electors: 2 });
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(Buffer.concat(chunks))), { mergePages: true });
    expect(text).toMatch(/Mill Lane \(AA\)\s+1 John Smith AA-1\s+2 Tom Green AA-4/);
    expect(text).not.toContain('Ravi Patel');
    expect(text.replace(/\s+/g, ' ')).toContain(
      'Only promises who voted in at least 2 of the last 3 elections before this one on record for the area. Promises (support 1, 2) who had not voted when printed',
    );
    expect(text.replace(/\s+/g, ' ')).toMatch(/with that history: 2, of 3 still to vote \(4 promises\)\./);
  });

  it('GET /api/pdf/knock-up carries the filter, and refuses a bad one plainly', async () => {
    await history();
    const server = await startServer(app, { port: 0, token: 'knock-token' });
    try {
      const base = `http://127.0.0.1:${server.port}/api/pdf/knock-up?contest=${contestId}&room=${roomId}&round=2`;
      const auth = { headers: { Authorization: 'Bearer knock-token' } };
      const r = await fetch(`${base}&voted=2&of=3`, auth);
      expect(r.status).toBe(200);
      expect(r.headers.get('content-disposition')).toBe('attachment; filename="knock-up-12-mill-lane-round-2.pdf"');
      const { text } = await extractText(new Uint8Array(await r.arrayBuffer()), { mergePages: true });
      expect(text).toContain('Tom Green');
      expect(text).not.toContain('Ravi Patel');
      expect(text.replace(/\s+/g, ' ')).toContain('Only promises who voted in at least 2 of the last 3 elections before this one');
      const whole = await extractText(new Uint8Array(await (await fetch(base, auth)).arrayBuffer()), { mergePages: true });
      expect(whole.text).toContain('Ravi Patel');
      expect(whole.text).not.toContain('Only promises who');
      for (const q of ['&voted=4&of=3', '&voted=2', '&of=3', '&voted=x&of=3', '&voted=1&of=21']) {
        const bad = await fetch(`${base}${q}`, auth);
        expect([bad.status, await bad.text()], q).toEqual([
          400,
          'Give voting history as ?voted=N&of=M: voted in N of the last M elections, M from 1 to 20 and N no more than M',
        ]);
      }
    } finally {
      await server.close();
    }
  });

  it('print filtered from the command line with --voted N --of M; a bad pair is refused with nothing written', async () => {
    await history();
    const file = join(app.dir, 'history.pdf');
    const args = ['--contest', String(contestId), '--room', String(roomId), '--round', '1', '--db', app.dbPath];
    const r = hustings('polling', 'knock-up', ...args, '--voted', '2', '--of', '3', '--pdf', file);
    expect(r).toMatchObject({
      code: 0,
      err: '',
      out: expect.stringMatching(
        /^Wrote .*history\.pdf: 1 page\(s\), 2 promise\(s\) still to vote who voted in at least 2 of the last 3 elections before this one for 12 Mill Lane, round 1\.\n$/,
      ),
    });
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(readFileSync(file))), { mergePages: true });
    expect(text).toContain('Tom Green');
    expect(text).not.toContain('Ravi Patel');
    expect(text.replace(/\s+/g, ' ')).toContain('Only promises who voted in at least 2 of the last 3 elections before this one');
    const other = join(app.dir, 'bad.pdf');
    for (const pair of [
      ['--voted', '4', '--of', '3'],
      ['--voted', '2'],
      ['--of', 'three'],
    ]) {
      expect(hustings('polling', 'knock-up', ...args, ...pair, '--pdf', other), pair.join(' ')).toMatchObject({
        code: 2,
        err: expect.stringContaining('Give voting history as --voted N --of M'),
      });
    }
    expect(existsSync(other)).toBe(false);
  }, 120_000);

  it('walk sheets print filtered from the command line too, counting today’s poll as the walk sheet screen does', async () => {
    await history();
    const file = join(app.dir, 'walk.pdf');
    // The last three elections on record: today's, 2024 and 2023. AA-1 voted in two, AA-2 in all three.
    const r = hustings('register', 'walk-sheets', '--area', String(areaId), '--district', 'AA', '--voted', '2', '--of', '3', '--pdf', file, '--db', app.dbPath);
    expect(r).toMatchObject({
      code: 0,
      err: '',
      out: expect.stringMatching(/^Wrote .*walk\.pdf: 1 pages, 2 electors who voted in at least 2 of the last 3 elections in polling district AA/),
    });
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(readFileSync(file))), { mergePages: true });
    expect(text.replace(/\s+/g, ' ')).toContain('Only electors who voted in at least 2 of the last 3 elections on record for the area.');
    const other = join(app.dir, 'bad.pdf');
    expect(hustings('register', 'walk-sheets', '--area', String(areaId), '--voted', '4', '--of', '3', '--pdf', other, '--db', app.dbPath)).toMatchObject({
      code: 2,
      err: expect.stringContaining('Give voting history as --voted N --of M'),
    });
    expect(existsSync(other)).toBe(false);
  }, 120_000);
});
