import { addDays, formatDateLong, ukToday } from '../../shared/domain/working-days.ts';
import { expect, expectAccessible, test } from './fixtures.ts';

/** Dates relative to today, so the 30-day rule and post-poll deadlines read the same any day the test runs. */
const T = ukToday();
const day = (n: number) => addDays(T, n);

test('a treasurer records the deposit, donations and spending, sees the gauge and the deposit outcome, and prints the return', async ({ page, app }) => {
  const call = async (method: string, input: unknown) => {
    const r = await app.call(method, input);
    expect(r.body.ok, `${method}: ${JSON.stringify(r.body.error)}`).toBe(true);
    return r.body.value;
  };
  const election = await call('elections.create', { name: 'By-election', type: 'uk-parliament', pollingDay: day(-10), nation: 'england' });
  const area = await call('areas.create', { name: 'Banbury', kind: 'constituency', electorate: 69_943, classification: 'county', nation: 'england' });
  const contest = await call('contests.create', { electionId: election.id, areaId: area.id, status: 'contesting' });
  const candidate = await call('candidates.create', { ballotName: 'Alice Green' });
  await call('candidacies.create', { candidateId: candidate.id, contestId: contest.id });

  // The party-wide view lists the contest.
  await page.getByRole('link', { name: 'Treasury' }).click();
  await expect(page.getByRole('heading', { name: 'Treasury', exact: true })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Banbury' }).click();

  // The limit with its working.
  await expect(page.getByRole('heading', { name: 'Money: Banbury — By-election' })).toBeVisible();
  await expect(page.getByText('£11,390 + 69,943 × 12p = £19,783.16')).toBeVisible();
  await expect(page.getByText(/set by SI 2023\/1235/)).toBeVisible();
  await expectAccessible(page);

  // The deposit: the amount comes from the election's rules.
  const depositForm = page.getByRole('form', { name: 'Record the deposit' });
  await expect(depositForm.getByLabel('Deposit amount')).toHaveValue('500.00');
  await depositForm.getByLabel('Paid on').fill(day(-40));
  await depositForm.getByLabel('Receipt number').fill('RO-17');
  await depositForm.getByRole('button', { name: 'Record the deposit' }).click();
  await expect(page.getByText(/^Paid £500\.00 on .* by banker's draft, receipt RO-17\.$/)).toBeVisible();

  // Two donations: one permissible and accepted, one impermissible and returned.
  const newDonation = page.getByRole('form', { name: 'Record a donation' });
  await newDonation.getByLabel('Donor name').fill('Ann Elector');
  await newDonation.getByLabel('Donor address').fill('1 High Street, Banbury');
  await newDonation.getByLabel('Amount').fill('£250');
  await newDonation.getByLabel('Date received').fill(day(-5));
  await newDonation.getByRole('button', { name: 'Record the donation' }).click();
  const ann = page.getByRole('row', { name: /Ann Elector/ });
  await expect(ann).toContainText(`Decide by ${formatDateLong(day(25))} (25 days left)`);

  await newDonation.getByLabel('Donor name').fill('Offshore Holdings Ltd');
  await newDonation.getByLabel('Donor address').fill('PO Box 1, George Town, Cayman Islands');
  await newDonation.getByLabel('Amount').fill('1,000');
  await newDonation.getByLabel('Date received').fill(day(-4));
  await newDonation.getByRole('button', { name: 'Record the donation' }).click();
  await expect(page.getByRole('row', { name: /Offshore Holdings/ })).toContainText(`Decide by ${formatDateLong(day(26))}`);
  await expectAccessible(page);

  // Accepting over £50 without a permissible source is refused, with the reason beside the field.
  await page.getByRole('button', { name: 'Decide: the donation from Ann Elector' }).click();
  const annForm = page.getByRole('form', { name: 'The donation from Ann Elector' });
  await annForm.getByLabel('Decision').selectOption('accepted');
  await annForm.getByLabel('Accepted on').fill(day(-3));
  await annForm.getByRole('button', { name: 'Save the donation' }).click();
  await expect(annForm.getByText('A donation over £50.00 can only be accepted from a permissible source: choose which one the donor is')).toBeVisible();
  await expectAccessible(page);
  await annForm.getByLabel('Permissible source').selectOption('elector');
  await annForm.getByLabel('Elector number').fill('ab-123');
  await annForm.getByRole('button', { name: 'Save the donation' }).click();
  await expect(ann).toContainText('Accepted');
  await expect(ann).not.toContainText('Decide by');

  await page.getByRole('button', { name: 'Decide: the donation from Offshore Holdings Ltd' }).click();
  const offForm = page.getByRole('form', { name: 'The donation from Offshore Holdings Ltd' });
  await offForm.getByLabel('Decision').selectOption('returned');
  await offForm.getByLabel('Returned on').fill(day(-2));
  await offForm.getByLabel('Why it was returned').fill('Not a UK company: impermissible');
  await offForm.getByRole('button', { name: 'Save the donation' }).click();
  const offshore = page.getByRole('row', { name: /Offshore Holdings/ });
  await expect(offshore).toContainText('Returned');
  await expect(offshore).toContainText('Not a UK company: impermissible');

  // Per-entry history.
  await ann.getByText('History').click();
  await expect(ann.getByText(/Accepted the donation of £250\.00 from Ann Elector/)).toBeVisible();
  await expect(ann.getByText(/Donation of £250\.00 from Ann Elector received/)).toBeVisible();

  // Five expenses; a negative amount is refused and writes nothing.
  const spend = page.getByRole('form', { name: 'Record spending' });
  const expenses: [string, string, string, string, number][] = [
    ['unsolicited-material', 'Banbury Print Co', 'Election address, 40,000 copies', '9,000.00', -30],
    ['advertising', 'Banbury Guardian', 'Half-page advert', '3500', -25],
    ['public-meetings', 'Town Hall', 'Hustings hall hire', '400', -20],
    ['transport', 'Cherwell Cabs', 'Taxis on polling day', '100', -10],
    ['accommodation-admin', 'High Street Lettings', 'Campaign office rent', '£3,500', -35],
  ];
  await spend.getByLabel('Supplier').fill('Nobody');
  await spend.getByLabel('Description').fill('A mistake');
  await spend.getByLabel('Amount').fill('-50');
  await spend.getByRole('button', { name: 'Record the expense' }).click();
  await expect(spend.getByText('Amount "-50" is negative: amounts are never negative (record a refund as its own entry)')).toBeVisible();
  for (const [category, supplier, description, amount, when] of expenses) {
    await spend.getByLabel('Category').selectOption(category);
    await spend.getByLabel('Supplier').fill(supplier);
    await spend.getByLabel('Description').fill(description);
    await spend.getByLabel('Amount').fill(amount);
    await spend.getByLabel('Invoice date').fill(day(when));
    await spend.getByLabel('Paid on').fill(day(when + 3));
    await spend.getByRole('button', { name: 'Record the expense' }).click();
    await expect(page.getByRole('row', { name: new RegExp(supplier) })).toBeVisible();
  }
  await expect(page.getByRole('table', { name: 'Expenses and refunds' }).getByRole('row')).toHaveCount(6);

  // A leaflet print run charged to the contest flows in by itself; the treasurer records when it was paid.
  const leaflet = await call('leaflets.create', { title: 'Election address', size: 'A4', contestIds: [contest.id] });
  await call('printRuns.create', {
    leafletId: leaflet.id,
    contestId: contest.id,
    printedOn: day(-28),
    quantity: 10_000,
    printer: 'Leaflet Printers Ltd',
    costPence: 50_000,
  });
  await page.reload();
  const run = page.getByRole('row', { name: /Leaflet Printers Ltd/ });
  await expect(run).toContainText('Election address: 10,000 printed');
  await expect(run).toContainText('Not yet paid');
  await run.getByLabel('Paid on').fill(day(-20));
  await run.getByRole('button', { name: 'Save date paid' }).click();
  await expect(run).toContainText('Paid');
  await expect(run).not.toContainText('Not yet paid');

  // The gauge: £17,000 of £19,783.16 is past the 80% warning.
  const gauge = page.getByRole('meter', { name: 'Spending against the limit' });
  await expect(gauge).toHaveAttribute('aria-valuetext', '£17,000.00 of £19,783.16 (85%)');
  await expect(page.getByText('Warning: 80% of the limit reached: £17,000.00 of £19,783.16 (85%). 85% of the limit spent: £2,783.16 left')).toBeVisible();
  await expectAccessible(page);

  // The result, entered on the contest's result page: 501 of 10,000 valid votes is more than 5%, so the deposit comes back.
  await page.getByRole('link', { name: 'the contest’s page' }).click();
  await page.getByRole('link', { name: 'Result', exact: true }).click();
  await page.getByLabel('Declared on').fill(day(-9));
  await page.getByLabel('Candidate 1 votes').fill('501');
  await page.getByLabel('Candidate 2 name').fill('Someone Else');
  await page.getByLabel('Candidate 2 votes').fill('9499');
  await page.getByLabel('Elected (candidate 2)').check();
  await page.getByRole('button', { name: 'Save result' }).click();
  await expect(page.getByRole('row', { name: /Alice Green \(ours\)/ })).toContainText('Deposit returned (£500): more than 5% of the valid votes');
  await page.goto(`${app.origin}/#/contests/${contest.id}`);
  await page.getByRole('link', { name: 'money: deposit, donations, spending' }).click();
  await expect(page.getByRole('heading', { name: 'Deposit' })).toBeVisible();
  const depositPanel = page.getByRole('region', { name: 'Deposit' });
  await expect(depositPanel.getByText('Returned', { exact: true })).toBeVisible();
  await expect(depositPanel).toContainText('Alice Green: returned: more than 5% of the valid votes');
  await expect(depositPanel).toContainText('the returning officer returns it by');
  const postPoll = page.getByRole('table', { name: 'Post-poll deadlines' });
  await expect(postPoll).toContainText('Return of expenses due');
  await expectAccessible(page);

  // The return, grouped by category, with the donations schedule and the deposit; printed on A4.
  await page.getByRole('link', { name: 'The return of expenses' }).click();
  await expect(page.getByRole('heading', { name: 'Return of election expenses' })).toBeVisible();
  await expect(page.getByRole('definition').filter({ hasText: /^Alice Green$/ })).toBeVisible();
  await expect(page.getByRole('definition').filter({ hasText: 'Alice Green (acting as their own agent)' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Unsolicited material to electors' })).toContainText('Election address: 10,000 printed');
  await expect(page.getByRole('row', { name: 'Total: Unsolicited material to electors £9,500.00' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Transport' })).toContainText('Taxis on polling day');
  await expect(page.getByRole('row', { name: 'Total election spending £17,000.00' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Donations accepted' })).toContainText('Ann Elector');
  await expect(page.getByRole('table', { name: 'Donations accepted' })).toContainText('An individual on a UK electoral register (AB-123)');
  await expect(page.getByRole('table', { name: 'Impermissible donations returned' })).toContainText('Offshore Holdings Ltd');
  await expect(page.getByRole('region', { name: 'Deposit' })).toContainText('£500.00 paid to the returning officer');
  await expect(page.getByRole('region', { name: 'Deposit' })).toContainText('Returned');
  await expectAccessible(page);

  await page.evaluate(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => void ((window as unknown as { printed: number }).printed += 1);
  });
  await page.getByRole('button', { name: 'Print the return' }).click();
  expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Print the return' })).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Return of election expenses' })).toBeVisible();
  await page.screenshot({ path: '/tmp/treasury-return-print.png', fullPage: true });
  await page.emulateMedia({ media: 'screen' });

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download CSV' }).click();
  await page.getByRole('dialog', { name: 'Export personal data?' }).getByRole('button', { name: 'Export' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`return-of-expenses-contest-${contest.id}.csv`);
});

test('a contest with nothing spent or given has a nil return', async ({ page, app }) => {
  const e = await app.call('elections.create', { name: 'Council 2026', type: 'local', pollingDay: day(-10), nation: 'england' });
  const a = await app.call('areas.create', { name: 'Hyde Park', kind: 'ward', electorate: 7_500, classification: null, nation: 'england' });
  const c = await app.call('contests.create', { electionId: e.body.value.id, areaId: a.body.value.id, status: 'contesting' });
  await page.goto(`${app.origin}/#/treasury/${c.body.value.id}`);
  await expect(page.getByText('£960 + 7,500 × 8p = £1,560.00')).toBeVisible();
  await expect(page.getByText('No donations recorded')).toBeVisible();
  await expect(page.getByText('No spending recorded')).toBeVisible();
  await expect(page.getByText('No deposit', { exact: true })).toBeVisible();
  await page.getByRole('link', { name: 'The return of expenses' }).click();
  await expect(page.getByRole('heading', { name: 'Nil return' })).toBeVisible();
  await expect(page.getByText('No election expenses were incurred and no donations were received.')).toBeVisible();
  await expectAccessible(page);
});

test('a donation first marked accepted, then returned, is saved as returned without the hidden date accepted', async ({ page, app }) => {
  const e = await app.call('elections.create', { name: 'Council 2026', type: 'local', pollingDay: day(10), nation: 'england' });
  const a = await app.call('areas.create', { name: 'Hyde Park', kind: 'ward', electorate: 7_500, classification: null, nation: 'england' });
  const c = await app.call('contests.create', { electionId: e.body.value.id, areaId: a.body.value.id, status: 'contesting' });
  await page.goto(`${app.origin}/#/treasury/${c.body.value.id}`);

  const form = page.getByRole('form', { name: 'Record a donation' });
  await form.getByLabel('Donor name').fill('Offshore Holdings Ltd');
  await form.getByLabel('Amount').fill('1,000');
  await form.getByLabel('Date received').fill(day(-4));
  // The treasurer starts to accept it, then finds it is impermissible.
  await form.getByLabel('Decision').selectOption('accepted');
  await form.getByLabel('Accepted on').fill(day(-3));
  await form.getByLabel('Decision').selectOption('returned');
  await expect(form.getByLabel('Accepted on')).toHaveCount(0);
  await form.getByLabel('Returned on').fill(day(-2));
  await form.getByLabel('Why it was returned').fill('Not a UK company: impermissible');
  await form.getByRole('button', { name: 'Record the donation' }).click();
  const row = page.getByRole('row', { name: /Offshore Holdings/ });
  await expect(row).toContainText('Returned');
  await expect(row).toContainText(`Returned on ${formatDateLong(day(-2))}`);
  const saved = (await app.call('treasury.getLedger', { contestId: c.body.value.id })).body.value.donations;
  expect(saved.map((d: { status: string; acceptedOn: string | null }) => [d.status, d.acceptedOn])).toEqual([['returned', null]]);
});

test('a deposit recorded after reaching another contest’s money page by the address goes to that contest', async ({ page, app }) => {
  const e = (await app.call('elections.create', { name: 'General election', type: 'uk-parliament', pollingDay: day(20), nation: 'england' })).body.value;
  const contestIn = async (name: string) => {
    const a = (await app.call('areas.create', { name, kind: 'constituency', electorate: 70_000, classification: 'county', nation: 'england' })).body.value;
    return (await app.call('contests.create', { electionId: e.id, areaId: a.id, status: 'contesting' })).body.value;
  };
  const banbury = await contestIn('Banbury');
  const bicester = await contestIn('Bicester');
  await page.goto(`${app.origin}/#/treasury/${banbury.id}`);
  await expect(page.getByRole('heading', { name: 'Money: Banbury — General election' })).toBeVisible();
  await page.goto(`${app.origin}/#/treasury/${bicester.id}`);
  await expect(page.getByRole('heading', { name: 'Money: Bicester — General election' })).toBeVisible();
  const depositForm = page.getByRole('form', { name: 'Record the deposit' });
  await depositForm.getByLabel('Paid on').fill(day(-1));
  await depositForm.getByRole('button', { name: 'Record the deposit' }).click();
  await expect(page.getByText(/^Paid £500\.00 on /)).toBeVisible();
  const depositOf = async (contestId: number) => (await app.call('treasury.getLedger', { contestId })).body.value.deposit.recorded;
  expect(await depositOf(banbury.id)).toBeNull();
  expect(await depositOf(bicester.id)).toMatchObject({ amountPence: 50_000, paidOn: day(-1) });
});
