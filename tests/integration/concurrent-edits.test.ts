import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findElector } from '../../db/repositories/electors.ts';
import { fullImprint } from '../fixtures/imprint.ts';
import { formatDateLong, ukTimeOfDay, ukToday } from '../../shared/domain/working-days.ts';
import { ok, snapshot, tempHustings } from '../helpers/db.ts';
import { HEADINGS, importCsv } from '../helpers/register.ts';

type App = Awaited<ReturnType<typeof tempHustings>>;
let app: App;
let areaId: number;

beforeEach(async () => {
  app = await tempHustings();
  areaId = (await ok(app, 'areas.create', { name: 'Newtown East', kind: 'ward', nation: 'england', electorate: null, classification: null })).id;
});
afterEach(() => app.cleanup());

/** A record people edit on its page: how to make one, and a change to save (`n` makes each save differ). */
interface Case {
  entity: string;
  what: string;
  update: string;
  create(): Promise<number>;
  get(id: number): Promise<{ updatedAt: string }>;
  change(id: number, n: number): Record<string, unknown>;
  /** Made with a button, not a form: the refusal says the page shows the record anew. */
  button?: true;
}

async function newCandidacy(): Promise<number> {
  const candidateId = (await ok(app, 'candidates.create', { ballotName: 'Alice Green', homeAddress: '1 High St' })).id;
  const electionId = (await ok(app, 'elections.create', { name: 'Leeds 2026', type: 'local', pollingDay: '2026-05-07', nation: 'england' })).id;
  const contestId = (await ok(app, 'contests.create', { electionId, areaId, status: 'contesting', reason: '' })).id;
  return (await ok(app, 'candidacies.create', { candidateId, contestId })).id;
}

async function newPartyList(): Promise<number> {
  const electionId = (await ok(app, 'elections.create', { name: 'Senedd 2026', type: 'senedd', pollingDay: '2026-05-07', nation: 'wales' })).id;
  const place = await ok(app, 'areas.create', { name: 'Clwyd', kind: 'constituency', nation: 'wales', electorate: 140_000, classification: null });
  const contestId = (await ok(app, 'contests.create', { electionId, areaId: place.id, status: 'contesting' })).id;
  return (await ok(app, 'partyLists.create', { contestId, partyName: 'Small Party' })).id;
}

/** A status move each save may make from the one before: papers in progress and back (odd `n` moves on). */
const statusMove = (id: number, n: number) => ({ id, status: n % 2 ? 'papers-in-progress' : 'prospective', onDate: '2026-04-01', reason: `Move ${n}` });

