import type { Page } from '@playwright/test';
import { readCsv } from '../../shared/domain/csv.ts';
import type { BrowserMode } from '../helpers/server.ts';
import { downloadedText, expect, expectAccessible, test } from './fixtures.ts';

const REGISTER = [
  'Elector Number Prefix,Elector Number,Elector Number Suffix,Elector Markers,Elector Surname,Elector Forename,Address1,Address2,PostCode',
  'AA,1,,,Smith,John,1 Mill Lane,Newtown,AB1 2CD',
  'AA,2,,,Smith,Jane,1 Mill Lane,Newtown,AB1 2CD',
  'AA,3,,,Brown,Ann,3 Mill Lane,Newtown,AB1 2CD',
  'AA,4,,,Green,Tom,3 Mill Lane,Newtown,AB1 2CD',
  'AA,5,,,Green,Lily,3 Mill Lane,Newtown,AB1 2CD',
  'AA,6,,,Patel,Ravi,"Flat 2, 5 High Street",Newtown,AB1 3CD',
  'AA,7,,,Jones,Sam,"Flat 1, 5 High Street",Newtown,AB1 3CD',
  'AB,1,,,Okafor,Chidi,10 Park Road,Newtown,AB1 4CD',
  'AB,2,,,Okafor,Ada,10 Park Road,Newtown,AB1 4CD',
  'AB,3,,,Ångström,"=HYPERLINK(""http://evil.example"",""Zoë"")","Flat 3, 12 Park Road",Newtown,AB1 4CE',
].join('\r\n');

/** The waiting list's CSV as a spreadsheet reads it, having checked it opens with a byte-order mark and the usual header line. */
async function exportWaiting(page: Page) {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export the waiting list to CSV' }).click();
  await page.getByRole('dialog', { name: 'Export personal data?' }).getByRole('button', { name: 'Export' }).click();
  const text = await downloadedText(download);
  // A byte-order mark, so Excel reads UTF-8; the first seven columns as they always were, then each address line.
  expect(text.split('\r\n')[0]).toBe(
    '\ufeffElector number,Name,Address,Postcode,Polling district,Support,Last canvassed,Address line 1,Address line 2,Address line 3,Address line 4,Address line 5,Address line 6',
  );
  const csv = readCsv(text);
  return { rows: csv.rows.map((r) => r.cells) };
}

/** An area with the register above imported, through the same calls the app makes. */
async function setUp(app: BrowserMode, register = REGISTER) {
  const call = async (method: string, input: unknown) => {
    const r = await app.call(method, input);
    expect(r.body.ok, `${method}: ${JSON.stringify(r.body.error)}`).toBe(true);
    return r.body.value;
  };
  const area = await call('areas.create', { name: 'Newtown East', kind: 'ward', nation: 'england', electorate: null, classification: null });
  const { fileId } = await call('uploads.begin', { name: 'register.csv', size: Buffer.byteLength(register) });
  await call('uploads.append', { fileId, text: register });
  const preview = await call('register.importPreview', { fileId });
  const job = await call('register.importStart', { fileId, areaId: area.id, mapping: preview.mapping });
  await expect.poll(async () => (await call('jobs.get', { jobId: job.jobId })).state, { timeout: 30_000 }).toBe('done');
  const electors = (await call('register.listElectors', { areaId: area.id })).items as { id: number; electorNumber: string }[];
  const idOf = (n: string) => electors.find((e) => e.electorNumber === n)!.id;
  const session = async (heldOn: string, canvassers = '') =>
    (await call('canvass.createSession', { areaId: area.id, pollingDistrict: 'AA', heldOn, canvassers })).id as number;
  const enter = (sessionId: number, n: string, codes: string) => call('canvass.recordReturn', { sessionId, electorId: idOf(n), codes });
  return { call, areaId: area.id as number, idOf, session, enter };
}

