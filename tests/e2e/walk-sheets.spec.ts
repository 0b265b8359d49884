import { readFileSync } from 'node:fs';
import { extractText } from 'unpdf';
import { walkRegister } from '../helpers/walk-register.ts';
import { expect, expectAccessible, test } from './fixtures.ts';

test('a coordinator opens the walk sheet for one district, switches district and downloads the PDFs', async ({ page, app }) => {
  const call = async (method: string, input: unknown) => (await app.call(method, input)).body.value;
  const area = await call('areas.create', { name: 'Newtown East', kind: 'ward', nation: 'england', electorate: null, classification: null });
  const text = walkRegister();
  const { fileId } = await call('uploads.begin', { name: 'register.csv', size: text.length });
  await call('uploads.append', { fileId, text });
  const preview = await call('register.importPreview', { fileId });
  await call('register.importStart', { fileId, areaId: area.id, mapping: preview.mapping });
  await expect.poll(async () => (await call('register.listDistricts', { areaId: area.id }))?.length).toBe(2);

  // From the register page the link opens one district, never the whole area.
  await page.getByRole('link', { name: 'Register' }).click();
  await page.getByRole('link', { name: 'Walk sheet' }).click();
  await expect(page.getByRole('heading', { name: 'Walk sheet: Newtown East, polling district AA' })).toBeVisible();
  await expect(page.getByText('143 households, 143 electors.')).toBeVisible();
  await expect(page.getByLabel('Polling district')).toHaveValue('AA');
  // On screen in the same walk order as on paper.
  const headings = page.locator('tr.street th');
  await expect(headings).toHaveText([
    'Mill Lane — odd side, 1 up to 9',
    'Mill Lane — even side, 10 down to 2',
    'Acre Road — 2 to 6',
    'Long Street — odd side, 1 up to 129',
    'Long Street — even side, 130 down to 2',
  ]);
  await expect(page.getByRole('option', { name: /All/ })).toHaveCount(0);
  await expectAccessible(page);
  await page.screenshot({ path: 'test-results/walk-sheet-district.png', fullPage: false });

  await page.getByLabel('Polling district').selectOption('AB');
  await expect(page.getByRole('heading', { name: 'Walk sheet: Newtown East, polling district AB' })).toBeVisible();
  await expect(page.getByText('2 households, 3 electors.')).toBeVisible();

  // The district's PDF: its own pages, in walk order, words for results.
  const one = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download PDF for district AB' }).click();
  const ab = await one;
  expect(ab.suggestedFilename()).toBe('walk-sheets-newtown-east-AB.pdf');
  const abText = await extractText(new Uint8Array(readFileSync((await ab.path())!)), { mergePages: false });
  expect(abText.totalPages).toBe(1);
  expect(abText.text[0]).toContain('Walk sheet: Newtown East, polling district AB');
  expect(abText.text[0]).toContain('Page 1 of 1');
  expect(abText.text[0]).toContain('Park Road — houses with names');

  // The whole area: every district, each numbered on its own.
  const all = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download PDF for the whole area' }).click();
  const whole = await extractText(new Uint8Array(readFileSync((await (await all).path())!)), { mergePages: false });
  expect(whole.totalPages).toBe(4);
  expect(whole.text[0]).toContain('Page 1 of 3');
  expect(whole.text[0].indexOf('Mill Lane — odd side, 1 up to 9')).toBeLessThan(whole.text[0].indexOf('Mill Lane — even side, 10 down to 2'));
  expect(whole.text[3]).toContain('polling district AB');
});
