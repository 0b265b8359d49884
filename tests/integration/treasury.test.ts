import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setDeclaredOn } from '../../db/repositories/contests.ts';
import { ok, snapshot } from '../helpers/db.ts';
import { donationTo, expenseOf, type TreasuryContests, treasuryContests } from '../helpers/treasury.ts';

let app: TreasuryContests['app'];
let county: number; // Banbury-like county seat of 69,943 electors
let ward: number; // English ward of 7,500 electors

beforeEach(async () => {
  ({ app, county, ward } = await treasuryContests());
});
afterEach(() => app.cleanup());

async function refused(method: string, input: unknown) {
  const before = await snapshot(app);
  const r = await app.dispatch(method, input);
  expect(r.ok, `${method} should have been refused`).toBe(false);
  expect(await snapshot(app)).toBe(before);
  if (r.ok) throw new Error('unreachable');
  return r.error;
}

const donation = (over: Record<string, unknown> = {}) => donationTo(county, over);

/** The donation's fields for an update (no contestId: a donation stays in its contest). */
const donationUpdate = (id: number, over: Record<string, unknown> = {}) => {
  const { contestId: _contestId, ...fields } = donation(over);
  return { id, ...fields };
};

const expense = (over: Record<string, unknown> = {}) => expenseOf(county, over);