test('a volunteer with no elector number on the return finds the household by its address, picks the person and types the codes, all from the keyboard', async ({
  page,
  app,
}) => {
  const { session } = await setUp(app);
  const id = await session('2026-11-20', 'Sam and Ali');
  await page.goto(`${app.origin}/#/canvass/sessions/${id}`);
  const number = page.getByLabel('Elector number');
  const codes = page.getByLabel('Codes');
  const household = page.getByRole('combobox', { name: 'Find a household' });
  await expect(number).toBeFocused();

  // A household of three: its address, Enter, then the third person, Enter, and on to the codes.
  await page.keyboard.press('Shift+Tab');
  await expect(household).toBeFocused();
  await page.keyboard.type('3 mill');
  const households = page.getByRole('listbox', { name: 'Households' });
  await expect(households.getByRole('option')).toHaveText(['3 Mill Lane, Newtown, AB1 2CD · 3 electors']);
  await expect(page.getByText('1 household in polling district AA matches')).toBeVisible();
  await expectAccessible(page);
  await page.keyboard.press('Enter');
  const people = page.getByRole('listbox', { name: 'People at 3 Mill Lane, Newtown' });
  await expect(people.getByRole('option')).toHaveText([/^AA-3 Ann Brown/, /^AA-4 Tom Green/, /^AA-5 Lily Green/]);
  await expect(people.getByRole('option', { selected: true })).toHaveText(/AA-3 Ann Brown/);
  await expect(household).toBeFocused();
  await expectAccessible(page);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(people.getByRole('option', { selected: true })).toHaveText(/AA-5 Lily Green/);
  await page.keyboard.press('Enter');
  await expect(codes).toBeFocused();
  await expect(number).toHaveValue('AA-5');
  await expect(page.locator('.current')).toContainText('Lily Green AA-5 · 3 Mill Lane, Newtown, AB1 2CD');
  await expect(households).toBeHidden();
  await page.keyboard.type('2L');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: /^Saved / })).toHaveText('Saved AA-5 Lily Green: 2L');
  await expect(number).toBeFocused();

  // A household of one goes straight to the codes; Escape walks back out of the list.
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.type('flat 1');
  await page.keyboard.press('Enter');
  await expect(codes).toBeFocused();
  await expect(number).toHaveValue('AA-7');
  await page.keyboard.type('N');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: /^Saved / })).toHaveText('Saved AA-7 Sam Jones: N');

  await page.keyboard.press('Shift+Tab');
  await page.keyboard.type('park road');
  await expect(page.getByText('No household in polling district AA has “park road” in its address or postcode')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(number).toBeFocused();
  await expect(household).toHaveValue('');
  await expect(page.getByRole('row', { name: /AA-5 Lily Green 2L/ })).toBeVisible();
  await expect(page.getByRole('row', { name: /AA-7 Sam Jones N/ })).toBeVisible();
});

test('a coordinator corrects a session’s date and canvassers, then deletes it after being told what goes with it', async ({ page, app }) => {
  const { call, idOf, session, enter } = await setUp(app);
  const first = await session('2026-11-20', 'Sam');
  const second = await session('2026-11-25', 'Priya');
  await enter(first, 'AA-1', '2L');
  await enter(second, 'AA-1', '4');
  await enter(second, 'AA-2', '1J');

  await page.getByRole('link', { name: 'Canvass', exact: true }).click();
  await page.getByRole('link', { name: 'Change or delete the session of Wed 25 Nov 2026' }).click();
  await expect(page.getByRole('heading', { name: 'Change the session' })).toBeVisible();
  await expect(page.getByLabel('Polling district')).toHaveValue('AA');
  await expect(page.getByLabel('Canvassers')).toHaveValue('Priya');
  await expectAccessible(page);

  // A date left empty is refused on its field, and nothing changes.
  await page.getByLabel('Date').fill('');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Enter a date')).toBeVisible();
  expect((await call('canvass.getSession', { id: second })).heldOn).toBe('2026-11-25');
  await expectAccessible(page);

  await page.getByLabel('Date').fill('2026-11-24');
  await page.getByLabel('Canvassers').fill('Priya and Tom');
  await page.getByLabel('Notes').fill('Rain after eight');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('heading', { name: 'Enter returns' })).toBeVisible();
  await expect(page.getByText('Newtown East, polling district AA · Tue 24 Nov 2026 · Priya and Tom')).toBeVisible();
  expect((await call('register.getElector', { id: idOf('AA-1') })).elector.lastCanvassedOn).toBe('2026-11-24');

  // Delete asks first, naming the returns that go with it; Cancel keeps everything.
  await page.getByRole('link', { name: 'Change or delete the session' }).click();
  await page.getByRole('button', { name: 'Delete' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete the canvass session of Tue 24 Nov 2026?' });
  await expect(dialog).toContainText('Its 2 returns (AA-2 Jane Smith, AA-1 John Smith) and everything recorded for them will be deleted too.');
  await expect(dialog).toContainText('The standing of each elector they were for is worked out again from their other returns.');
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  expect((await call('canvass.getSession', { id: second })).returnCount).toBe(2);

  await page.getByRole('button', { name: 'Delete' }).click();
  await dialog.getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByRole('heading', { name: 'Canvassing' })).toBeVisible();
  const sessions = page.getByRole('table').getByRole('row');
  await expect(sessions).toHaveCount(2);
  await expect(sessions.nth(1)).toContainText('Fri 20 Nov 2026');
  // AA-1 stands where the remaining session left them; AA-2 was only in the deleted one.
  await page.goto(`${app.origin}/#/electors/${idOf('AA-1')}`);
  await expect(page.getByRole('table', { name: 'Returns for John Smith' }).getByRole('row')).toHaveCount(2);
  await expect(page.getByRole('definition').filter({ hasText: /^Wants literature$/ })).toBeVisible();
  expect((await call('register.getElector', { id: idOf('AA-1') })).elector).toMatchObject({ latestSupport: '2', lastCanvassedOn: '2026-11-20' });
  expect((await call('register.getElector', { id: idOf('AA-2') })).elector).toMatchObject({ latestOutcome: null, requests: [] });
});

