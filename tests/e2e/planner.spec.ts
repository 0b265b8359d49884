import { expect, expectAccessible, test } from './fixtures.ts';

/** Seeds over HTTP and returns the value, failing loudly on an error. */
async function seed(app: { call(m: string, i: unknown): Promise<{ status: number; body: any }> }, method: string, input: unknown): Promise<any> {
  const r = await app.call(method, input);
  if (!r.body.ok) throw new Error(`${method}: ${r.body.error.message}`);
  return r.body.value;
}

test('members compare two contests, see which is practical and why, record the decisions, and the dashboard follows', async ({ page, app }) => {
  const e = await seed(app, 'elections.create', { name: 'General election 2027', type: 'uk-parliament', pollingDay: '2027-05-06', nation: 'england' });
  const kingswood = await seed(app, 'areas.create', {
    name: 'Kingswood',
    kind: 'constituency',
    electorate: 19_000,
    classification: 'borough',
    nation: 'england',
  });
  const filton = await seed(app, 'areas.create', { name: 'Filton', kind: 'constituency', electorate: 38_000, classification: 'borough', nation: 'england' });
  const k = await seed(app, 'contests.create', { electionId: e.id, areaId: kingswood.id, status: 'considering' });
  const f = await seed(app, 'contests.create', { electionId: e.id, areaId: filton.id, status: 'considering' });

  // Nothing entered yet: neither can be called practical.
  await page.getByRole('link', { name: 'Where to stand' }).click();
  await expect(page.getByRole('heading', { name: 'Where to stand' })).toBeVisible();
  await expect(page.getByRole('row', { name: /Kingswood/ })).toContainText('A stretch');
  await expectAccessible(page);

  // Kingswood: money, people and members enough.
  await page
    .getByRole('row', { name: /Kingswood/ })
    .getByRole('link', { name: 'Kingswood' })
    .click();
  await expect(page.getByRole('heading', { name: 'Plan for Kingswood' })).toBeVisible();
  await expect(page.getByText('Default: £40.00. Leave blank to use it.')).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Funds available for this campaign (£)').fill('£2,500');
  await page.getByLabel('Volunteer hours offered before polling day').fill('400');
  await page.getByLabel('Members and sympathisers known in the area').fill('25');
  await page.getByRole('button', { name: 'Save and recalculate' }).click();
  const verdict = page.getByRole('heading', { name: /^Verdict:/ });
  await expect(verdict).toHaveText('Verdict: Practical');
  // 19,000 electors ÷ 1.9 = 10,000 households × 2 rounds × £40 per thousand = £800, plus the £500 deposit.
  await expect(page.getByText('Leaflets and deposit cost £1,300 against £2,500 available: £1,200 to spare.')).toBeVisible();
  await expect(page.getByText('Leaflets of £800 are within the legal spending limit of £12,910 (the deposit does not count towards it).')).toBeVisible();
  await expect(
    page.getByText('Delivering 2 rounds to 10,000 households needs 200 hours against 400 hours offered before polling day: 200 hours to spare.'),
  ).toBeVisible();
  await expect(page.getByText(/The nomination paper needs 10 subscribers \(a proposer, a seconder and 8 assentors\) against 25 members/)).toBeVisible();
  await expect(page.getByText(/working days left before nominations close at 4pm /)).toBeVisible();
  await expectAccessible(page);

  // Filton: bad input is refused with a message on the field, and nothing is saved.
  await page.goto(`${new URL(page.url()).origin}/#/contests/${f.id}/plan`);
  await expect(page.getByRole('heading', { name: 'Plan for Filton' })).toBeVisible();
  await page.getByLabel('Funds available for this campaign (£)').fill('-900');
  await page.getByLabel('Leaflet rounds planned').fill('1.5');
  await page.getByRole('button', { name: 'Save and recalculate' }).click();
  await expect(
    page.getByText('Funds available for this campaign "-900" is negative: amounts are never negative (record a refund as its own entry)'),
  ).toBeVisible();
  await expect(page.getByText('Leaflet rounds planned must be a whole number')).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Funds available for this campaign (£)').fill('900');
  await page.getByLabel('Leaflet rounds planned').fill('');
  await page.getByLabel('Volunteer hours offered before polling day').fill('0');
  await page.getByLabel('Members and sympathisers known in the area').fill('4');
  await page.getByRole('button', { name: 'Save and recalculate' }).click();
  await expect(verdict).toHaveText('Verdict: Not practical');
  await expect(page.getByText('Leaflets and deposit cost £2,100 against £900 available: £1,200 short.')).toBeVisible();
  await expect(
    page.getByText('No volunteer has offered any time before polling day, and delivering 2 rounds to 20,000 households needs 400 hours.'),
  ).toBeVisible();
  await expect(page.getByText(/against 4 members or sympathisers known in the area: 6 short\./)).toBeVisible();

  // An edited assumption changes the figures, and its default stays in view.
  await page.getByLabel('Leaflet rounds planned').fill('1');
  await page.getByRole('button', { name: 'Save and recalculate' }).click();
  await expect(page.getByText('Leaflets and deposit cost £1,300 against £900 available: £400 short.')).toBeVisible();
  await expect(page.getByText('Default: 2. Leave blank to use it.')).toBeVisible();

  // The meeting decides, and the contest's status follows.
  const decide = page.getByRole('form', { name: 'Record a decision' });
  await decide.getByLabel('Meeting', { exact: true }).fill('Branch committee');
  await decide.getByLabel('Decision').selectOption('not-contesting');
  await decide.getByLabel('Votes for').fill('2');
  await decide.getByLabel('Votes against').fill('5');
  await decide.getByLabel('Minute').fill('Not enough money or people in Filton this time.');
  await decide.getByRole('button', { name: 'Record decision' }).click();
  await expect(page.getByText(/With 2 for and 5 against the motion was not carried/)).toBeVisible();
  await decide.getByLabel('Votes for').fill('8');
  await decide.getByLabel('Votes against').fill('2');
  await decide.getByLabel('Abstentions').fill('1');
  await decide.getByRole('button', { name: 'Record decision' }).click();
  const decisions = page.getByRole('region', { name: 'Decisions' });
  await expect(decisions.getByRole('row', { name: /Branch committee/ })).toContainText('8 for, 2 against, 1 abstaining');
  await expect(decisions.getByRole('row', { name: /Branch committee/ })).toContainText('Not practical');
  await expect(page.locator('.page-header')).toContainText('Not contesting');
  await expectAccessible(page);

  await page.goto(`${new URL(page.url()).origin}/#/contests/${k.id}/plan`);
  await expect(page.getByRole('heading', { name: 'Plan for Kingswood' })).toBeVisible();
  await expect(decide.getByLabel('Meeting', { exact: true })).toHaveValue('');
  await decide.getByLabel('Meeting', { exact: true }).fill('Branch committee');
  await decide.getByLabel('Votes for').fill('10');
  await decide.getByLabel('Minute').fill('We stand in Kingswood.');
  await decide.getByRole('button', { name: 'Record decision' }).click();
  await expect(page.locator('.page-header')).toContainText('Contesting');

  // Everyone sees the decisions side by side.
  await page.getByRole('link', { name: 'Where to stand' }).click();
  await expect(page.getByRole('row', { name: /Kingswood/ }).first()).toContainText('Practical');
  await expect(page.getByRole('row', { name: /Filton/ }).first()).toContainText('Not practical');
  const taken = page.getByRole('region', { name: 'Decisions taken' });
  await expect(taken.getByRole('row')).toHaveCount(3);
  await expectAccessible(page);

  // The dashboard reflects it: status, the decision behind it, the verdict, and links to each page.
  const leaflet = await seed(app, 'leaflets.create', { title: 'Kingswood introduction', size: 'A5', contestIds: [k.id] });
  const candidate = await seed(app, 'candidates.create', { ballotName: 'Jane Smith' });
  await seed(app, 'candidacies.create', { candidateId: candidate.id, contestId: k.id });
  await page.getByRole('link', { name: 'Home' }).click();
  await expect(page.getByRole('heading', { name: 'General election 2027', exact: true })).toBeVisible();
  const kRow = page.getByRole('row', { name: /Kingswood/ });
  await expect(kRow).toContainText('Contesting');
  await expect(kRow).toContainText('Branch committee');
  await expect(kRow).toContainText('Jane Smith: Prospective · 0 of 10 subscribers');
  await expect(kRow.getByRole('link', { name: 'Kingswood introduction' })).toHaveAttribute('href', `#/leaflets/${leaflet.id}`);
  await expect(kRow).toContainText('No register imported');
  const fRow = page.getByRole('row', { name: /Filton/ });
  await expect(fRow).toContainText('Not contesting');
  await expect(fRow).toContainText('No leaflet yet');
  await expectAccessible(page);
  await fRow.getByRole('link', { name: 'Plan for Filton: not practical' }).click();
  await expect(page.getByRole('heading', { name: 'Plan for Filton' })).toBeVisible();
});