describe('spending limits', () => {
  it('UK general election (RPA 1983 s.76ZA): spending is assigned to the long or short campaign by date and checked against each limit', async () => {
    const ge = await ok(app, 'elections.create', { name: 'GE 2015', type: 'uk-parliament', pollingDay: '2015-05-07', nation: 'england' });
    const seat = await ok(app, 'areas.create', {
      name: 'Oldtown',
      kind: 'constituency',
      gssCode: 'E14001066',
      electorate: 69_943,
      classification: 'county',
      nation: 'england',
    });
    const c = (await ok(app, 'contests.create', { electionId: ge.id, areaId: seat.id, status: 'contesting' })).id;
    await ok(app, 'treasury.createExpense', expense({ contestId: c, amount: '£40,000', invoiceOn: '2015-01-15', paidOn: '2015-01-20' }));
    await ok(app, 'treasury.createExpense', expense({ contestId: c, amount: '£1,000', invoiceOn: '2015-04-20', paidOn: '2015-04-21' }));
    const l = await ok(app, 'treasury.getLimit', { contestId: c });
    expect(
      l.periods.map((p: { key: string; starts: string; ends: string; limitPence: number; spend: { spentPence: number; level: string } }) => [
        p.key,
        p.starts,
        p.ends,
        p.limitPence,
        p.spend.spentPence,
        p.spend.level,
      ]),
    ).toEqual([
      ['long-campaign', '2014-12-19', '2015-03-30', 4_375_184, 4_000_000, 'warning'],
      ['short-campaign', '2015-03-31', '2015-05-07', 1_978_316, 100_000, 'ok'],
    ]);
    expect(l.periods[0].working).toBe('90% of (£40,220 + 69,943 × 12p = £48,613.16) = £43,751.84');
    // The contest's limit and spend are the short campaign's.
    expect(l).toMatchObject({ limitPence: 1_978_316, spend: { spentPence: 100_000 } });
    await ok(app, 'treasury.updateSettings', { contestId: c, earlyLimitOverride: '£39,000' });
    const entered = await ok(app, 'treasury.getLimit', { contestId: c });
    expect(entered.periods[0]).toMatchObject({ limitBasis: 'override', limitPence: 3_900_000, spend: { level: 'over', overByPence: 100_000 } });
  });

  it('works out the county seat of 69,943 electors from the area: £19,783.16', async () => {
    const l = await ok(app, 'treasury.getLimit', { contestId: county });
    expect(l).toMatchObject({ basis: 'rule', limitPence: 1_978_316, working: '£11,390 + 69,943 × 12p = £19,783.16', electorsFrom: 'area', areaKind: 'county' });
    expect(l.instrument).toMatch(/SI 2023\/1235/);
    expect(l.spend).toMatchObject({ spentPence: 0, level: 'ok' });
  });

  it('uses the settings over the area: a borough seat, and two joint ward candidates', async () => {
    await ok(app, 'treasury.updateSettings', { contestId: county, areaKind: 'borough' });
    expect((await ok(app, 'treasury.getLimit', { contestId: county })).limitPence).toBe(1_139_000 + 69_943 * 8);
    await ok(app, 'treasury.updateSettings', { contestId: ward, jointCandidates: 2 });
    const l = await ok(app, 'treasury.getLimit', { contestId: ward });
    expect(l.limitPence).toBe(117_000);
    expect(l.working).toBe('£960 + 7,500 × 8p = £1,560.00; two joint candidates: less a quarter (£390.00) = £1,170.00');
  });

  it('refuses joint candidates outside council elections, and takes a limit entered by hand', async () => {
    const e = await refused('treasury.updateSettings', { contestId: county, jointCandidates: 2 });
    expect(e.fields?.jointCandidates).toMatch(/council elections/);
    await ok(app, 'treasury.updateSettings', { contestId: county, limitOverride: '£20,000', limitSource: 'the returning officer’s notice' });
    const l = await ok(app, 'treasury.getLimit', { contestId: county });
    expect(l).toMatchObject({ basis: 'override', limitPence: 2_000_000 });
    expect(l.working).toBe('Entered by hand from the returning officer’s notice: £20,000.00');
  });

  it('PCC (SI 2012/1917 art.35 Table 2): the police area decides the limit; an unconfirmed figure can be replaced; the post at a GLA election', async () => {
    const pcc = await ok(app, 'elections.create', { name: 'PCC 2026', type: 'pcc', pollingDay: '2026-05-07', nation: 'england' });
    const force = await ok(app, 'areas.create', { name: 'The force area', kind: 'region', electorate: 1_800_000, classification: null, nation: 'england' });
    const c = (await ok(app, 'contests.create', { electionId: pcc.id, areaId: force.id, status: 'contesting' })).id;
    const l = await ok(app, 'treasury.getLimit', { contestId: c });
    expect(l).toMatchObject({ basis: 'unknown', limitPence: null, usesPoliceArea: true, spend: { level: 'no-limit' } });
    expect(l.problem).toMatch(/Choose the police area/);
    const bad = await app.dispatch('treasury.updateSettings', { contestId: c, policeArea: 'Atlantis' });
    expect(bad).toMatchObject({ ok: false, error: { fields: { policeArea: expect.any(String) } } });
    await ok(app, 'treasury.updateSettings', { contestId: c, policeArea: 'thames valley' });
    expect(await ok(app, 'treasury.getLimit', { contestId: c })).toMatchObject({
      basis: 'rule',
      limitPence: 30_330_300,
      policeArea: 'Thames Valley',
      confirmed: false,
      checkedOn: '2026-12-02',
    });
    await ok(app, 'treasury.updateSettings', { contestId: c, policeArea: 'Thames Valley', limitOverride: '£415,000', limitSource: 'PARO notice' });
    expect(await ok(app, 'treasury.getLimit', { contestId: c })).toMatchObject({ basis: 'override', limitPence: 41_500_000, confirmed: true });
    const avon = await ok(app, 'areas.create', { name: 'Avon and Somerset', kind: 'region', electorate: null, classification: null, nation: 'england' });
    const a = (await ok(app, 'contests.create', { electionId: pcc.id, areaId: avon.id, status: 'contesting' })).id;
    expect(await ok(app, 'treasury.getLimit', { contestId: a })).toMatchObject({
      basis: 'rule',
      limitPence: 30_513_000,
      confirmed: true,
      policeArea: 'Avon & Somerset',
    });

    const gla = await ok(app, 'elections.create', { name: 'London 2028', type: 'gla', pollingDay: '2026-05-07', nation: 'england' });
    const london = await ok(app, 'areas.create', { name: 'London', kind: 'region', electorate: 6_000_000, classification: null, nation: 'england' });
    const m = (await ok(app, 'contests.create', { electionId: gla.id, areaId: london.id, status: 'contesting' })).id;
    expect((await ok(app, 'treasury.getLimit', { contestId: m })).problem).toMatch(/Choose the post/);
    await ok(app, 'treasury.updateSettings', { contestId: m, glaPost: 'mayor' });
    expect(await ok(app, 'treasury.getLimit', { contestId: m })).toMatchObject({
      limitPence: 76_041_000,
      working: 'Fixed limit for a Mayor of London: £760,410.00',
    });
  });

  it('warns from 80% of the limit and goes hard over it', async () => {
    await ok(app, 'treasury.updateSettings', { contestId: ward });
    await ok(app, 'treasury.createExpense', expense({ contestId: ward, amount: '1247.99' }));
    expect((await ok(app, 'treasury.getLimit', { contestId: ward })).spend.level).toBe('ok'); // 79.99% of £1,560
    await ok(app, 'treasury.createExpense', expense({ contestId: ward, amount: '0.01' }));
    expect((await ok(app, 'treasury.getLimit', { contestId: ward })).spend).toMatchObject({ level: 'warning', percent: 80 });
    await ok(app, 'treasury.createExpense', expense({ contestId: ward, amount: '312.01' }));
    expect((await ok(app, 'treasury.getLimit', { contestId: ward })).spend).toMatchObject({ level: 'over', overByPence: 1 });
  });
});