const CASES: Case[] = [
  {
    entity: 'election',
    what: 'this election',
    update: 'elections.update',
    create: async () => (await ok(app, 'elections.create', { name: 'Leeds 2026', type: 'local', pollingDay: '2026-05-07', nation: 'england' })).id,
    get: (id) => ok(app, 'elections.get', { id }),
    change: (id, n) => ({ id, name: `Leeds 2026 (${n})`, type: 'local', pollingDay: '2026-05-07', nation: 'england' }),
  },
  {
    entity: 'area',
    what: 'this area',
    update: 'areas.update',
    create: async () => areaId,
    get: (id) => ok(app, 'areas.get', { id }),
    change: (id, n) => ({ id, name: 'Newtown East', kind: 'ward', nation: 'england', electorate: 1000 + n, classification: null }),
  },
  {
    entity: 'contest',
    what: 'this contest',
    update: 'contests.update',
    create: async () => {
      const electionId = (await ok(app, 'elections.create', { name: 'Leeds 2026', type: 'local', pollingDay: '2026-05-07', nation: 'england' })).id;
      return (await ok(app, 'contests.create', { electionId, areaId, status: 'considering', reason: '' })).id;
    },
    get: (id) => ok(app, 'contests.get', { id }),
    change: (id, n) => ({ id, status: 'contesting', reason: `Decided (${n})` }),
  },
  {
    entity: 'candidate',
    what: 'this candidate',
    update: 'candidates.update',
    create: async () => (await ok(app, 'candidates.create', { ballotName: 'Alice Green', homeAddress: '1 High St' })).id,
    get: (id) => ok(app, 'candidates.get', { id }),
    change: (id, n) => ({ id, ballotName: 'Alice Green', homeAddress: `${n} High St` }),
  },
  {
    entity: 'candidacy',
    what: 'this candidacy',
    update: 'candidacies.setPapers',
    create: newCandidacy,
    get: (id) => ok(app, 'candidacies.get', { id }),
    change: (id, n) => ({ id, consentSignedOn: null, consentWitnessedBy: '', agentName: `Agent ${n}` }),
  },
  {
    entity: 'candidacy',
    what: 'this candidacy',
    update: 'candidacies.setStatus',
    create: newCandidacy,
    get: (id) => ok(app, 'candidacies.get', { id }),
    change: statusMove,
  },
  {
    entity: 'party_list',
    what: 'this party list',
    update: 'partyLists.update',
    create: newPartyList,
    get: (id) => ok(app, 'partyLists.get', { id }),
    change: (id, n) => ({ id, partyName: 'Small Party', agentName: `Agent ${n}` }),
  },
  {
    entity: 'party_list',
    what: 'this party list',
    update: 'partyLists.setStatus',
    create: newPartyList,
    get: (id) => ok(app, 'partyLists.get', { id }),
    change: statusMove,
  },
  {
    entity: 'leaflet',
    what: 'this leaflet',
    update: 'leaflets.update',
    create: async () => (await ok(app, 'leaflets.create', { title: 'Spring news', size: 'A5' })).id,
    get: (id) => ok(app, 'leaflets.get', { id }),
    change: (id, n) => ({ id, title: 'Spring news', size: 'A5', notes: `Second draft (${n})` }),
  },
  {
    entity: 'leaflet',
    what: 'this leaflet',
    update: 'leaflets.setStatus',
    create: async () =>
      (await ok(app, 'leaflets.create', { title: 'Spring news', size: 'A5', ...fullImprint, onBehalfOfAddress: fullImprint.promoterAddress })).id,
    get: (id) => ok(app, 'leaflets.get', { id }),
    change: (id, n) => ({ id, status: n % 2 ? 'ready' : 'draft' }),
    button: true,
  },
  {
    entity: 'round',
    what: 'this delivery round',
    update: 'rounds.update',
    create: async () => (await ok(app, 'rounds.create', { name: 'Elm Road', streets: [{ name: 'Elm Road', households: 60 }] })).id,
    get: (id) => ok(app, 'rounds.get', { id }),
    change: (id, n) => ({ id, name: 'Elm Road', streets: [{ name: 'Elm Road', households: 60 + n }] }),
  },
  {
    entity: 'volunteer',
    what: 'this volunteer',
    update: 'volunteers.update',
    create: async () => (await ok(app, 'volunteers.create', { name: 'Pat Doe', consentToContact: false })).id,
    get: (id) => ok(app, 'volunteers.get', { id }),
    change: (id, n) => ({ id, name: 'Pat Doe', consentToContact: false, availability: `Evenings (${n})` }),
  },
  {
    entity: 'canvass_session',
    what: 'this canvass session',
    update: 'canvass.updateSession',
    create: async () => (await ok(app, 'canvass.createSession', { areaId, heldOn: '2026-11-20', canvassers: 'Sam' })).id,
    get: (id) => ok(app, 'canvass.getSession', { id }),
    change: (id, n) => ({ id, areaId, heldOn: '2026-11-20', canvassers: `Sam and ${n} others` }),
  },
];

/** "14:02 on Wed 2 Dec 2026": when the audit trail says the record was last changed. */
async function lastChange(entity: string, id: number): Promise<{ actor: string; at: string; words: string }> {
  const row = (await app.store.get<{ actor: string; at: string }>(
    'SELECT actor, at FROM audit_log WHERE entity = ? AND entity_id = ? ORDER BY id DESC LIMIT 1',
    [entity, id],
  ))!;
  return { ...row, words: `${ukTimeOfDay(new Date(row.at))} on ${formatDateLong(ukToday(new Date(row.at)))}` };
}