test('a coordinator ticks off the literature posted, sees the waiting list shrink, takes one back, and a new request reopens one', async ({ page, app }) => {
  const { areaId, session, enter } = await setUp(app);
  const id = await session('2026-11-20', 'Sam');
  await enter(id, 'AA-1', '1L');
  await enter(id, 'AA-3', '3L');
  await enter(id, 'AA-6', 'L');
  await enter(id, 'AA-2', '2J');

  // The follow-ups do not wait for the tallies (held back here): both lists show, and the district
  // choice gets its districts once the tallies come.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/canvass.getTallies', async (route) => (await held, route.continue()));
  await page.goto(`${app.origin}/#/canvass/tallies/${areaId}`);
  const counts = page.locator('.follow-counts [role=status]');
  await expect(counts).toHaveText('3 still waiting · 0 done');
  const waiting = page.getByRole('form', { name: 'Still waiting: literature' }).getByRole('table');
  await expect(waiting.getByRole('row')).toHaveCount(4);
  await expect(page.getByText('None ticked off yet.')).toBeVisible();
  await expect(page.getByRole('table', { name: 'By polling district' })).toHaveCount(0);
  release();
  await expect(page.getByRole('table', { name: 'By polling district' })).toBeVisible();
  await expect(page.getByLabel('Polling district').getByRole('option')).toHaveText(['All districts', 'AA', 'AB']);
  await page.unroute('**/api/canvass.getTallies');
  await expectAccessible(page);

  // Nothing ticked: told what to do, nothing written.
  await page.getByRole('button', { name: 'Mark as done' }).click();
  await expect(page.getByText('Tick the electors you have dealt with first.')).toBeVisible();

  // A day still to come is refused on its field.
  await page.getByRole('checkbox', { name: 'Choose AA-1 John Smith' }).check();
  await page.getByLabel('Done on').fill('2099-01-01');
  await page.getByRole('button', { name: 'Mark as done' }).click();
  await expect(page.getByText('Give the day it was done: this date is still to come')).toBeVisible();
  await expect(counts).toHaveText('3 still waiting · 0 done');

  // Two posted on Sunday: they leave the waiting list for the done list.
  await page.getByRole('checkbox', { name: 'Choose AA-6 Ravi Patel' }).press('Space');
  await page.getByLabel('Done on').fill('2026-11-22');
  await page.getByLabel('Note (optional)').fill('Posted second class');
  await page.getByRole('button', { name: 'Mark as done' }).click();
  await expect(page.getByText('2 electors ticked off as done: no longer waiting.')).toBeVisible();
  await expect(counts).toHaveText('1 still waiting · 2 done');
  await expect(waiting.getByRole('row')).toHaveCount(2);
  await expect(waiting).toContainText('Ann Brown');
  const done = page.getByRole('table', { name: 'Done' });
  await expect(done.getByRole('row', { name: /AA-1 John Smith Sun 22 Nov 2026 .* Posted second class/ })).toBeVisible();
  await expect(done.getByRole('row', { name: /AA-6 Ravi Patel Sun 22 Nov 2026/ })).toBeVisible();
  await expectAccessible(page);

  // The CSV is of those still waiting.
  const csv = await exportWaiting(page);
  expect(csv.rows).toEqual([['AA-3', 'Ann Brown', '3 Mill Lane, Newtown', 'AB1 2CD', 'AA', '3', '2026-11-20', '3 Mill Lane', 'Newtown', '', '', '', '']]);

  // Ticked off by mistake: back on the list.
  await done.getByRole('button', { name: 'Undo: put AA-6 Ravi Patel back on the waiting list' }).click();
  await expect(page.getByText('AA-6 Ravi Patel is waiting again.')).toBeVisible();
  await expect(counts).toHaveText('2 still waiting · 1 done');

  // John asks again on the doorstep the next day: waiting again, and the list says so.
  await enter(await session('2026-11-23'), 'AA-1', 'L');
  await page.reload();
  await expect(counts).toHaveText('3 still waiting · 0 done');
  await expect(waiting.getByRole('row', { name: /John Smith · asked again since it was done on Sun 22 Nov 2026/ })).toBeVisible();
  await expectAccessible(page);

  // Another kind of request has its own list.
  await page.getByLabel('Who asked for').selectOption('join');
  await expect(counts).toHaveText('1 still waiting · 0 done');
  await expect(page.getByRole('heading', { name: 'Still waiting: join' })).toBeVisible();
});

