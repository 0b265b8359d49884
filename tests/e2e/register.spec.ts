import type { Page } from '@playwright/test';
import { downloadedText, expect, expectAccessible, test } from './fixtures.ts';

const HEADINGS = 'Elector Number Prefix,Elector Number,Elector Number Suffix,Elector Markers,Elector Surname,Elector Forename,Address1,Address2,PostCode';
const PEOPLE = [
  'Smith,John',
  'Smith,Jane',
  'Brown,Ann',
  'Green,Tom',
  'Patel,Ravi',
  'Jones,Sam',
  'Okafor,Chidi',
  'Okafor,Ada',
  'Lee,David',
  'Khan,Aisha',
  'Evans,Rhys',
  'Wood,Beth',
];

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

test('a volunteer imports the register, types twenty returns from the keyboard, undoes one, reads the tallies, exports a follow-up list and prints a walk sheet', async ({
  page,
  app,
}) => {
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
    [null, '1L'],
    [null, '2'],
    [null, 'N'],
    [null, 'N'],
    [null, '3'],
    [null, 'R'],
    [null, '1J'],
    [null, '5'],
    ['12', '2P'],
    [null, 'N'],
    [null, '4'],
    [null, '1V'],
    ['2', 'N'],
    [null, '1W'],
    ['16', 'M'],
    ['15', '3'],
    ['3', '1J'],
    ['4', '2L'],
    ['5', 'X'],
    ['6', 'Z'],
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

/** Imports a register CSV through the import page, as a coordinator does. */
async function importThroughPage(page: Page, area: string, name: string, csv: string | Buffer) {
  await page.getByRole('link', { name: 'Register', exact: true }).click();
  await page.getByRole('link', { name: 'Import a register' }).first().click();
  await page.getByLabel('Area').selectOption({ label: area });
  await page.getByLabel('Register CSV file').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.isBuffer(csv) ? csv : Buffer.from(csv) });
  await expect(page.getByRole('heading', { name: '2. Match the columns' })).toBeVisible();
}

test('a partial re-import says how many electors and returns it would remove and asks; applied as notices of alteration it removes nobody', async ({
  page,
  app,
}) => {
  await page.setViewportSize({ width: 1366, height: 850 });
  const area = (await app.call('areas.create', { name: 'Newtown East', kind: 'ward', nation: 'england', electorate: null, classification: null })).body.value;
  await importThroughPage(page, 'Newtown East', 'newtown.csv', register());
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByText('Imported 24 electors in 12 households.')).toBeInViewport();

  // Canvass returns for three AB electors.
  const session = (await app.call('canvass.createSession', { areaId: area.id, heldOn: '2026-11-20', canvassers: 'Sam' })).body.value;
  for (const n of ['AB-1', 'AB-2', 'AB-3']) {
    const e = (await app.call('register.getByNumber', { areaId: area.id, electorNumber: n })).body.value;
    await app.call('canvass.recordReturn', { sessionId: session.id, electorId: e.id, codes: '1' });
  }

  // The AA-only file: the page asks before anything changes, above the fold.
  const aaOnly = register()
    .split('\r\n')
    .filter((l) => !l.startsWith('AB,'))
    .join('\r\n');
  await importThroughPage(page, 'Newtown East', 'aa-only.csv', aaOnly);
  await expect(page.getByLabel('The whole register: it replaces the area’s register, and anyone not in it is removed (you are asked first)')).toBeChecked();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'This would remove 8 electors' })).toBeInViewport();
  await expect(page.getByRole('alert')).toContainText(
    'Importing aa-only.csv would remove 8 electors of Newtown East who are not in it, and 3 canvass returns go with them. Nothing has been changed.',
  );
  await expectAccessible(page);
  expect((await app.call('register.listElectors', { areaId: area.id })).body.value.total).toBe(24);

  await page.getByRole('button', { name: 'Import as notices of alteration instead' }).click();
  await expect(page.getByText('Applied 16 notices of alteration: 0 added, 16 changed, 0 deleted.')).toBeInViewport();
  expect((await app.call('register.listElectors', { areaId: area.id })).body.value.total).toBe(24);
  expect((await app.call('canvass.getSession', { id: session.id })).body.value.returnCount).toBe(3);

  // Confirming the removal of the whole-register import does remove them.
  await importThroughPage(page, 'Newtown East', 'aa-only.csv', aaOnly);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByRole('button', { name: 'Remove 8 electors and import' }).click();
  await expect(page.getByText('Re-imported 16 electors: 16 matched, 0 new, 8 left.')).toBeInViewport();
  expect((await app.call('canvass.getSession', { id: session.id })).body.value.returnCount).toBe(0);
});