describe.each(CASES)('editing the same $entity ($update)', (c) => {
  it('refuses a save made against a version someone has since changed, naming who and when, and writes nothing', async () => {
    const id = await c.create();
    const opened = (await c.get(id)).updatedAt;
    expect(opened).toMatch(/^\d{4}-\d\d-\d\dT/);
    // Someone else saves first: the save names the version they had, and gives back the new one.
    const theirs = await ok(app, c.update, { ...c.change(id, 1), expectedUpdatedAt: opened });
    expect(theirs.updatedAt > opened).toBe(true);
    expect((await c.get(id)).updatedAt).toBe(theirs.updatedAt);
    await app.store.run('UPDATE audit_log SET actor = ? WHERE id = (SELECT MAX(id) FROM audit_log)', ['Sam Jones']);
    const { words } = await lastChange(c.entity, id);

    const before = await snapshot(app);
    const stale = await app.dispatch(c.update, { ...c.change(id, 2), expectedUpdatedAt: opened });
    expect(stale.ok).toBe(false);
    if (stale.ok) return;
    expect(stale.error.code).toBe('conflict');
    expect(stale.error.message).toBe(
      `Sam Jones changed ${c.what} at ${words}, after you opened it. ` +
        (c.button
          ? 'The page now shows their change: check it, then try again.'
          : 'Your changes are still in the form: check theirs (reload in another tab), then save again.'),
    );
    expect(stale.error.updatedAt).toBe(theirs.updatedAt);
    expect(await snapshot(app)).toBe(before);

    // Having looked, the same person saves against the version the refusal named.
    const again = await ok(app, c.update, { ...c.change(id, 2), expectedUpdatedAt: stale.error.updatedAt });
    expect(again.updatedAt > theirs.updatedAt).toBe(true);
  });

  it('says so plainly when the change was made under the same name (every browser is one actor until sign-in)', async () => {
    const id = await c.create();
    const opened = (await c.get(id)).updatedAt;
    await ok(app, c.update, { ...c.change(id, 1), expectedUpdatedAt: opened });
    const { words } = await lastChange(c.entity, id);
    const stale = await app.dispatch(c.update, { ...c.change(id, 2), expectedUpdatedAt: opened });
    expect(stale.ok).toBe(false);
    if (!stale.ok)
      expect(stale.error.message).toBe(
        `${c.what.charAt(0).toUpperCase()}${c.what.slice(1)} was changed at ${words} (in another tab, or by someone else signed in as “tester”), after you opened it. ` +
          (c.button
            ? 'The page now shows those changes: check them, then try again.'
            : 'Your changes are still in the form: check those changes (reload in another tab), then save again.'),
      );
  });

  it('saves without a version as before (the command line, older callers), and each save gets a later version, even within a millisecond', async () => {
    const id = await c.create();
    let version = (await c.get(id)).updatedAt;
    for (let n = 1; n <= 6; n++) {
      // Unchecked and checked saves, one straight after another.
      const saved = await ok(app, c.update, n % 2 ? c.change(id, n) : { ...c.change(id, n), expectedUpdatedAt: version });
      expect(saved.updatedAt > version, `save ${n}: ${saved.updatedAt} after ${version}`).toBe(true);
      expect((await c.get(id)).updatedAt).toBe(saved.updatedAt);
      version = saved.updatedAt;
    }
  });

  it('lets exactly one of two saves of the same version through when they race', async () => {
    const id = await c.create();
    const opened = (await c.get(id)).updatedAt;
    // Both odd: a status may make the same move from the version both opened.
    const results = await Promise.all([1, 3].map((n) => app.dispatch(c.update, { ...c.change(id, n), expectedUpdatedAt: opened })));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const refused = results.find((r) => !r.ok);
    expect(refused && !refused.ok && refused.error.code).toBe('conflict');
    const edits = await app.store.get<{ n: number }>("SELECT COUNT(*) AS n FROM audit_log WHERE entity = ? AND entity_id = ? AND action = 'update'", [
      c.entity,
      id,
    ]);
    expect(edits!.n).toBe(1);
  });

  it('still says there is no such record', async () => {
    const r = await app.dispatch(c.update, { ...c.change(9999, 1), expectedUpdatedAt: '2026-01-01T00:00:00.000Z' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('not_found');
  });
});

describe('canvass returns from many clients at once', () => {
  it('records 50 returns sent at once, each once, and every elector’s standing folds all of theirs', async () => {
    const rows = Array.from({ length: 10 }, (_, i) => `AA,${i + 1},,,Voter,Number${i + 1},${i + 1} Long Road,Newtown,AB1 2CD`);
    expect((await importCsv(app, areaId, [HEADINGS, ...rows].join('\r\n'))).state).toBe('done');
    const sessionId = (await ok(app, 'canvass.createSession', { areaId, heldOn: '2026-11-20' })).id;
    const electorIds = await Promise.all(rows.map(async (_, i) => (await findElector(app.store, areaId, `AA-${i + 1}`))!.id));
    // Five canvassers' tablets send a return for each elector at the same moment: each asks for something else.
    const codes = ['I1L', 'IP', 'IV', 'IJ', 'IW'];
    const sent = electorIds.flatMap((electorId) => codes.map((c) => ({ sessionId, electorId, codes: c })));
    const results = await Promise.all(sent.map((input) => app.dispatch('canvass.recordReturn', input)));
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.error.message)).toEqual([]);

    const landed = await app.store.all<{ electorId: number; codes: string }>(
      'SELECT elector_id AS electorId, codes FROM canvass_returns WHERE session_id = ? ORDER BY elector_id, codes',
      [sessionId],
    );
    expect(landed).toEqual(
      sent.map((s) => ({ electorId: s.electorId, codes: s.codes })).sort((a, b) => a.electorId - b.electorId || a.codes.localeCompare(b.codes)),
    );
    for (const electorId of electorIds) {
      const { elector } = await ok(app, 'register.getElector', { id: electorId });
      expect(elector, `elector ${electorId}`).toMatchObject({
        latestOutcome: 'in',
        latestSupport: '1',
        requests: ['literature', 'poster', 'postal_vote', 'join', 'visit'],
        lastCanvassedOn: '2026-11-20',
      });
    }
    expect((await ok(app, 'canvass.getSession', { id: sessionId })).returnCount).toBe(50);
  });
});