test.describe('on a slow server', () => {
  test.use({ serverEnv: { HUSTINGS_TEST_DELAY_MS: '100-200' } });

  test('a fast volunteer types return after return without waiting, and every return lands on the elector it was typed for', async ({ page, app }) => {
    const { call, session } = await setUp(app);
    const id = await session('2026-11-20', 'Sam');
    await page.goto(`${app.origin}/#/canvass/sessions/${id}`);
    const number = page.getByLabel('Elector number');
    // Walk order: 5 High Street (AA-7, AA-6), then 1 and 3 Mill Lane (AA-1 to AA-5).
    await expect(number).toHaveValue('AA-7');
    await expect(number).toBeFocused();

    // The papers as they come off the clipboard: a number (or none: the walk's next), codes, maybe a note.
    const papers = [
      { number: 'AA-1', codes: '2L' },
      { number: 'AA-3', codes: '1J', note: 'Wants to deliver' },
      { number: '', codes: '4' }, // no number typed: the walk's next after AA-3 is AA-4
      { number: '7', codes: 'N' }, // a bare number, read in this session's district
      { number: '', codes: '3P' }, // the walk's next after AA-7 is AA-6
      { number: 'AA-5', codes: '5' },
      { number: 'aa-2', codes: 'r' },
    ];
    const expected = ['AA-1 2L', 'AA-3 1J Wants to deliver', 'AA-4 4', 'AA-7 N', 'AA-6 3P', 'AA-5 5', 'AA-2 R'];
    // Typed straight on, never waiting for a save: typing a number replaces the chosen one; Tab alone accepts it.
    for (const p of papers) {
      await page.keyboard.type(p.number);
      await page.keyboard.press('Tab');
      await page.keyboard.type(p.codes);
      if (p.note) {
        await page.keyboard.press('Tab');
        await page.keyboard.type(p.note);
      }
      await page.keyboard.press('Enter');
    }

    const stored = async () =>
      ((await call('canvass.listRecent', { sessionId: id, limit: 50 })) as { electorNumber: string; codes: string; note: string }[])
        .reverse()
        .map((r) => `${r.electorNumber} ${r.codes}${r.note ? ` ${r.note}` : ''}`);
    await expect.poll(stored, { timeout: 20_000 }).toEqual(expected);
    // The screen ends ready for the next paper: the walk's next after AA-2, nothing left in the fields, no error.
    await expect(number).toHaveValue('AA-3');
    await expect(number).toBeFocused();
    await expect(page.getByLabel('Codes')).toHaveValue('');
    await expect(page.getByLabel('Note (optional)')).toHaveValue('');
    await expect(page.getByRole('alert')).toHaveCount(0);
    await expect(page.getByRole('status').filter({ hasText: /^Saved / })).toHaveText('Saved AA-2 Jane Smith: R');
    expect(await stored()).toEqual(expected);
  });

  test('boxes ticked while an earlier batch is being marked done stay ticked', async ({ page, app }) => {
    const { areaId, session, enter } = await setUp(app);
    const id = await session('2026-11-20', 'Sam');
    for (const n of ['AA-1', 'AA-3', 'AA-6']) await enter(id, n, 'L');
    await page.goto(`${app.origin}/#/canvass/tallies/${areaId}`);
    await expect(page.locator('.follow-counts [role=status]')).toHaveText('3 still waiting · 0 done');

    await page.getByRole('checkbox', { name: 'Choose AA-1 John Smith' }).check();
    await page.getByRole('button', { name: 'Mark as done' }).click();
    // Ticked before the answer came.
    await page.getByRole('checkbox', { name: 'Choose AA-3 Ann Brown' }).check();
    await expect(page.getByText('1 elector ticked off as done: no longer waiting.')).toBeVisible();
    await expect(page.getByRole('checkbox', { name: 'Choose AA-3 Ann Brown' })).toBeChecked();
    await expect(page.getByRole('group', { name: 'Mark the chosen as done (1 chosen)' })).toBeVisible();
  });
});

