import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { extractText } from 'unpdf';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findElector, setStanding } from '../../db/repositories/electors.ts';
import { planTellersRota, writeTellersRota } from '../../main/pdf/tellers-rota.ts';
import { startServer } from '../../main/server.ts';
import { hustings } from '../helpers/cli.ts';
import { ok, snapshot, tempHustings } from '../helpers/db.ts';
import { SMALL_REGISTER, importCsv } from '../helpers/register.ts';

type App = Awaited<ReturnType<typeof tempHustings>>;
let app: App;
let areaId: number;
let contestId: number;
let alice: number;
let bob: number;

beforeEach(async () => {
  app = await tempHustings();
  areaId = (
    await ok(app, 'areas.create', {
      name: 'Newtown East',
      kind: 'ward',
      nation: 'england',
      electorate: null,
      classification: null,
    })
  ).id;
  expect((await importCsv(app, areaId, SMALL_REGISTER)).state).toBe('done');
  const electionId = (
    await ok(app, 'elections.create', {
      name: 'Council 2026',
      type: 'local',
      pollingDay: '2026-05-07',
      nation: 'england',
    })
  ).id;
  contestId = (
    await ok(app, 'contests.create', {
      electionId,
      areaId,
      status: 'contesting',
    })
  ).id;
  alice = (
    await ok(app, 'volunteers.create', {
      name: 'Alice Teller',
      phone: '07700 900001',
      consentToContact: true,
    })
  ).id;
  bob = (
    await ok(app, 'volunteers.create', {
      name: 'Bob Knocker',
      consentToContact: true,
    })
  ).id;
});
afterEach(() => app.cleanup());

/** A refused call: its error, and proof that nothing was written. */
async function refused(method: string, input: unknown) {
  const before = await snapshot(app);
  const r = await app.dispatch(method, input);
  if (r.ok) throw new Error(`${method} should have been refused`);
  expect(await snapshot(app)).toBe(before);
  return r.error;
}

async function stand(number: string, outcome: 'in' | 'moved' | 'not_in', support: string | null) {
  const e = (await findElector(app.store, areaId, number))!;
  await setStanding(app.store, e.id, { outcome, support, requests: [] }, '2026-04-01');
}

const station = (name: string, districts: string[], extra: object = {}) =>
  ok(app, 'polling.saveStation', {
    areaId,
    name,
    address: `${name}, Newtown`,
    districts,
    ...extra,
  });

describe('polling stations', () => {
  it('saves stations with the districts they serve; a district moves to another station only when asked', async () => {
    const hall = await station('St Mary’s Hall', ['aa']);
    expect(hall).toMatchObject({ name: 'St Mary’s Hall', districts: ['AA'] });
    const school = await station('Park School', ['AB']);
    const e = await refused('polling.saveStation', {
      areaId,
      name: 'Park School',
      districts: ['AA', 'AB'],
      id: school.id,
    });
    expect(e.code).toBe('conflict');
    expect(e.fields?.districts).toBe('Already voting at another station: AA (St Mary’s Hall). Tick “Move them here” to move it.');
    await ok(app, 'polling.saveStation', {
      id: school.id,
      areaId,
      name: 'Park School',
      districts: ['AA', 'AB'],
      moveDistricts: true,
    });
    const o = await ok(app, 'polling.get', { contestId });
    expect(o.stations.map((s: { name: string; districts: string[] }) => `${s.name}: ${s.districts.join(',')}`)).toEqual([
      'Park School: AA,AB',
      'St Mary’s Hall: ',
    ]);
  });

  it('refuses districts not on the register, blank names and unknown areas, writing nothing', async () => {
    expect(
      (
        await refused('polling.saveStation', {
          areaId,
          name: 'Hall',
          districts: ['ZZ'],
        })
      ).fields?.districts,
    ).toBe('Polling district ZZ is not on this area’s register (its districts are AA, AB)');
    expect(
      (
        await refused('polling.saveStation', {
          areaId,
          name: '  ',
          districts: [],
        })
      ).fields?.name,
    ).toBe('Station name is required');
    expect(
      (
        await refused('polling.saveStation', {
          areaId,
          name: 'Hall',
          districts: ['AA', 'aa'],
        })
      ).fields?.districts,
    ).toBe('A polling district is listed twice');
    expect(
      (
        await refused('polling.saveStation', {
          areaId: 999,
          name: 'Hall',
          districts: [],
        })
      ).code,
    ).toBe('not_found');
  });

  it('deletes a station; with tellers on its rota only when confirmed', async () => {
    const hall = await station('Hall', ['AA']);
    await ok(app, 'polling.saveDuty', {
      contestId,
      volunteerId: alice,
      duty: 'teller',
      stationId: hall.id,
      startsAt: '07:00',
      endsAt: '10:00',
    });
    const e = await refused('polling.deleteStation', { id: hall.id });
    expect(e).toMatchObject({
      code: 'needs_confirmation',
      message: 'Hall has 1 teller shift: deleting it takes them off the rota',
    });
    expect(await ok(app, 'polling.deleteStation', { id: hall.id, confirm: true })).toEqual({ deletedDuties: 1 });
    const o = await ok(app, 'polling.get', { contestId });
    expect([o.stations.length, o.duties.length]).toEqual([0, 0]);
  });
});

