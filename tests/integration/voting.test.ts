/**
 * Polling day, before and after (issue 17): absent voters from a list or the register's markers,
 * the postal vote week list, the marked register, voting history and its filter, the day at a
 * glance, and erasure and export of a person with their voting record. Real files, real SQLite.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ok, PLAIN, tempHustings } from '../helpers/db.ts';
import { upload } from '../helpers/register.ts';
import { addRoom, addStation, setPromiseRule, setSupport } from '../helpers/polling.ts';
import { electorId, pollingArea, tellerBatch } from '../helpers/voting.ts';

type App = Awaited<ReturnType<typeof tempHustings>>;
let app: App;
let area: Awaited<ReturnType<typeof pollingArea>>;
beforeEach(async () => {
  app = await tempHustings(PLAIN);
  area = await pollingArea(app);
});
afterEach(() => app.cleanup());

const absentOf = async (n: string) => ((await app.store.get('SELECT absent_vote AS v FROM electors WHERE elector_number = ?', [n])) as { v: string | null }).v;
const voteCount = async () => ((await app.store.get('SELECT COUNT(*) AS n FROM votes')) as { n: number }).n;

async function importAbsent(text: string, extra: Record<string, unknown> = {}) {
  const fileId = await upload(app, 'avl.csv', text);
  const preview = await ok(app, 'voting.listPreview', { fileId, list: 'absent' });
  return { preview, result: await app.dispatch('voting.importAbsent', { fileId, areaId: area.areaId, mapping: preview.mapping, ...extra }) };
}

async function importMarked(text: string, electionId: number, extra: Record<string, unknown> = {}) {
  const fileId = await upload(app, 'marked.csv', text);
  const preview = await ok(app, 'voting.listPreview', { fileId, list: 'marked' });
  return app.dispatch('voting.importMarked', { fileId, electionId, areaId: area.areaId, mapping: preview.mapping, ...extra });
}

describe('absent voters', () => {
  it('reads an absent voters list by its headings, sets each matched elector and lists numbers not on the register by line', async () => {
    const { preview, result } = await importAbsent(
      ['PD,Elector No,Name,AV Type', 'AA,1,Ann Miller1,Postal', 'AA,2,Ann Miller2,PX', 'AB,3,Bob Parker3,Postal Proxy', 'AB,99,Gone Away,P'].join('\n'),
    );
    expect(preview.mapping).toEqual({ pollingDistrict: 0, electorNumber: 1, suffix: null, mark: 3 });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toMatchObject({
      rows: 4,
      matched: 3,
      changed: 3,
      byKind: { postal: 1, proxy: 1, postal_proxy: 1 },
      unmatched: [{ line: 5, electorNumber: 'AB-99' }],
      unmatchedCount: 1,
    });
    expect([await absentOf('AA-1'), await absentOf('AA-2'), await absentOf('AB-3'), await absentOf('AA-3')]).toEqual(['postal', 'proxy', 'postal_proxy', null]);
  });

  it('a list of one kind needs no type column; a district chosen reads bare numbers', async () => {
    const { result } = await importAbsent(['Number', '4', '5'].join('\n'), { absentVote: 'postal', pollingDistrict: 'ab' });
    expect(result.ok).toBe(true);
    expect([await absentOf('AB-4'), await absentOf('AB-5'), await absentOf('AA-4')]).toEqual(['postal', 'postal', null]);
  });

  it('writes nothing when any line cannot be read, naming the lines', async () => {
    const { result } = await importAbsent(['Elector Number,Type', 'AA-1,Postal', 'AA-2,Carrier pigeon', 'nonsense,Postal'].join('\n'));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.message).toContain('2 lines of avl.csv cannot be read, so nothing was imported');
    expect(result.error.message).toContain('line 3: "Carrier pigeon" is not an absent vote type');
    expect(result.error.message).toContain('line 4: "nonsense" is not an elector number');
    expect(await absentOf('AA-1')).toBeNull();
    // No type column and no kind for the whole file: refused by name.
    const none = await importAbsent(['Elector Number', 'AA-1'].join('\n'));
    expect(!none.result.ok && none.result.error.message).toContain('Choose the column holding the type of absent vote');
    expect(await absentOf('AA-1')).toBeNull();
  });

  it('sets absent votes from the register’s markers, with the letters the council uses', async () => {
    await app.store.run("UPDATE electors SET markers = 'A' WHERE elector_number IN ('AA-1', 'AA-2')");
    await app.store.run("UPDATE electors SET markers = 'EQ' WHERE elector_number = 'AB-1'");
    expect(await ok(app, 'voting.absentFromMarkers', { areaId: area.areaId, postal: 'a', proxy: 'Q' })).toEqual({ postal: 2, proxy: 1, postal_proxy: 0 });
    expect([await absentOf('AA-1'), await absentOf('AB-1'), await absentOf('AB-2')]).toEqual(['postal', 'proxy', null]);
    const r = await app.dispatch('voting.absentFromMarkers', { areaId: area.areaId, postal: 'AB' });
    expect(!r.ok && r.error.message).toContain('A marker is one letter');
  });

  it('lists supporters with postal or proxy votes for postal vote week, by the promise rule or chosen codes, and exports them safely', async () => {
    await setSupport(app.store, area.areaId, { 'AA-1': '1', 'AA-2': '2', 'AA-3': '1', 'AB-1': '3' });
    await app.store.run("UPDATE electors SET absent_vote = 'postal' WHERE elector_number IN ('AA-1', 'AA-2', 'AB-1', 'AB-2')");
    await app.store.run("UPDATE electors SET full_name = '=HYPERLINK(\"x\")' WHERE elector_number = 'AA-1'");
    const none = await ok(app, 'voting.postalWeek', { contestId: area.contestId });
    expect(none).toMatchObject({ supports: [], fromRule: false, items: [], counts: { postal: 4, proxy: 0, postal_proxy: 0 } });
    await setPromiseRule(app.store, area.contestId, ['1', '2']);
    const byRule = await ok(app, 'voting.postalWeek', { contestId: area.contestId });
    expect(byRule.fromRule).toBe(true);
    expect(byRule.items.map((e: any) => e.electorNumber)).toEqual(['AA-1', 'AA-2']);
    const chosen = await ok(app, 'voting.postalWeek', { contestId: area.contestId, supports: ['3'] });
    expect(chosen.items.map((e: any) => e.electorNumber)).toEqual(['AB-1']);
    const csv = await ok(app, 'voting.postalWeekCsv', { contestId: area.contestId });
    expect(csv.fileName).toBe('postal-vote-week-newtown-east.csv');
    expect(csv.csv.split('\r\n')[0]).toBe('\ufeffElector number,Name,Address,Postcode,Polling district,Absent vote,Support');
    expect(csv.csv).toContain(`AA-1,"'=HYPERLINK(""x"")"`);
  });
});

describe('the marked register and voting history', () => {
  it('records a district’s marked register, lists unknown numbers by line and skips those who did not vote', async () => {
    const r = await importMarked(['Elector Number,Marked', 'AA-1,X', 'AA-2,P', 'AA-3,', 'AA-4,N', 'AA-77,X'].join('\n'), area.general2024, {
      pollingDistrict: 'AA',
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toMatchObject({
      districts: [{ pollingDistrict: 'AA', recorded: 3, duplicates: 0 }],
      recorded: 3,
      notVoted: 1,
      unknown: [{ line: 6, electorNumber: 'AA-77' }],
      unknownCount: 1,
    });
    const votes = await app.store.all(
      'SELECT e.elector_number AS n, v.method, v.voted_at AS at FROM votes v JOIN electors e ON e.id = v.elector_id ORDER BY n',
    );
    expect(votes).toEqual([
      { n: 'AA-1', method: 'in_person', at: '2024-07-04' },
      { n: 'AA-2', method: 'postal', at: '2024-07-04' },
      { n: 'AA-3', method: 'in_person', at: '2024-07-04' },
    ]);
    // The same page again records nothing twice.
    const again = await importMarked(['Elector Number', 'AA-1'].join('\n'), area.general2024);
    expect(again.ok && again.value).toMatchObject({ recorded: 0, duplicates: 1 });
  });

  it('records nothing from a file with a bad line, or a row of another district than the one chosen', async () => {
    const bad = await importMarked(['Elector Number,Marked', 'AA-1,X', 'AA-2,maybe'].join('\n'), area.general2024);
    expect(!bad.ok && bad.error.message).toContain('line 3: "maybe" is not a mark we know');
    const other = await importMarked(['Elector Number', 'AA-1', 'AB-2'].join('\n'), area.general2024, { pollingDistrict: 'AA' });
    expect(!other.ok && other.error.message).toContain('line 3: AB-2 is not in polling district AA');
    expect(await voteCount()).toBe(0);
    expect(await app.store.get('SELECT COUNT(*) AS n FROM vote_batches')).toEqual({ n: 0 });
  });

  it('shows an elector’s history in every election known for the area, and filters lists and walk sheets by it', async () => {
    // 2022: AA-1..4 voted; 2024: AA-1, AA-2 (post) and AB-1; 2026 (tellers): AA-1.
    await importMarked(['Elector Number', 'AA-1', 'AA-2', 'AA-3', 'AA-4'].join('\n'), area.local2022);
    await importMarked(['Elector Number,Voted', 'AA-1,', 'AA-2,postal', 'AB-1,'].join('\n'), area.general2024);
    await tellerBatch(app.store, { electionId: area.local2026, areaId: area.areaId, district: 'AA', receivedAt: '2026-05-07T08:30:00Z', numbers: ['AA-1'] });

    const history = await ok(app, 'voting.electorHistory', { electorId: await electorId(app.store, 'AA-2') });
    expect(history.history.map((h: any) => [h.label, h.voted, h.method])).toEqual([
      ['2026 local', false, null],
      ['2024 general', true, 'postal'],
      ['2022 local', true, 'in_person'],
    ]);
    expect((await ok(app, 'voting.knownElections', { areaId: area.areaId })).map((e: any) => e.label)).toEqual(['2026 local', '2024 general', '2022 local']);

    const listed = async (n: number, m: number, pollingDistrict?: string) =>
      (await ok(app, 'register.listElectors', { areaId: area.areaId, pollingDistrict, votedIn: { n, m } })).items.map((e: any) => e.electorNumber);
    expect(await listed(2, 3)).toEqual(['AA-1', 'AA-2']);
    expect(await listed(3, 3)).toEqual(['AA-1']);
    expect(await listed(1, 1)).toEqual(['AA-1']);
    expect((await listed(1, 2)).sort()).toEqual(['AA-1', 'AA-2', 'AB-1']);
    expect(await listed(1, 3, 'AB')).toEqual(['AB-1']);
    expect((await ok(app, 'register.listElectors', { areaId: area.areaId, votedIn: { n: 0, m: 3 } })).total).toBe(20);

    const sheet = await ok(app, 'register.getWalkSheet', { areaId: area.areaId, pollingDistrict: 'AA', votedIn: { n: 2, m: 3 } });
    expect(sheet.households.flatMap((h: any) => h.electors.map((e: any) => e.electorNumber))).toEqual(['AA-1', 'AA-2']);
    const wrong = await app.dispatch('register.listElectors', { areaId: area.areaId, votedIn: { n: 4, m: 3 } });
    expect(!wrong.ok && wrong.error.message).toContain('n cannot be more than m');
  });
});

describe('the day at a glance', () => {
  it('counts turnout among promises and everyone by station and hour, finds silent stations and promises left per room', async () => {
    await setSupport(app.store, area.areaId, { 'AA-1': '1', 'AA-2': '1', 'AA-3': '2', 'AB-1': '1', 'AB-2': '1', 'AB-3': '3' });
    await setPromiseRule(app.store, area.contestId, ['1', '2']);
    await addStation(app.store, area.areaId, 'Mill Lane School', ['AA']);
    await addStation(app.store, area.areaId, 'Park Road Hall', ['AB']);
    await addRoom(app.store, area.contestId, 'Smith’s front room', ['AA', 'AB']);
    // BST: 08:30 UTC is 09:30 on the campaign's clock.
    await tellerBatch(app.store, {
      electionId: area.local2026,
      areaId: area.areaId,
      district: 'AA',
      receivedAt: '2026-05-07T08:30:00.000Z',
      numbers: ['AA-1', 'AA-5'],
    });
    await tellerBatch(app.store, {
      electionId: area.local2026,
      areaId: area.areaId,
      district: 'AA',
      receivedAt: '2026-05-07T10:10:00.000Z',
      numbers: ['AA-3'],
    });
    await tellerBatch(app.store, {
      electionId: area.local2026,
      areaId: area.areaId,
      district: 'AB',
      receivedAt: '2026-05-07T08:45:00.000Z',
      numbers: ['AB-3'],
    });

    const g = await ok(app, 'voting.glance', { contestId: area.contestId, now: '2026-05-07T10:30:00Z' });
    expect(g.supports).toEqual(['1', '2']);
    expect(g.total).toEqual({ electors: 20, voted: 4, promises: 5, promisesVoted: 2 });
    expect(g.stations.map((s: any) => [s.name, s.electors, s.voted, s.promises, s.promisesVoted, s.lastReport, s.silent])).toEqual([
      ['Mill Lane School', 10, 3, 3, 2, '2026-05-07T10:10:00.000Z', false],
      ['Park Road Hall', 10, 1, 2, 0, '2026-05-07T08:45:00.000Z', true],
    ]);
    expect(g.hours).toEqual([
      { hour: '2026-05-07T08:00:00Z', voted: 3, promisesVoted: 1 },
      { hour: '2026-05-07T09:00:00Z', voted: 0, promisesVoted: 0 },
      { hour: '2026-05-07T10:00:00Z', voted: 1, promisesVoted: 1 },
    ]);
    expect(g.rooms).toEqual([{ id: expect.any(Number), name: 'Smith’s front room', districts: ['AA', 'AB'], promises: 5, promisesVoted: 2, left: 3 }]);
    // After the polls close no station is silent; with no rule there are no promises.
    const late = await ok(app, 'voting.glance', { contestId: area.contestId, now: '2026-05-07T21:30:00Z' });
    expect(late.stations.some((s: any) => s.silent)).toBe(false);
    await app.store.run('DELETE FROM promise_rules');
    const noRule = await ok(app, 'voting.glance', { contestId: area.contestId, now: '2026-05-07T10:30:00Z' });
    expect(noRule.supports).toBeNull();
    expect(noRule.total).toEqual({ electors: 20, voted: 4, promises: 0, promisesVoted: 0 });
  });
});

describe('erasure and export of a person', () => {
  it('the export holds their absent vote and voting history; erasure removes both', async () => {
    const id = await electorId(app.store, 'AA-2');
    await app.store.run("UPDATE electors SET absent_vote = 'proxy' WHERE id = ?", [id]);
    await importMarked(['Elector Number,Voted', 'AA-1,', 'AA-2,proxy'].join('\n'), area.general2024);
    const doc = await ok(app, 'register.getPersonExport', { id });
    expect(doc.voting).toEqual({
      absentVote: 'proxy',
      history: [
        { electionId: area.general2024, label: '2024 general', electionName: 'General election 2024', pollingDay: '2024-07-04', voted: true, method: 'proxy' },
      ],
    });
    await ok(app, 'register.erasePerson', { id, confirm: true });
    expect(await app.store.get('SELECT COUNT(*) AS n FROM votes WHERE elector_id = ?', [id])).toEqual({ n: 0 });
    expect(await voteCount()).toBe(1); // AA-1's vote stays
    const audit = (await app.store.get("SELECT after_json AS a FROM audit_log WHERE action = 'erase' AND entity = 'elector'")) as { a: string };
    expect(JSON.parse(audit.a)).toMatchObject({ votes: 1 });
  });
});