test('the follow-up CSV keeps accented names whole, gives each address line its own column and never runs a name as a formula', async ({ page, app }) => {
  const { areaId, session, enter } = await setUp(app);
  const id = await session('2026-11-20', 'Sam');
  await enter(id, 'AA-6', '2L');
  await enter(id, 'AB-3', 'L');

  await page.goto(`${app.origin}/#/canvass/tallies/${areaId}`);
  await expect(page.locator('.follow-counts [role=status]')).toHaveText('2 still waiting · 0 done');
  const csv = await exportWaiting(page);
  expect(csv.rows).toEqual([
    ['AA-6', 'Ravi Patel', 'Flat 2, 5 High Street, Newtown', 'AB1 3CD', 'AA', '2', '2026-11-20', 'Flat 2, 5 High Street', 'Newtown', '', '', '', ''],
    // The register's name is kept, with a ' in front so a spreadsheet shows it rather than running it.
    [
      'AB-3',
      `'=HYPERLINK("http://evil.example","Zoë") Ångström`,
      'Flat 3, 12 Park Road, Newtown',
      'AB1 4CE',
      'AB',
      '',
      '2026-11-20',
      'Flat 3, 12 Park Road',
      'Newtown',
      '',
      '',
      '',
      '',
    ],
  ]);
});

test('a paper from another polling district is asked about, then entered, and the walk comes back; a second return for the same elector is pointed out', async ({
  page,
  app,
}) => {
  const { call, session } = await setUp(app);
  const id = await session('2026-11-20', 'Sam');
  const names = page.waitForResponse('**/api/register.listNames');
  await page.goto(`${app.origin}/#/canvass/sessions/${id}`);
  const number = page.getByLabel('Elector number');
  const codes = page.getByLabel('Codes');
  await expect(number).toHaveValue('AA-7');

  // A number of the session's district shows its name from the district's names, fetched when the
  // screen opened, before the server's lookup (held back here) answers; the address follows it.
  await names;
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/register.getByNumber', async (route) => (await held, route.continue()));
  await page.keyboard.type('3');
  await page.keyboard.press('Tab');
  await expect(page.locator('.current')).toContainText('Ann Brown AA-3 · …');
  release();
  await expect(page.locator('.current')).toContainText('Ann Brown AA-3 · 3 Mill Lane');
  await expect(codes).toBeFocused();
  await page.unroute('**/api/register.getByNumber');
  await page.reload();
  await expect(number).toHaveValue('AA-7');
  await expect(number).toBeFocused();

  // AB-1 in an AA session (not among the district's names: the server's lookup finds it): said, and asked; nothing moves on until the volunteer answers.
  await page.keyboard.type('AB-1');
  await page.keyboard.press('Tab');
  const question = page.getByRole('alert').filter({ hasText: 'AB-1 Chidi Okafor is in polling district AB, not this session’s AA.' });
  await expect(question).toBeVisible();
  await expect(number).toBeFocused();
  await expectAccessible(page);
  await page.keyboard.press('Enter');
  await expect(codes).toBeFocused();
  await expect(question).toBeHidden();
  await page.keyboard.type('2L');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: /^Saved / })).toHaveText('Saved AB-1 Chidi Okafor: 2L');
  // The walk carries on in AA where it was, not in AB.
  await expect(number).toHaveValue('AA-7');
  await expect(number).toBeFocused();

  // A code the session does not know: the error goes as soon as the codes are put right.
  await page.keyboard.press('Tab');
  await page.keyboard.type('Q');
  await page.keyboard.press('Enter');
  const error = page.locator('p.error[role=alert]');
  await expect(error).toBeVisible();
  await page.keyboard.press('Backspace');
  await page.keyboard.type('1');
  await expect(error).toBeHidden();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: /^Saved / })).toHaveText('Saved AA-7 Sam Jones: 1');
  await expect(number).toHaveValue('AA-6');

  // The same elector again in this session: saved, and said.
  await page.keyboard.type('AA-7');
  await page.keyboard.press('Tab');
  // Their standing reads as words, not the code.
  await expect(page.locator('.current')).toContainText('support: Certain to support us');
  await page.keyboard.type('N');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toHaveText(
    'AA-7 Sam Jones already has a return in this session (1): this is a second one. Ctrl+Z undoes it if it was a slip.',
  );
  await expectAccessible(page);
  expect((await call('canvass.getSession', { id })).returnCount).toBe(3);

  // Typing the right number instead answers the question too.
  await page.keyboard.type('AB-2');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('alert').filter({ hasText: 'AB-2 Ada Okafor is in polling district AB' })).toBeVisible();
  await page.keyboard.type('AA-2');
  await page.keyboard.press('Tab');
  await expect(codes).toBeFocused();
  await expect(page.getByRole('alert').filter({ hasText: 'polling district AB' })).toHaveCount(0);
});