test('a notice of alteration adds, deletes and changes only the electors it names', async ({ page, app }) => {
  const area = (await app.call('areas.create', { name: 'Newtown East', kind: 'ward', nation: 'england', electorate: null, classification: null })).body.value;
  await importThroughPage(page, 'Newtown East', 'newtown.csv', register());
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByText('Imported 24 electors in 12 households.')).toBeVisible();
  const before = (await app.call('register.listElectors', { areaId: area.id, limit: 500 })).body.value.items;

  const notice = [
    `${HEADINGS},Change Type`,
    'AA,2,1,,Carter,Liz,"1 Mill Lane","Newtown, Kent",AB1 2CD,A',
    'AA,3,,,Brown,Ann,"2 Mill Lane","Newtown, Kent",AB1 3CD,D',
    'AB,1,,,Okafor-Lee,Chidi,"9 Park Road","Newtown, Kent",AB1 2CD,C',
  ].join('\r\n');
  await importThroughPage(page, 'Newtown East', 'notice-december.csv', notice);
  // The change column is recognised, so the file is taken as notices of alteration.
  await expect(
    page.getByLabel('Notices of alteration, or some electors only: adds, deletes and changes the electors in the file and no one else'),
  ).toBeChecked();
  await expect(page.getByLabel('Change (on notices of alteration)')).toHaveValue('9');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Apply the changes' }).click();
  await expect(page.getByRole('heading', { name: 'This deletes 1 elector' })).toBeVisible();
  await page.getByRole('button', { name: 'Delete 1 elector and apply' }).click();
  await expect(page.getByText('Applied 3 notices of alteration: 1 added, 1 changed, 1 deleted.')).toBeVisible();

  const after = (await app.call('register.listElectors', { areaId: area.id, limit: 500 })).body.value.items;
  const byNumber = (list: any[]) => new Map(list.map((e) => [e.electorNumber, e]));
  const [was, now] = [byNumber(before), byNumber(after)];
  expect(now.size).toBe(24);
  expect(now.has('AA-3')).toBe(false);
  expect(now.get('AA-2/1')).toMatchObject({ fullName: 'Liz Carter' });
  expect(now.get('AB-1')).toMatchObject({ id: was.get('AB-1').id, fullName: 'Chidi Okafor-Lee', street: 'Park Road' });
  for (const [n, e] of was) if (!['AA-3', 'AB-1'].includes(n)) expect(now.get(n)).toEqual(e);
});

test('a register whose polling-district codes have digits imports, and its electors can be looked up', async ({ page, app }) => {
  await app.call('areas.create', { name: 'Greenbank', kind: 'ward', nation: 'england', electorate: null, classification: null });
  const csv = [
    HEADINGS,
    'GB1,1,,,Smith,John,1 Mill Lane,Newtown,AB1 2CD',
    'GB1,2,,,Smith,Jane,1 Mill Lane,Newtown,AB1 2CD',
    'KB2,7,1,,Patel,Ravi,5 High Street,Newtown,AB1 3CD',
  ].join('\r\n');
  await importThroughPage(page, 'Greenbank', 'greenbank.csv', csv);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByText('Imported 3 electors in 2 households.')).toBeVisible();
  await expect(page.getByText('GB1, KB2')).toBeVisible();
  await page.getByRole('link', { name: 'See the electors' }).click();
  await page.getByLabel('Search electors').fill('KB2-7/1');
  await expect(page.getByText('1 elector, in walk order.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Ravi Patel' })).toBeVisible();

  // Canvass entry in polling district GB1: a bare number and a full one.
  await page.getByRole('link', { name: 'Canvass', exact: true }).click();
  await page.getByLabel('Area').selectOption({ label: 'Greenbank' });
  await page.getByLabel('Polling district').selectOption('GB1');
  await page.getByLabel('Date').fill('2026-11-20');
  await page.getByRole('button', { name: 'Start entering returns' }).click();
  const number = page.getByLabel('Elector number');
  await expect(number).toHaveValue('GB1-1');
  await number.fill('2');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Codes')).toBeFocused();
  await page.keyboard.type('1');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: /^Saved / })).toContainText('Saved GB1-2 ');
});

test('a Latin-1 register from an older council system imports with its names as written', async ({ page, app }) => {
  const area = (await app.call('areas.create', { name: 'Newtown East', kind: 'ward', nation: 'england', electorate: null, classification: null })).body.value;
  const csv = [HEADINGS, 'AA,1,,,Ångström,Zoë,"1 Mill Lane","Newtown, Kent",AB1 2CD', 'AA,2,,,Muñoz,José,"1 Mill Lane","Newtown, Kent",AB1 2CD'].join('\r\n');
  await importThroughPage(page, 'Newtown East', 'latin1.csv', Buffer.from(csv, 'latin1'));
  await expect(page.getByText('Its characters were read as Western European (Windows-1252 / Latin-1) text')).toBeVisible();
  await expect(page.getByRole('table', { name: 'The first lines of the file' })).toContainText('Ångström');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByText('Imported 2 electors in 1 household.')).toBeVisible();
  await page.getByRole('link', { name: 'See the electors' }).click();
  await page.getByLabel('Search electors').fill('Ångström');
  await expect(page.getByRole('link', { name: 'Zoë Ångström' })).toBeVisible();
  expect((await app.call('register.getByNumber', { areaId: area.id, electorNumber: 'AA-2' })).body.value.fullName).toBe('José Muñoz');

  // A workbook is not a CSV: said plainly, before anything is sent.
  await page.getByRole('link', { name: 'Register', exact: true }).click();
  await page.getByRole('link', { name: 'Import a register' }).first().click();
  await page
    .getByLabel('Register CSV file')
    .setInputFiles({ name: 'register.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 6, 0]) });
  await expect(page.getByText('register.xlsx is a spreadsheet workbook, not a CSV file.')).toBeVisible();
});