describe('names added to an ordered list from several places at once', () => {
  async function contestIn(type: 'local' | 'senedd') {
    if (type === 'local') {
      const electionId = (await ok(app, 'elections.create', { name: 'Leeds 2026', type, pollingDay: '2026-05-07', nation: 'england' })).id;
      return (await ok(app, 'contests.create', { electionId, areaId, status: 'contesting' })).id;
    }
    const electionId = (await ok(app, 'elections.create', { name: 'Senedd 2026', type, pollingDay: '2026-05-07', nation: 'wales' })).id;
    const place = await ok(app, 'areas.create', { name: 'Clwyd', kind: 'constituency', nation: 'wales', electorate: 140_000, classification: null });
    return (await ok(app, 'contests.create', { electionId, areaId: place.id, status: 'contesting' })).id;
  }

  it('takes the two subscribers a local election needs from ten sent at once, at places 1 and 2, and refuses the rest', async () => {
    const candidateId = (await ok(app, 'candidates.create', { ballotName: 'Alice Green', homeAddress: '1 High St' })).id;
    const candidacyId = (await ok(app, 'candidacies.create', { candidateId, contestId: await contestIn('local') })).id;
    const sent = Array.from({ length: 10 }, (_, i) => ({ candidacyId, electorNumber: `AA-${i + 1}`, name: `Signer ${i + 1}` }));
    const results = await Promise.all(sent.map((input) => app.dispatch('subscribers.add', input)));
    expect(results.filter((r) => r.ok)).toHaveLength(2);
    expect(new Set(results.map((r) => !r.ok && r.error.message).filter(Boolean))).toEqual(
      new Set(['The form already has all 2 subscribers it needs; only the first 2 count, so remove one before adding another']),
    );
    const places = await app.store.values<[number]>('SELECT position FROM nomination_subscribers WHERE candidacy_id = ? ORDER BY position', [candidacyId]);
    expect(places.map(([p]) => p)).toEqual([1, 2]);
  });

  it('puts five candidates sent at once at the places 1 to 5 on a party list', async () => {
    const listId = (await ok(app, 'partyLists.create', { contestId: await contestIn('senedd'), partyName: 'Small Party' })).id;
    const candidateIds = await Promise.all(
      Array.from({ length: 5 }, async (_, i) => (await ok(app, 'candidates.create', { ballotName: `Name ${i + 1}`, homeAddress: `${i + 1} High St` })).id),
    );
    const results = await Promise.all(candidateIds.map((candidateId) => app.dispatch('partyLists.addMember', { listId, candidateId })));
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.error.message)).toEqual([]);
    const places = await app.store.values<[number]>('SELECT position FROM party_list_members WHERE party_list_id = ? ORDER BY position', [listId]);
    expect(places.map(([p]) => p)).toEqual([1, 2, 3, 4, 5]);
  });
});
