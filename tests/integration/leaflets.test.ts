import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/contract/index.ts';
import type { ApiResult } from '../../shared/contract/result.ts';
import { ukToday } from '../../shared/domain/working-days.ts';
import { fullImprint } from '../fixtures/imprint.ts';
import { addAccount } from '../../main/team/accounts.ts';
import { type TempHustings, tempHustings } from '../helpers/db.ts';
import { SMALL_REGISTER, importCsv } from '../helpers/register.ts';
import { pngFile } from '../helpers/artwork.ts';

let app: TempHustings;

async function call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const r = await app.dispatch(method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message} ${JSON.stringify(r.error.fields ?? {})}`);
  return r.value as MethodOutput<M>;
}

async function fail(method: MethodName, input: unknown): Promise<Extract<ApiResult, { ok: false }>['error']> {
  const r = await app.dispatch(method, input);
  if (r.ok) throw new Error(`${method} should have failed`);
  return r.error;
}

async function count(table: string): Promise<number> {
  return ((await app.store.get(`SELECT COUNT(*) AS n FROM ${table}`)) as { n: number }).n;
}

const imprint = { ...fullImprint, onBehalfOfAddress: fullImprint.promoterAddress };

const today = ukToday();
const daysAgo = (n: number) => ukToday(new Date(Date.now() - n * 86_400_000));

async function contest() {
  const election = await call('elections.create', { name: 'Borough 2099', type: 'local', pollingDay: '2099-05-07', nation: 'england' });
  const area = await call('areas.create', { name: 'Riverside', kind: 'ward', nation: 'england', electorate: null, classification: null });
  return call('contests.create', { electionId: election.id, areaId: area.id, status: 'contesting' });
}

beforeEach(async () => {
  app = await tempHustings();
});

afterEach(async () => {
  await app.cleanup();
});

describe('leaflets', () => {
  it('cannot be marked ready until the imprint is complete, and says what is missing', async () => {
    const c = await contest();
    const l = await call('leaflets.create', { title: 'Spring news', size: 'A5', contestIds: [c.id], ...imprint, printerAddress: '', onBehalfOfName: '' });
    expect(l.status).toBe('draft');
    expect(l.contests).toEqual([{ id: c.id, name: 'Riverside (Borough 2099)' }]);
    expect(l.imprintGaps.map((g) => g.field)).toEqual(['printerAddress', 'onBehalfOfName']);

    const error = await fail('leaflets.setStatus', { id: l.id, status: 'ready' });
    expect(error.code).toBe('invalid_input');
    expect(error.message).toMatch(/add the printer's address and the name of the person or party it is published for/);
    expect(error.fields).toMatchObject({ printerAddress: expect.stringMatching(/printer's address/), onBehalfOfName: expect.any(String) });
    expect((await call('leaflets.get', { id: l.id })).status).toBe('draft');

    await call('leaflets.update', { id: l.id, title: 'Spring news', size: 'A5', contestIds: [c.id], ...imprint });
    const ready = await call('leaflets.setStatus', { id: l.id, status: 'ready' });
    expect(ready.status).toBe('ready');
    expect(ready.imprintText).toBe(
      'Printed by Quick Print Ltd, 1 Mill Lane, Exampleton EX1 2AB. Promoted by Jo Bloggs on behalf of Sam Smith, both at 2 High Street, Exampleton EX1 3CD.',
    );

    // Blanking part of the imprint sends a ready leaflet back to draft.
    const back = await call('leaflets.update', { id: l.id, title: 'Spring news', size: 'A5', contestIds: [c.id], ...imprint, promoterName: ' ' });
    expect(back.status).toBe('draft');
  });

  it('keeps a volunteer’s roles in the order entered, the same after a role’s row is rewritten', async () => {
    const pat = await call('volunteers.create', { name: 'Pat Doe', roles: ['telling', 'deliver', 'canvass'], consentToContact: false });
    expect(pat.roles).toEqual(['telling', 'deliver', 'canvass']);
    // PostgreSQL writes an updated row anew elsewhere in the table: the order must not follow it.
    await app.store.run("UPDATE volunteer_roles SET role = role WHERE role = 'telling'");
    expect((await call('volunteers.get', { id: pat.id })).roles).toEqual(['telling', 'deliver', 'canvass']);
    expect((await call('volunteers.list', {})).map((v) => v.roles)).toEqual([['telling', 'deliver', 'canvass']]);
  });

  it('refuses an unknown contest and writes nothing', async () => {
    const error = await fail('leaflets.create', { title: 'X', size: 'A5', contestIds: [999] });
    expect(error.fields).toEqual({ 'contestIds.0': 'No such contest' });
    expect(await count('leaflets')).toBe(0);
  });

  it('stores artwork in the data folder and hands it back', async () => {
    const l = await call('leaflets.create', { title: 'Art', size: 'A4', ...imprint });
    const content = Buffer.from('%PDF-1.4 pretend artwork');
    const withArt = await call('leaflets.attachArtwork', {
      id: l.id,
      fileName: '../../evil name.pdf',
      type: 'application/pdf',
      dataBase64: content.toString('base64'),
    });
    expect(withArt.artwork).toEqual({ name: 'evil name.pdf', type: 'application/pdf', bytes: content.length });
    const files = readdirSync(join(app.dir, 'artwork'));
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^leaflet-\d+-[0-9a-f]{8}-evil_name\.pdf$/);
    const back = await call('leaflets.artwork', { id: l.id });
    expect(Buffer.from(back.dataBase64, 'base64').equals(content)).toBe(true);
    // Browser mode has no viewer window: it says so and the page offers its own tab instead.
    expect(await call('leaflets.openArtwork', { id: l.id })).toEqual({ opened: false, path: join(app.dir, 'artwork', files[0]) });

    await call('leaflets.attachArtwork', { id: l.id, fileName: 'v2.png', type: 'image/png', dataBase64: pngFile().toString('base64') });
    expect(readdirSync(join(app.dir, 'artwork'))).toHaveLength(1);
    await call('leaflets.removeArtwork', { id: l.id });
    expect(readdirSync(join(app.dir, 'artwork'))).toHaveLength(0);
  });
});

describe('print runs, rounds and drops', () => {
  async function setup() {
    const c = await contest();
    const leaflet = await call('leaflets.create', { title: 'Spring news', size: 'A5', contestIds: [c.id], ...imprint });
    await call('printRuns.create', { leafletId: leaflet.id, contestId: c.id, printedOn: daysAgo(10), quantity: 500, printer: 'Quick Print', costPence: 8950 });
    const elm = await call('rounds.create', {
      name: 'Elm Road',
      areaId: c.areaId,
      pollingDistrict: 'ab',
      streets: [
        { name: 'Elm Road', households: 60 },
        { name: 'Oak Close', households: 40 },
      ],
    });
    const station = await call('rounds.create', {
      name: 'Station',
      areaId: c.areaId,
      pollingDistrict: 'AC',
      streets: [{ name: 'Station Road', households: 150 }],
    });
    const ann = await call('volunteers.create', { name: 'Ann Deliverer', roles: ['Deliver', 'canvass', 'deliver'], consentToContact: true });
    return { c, leaflet, elm, station, ann };
  }

  it('tracks stock and coverage through a full and a partial drop', async () => {
    const { c, leaflet, elm, station, ann } = await setup();
    expect(ann.roles).toEqual(['deliver', 'canvass']);
    expect(elm).toMatchObject({ pollingDistrict: 'AB', households: 100, estimatedMinutes: 70, estimateIsOwn: false });

    await call('rounds.assign', { roundId: station.id, volunteerId: ann.id, plannedOn: daysAgo(-3) });
    await call('drops.create', { leafletId: leaflet.id, roundId: elm.id, volunteerId: ann.id, droppedOn: daysAgo(2), delivered: 100, complete: true });
    await call('drops.create', {
      leafletId: leaflet.id,
      roundId: station.id,
      volunteerId: ann.id,
      droppedOn: daysAgo(1),
      delivered: 90,
      complete: false,
      leftNote: 'Flats at the far end',
    });

    expect((await call('leaflets.get', { id: leaflet.id })).stock).toEqual({ printed: 500, delivered: 190, onHand: 310 });
    const cov = await call('leaflets.coverage', { leafletId: leaflet.id, contestId: c.id });
    expect(cov.districts.map((d) => [d.district, d.households, d.reached, d.percent])).toEqual([
      ['AB', 100, 100, 100],
      ['AC', 150, 90, 60],
    ]);
    expect(cov.total).toMatchObject({ households: 250, reached: 190, percent: 76 });
    expect(cov.notCovered.map((r) => [r.name, r.left])).toEqual([['Station', 60]]);
    expect(cov.plan.fits).toBe(true);
    expect(cov.plan.rounds).toEqual([expect.objectContaining({ name: 'Station', status: 'planned' })]);

    const ann2 = await call('volunteers.get', { id: ann.id });
    expect(ann2).toMatchObject({ drops: 2, delivered: 190, assignments: 1 });
    const audit = await app.store.all("SELECT entity, action FROM audit_log WHERE entity IN ('drop', 'round_assignment', 'print_run') ORDER BY id");
    expect(audit).toEqual([
      { entity: 'print_run', action: 'create' },
      { entity: 'round_assignment', action: 'create' },
      { entity: 'drop', action: 'create' },
      { entity: 'drop', action: 'create' },
    ]);
  });

  it('refuses bad drops with a clear message and writes nothing', async () => {
    const { leaflet, elm } = await setup();
    const before = await count('drops');
    const audits = await count('audit_log');

    const negative = await fail('drops.create', { leafletId: leaflet.id, roundId: elm.id, droppedOn: daysAgo(1), delivered: -4, complete: false });
    expect(negative.fields).toEqual({ delivered: 'Copies delivered cannot be negative (got -4).' });

    const early = await fail('drops.create', { leafletId: leaflet.id, roundId: elm.id, droppedOn: daysAgo(11), delivered: 10, complete: false });
    expect(early.fields?.droppedOn).toMatch(/before the leaflet's first print run/);

    const future = await fail('drops.create', { leafletId: leaflet.id, roundId: elm.id, droppedOn: daysAgo(-1), delivered: 10, complete: false });
    expect(future.fields?.droppedOn).toMatch(/still to come/);

    const bogusDate = await fail('drops.create', { leafletId: leaflet.id, roundId: elm.id, droppedOn: '2026-02-30', delivered: 10, complete: false });
    expect(bogusDate.code).toBe('invalid_input');

    const over = await fail('drops.create', { leafletId: leaflet.id, roundId: elm.id, droppedOn: daysAgo(1), delivered: 120, complete: true });
    expect(over.code).toBe('needs_confirmation');
    expect(over.message).toMatch(/Round "Elm Road" has 100 households; this drop makes 120 copies, 20 more/);

    const tooMany = await fail('drops.create', {
      leafletId: leaflet.id,
      roundId: elm.id,
      droppedOn: daysAgo(1),
      delivered: 600,
      complete: true,
      confirm: true,
    });
    expect(tooMany.fields?.delivered).toMatch(/Only 500 copies were in stock/);

    expect(await count('drops')).toBe(before);
    expect(await count('audit_log')).toBe(audits);

    const confirmed = await call('drops.create', { leafletId: leaflet.id, roundId: elm.id, droppedOn: today, delivered: 120, complete: true, confirm: true });
    expect(confirmed.delivered).toBe(120);
  });

  it('refuses a round with no streets or no households, and writes nothing', async () => {
    const none = await fail('rounds.create', { name: 'Nowhere', streets: [] });
    expect(none.fields?.streets).toMatch(/at least one street/);
    const empty = await fail('rounds.create', { name: 'Empty', streets: [{ name: 'Lane', households: 0 }] });
    expect(empty.fields?.streets).toMatch(/no households/);
    const negative = await fail('rounds.create', { name: 'Neg', streets: [{ name: 'Lane', households: -2 }] });
    expect(negative.fields?.['streets.0.households']).toBe('Households cannot be negative');
    expect(await count('delivery_rounds')).toBe(0);
    expect(await count('round_streets')).toBe(0);
  });

  it('keeps streets in walking order and takes an own estimate', async () => {
    const r = await call('rounds.create', {
      name: 'Loop',
      streets: [
        { name: 'Zeta Street', households: 5 },
        { name: 'Alpha Street', households: 5 },
      ],
      estimatedMinutes: 45,
    });
    expect(r.streets.map((s) => s.name)).toEqual(['Zeta Street', 'Alpha Street']);
    expect(r).toMatchObject({ estimatedMinutes: 45, estimateIsOwn: true });
  });

  it('asks before deleting a leaflet with drops, then deletes its runs and drops', async () => {
    const { leaflet, elm } = await setup();
    await call('drops.create', { leafletId: leaflet.id, roundId: elm.id, droppedOn: daysAgo(1), delivered: 50, complete: false });
    const impact = await call('leaflets.deleteImpact', { id: leaflet.id });
    expect(impact.message).toBe('Deleting "Spring news" also deletes its 1 print run and 1 drop (£89.50 of printing, which the treasury counts as spending).');
    const asked = await fail('leaflets.delete', { id: leaflet.id });
    expect(asked.code).toBe('needs_confirmation');
    expect(await count('leaflets')).toBe(1);
    expect(await call('leaflets.delete', { id: leaflet.id, confirm: true })).toEqual({ deletedDrops: 1, deletedPrintRuns: 1 });
    expect((await count('drops')) + (await count('print_runs')) + (await count('leaflets'))).toBe(0);
  });

  it('asks before deleting a round with drops', async () => {
    const { leaflet, elm } = await setup();
    await call('drops.create', { leafletId: leaflet.id, roundId: elm.id, droppedOn: daysAgo(1), delivered: 50, complete: false });
    expect((await fail('rounds.delete', { id: elm.id })).code).toBe('needs_confirmation');
    expect(await call('rounds.delete', { id: elm.id, confirm: true })).toEqual({ deletedDrops: 1 });
  });

  it('will not shrink a print run below the copies already delivered', async () => {
    const { leaflet, elm, c } = await setup();
    const [run] = await call('printRuns.list', { leafletId: leaflet.id });
    await call('drops.create', { leafletId: leaflet.id, roundId: elm.id, droppedOn: daysAgo(1), delivered: 100, complete: true });
    const { leafletTitle: _t, contestName: _c, ...fields } = run;
    const error = await fail('printRuns.update', { ...fields, contestId: c.id, quantity: 80 });
    expect(error.message).toMatch(/20 more copies than were printed/);
    expect((await call('printRuns.list', { leafletId: leaflet.id }))[0].quantity).toBe(500);
    expect((await fail('printRuns.delete', { id: run.id })).code).toBe('invalid_input');
  });

  it('keeps a deleted volunteer’s drops, unattributed, after asking', async () => {
    const { leaflet, elm, ann } = await setup();
    await call('drops.create', { leafletId: leaflet.id, roundId: elm.id, volunteerId: ann.id, droppedOn: daysAgo(1), delivered: 50, complete: false });
    const impact = await call('volunteers.deleteImpact', { id: ann.id });
    expect(impact.message).toBe('Deleting Ann Deliverer erases their details; 1 drop stays, without their name.');
    expect((await fail('volunteers.delete', { id: ann.id })).code).toBe('needs_confirmation');
    await call('volunteers.delete', { id: ann.id, confirm: true });
    expect((await call('drops.list', {}))[0]).toMatchObject({ volunteerId: null, volunteerName: null, delivered: 50 });
  });

  it('lands a print run’s cost in the treasury as an expense of its contest', async () => {
    const { c, leaflet } = await setup();
    const ledger = await call('treasury.getLedger', { contestId: c.id });
    const line = ledger.lines.find((l) => l.source === 'print-run');
    expect(line).toMatchObject({ kind: 'expense', supplier: 'Quick Print', amountPence: 8950, invoiceOn: daysAgo(10) });
    expect(line?.description).toBe('Spring news: 500 printed');
    await call('leaflets.delete', { id: leaflet.id, confirm: true });
    expect((await call('treasury.getLedger', { contestId: c.id })).lines.filter((l) => l.source === 'print-run')).toEqual([]);
  });

  it('takes household counts from the register when it is loaded', async () => {
    const { c, leaflet, elm } = await setup();
    await importCsv(app, c.areaId, SMALL_REGISTER);
    expect(await call('rounds.registerStreets', { areaId: c.areaId, pollingDistrict: 'aa' })).toEqual([
      { street: 'High Street', pollingDistrict: 'AA', households: 2 },
      { street: 'Mill Lane', pollingDistrict: 'AA', households: 3 },
    ]);
    expect((await call('rounds.registerStreets', { areaId: c.areaId })).map((s) => s.street)).toEqual(['High Street', 'Mill Lane', 'Park Road']);

    // A round in district AA: coverage counts the register's households for AA, and AB has none walked yet.
    await call('rounds.update', {
      id: elm.id,
      name: 'Mill Lane',
      areaId: c.areaId,
      pollingDistrict: 'AA',
      streets: [{ name: 'Mill Lane', households: 3, householdsSource: 'register' }],
    });
    await call('drops.create', { leafletId: leaflet.id, roundId: elm.id, droppedOn: daysAgo(1), delivered: 3, complete: true });
    const cov = await call('leaflets.coverage', { leafletId: leaflet.id, contestId: c.id });
    expect(cov.districts.map((d) => [d.district, d.households, d.reached])).toEqual([
      ['AA', 5, 3],
      ['AB', 2, 0],
      ['AC', 150, 0],
    ]);
  });
});

describe('a member’s offer to volunteer', () => {
  const member = { name: 'Mo Member', roles: ['member'] as const };
  const coordinator = { name: 'Cy Coordinator', roles: ['coordinator'] as const };
  const as = (caller: { name: string; roles: readonly ('member' | 'coordinator')[] }) => ({
    call: async <M extends MethodName>(method: M, input: MethodInput<M>) => {
      const r = await app.dispatch(method, input, { ...caller, roles: [...caller.roles] });
      if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
      return r.value as MethodOutput<M>;
    },
    dispatch: (method: MethodName, input: unknown) => app.dispatch(method, input, { ...caller, roles: [...caller.roles] }),
  });

  it('makes one volunteer record linked to their account, theirs alone to read, among the coordinators’ volunteers', async () => {
    for (const name of [member.name, 'Pat Other'])
      await addAccount(app.store, { name, roles: ['member'], meeting: 'AGM', decidedOn: '2026-11-04', recordedBy: 'tester' });
    const mo = as(member);
    expect(await mo.call('volunteers.getMyOffer', {})).toBeNull();
    const none = await mo.dispatch('volunteers.offerMyself', { roles: [], consentToContact: true });
    expect(!none.ok && none.error.fields).toEqual({ roles: 'Tick at least one thing you can do' });
    expect(await count('volunteers')).toBe(0);

    const offered = await mo.call('volunteers.offerMyself', {
      roles: ['deliver', 'Canvass'],
      availability: 'Saturday mornings',
      email: 'mo@example.org',
      consentToContact: true,
    });
    expect(offered).toMatchObject({
      name: 'Mo Member',
      roles: ['deliver', 'canvass'],
      availability: 'Saturday mornings',
      email: 'mo@example.org',
      consentToContact: true,
    });
    const [listed] = await as(coordinator).call('volunteers.list', {});
    expect(listed).toMatchObject({ id: offered.id, name: 'Mo Member', roles: ['deliver', 'canvass'], consentRecordedOn: ukToday() });
    // The coordinator's notes about them are the coordinator's: changing the offer keeps them, and the offer does not show them.
    const { drops: _d, delivered: _v, assignments: _a, updatedAt, ...fields } = listed;
    await as(coordinator).call('volunteers.update', { ...fields, notes: 'Has a car', expectedUpdatedAt: updatedAt });
    const changed = await mo.call('volunteers.offerMyself', { roles: ['tell'], availability: 'Polling day', consentToContact: true });
    expect(changed.id).toBe(offered.id);
    expect(Object.keys(changed).sort()).toEqual(['availability', 'consentToContact', 'email', 'id', 'name', 'phone', 'roles', 'updatedAt']);
    expect(await as(coordinator).call('volunteers.get', { id: offered.id })).toMatchObject({ roles: ['tell'], notes: 'Has a car', email: '' });
    expect(await mo.call('volunteers.getMyOffer', {})).toEqual(changed);
    expect(await count('volunteers')).toBe(1);

    // Another member sees no offer of theirs, and nobody else's; nor may a member list or add volunteers.
    expect(await as({ name: 'Pat Other', roles: ['member'] }).call('volunteers.getMyOffer', {})).toBeNull();
    for (const [method, input] of [
      ['volunteers.list', {}],
      ['volunteers.get', { id: offered.id }],
      ['volunteers.create', { name: 'Someone', consentToContact: false }],
    ] as const) {
      const r = await mo.dispatch(method, input);
      expect(!r.ok && r.error.code, method).toBe('forbidden');
    }
    const trail = await call('audit.list', { entity: 'volunteer', entityId: offered.id });
    expect(trail.map((a) => [a.actor, a.summary])).toEqual([
      ['Mo Member', 'Mo Member changed their offer to volunteer'],
      ['Cy Coordinator', 'Changed volunteer Mo Member'],
      ['Mo Member', 'Mo Member offered themselves as a volunteer'],
    ]);
  });

  it('is for someone signed in to a team server: the single user of a file adds volunteers instead', async () => {
    expect(await call('volunteers.getMyOffer', {})).toBeNull();
    expect(await fail('volunteers.offerMyself', { roles: ['deliver'], consentToContact: true })).toMatchObject({
      code: 'invalid_input',
      message: 'Only someone signed in to a team server offers themselves: add a volunteer on the Volunteers page.',
    });
    expect(await count('volunteers')).toBe(0);
  });
});