describe('donations', () => {
  it('shows the 30-day deadline while undecided and refuses acceptance without a permissible source', async () => {
    const d = await ok(app, 'treasury.createDonation', donation());
    expect(d).toMatchObject({ valuePence: 25_000, status: 'pending' });
    const ledger = await ok(app, 'treasury.getLedger', { contestId: county });
    expect(ledger.donations[0]).toMatchObject({ deadline: '2026-05-20', isDonation: true });

    const e = await refused('treasury.updateDonation', donationUpdate(d.id, { status: 'accepted', acceptedOn: '2026-04-21' }));
    expect(e.fields?.permissibleSource).toMatch(/over £50\.00 can only be accepted from a permissible source/);
    const e2 = await refused('treasury.updateDonation', donationUpdate(d.id, { status: 'accepted', acceptedOn: '2026-04-21', permissibleSource: 'elector' }));
    expect(e2.fields?.electorNumber).toMatch(/elector number/);

    await ok(
      app,
      'treasury.updateDonation',
      donationUpdate(d.id, { status: 'accepted', acceptedOn: '2026-04-21', permissibleSource: 'elector', electorNumber: 'ab 123' }),
    );
    const after = (await ok(app, 'treasury.getLedger', { contestId: county })).donations[0];
    expect(after).toMatchObject({ status: 'accepted', electorNumber: 'AB-123', deadline: null, deadlineState: 'decided' });
    const history = await ok(app, 'audit.list', { entity: 'donation', entityId: d.id });
    expect(history.map((h: { summary: string }) => h.summary)).toEqual([
      'Accepted the donation of £250.00 from Ann Elector',
      'Donation of £250.00 from Ann Elector received Mon 20 Apr 2026',
    ]);
  });

  it('records an impermissible donation returned with its reason', async () => {
    const d = await ok(app, 'treasury.createDonation', donation({ donorName: 'Offshore Ltd', value: '1000' }));
    await ok(
      app,
      'treasury.updateDonation',
      donationUpdate(d.id, { donorName: 'Offshore Ltd', value: '1000', status: 'returned', returnedOn: '2026-04-28', reason: 'Not a UK company' }),
    );
    const ret = await ok(app, 'treasury.getReturn', { contestId: county });
    expect(ret.donationsSchedule).toEqual([]);
    expect(ret.returnedDonations.map((x: { donorName: string }) => x.donorName)).toEqual(['Offshore Ltd']);
    expect(ret.totalDonationsPence).toBe(0);
  });

  it.each([
    ['-£5', /negative/],
    ['12.345', /more than two decimal places/],
    ['lots', /not an amount of money/],
    [-500, /more than £0\.00/],
    [12.5, /whole number of pence/],
  ])('refuses the value %j and writes nothing', async (value, message) => {
    const e = await refused('treasury.createDonation', donation({ value }));
    expect(e.code).toBe('invalid_input');
    expect(e.fields?.value).toMatch(message);
  });
});