test('a volunteer coming back to a session starts where they stopped, undoes this sitting’s returns freely and puts one back, and is asked before undoing an earlier sitting’s', async ({
  page,
  app,
}) => {
  const { call, session, enter } = await setUp(app);
  const id = await session('2026-11-20', 'Sam');
  // Last week's sitting: the first two of the walk.
  await enter(id, 'AA-7', '2');
  await enter(id, 'AA-6', 'N');

  await page.goto(`${app.origin}/#/canvass/sessions/${id}`);
  const number = page.getByLabel('Elector number');
  const saved = page.getByRole('status').filter({ hasText: /^(Saved|Undone)/ });
  // Where they stopped: the walk's next after AA-6.
  await expect(number).toHaveValue('AA-1');
  await expect(number).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.type('3');
  await page.keyboard.press('Enter');
  await expect(saved).toHaveText('Saved AA-1 John Smith: 3');

  // This sitting's return: undone at once, and put back with Ctrl+Y.
  await page.keyboard.press('Control+z');
  await expect(saved).toHaveText('Undone: AA-1 John Smith 3. Ctrl+Y puts it back.');
  await expect(number).toHaveValue('AA-1');
  await page.keyboard.press('Control+y');
  await expect(saved).toHaveText('Saved AA-1 John Smith: 3');
  await expect(number).toHaveValue('AA-2');
  await page.keyboard.press('Control+z');
  await expect(saved).toHaveText(/^Undone: AA-1/);

  // Last week's: asked first; Cancel keeps it.
  await page.keyboard.press('Control+z');
  const dialog = page.getByRole('dialog', { name: 'Undo a return from before?' });
  await expect(dialog).toContainText('AA-6 Ravi Patel (N) was entered before you opened this screen');
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(number).toBeFocused();
  expect((await call('canvass.getSession', { id })).returnCount).toBe(2);
  await page.keyboard.press('Control+z');
  await dialog.getByRole('button', { name: 'Undo it' }).click();
  await expect(saved).toHaveText('Undone: AA-6 Ravi Patel N. Ctrl+Y puts it back.');
  expect((await call('canvass.listRecent', { sessionId: id })).map((r: { codes: string }) => r.codes)).toEqual(['2']);

  // Opened again: the walk's next after the latest return left, AA-7.
  await page.reload();
  await expect(number).toHaveValue('AA-6');
});

test('in a whole-area session of an area with one polling district, a bare number is read there', async ({ page, app }) => {
  const { call, areaId } = await setUp(
    app,
    REGISTER.split('\r\n')
      .filter((l) => !l.startsWith('AB,'))
      .join('\r\n'),
  );
  const id = (await call('canvass.createSession', { areaId, heldOn: '2026-11-20' })).id;
  await page.goto(`${app.origin}/#/canvass/sessions/${id}`);
  const number = page.getByLabel('Elector number');
  await expect(number).toHaveValue('AA-7');
  await page.keyboard.type('3');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Codes')).toBeFocused();
  await expect(page.locator('.current')).toContainText('Ann Brown AA-3');
  await page.keyboard.type('2');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: /^Saved / })).toHaveText('Saved AA-3 Ann Brown: 2');
});
