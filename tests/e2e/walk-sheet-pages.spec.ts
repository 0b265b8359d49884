import { syntheticCsv } from '../bench/synthetic-register.ts';
import { expect, expectAccessible, test } from './fixtures.ts';
import type { BrowserMode } from '../helpers/server.ts';

/** Newtown, with a register of 1,500 electors in one polling district (AA). */
async function newtown(app: BrowserMode) {
  const call = async (method: string, input: unknown) => (await app.call(method, input)).body.value;
  const area = await call('areas.create', { name: 'Newtown', kind: 'ward', nation: 'england', electorate: null, classification: null });
  const text = syntheticCsv(1_500);
  const { fileId } = await call('uploads.begin', { name: 'register.csv', size: text.length });
  await call('uploads.append', { fileId, text });
  const preview = await call('register.importPreview', { fileId });
  await call('register.importStart', { fileId, areaId: area.id, mapping: preview.mapping });
  await expect.poll(async () => (await call('register.listDistricts', { areaId: area.id }))?.length, { timeout: 60_000 }).toBe(1);
  return { call, area };
}

test('a 1,500-elector district’s walk sheet is shown a page at a time: street headings, next page, go to a street, find an elector', async ({ page, app }) => {
  test.setTimeout(180_000);
  const { area } = await newtown(app);

  // The screen asks the server for the page it shows: one page's electors, with the district's totals.
  const sheets: { input: { page?: number }; electors: number; paging: { electors: number } }[] = [];
  page.on('response', async (r) => {
    if (!r.url().endsWith('/api/register.getWalkSheet')) return;
    const { value } = await r.json();
    const electors = value.households.reduce((n: number, h: { electors: unknown[] }) => n + h.electors.length, 0);
    sheets.push({ input: r.request().postDataJSON(), electors, paging: value.paging });
  });
  await page.goto(`${app.origin}/#/register/${area.id}/walk-sheet`);
  await expect(page.getByRole('heading', { name: 'Walk sheet: Newtown, polling district AA' })).toBeVisible();
  await expect(page.getByText('750 households, 1,500 electors.')).toBeVisible();
  await expect.poll(() => sheets.length).toBeGreaterThan(0);
  for (const sheet of sheets) {
    expect(sheet.input).toMatchObject({ pollingDistrict: 'AA', page: 1 });
    expect(sheet.electors).toBeGreaterThan(150);
    expect(sheet.electors).toBeLessThanOrEqual(200);
    expect(sheet.paging.electors).toBe(1_500);
  }
  const nav = page.getByRole('navigation', { name: 'Walk sheet pages', exact: true });
  await expect(nav.getByText('Page 1 of 8')).toBeVisible();
  // One page, not the district: well under the 5,000 elements a screen may hold (33,000 before).
  const elements = await page.evaluate(() => document.getElementsByTagName('*').length);
  expect(elements).toBeLessThan(2_500);
  await expect(page.locator('tr.street th').first()).toHaveText(/^High Street — /);
  await expectAccessible(page);
  await page.screenshot({ path: '/tmp/s19-walk-sheet-page1.png' });

  // Next page, from the keyboard: up the odd side on page 1, back down the even side on page 2.
  await expect(page.locator('tr.street th')).toHaveText(['High Street — odd side, 1 up to 199']);
  await nav.getByRole('button', { name: 'Next page →' }).focus();
  await page.keyboard.press('Enter');
  await expect(nav.getByText('Page 2 of 8')).toBeVisible();
  await expect(page.locator('tr.street th')).toHaveText(['High Street — even side, 200 down to 2']);
  expect(await page.evaluate(() => document.getElementsByTagName('*').length)).toBeLessThan(2_500);

  // Straight to a street further on.
  const street = nav.getByLabel('Go to street');
  const option = street.locator('option', { hasText: /^Mill Lane/ }).first();
  const label = (await option.textContent())!;
  const target = Number(/page (\d+)\)$/.exec(label)![1]);
  await street.selectOption({ label });
  await expect(nav.getByText(`Page ${target} of 8`)).toBeVisible();
  await expect(page.locator('tr.street th', { hasText: label.replace(/ \(page \d+\)$/, '') }).first()).toBeVisible();

  // Find an elector on another page (the browser's own find sees only this page).
  await nav.getByLabel('Find elector').fill('AA-1500');
  await nav.getByLabel('Find elector').press('Enter');
  await expect(nav.getByRole('status')).toHaveText(/^1 of 1 match: page \d\.$/);
  const found = /page (\d)\.$/.exec((await nav.getByRole('status').textContent())!)![1];
  expect(found).not.toBe(String(target));
  await expect(nav.getByText(`Page ${found} of 8`)).toBeVisible();
  await expect(page.locator('tr.found')).toContainText('AA-1500');
  await nav.getByLabel('Find elector').fill('Nobody Here');
  await nav.getByLabel('Find elector').press('Enter');
  await expect(nav.getByRole('status')).toHaveText('No elector on this sheet is called or numbered “Nobody Here”.');
  await page.screenshot({ path: '/tmp/s19-walk-sheet-found.png' });
});

test('a walk sheet filtered by voting history keeps its filter from page to page', async ({ page, app }) => {
  test.setTimeout(180_000);
  const { call, area } = await newtown(app);
  // The marked register of the last election: the first 600 electors voted.
  const election = await call('elections.create', { name: 'Council 2024', type: 'local', pollingDay: '2024-05-02', nation: 'england' });
  const contest = await call('contests.create', { electionId: election.id, areaId: area.id, status: 'contesting' });
  const entries = Array.from({ length: 600 }, (_, i) => ({ number: String(i + 1) }));
  const marked = await call('telling.recordBatch', {
    contestId: contest.id,
    pollingDistrict: 'AA',
    source: 'marked_register',
    clientId: 'marked-2024',
    entries,
  });
  expect(marked.recorded).toHaveLength(600);

  await page.goto(`${app.origin}/#/register/${area.id}/walk-sheet?district=AA&voted=1&of=1`);
  const heading = page.getByRole('heading', { name: 'Walk sheet: Newtown, polling district AA (voted in the last election)' });
  await expect(heading).toBeVisible();
  await expect(page.getByText(/, 600 electors\./)).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Walk sheet pages', exact: true });
  await nav.getByRole('button', { name: 'Next page →' }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(page).toHaveURL(/voted=1&of=1/);
  await expect(heading).toBeVisible();
  await expect(page.getByText(/, 600 electors\./)).toBeVisible();
});
