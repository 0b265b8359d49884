import { downloadedText, expect, expectAccessible, test } from './fixtures.ts';

const HEADINGS = 'Elector Number Prefix,Elector Number,Elector Number Suffix,Elector Markers,Elector Surname,Elector Forename,Address1,Address2,PostCode';
const PEOPLE = ['Smith,John', 'Smith,Jane', 'Brown,Ann', 'Green,Tom', 'Patel,Ravi', 'Jones,Sam', 'Okafor,Chidi', 'Okafor,Ada', 'Lee,David', 'Khan,Aisha', 'Evans,Rhys', 'Wood,Beth'];

/** 24 electors in two polling districts, two a house, as a council would export them (BOM, CRLF). */
function register(): string {
  const lines = [HEADINGS];
  for (let i = 0; i < 24; i++) {
    const district = i < 16 ? 'AA' : 'AB';
    const n = i < 16 ? i + 1 : i - 15;
    const house = Math.floor(i / 2) + 1;
    const street = i < 16 ? 'Mill Lane' : 'Park Road';
    lines.push(`${district},${n},,,${PEOPLE[i % PEOPLE.length]},"${house} ${street}","Newtown, Kent",AB1 ${(house % 9) + 1}CD`);
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}


test('a volunteer imports the register, types twenty returns from the keyboard, undoes one, reads the tallies, exports a follow-up list and prints a walk sheet', async ({ page, app }) => {
  await app.call('areas.create', { name: 'Newtown East', kind: 'ward', nation: 'england', electorate: null, classification: null });
  await page.getByRole('link', { name: 'Register' }).click();
  await expect(page.getByRole('heading', { name: 'No register yet' })).toBeVisible();
  await expectAccessible(page);

  // Import with the column-mapping step and the job's progress.
  await page.getByRole('link', { name: 'Import a register' }).first().click();
  await page.getByLabel('Area').selectOption({ label: 'Newtown East' });
  await page.getByLabel('Register CSV file').setInputFiles({ name: 'newtown.csv', mimeType: 'text/csv', buffer: Buffer.from(register()) });
  await expect(page.getByLabel('Elector number', { exact: true })).toHaveValue('1');
  await expect(page.getByLabel('Surname')).toHaveValue('4');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByText('Imported 24 electors in 12 households.')).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('link', { name: 'See the electors' }).click();
  await expect(page.getByText('24 electors, in walk order.')).toBeVisible();
  await page.getByLabel('Search electors').fill('okafor');
  await expect(page.getByText('4 electors, in walk order.')).toBeVisible();
  await expectAccessible(page);

  // A session for polling district AA, then speed entry.
  await page.getByRole('link', { name: 'Canvass', exact: true }).click();
  await page.getByLabel('Area').selectOption({ label: 'Newtown East' });
  await page.getByLabel('Polling district').selectOption('AA');
  await page.getByLabel('Date').fill('2026-11-20');
  await page.getByLabel('Canvassers').fill('Sam and Ali');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Start entering returns' }).click();
  const number = page.getByLabel('Elector number');
  await expect(number).toHaveValue('AA-1');
  await expect(number).toBeFocused();
  await expectAccessible(page);

  // Twenty returns: [elector number to jump to, or null to take the next in walk order, codes].
  const returns: [string | null, string][] = [
    [null, '1L'], [null, '2'], [null, 'N'], [null, 'N'], [null, '3'], [null, 'R'], [null, '1J'], [null, '5'],
    ['12', '2P'], [null, 'N'], [null, '4'], [null, '1V'], ['2', 'N'], [null, '1W'], ['16', 'M'], ['15', '3'],
    ['3', '1J'], ['4', '2L'], ['5', 'X'], ['6', 'Z'],
  ];
  let keystrokes = 0;
  let numberKeys = 0;
  const press = async (key: string) => {
    keystrokes++;
    await page.keyboard.press(key);
  };
  const type = async (text: string) => {
    for (const ch of text) await press(ch);
  };
  for (const [jump, codes] of returns) {
    if (jump) {
      await type(jump);
      numberKeys += jump.length;
    }
    const who = await number.inputValue();
    await press('Tab');
    await expect(page.getByLabel('Codes')).toBeFocused();
    await type(codes);
    await press('Enter');
    await expect(page.getByRole('status').filter({ hasText: /^Saved / })).toContainText(`Saved ${jump ? `AA-${jump}` : who} `);
    await expect(number).toBeFocused();
  }
  expect(keystrokes).toBeLessThanOrEqual(numberKeys + 4 * returns.length);
  await expect(page.getByRole('row', { name: /AA-6 .* Z/ })).toBeVisible();

  // Undo the last one (AA-6 “do not contact”) from the keyboard.
  await press('Control+z');
  await expect(page.getByText(/^Undone: AA-6 /)).toBeVisible();
  await expect(number).toHaveValue('AA-6');
  await expect(page.getByRole('row', { name: /AA-6 .* Z/ })).toHaveCount(0);

  // The codes are the user's: the editor refuses a clash, field by field.
  await page.getByRole('link', { name: 'Canvass', exact: true }).click();
  await page.getByRole('link', { name: 'Canvass codes' }).click();
  await page.getByLabel('Wants a poster').fill('I');
  await page.getByRole('button', { name: 'Save codes' }).click();
  await expect(page.getByText('I is also the code for In')).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Wants a poster').fill('P');
  await page.getByRole('button', { name: 'Save codes' }).click();
  await expect(page.getByText('Codes saved.')).toBeVisible();

  // Tallies with the chart, then the follow-up list and its CSV.
  await page.getByRole('link', { name: 'Canvass', exact: true }).click();
  await page.getByRole('link', { name: 'Tallies and follow-ups' }).click();
  await expect(page.getByRole('heading', { name: 'Tallies and follow-ups' })).toBeVisible();
  await page.getByLabel('Area').selectOption({ label: 'Newtown East' });
  // 13 electors canvassed (AA-2…AA-5 twice), 9 of them spoken to; AA-6's undone “Z” leaves “refused”.
  await expect(page.getByText('13 (54.2%)')).toBeVisible();
  await expect(page.getByText('69.2% (9 spoken to)')).toBeVisible();
  await expect(page.getByRole('img', { name: /^Support: Certain to support us 3 \(30%\), Leaning to us 3 \(30%\), Undecided 2 \(20%\)/ })).toBeVisible();
  await expect(page.getByRole('row', { name: 'AA 16 13 69.2% 3 3 2 1 1 2 1 1 2 1' })).toBeVisible();
  await expect(page.getByRole('row', { name: /^AB 8 0 0%/ })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Who asked for').selectOption('join');
  await expect(page.getByText('2 still waiting · 0 done')).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export the waiting list to CSV' }).click();
  await page.getByRole('dialog', { name: 'Export personal data?' }).getByRole('button', { name: 'Export' }).click();
  const csv = await downloadedText(download);
  expect(csv.split('\r\n')[0]).toMatch(/^\ufeffElector number,Name,Address,Postcode,Polling district,Support,Last canvassed,Address line 1,/);
  expect(csv).toContain('AA-3,Ann Brown,"2 Mill Lane, Newtown, Kent",AB1 3CD,AA,1,2026-11-20,2 Mill Lane,"Newtown, Kent",,,,');

  // An elector's page with history, and the household view.
  await page.getByRole('link', { name: 'Ann Brown' }).click();
  await expect(page.getByRole('heading', { name: 'Ann Brown' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Returns for Ann Brown' })).toContainText('1J');
  await expectAccessible(page);
  await page.getByRole('link', { name: /2 Mill Lane/ }).click();
  await expect(page.getByRole('table', { name: 'Electors at this address' })).toContainText('Tom Green');
  await expectAccessible(page);

  // A walk sheet for AA, printed on A4.
  await page.goto(`${app.origin}/#/register/1/walk-sheet?district=AA`);
  await expect(page.getByRole('heading', { name: 'Walk sheet: Newtown East, polling district AA' })).toBeVisible();
  await expect(page.getByText('8 households, 15 electors.')).toBeVisible();
  await expectAccessible(page);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: 'Print walk sheet' })).toBeHidden();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
});