describe('importing polling stations from CSV', () => {
  const CSV = ['Polling District,Polling Station,Station Address', 'AA,St Mary’s Hall,"1 Church Lane, Newtown"', 'AB,St Mary’s Hall,', ''].join('\r\n');

  it('suggests the columns, then makes one station per name with all its districts', async () => {
    const preview = await ok(app, 'polling.previewStationsCsv', { csv: CSV });
    expect(preview.columns).toEqual({ district: 0, name: 1, address: 2 });
    expect(preview.sample).toEqual([
      ['AA', 'St Mary’s Hall', '1 Church Lane, Newtown'],
      ['AB', 'St Mary’s Hall', ''],
    ]);
    expect(
      await ok(app, 'polling.importStations', {
        areaId,
        csv: CSV,
        columns: preview.columns,
      }),
    ).toEqual({ stationsAdded: 1, stationsUpdated: 0, districts: 2 });
    const o = await ok(app, 'polling.get', { contestId });
    expect(o.stations).toMatchObject([
      {
        name: 'St Mary’s Hall',
        address: '1 Church Lane, Newtown',
        districts: ['AA', 'AB'],
      },
    ]);
    // Imported again: the same station, nothing doubled.
    expect(
      await ok(app, 'polling.importStations', {
        areaId,
        csv: CSV,
        columns: preview.columns,
      }),
    ).toEqual({ stationsAdded: 0, stationsUpdated: 1, districts: 2 });
    expect((await ok(app, 'polling.get', { contestId })).stations).toHaveLength(1);
  });

  it('names every bad line and writes nothing', async () => {
    const bad = ['District,Station,Address', 'AA,Hall,x', 'ZZ,Hall,x', ',School,y', 'AA,School,y', 'AB,,z'].join('\n');
    const e = await refused('polling.importStations', {
      areaId,
      csv: bad,
      columns: { district: 0, name: 1, address: 2 },
    });
    expect(e.message).toMatch(
      /^Nothing was imported: 4 problems in the file \(line 3: Polling district ZZ is not on this area’s register; line 4: No polling district/,
    );
    expect(e.fields).toEqual({
      'line 3': 'Polling district ZZ is not on this area’s register',
      'line 4': 'No polling district',
      'line 5': 'Polling district AA is already on line 2',
      'line 6': 'No station name',
    });
    expect(
      (
        await refused('polling.importStations', {
          areaId,
          csv: bad,
          columns: { district: 0, name: 7, address: null },
        })
      ).message,
    ).toContain('there is no column 8 for the station name');
    expect((await refused('polling.previewStationsCsv', { csv: '' })).message).toBe('The file is empty');
  });

  it('moves a district from another station only when asked', async () => {
    await station('Old Hall', ['AA']);
    const csv = 'District,Station\nAA,New Hall\n';
    expect(
      (
        await refused('polling.importStations', {
          areaId,
          csv,
          columns: { district: 0, name: 1 },
        })
      ).code,
    ).toBe('conflict');
    await ok(app, 'polling.importStations', {
      areaId,
      csv,
      columns: { district: 0, name: 1 },
      moveDistricts: true,
    });
    const o = await ok(app, 'polling.get', { contestId });
    expect(o.stations.map((s: { name: string; districts: string[] }) => `${s.name}: ${s.districts.join(',')}`)).toEqual(['New Hall: AA', 'Old Hall: ']);
  });
});

describe('committee rooms', () => {
  it('saves rooms covering districts, each district in one room unless moved on purpose; deletes with confirmation when staffed', async () => {
    const north = await ok(app, 'polling.saveRoom', {
      contestId,
      name: '12 High Street',
      notes: 'Key from Mrs Patel',
      districts: ['AA', 'AB'],
    });
    expect(north).toMatchObject({
      name: '12 High Street',
      notes: 'Key from Mrs Patel',
      districts: ['AA', 'AB'],
    });
    const e = await refused('polling.saveRoom', {
      contestId,
      name: 'Club',
      districts: ['AB'],
    });
    expect(e.fields?.districts).toBe('Already knocked up from another room: AB (12 High Street). Tick “Move them here” to move it.');
    const club = await ok(app, 'polling.saveRoom', {
      contestId,
      name: 'Club',
      districts: ['AB'],
      moveDistricts: true,
    });
    expect((await ok(app, 'polling.get', { contestId })).rooms.map((r: { districts: string[] }) => r.districts)).toEqual([['AA'], ['AB']]);
    await ok(app, 'polling.saveDuty', {
      contestId,
      volunteerId: bob,
      duty: 'knocker_up',
      roomId: club.id,
      round: 1,
    });
    expect((await refused('polling.deleteRoom', { id: club.id })).code).toBe('needs_confirmation');
    expect(await ok(app, 'polling.deleteRoom', { id: club.id, confirm: true })).toEqual({ deletedDuties: 1 });
    expect(
      (
        await refused('polling.saveRoom', {
          contestId,
          name: 'X',
          districts: ['QQ'],
        })
      ).code,
    ).toBe('invalid_input');
    expect(
      (
        await refused('polling.saveRoom', {
          contestId: 999,
          name: 'X',
          districts: [],
        })
      ).code,
    ).toBe('not_found');
    expect((await refused('polling.deleteRoom', { id: 999 })).code).toBe('not_found');
  });
});

describe('duties', () => {
  it('puts tellers on shifts, refusing overlaps for the same volunteer, bad times and other areas’ stations', async () => {
    const hall = await station('Hall', ['AA']);
    const school = await station('School', ['AB']);
    const t = (extra: object) => ({
      contestId,
      volunteerId: alice,
      duty: 'teller',
      stationId: hall.id,
      startsAt: '07:00',
      endsAt: '10:00',
      ...extra,
    });
    const first = await ok(app, 'polling.saveDuty', t({}));
    expect(first).toMatchObject({
      volunteerName: 'Alice Teller',
      stationName: 'Hall',
      startsAt: '07:00',
      endsAt: '10:00',
      round: null,
    });
    // Back to back is fine; overlapping anywhere is not.
    await ok(app, 'polling.saveDuty', t({ stationId: school.id, startsAt: '10:00', endsAt: '12:00' }));
    const clash = await refused('polling.saveDuty', t({ stationId: school.id, startsAt: '09:30', endsAt: '10:30' }));
    expect(clash).toMatchObject({
      code: 'conflict',
      message: 'Alice Teller is already telling at Hall 07:00–10:00',
    });
    expect((await refused('polling.saveDuty', t({ startsAt: '06:00' }))).fields?.startsAt).toBe('Polls are open 07:00 to 22:00');
    expect((await refused('polling.saveDuty', t({ startsAt: '7am' }))).fields?.startsAt).toBe('Write the time as HH:MM, e.g. 07:00');
    expect((await refused('polling.saveDuty', t({ startsAt: '12:00', endsAt: '11:00' }))).fields?.endsAt).toBe('The shift must end after it starts');
    expect((await refused('polling.saveDuty', t({ volunteerId: 999 }))).fields?.volunteerId).toBe('No such volunteer');
    const otherArea = (
      await ok(app, 'areas.create', {
        name: 'Elsewhere',
        kind: 'ward',
        nation: 'england',
        electorate: null,
        classification: null,
      })
    ).id;
    const far = await ok(app, 'polling.saveStation', {
      areaId: otherArea,
      name: 'Far',
      districts: [],
    });
    expect((await refused('polling.saveDuty', t({ stationId: far.id, startsAt: '15:00', endsAt: '16:00' }))).fields?.stationId).toBe(
      'Choose one of this area’s polling stations',
    );
    // Editing a shift does not clash with itself.
    await ok(app, 'polling.saveDuty', t({ id: first.id, startsAt: '07:00', endsAt: '09:00' }));
    expect((await ok(app, 'polling.deleteDuty', { id: first.id })).deleted).toBe(true);
    expect((await refused('polling.deleteDuty', { id: first.id })).code).toBe('not_found');
  });

  it('puts knockers-up on rounds from a room, once per room and round', async () => {
    const room = await ok(app, 'polling.saveRoom', {
      contestId,
      name: 'Room',
      districts: ['AA'],
    });
    const k = {
      contestId,
      volunteerId: bob,
      duty: 'knocker_up',
      roomId: room.id,
      round: 2,
    };
    expect(await ok(app, 'polling.saveDuty', k)).toMatchObject({
      roomName: 'Room',
      round: 2,
      stationId: null,
      startsAt: null,
    });
    expect((await refused('polling.saveDuty', k)).fields?.round).toBe('Bob Knocker is already knocking up from Room in round 2');
    expect((await refused('polling.saveDuty', { ...k, round: 0 })).code).toBe('invalid_input');
    expect((await refused('polling.saveDuty', { ...k, duty: 'driver' })).code).toBe('invalid_input');
  });
});

describe('the promise rule', () => {
  beforeEach(async () => {
    await stand('AA-1', 'in', '1');
    await stand('AA-2', 'in', '2');
    await stand('AA-3', 'in', '3');
    await stand('AA-4', 'moved', '1'); // moved away: never a promise
    await stand('AB-1', 'in', '1');
  });

  it('counts the electors a rule would knock up, live, without saving it', async () => {
    const count = (supports: string[]) => ok(app, 'polling.countPromises', { contestId, supports });
    expect((await count(['1'])).count).toBe(2);
    expect((await count(['1', '2'])).count).toBe(3);
    expect((await count([])).count).toBe(0);
    expect((await count(['1'])).bySupport.slice(0, 3)).toEqual([
      { code: '1', label: 'Certain to support us', count: 2 },
      { code: '2', label: 'Leaning to us', count: 1 },
      { code: '3', label: 'Undecided', count: 1 },
    ]);
    expect((await ok(app, 'polling.get', { contestId })).rule).toBeNull();
    expect((await refused('polling.countPromises', { contestId, supports: ['U'] })).fields).toEqual({
      'supports.0': '“U” is not one of your support codes (1, 2, 3, 4, 5)',
    });
  });

  it('saves the rule and shows it with its count; refuses an empty or unknown rule', async () => {
    expect(
      await ok(app, 'polling.setPromiseRule', {
        contestId,
        supports: ['2', '1'],
      }),
    ).toMatchObject({ supports: ['1', '2'], count: 3 });
    const o = await ok(app, 'polling.get', { contestId });
    expect(o.rule.supports).toEqual(['1', '2']);
    expect(o.promises.count).toBe(3);
    expect((await refused('polling.setPromiseRule', { contestId, supports: [] })).fields).toEqual({
      supports: 'Tick at least one support code to count as a promise',
    });
    expect(
      (
        await refused('polling.setPromiseRule', {
          contestId,
          supports: ['1', '9'],
        })
      ).fields,
    ).toEqual({
      'supports.1': '“9” is not one of your support codes (1, 2, 3, 4, 5)',
    });
    expect(
      (
        await refused('polling.setPromiseRule', {
          contestId: 999,
          supports: ['1'],
        })
      ).code,
    ).toBe('not_found');
  });
});

describe('the tellers’ rota', () => {
  async function rota(): Promise<string> {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    await writeTellersRota(await planTellersRota(app.dispatch, contestId), out);
    const { text } = await extractText(new Uint8Array(Buffer.concat(chunks)), {
      mergePages: true,
    });
    return text as string;
  }

  it('lists each station’s shifts in time order with the gaps in cover', async () => {
    const hall = await station('Hall', ['AA']);
    await station('School', ['AB']);
    await ok(app, 'polling.saveDuty', {
      contestId,
      volunteerId: bob,
      duty: 'teller',
      stationId: hall.id,
      startsAt: '12:00',
      endsAt: '22:00',
    });
    await ok(app, 'polling.saveDuty', {
      contestId,
      volunteerId: alice,
      duty: 'teller',
      stationId: hall.id,
      startsAt: '07:00',
      endsAt: '10:00',
    });
    const o = await ok(app, 'polling.get', { contestId });
    expect(o.stations.map((s: { gaps: unknown }) => s.gaps)).toEqual([[{ from: '10:00', to: '12:00' }], [{ from: '07:00', to: '22:00' }]]);
    const text = await rota();
    expect(text).toContain('Tellers’ rota: Newtown East');
    expect(text).toContain('Page 1 of 1');
    const order = [
      'Hall — districts AA · Hall, Newtown',
      '07:00–10:00',
      'Alice Teller',
      '07700 900001',
      '10:00–12:00',
      'NO TELLER: gap in cover',
      '12:00–22:00',
      'Bob Knocker',
      'School — districts AB',
      '07:00–22:00',
    ];
    const at = order.map((s) => text.indexOf(s));
    expect(
      at.every((i) => i >= 0),
      JSON.stringify(at),
    ).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  it('is refused, before any file, when the area has no stations; served over HTTP and by the CLI', async () => {
    await expect(planTellersRota(app.dispatch, contestId)).rejects.toThrow('Newtown East has no polling stations yet');
    await station('Hall', ['AA', 'AB']);
    const server = await startServer(app, { port: 0, token: 'rota-token' });
    const auth = { headers: { Authorization: 'Bearer rota-token' } };
    const base = `http://127.0.0.1:${server.port}/api/pdf/tellers-rota`;
    try {
      const res = await fetch(`${base}?contest=${contestId}`, auth);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-disposition')).toBe('attachment; filename="tellers-rota-newtown-east.pdf"');
      expect(
        Buffer.from(await res.arrayBuffer())
          .subarray(0, 5)
          .toString(),
      ).toBe('%PDF-');
      const bad = await fetch(`${base}?contest=999`, auth);
      expect([bad.status, await bad.text()]).toEqual([404, 'There is no contest with id 999']);
    } finally {
      await server.close();
    }
    await app.close();
    const pdf = join(app.dir, 'rota.pdf');
    const r = hustings('polling', 'rota', '--contest', String(contestId), '--pdf', pdf, ...app.cliWhere);
    expect(r.out).toContain('1 stations, 0 shifts, 1 gaps in cover');
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    const none = hustings('polling', 'rota', '--contest', '999', '--pdf', join(app.dir, 'no.pdf'), ...app.cliWhere);
    expect([none.code, none.err.trim()]).toEqual([1, 'There is no contest with id 999']);
    expect(existsSync(join(app.dir, 'no.pdf'))).toBe(false);
  });
});
