import { readFileSync } from 'node:fs';
import { expect, expectAccessible, test } from './fixtures.ts';

const CONSTITUENCIES = readFileSync(new URL('../fixtures/uk-parliament-constituencies-2024-electorate.csv', import.meta.url), 'utf8');

type App = { call(m: string, i: unknown): Promise<{ status: number; body: any }> };

/** Seeds over HTTP and returns the value, failing loudly on an error. */
async function seed(app: App, method: string, input: unknown): Promise<any> {
  const r = await app.call(method, input);
  if (!r.body.ok) throw new Error(`${method}: ${r.body.error.message}`);
  return r.body.value;
}

/** The 650 seats of 2024, imported as the app's own constituencies file is (its faults decided). */
async function importConstituencies(app: App) {
  await seed(app, 'areas.import', {
    csv: CONSTITUENCIES,
    kind: 'constituency',
    defaultNation: 'england',
    mapping: { name: 'PCON25NM', gssCode: 'PCON25CD', electorate: 'Electorate' },
    decisions: { 159: 'skip', 240: 'skip', 575: 'import-without-code' },
  });
}

test('a coordinator considers every Welsh seat at once, compares them under Where to stand, and undoes it', async ({ page, app }) => {
  await importConstituencies(app);
  await seed(app, 'elections.create', { name: 'General election 2029', type: 'uk-parliament', pollingDay: '2029-05-03', nation: 'england' });

  await page.getByRole('link', { name: 'Elections', exact: true }).click();
  await page.getByRole('link', { name: 'General election 2029' }).click();
  const panel = page.getByRole('region', { name: 'Consider all constituency areas at once' });
  await expect(panel.getByRole('status')).toHaveText('650 areas match.');
  await panel.getByLabel('Nation').selectOption({ label: 'Wales' });
  await expect(panel.getByRole('status')).toHaveText('32 areas match.');
  await expectAccessible(page);
  await panel.getByRole('button', { name: 'Consider these 32 areas' }).click();
  await expect(panel.getByText('Added 32 contests being considered.')).toBeVisible();
  const contests = page.getByRole('region', { name: 'Contests' }).getByRole('table');
  await expect(contests.getByRole('row')).toHaveCount(33);
  await expect(contests.getByRole('row', { name: /Cardiff North/ })).toContainText('Considering');
  await expect(panel.getByText('32 areas match, of which 32 are already a contest.')).toBeVisible();
  await expect(panel.getByRole('button', { name: /^Consider/ })).toBeDisabled();

  // Every one of them is compared in the planner.
  await page.getByRole('navigation').getByRole('link', { name: 'Where to stand' }).click();
  const compared = page.getByRole('table', { name: 'Contests compared' });
  await expect(compared.getByRole('row')).toHaveCount(33);
  await expect(compared.getByRole('row', { name: /Ynys Môn/ })).toContainText('Considering');

  // A meeting decides on one of them; undoing the batch keeps that one and says why.
  await compared.getByRole('link', { name: 'Cardiff North' }).click();
  await page.getByLabel('Members and sympathisers known in the area').fill('40');
  await page.getByRole('button', { name: 'Save and recalculate' }).click();
  await expect(page.getByRole('heading', { name: /^Verdict:/ })).toBeVisible();
  await page.getByRole('link', { name: 'Elections', exact: true }).click();
  await page.getByRole('link', { name: 'General election 2029' }).click();
  await panel.getByRole('button', { name: 'Undo: remove the 32 contests in Wales' }).click();
  await expect(panel.getByRole('status').last()).toHaveText(
    'Removed 31 contests from General election 2029. 1 was kept because it has gained data since: Cardiff North (a plan). Delete it one by one if you are sure.',
  );
  await expect(contests.getByRole('row')).toHaveCount(2);
  await expect(contests.getByRole('row', { name: /Cardiff North/ })).toBeVisible();
  await expectAccessible(page);

  // Then the seats of one English region, chosen from the regions the election's areas are in.
  await panel.getByLabel('Nation').selectOption({ label: 'Every nation' });
  await expect(panel.getByLabel('Region').locator('option')).toHaveText([
    'Every region',
    'East Midlands',
    'East of England',
    'London',
    'North East',
    'North West',
    'Northern Ireland',
    'Scotland',
    'South East',
    'South West',
    'Wales',
    'West Midlands',
    'Yorkshire and The Humber',
  ]);
  await panel.getByLabel('Region').selectOption({ label: 'North East' });
  await expect(panel.getByRole('status').first()).toHaveText('27 areas match.');
  await panel.getByRole('button', { name: 'Consider these 27 areas' }).click();
  await expect(panel.getByText('Added 27 contests being considered.')).toBeVisible();
  await expect(contests.getByRole('row')).toHaveCount(29);
  await expect(contests.getByRole('row', { name: /Hexham/ })).toContainText('Considering');
  await expect(panel.getByRole('button', { name: 'Undo: remove the 27 contests in the North East region' })).toBeVisible();
});

test('a district council election offers every one of its wards, and no Westminster seat', async ({ page, app }) => {
  await importConstituencies(app);
  const wards = ['Name', ...Array.from({ length: 520 }, (_, n) => `Ward ${String(n + 1).padStart(3, '0')}`)].join('\n');
  await seed(app, 'areas.import', { csv: wards, kind: 'ward', defaultNation: 'england', mapping: { name: 'Name' } });
  await seed(app, 'elections.create', { name: 'District council 2027', type: 'local', pollingDay: '2027-05-06', nation: 'england' });

  await page.getByRole('link', { name: 'Elections', exact: true }).click();
  await page.getByRole('link', { name: 'District council 2027' }).click();
  await expect(page.getByText('520 ward or division areas to choose from')).toBeVisible();
  const area = page.getByLabel('Area', { exact: true });
  await expect(area.getByRole('option')).toHaveCount(521);
  await expect(area.getByRole('option', { name: /Aldershot/ })).toHaveCount(0);
  await area.selectOption({ label: 'Ward 520 (— electors)' });
  await page.getByRole('button', { name: 'Add contest' }).click();
  await expect(page.getByRole('row', { name: /Ward 520/ })).toContainText('Considering');
  await expect(page.getByText('519 ward or division areas to choose from')).toBeVisible();
  await expectAccessible(page);
});
