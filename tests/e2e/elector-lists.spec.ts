import { expect, expectAccessible, test } from './fixtures.ts';

const HEADINGS = 'Elector Number Prefix,Elector Number,Elector Number Suffix,Elector Markers,Elector Surname,Elector Forename,Address1,Address2,PostCode';
const STREETS = ['Mill Lane', 'Acre Road', 'High Street'];

/** 1,200 electors, two a house on three streets, listed in the file against walk order. */
function register(): string {
  const lines = [HEADINGS];
  for (let i = 1199; i >= 0; i--) {
    const house = Math.floor(i / 2);
    lines.push(`AA,${i + 1},,,Surname${i + 1},Forename${i + 1},${Math.floor(house / 3) + 1} ${STREETS[house % 3]},Newtown,AB1 ${house % 9}CD`);
  }
  return `${lines.join('\r\n')}\r\n`;
}

test('a data officer scrolls a long register page by page to its end and searches it, the answers in walk order', async ({ page, app }) => {
  await app.call('areas.create', { name: 'Newtown East', kind: 'ward', nation: 'england', electorate: null, classification: null });
  await page.getByRole('link', { name: 'Register' }).click();
  await page.getByRole('link', { name: 'Import a register' }).first().click();
  await page.getByLabel('Area').selectOption({ label: 'Newtown East' });
  await page.getByLabel('Register CSV file').setInputFiles({ name: 'long.csv', mimeType: 'text/csv', buffer: Buffer.from(register()) });
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByText('Imported 1,200 electors in 600 households.')).toBeVisible();
  await page.getByRole('link', { name: 'See the electors' }).click();
  await expect(page.getByText('1,200 electors, in walk order.')).toBeVisible();

  // Walk order: Acre Road first, its houses by number.
  const list = page.getByRole('list', { name: 'Electors' });
  const rows = list.getByRole('listitem');
  await expect(rows.first()).toContainText('1 Acre Road');
  // Only the rows in view are on the page, not 1,200.
  expect(await rows.count()).toBeLessThan(60);

  // Scrolling to the end fetches the pages it passes over: the last elector is at Mill Lane's last house (streets in alphabetical order).
  for (const fraction of [0.3, 0.6, 1]) {
    await list.evaluate((el, f) => (el.scrollTop = el.scrollHeight * f), fraction);
    await expect(list.locator('.virtual-row').filter({ hasText: '…' })).toHaveCount(0);
  }
  await expect(rows.last()).toContainText('200 Mill Lane');
  expect(await rows.count()).toBeLessThan(60);

  // A search: every word the start of a word, answered in walk order.
  await page.getByLabel('Search electors').fill('Forename1077 acre');
  await expect(page.getByText('1 elector, in walk order.')).toBeVisible();
  await page.getByLabel('Search electors').fill('high 2');
  await expect(page.getByText(/^\d+ electors, in walk order\.$/)).toBeVisible();
  // Scrolled to the end of the long list before, the answer shows from its own top.
  await expect(rows.first()).toContainText('1 High Street');
  const addresses = await rows.locator('.addr').allTextContents();
  expect(addresses.length).toBeGreaterThan(1);
  const numbers = addresses.map((a) => Number(a.split(' ')[0]));
  expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
  expect(addresses.every((a) => / High Street/.test(a))).toBe(true);
  await page.getByLabel('Search electors').fill('nobody');
  await expect(page.getByText('No electors match.')).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: test.info().outputPath('electors-search.png') });
});