// Writing the return as CSV and the limit from the command line is tested in treasury-cli.test.ts,
// outside the fast loop; grouping the return by category in tests/unit/election-return.test.ts.
describe('expenses and the return', () => {
  it('refuses negative amounts and anything dated after the return', async () => {
    expect((await refused('treasury.createExpense', expense({ amount: '-40' }))).fields?.amount).toMatch(/negative/);
    await ok(app, 'treasury.createExpense', expense());
    await ok(app, 'treasury.updateSettings', { contestId: county, areaKind: 'county', returnDeliveredOn: '2026-06-10' });
    const e = await refused('treasury.createExpense', expense({ invoiceOn: '2026-06-11', paidOn: null }));
    expect(e.fields?.invoiceOn).toMatch(/after the return \(Wed 10 Jun 2026\)/);
    const e2 = await refused('treasury.updateSettings', { contestId: county, returnDeliveredOn: '2026-04-29' });
    expect(e2.fields?.returnDeliveredOn).toMatch(/An expense is dated Thu 30 Apr 2026/);
  });

  it('takes the leaflet print runs charged to the contest as unsolicited material, read from the leaflets', async () => {
    const leaflet = await ok(app, 'leaflets.create', { title: 'Election address', size: 'A4', contestIds: [county] });
    await ok(app, 'printRuns.create', {
      leafletId: leaflet.id,
      contestId: county,
      printedOn: '2026-04-10',
      quantity: 40_000,
      printer: 'Banbury Print Co',
      costPence: 310_050,
    });
    await ok(app, 'printRuns.create', {
      leafletId: leaflet.id,
      contestId: null,
      printedOn: '2026-04-11',
      quantity: 500,
      printer: 'Elsewhere',
      costPence: 9_900,
    });
    const ledger = await ok(app, 'treasury.getLedger', { contestId: county });
    expect(ledger.lines).toEqual([
      expect.objectContaining({
        source: 'print-run',
        category: 'unsolicited-material',
        supplier: 'Banbury Print Co',
        description: 'Election address: 40,000 printed',
        amountPence: 310_050,
        invoiceOn: '2026-04-10',
      }),
    ]);
    expect(ledger.spend.spentPence).toBe(310_050);
    expect((await ok(app, 'treasury.getReturn', { contestId: county })).categories[1]).toMatchObject({
      category: 'unsolicited-material',
      unpaidPence: 310_050,
      totalPence: 310_050,
    });
    expect(await await app.store.get('SELECT COUNT(*) AS n FROM expenses')).toEqual({ n: 0 }); // read, not copied

    const run = ledger.lines[0].sourceId;
    expect((await refused('treasury.setPrintRunPaid', { printRunId: run, paidOn: '2099-01-01' })).fields?.paidOn).toMatch(/future|after the return/);
    await ok(app, 'treasury.setPrintRunPaid', { printRunId: run, paidOn: '2026-04-20' });
    const ret = await ok(app, 'treasury.getReturn', { contestId: county });
    expect(ret.categories[1]).toMatchObject({ paidPence: 310_050, unpaidPence: 0 });
    expect((await ok(app, 'audit.list', { entity: 'print-run-payment', entityId: run }))[0].summary).toBe(
      'Print run of Election address (£3,100.50, Banbury Print Co) paid Mon 20 Apr 2026',
    );
    const other = (await ok(app, 'printRuns.list', { contestId: undefined })).find((r: { contestId: number | null }) => r.contestId === null);
    expect((await refused('treasury.setPrintRunPaid', { printRunId: other.id, paidOn: '2026-04-20' })).message).toMatch(/not charged to a contest/);
  });

  it('is a nil return when nothing was spent or given', async () => {
    const ret = await ok(app, 'treasury.getReturn', { contestId: ward });
    expect(ret.nil).toBe(true);
    expect(ret.totalSpendPence).toBe(0);
  });

  it('counts post-poll deadlines from the declaration and flags late invoices', async () => {
    await setDeclaredOn(app.store, county, '2026-05-08');
    await ok(app, 'treasury.createExpense', expense({ invoiceOn: '2026-06-01', paidOn: null }));
    const ledger = await ok(app, 'treasury.getLedger', { contestId: county });
    expect(ledger.postPoll).toMatchObject({ declaredOn: '2026-05-08', invoicesBy: '2026-05-29', paidBy: '2026-06-05' });
    expect(ledger.lines[0].warnings[0]).toMatch(/after 2026-05-29, the last day for claims/);
  });

  it('keeps money records when someone tries to delete the contest', async () => {
    await ok(app, 'treasury.createExpense', expense());
    const e = await refused('contests.delete', { id: county });
    expect(e.message).toMatch(/deposit, donations or expenses/);
  });
});

