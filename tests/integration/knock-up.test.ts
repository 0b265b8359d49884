import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { extractText, getDocumentProxy } from 'unpdf';
import { ok, snapshot } from '../helpers/db.ts';
import { type KnockUpCampaign, knockUpCampaign, vote as castVotes, votingHistory } from '../helpers/knock-up.ts';
import { writeKnockUpSheets } from '../../main/pdf/knock-up-sheets.ts';
import { PassThrough } from 'node:stream';
import { startServer } from '../../main/server.ts';

// The command-line cases (printing with `hustings polling knock-up` and `register walk-sheets`)
// are in knock-up-cli.test.ts, outside the fast loop.
let campaign: KnockUpCampaign;
let app: KnockUpCampaign['app'];
let contestId: number;
let roomId: number;
const idOf = async (n: string) => (await app.store.values<[number]>('SELECT id FROM electors WHERE elector_number = ?', [n]))[0][0];
const vote = (numbers: string[]) => castVotes(campaign, numbers);
const history = () => votingHistory(campaign);

beforeEach(async () => {
  campaign = await knockUpCampaign();
  ({ app, contestId, roomId } = campaign);
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
});

describe('knock-up lists by voting history', () => {
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
});