describe('the deposit', () => {
  async function result(ours: number, others: number) {
    const cand = await ok(app, 'candidates.create', { ballotName: 'Alice Green' });
    const k = await ok(app, 'candidacies.create', { candidateId: cand.id, contestId: county });
    await ok(app, 'results.record', {
      contestId: county,
      declaredOn: '2026-05-08',
      electorate: 69_943,
      rows: [
        { candidacyId: k.id, name: 'Alice Green', votes: ours },
        { name: 'Someone Else', votes: others, elected: true },
      ],
    });
  }

  it('is expected from the election rules and awaits the result', async () => {
    await ok(app, 'treasury.saveDeposit', { contestId: county, amount: '£500', paidOn: '2026-04-01', method: 'bankers-draft', receipt: 'RO-17' });
    const d = (await ok(app, 'treasury.getLedger', { contestId: county })).deposit;
    expect(d).toMatchObject({ expectedPence: 50_000, outcome: 'awaiting-result', refundDue: null, recorded: { amountPence: 50_000, receipt: 'RO-17' } });
    expect(d.expectedRule).toMatch(/^£500.00, returned if more than 5% of the valid votes/);
    const history = await ok(app, 'audit.list', { entity: 'deposit', entityId: county });
    expect(history[0].summary).toBe("Deposit of £500.00 paid Wed 1 Apr 2026 by banker's draft for Banbury — GE 2026");
  });

  it('is forfeited at exactly 5% of the valid votes', async () => {
    await result(500, 9_500);
    const d = (await ok(app, 'treasury.getLedger', { contestId: county })).deposit;
    expect(d).toMatchObject({ outcome: 'forfeited', refundDue: null });
    const e = await refused('treasury.saveDeposit', { contestId: county, amount: '500', paidOn: '2026-04-01', method: 'cash', refundedOn: '2026-05-11' });
    expect(e.fields?.refundedOn).toMatch(/forfeited/);
  });

  it('is returned just above 5%, due the next working day after the declaration', async () => {
    await result(501, 9_499);
    const d = (await ok(app, 'treasury.getLedger', { contestId: county })).deposit;
    // Declared Friday 8 May 2026: refund due Monday 11 May.
    expect(d).toMatchObject({ outcome: 'returned', refundDue: '2026-05-11' });
    expect(d.outcomeReason).toMatch(/^Alice Green: returned: more than 5%/);
  });
});
