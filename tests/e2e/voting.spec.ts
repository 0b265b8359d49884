import { readFileSync } from 'node:fs';
import { extractText } from 'unpdf';
import type { Queries } from '../../db/store.ts';
import { withStoreOf } from '../helpers/db.ts';
import { type BrowserMode } from '../helpers/server.ts';
import { addRoom, addStation, setPromiseRule, setSupport } from '../helpers/polling.ts';
import { TWO_DISTRICTS, tellerBatch } from '../helpers/voting.ts';
import { downloadedText, expect, expectAccessible, test } from './fixtures.ts';

test.use({ timezoneId: 'Europe/London' });

/** An area with two districts of ten, this year's local election with a contest, and the 2024 general election. */
async function setUp(app: BrowserMode) {
  const call = async (method: string, input: unknown) => {
    const r = await app.call(method, input);
    if (r.status !== 200) throw new Error(`${method}: ${JSON.stringify(r.body)}`);
    return r.body.value;
  };
  const area = await call('areas.create', { name: 'Newtown East', kind: 'ward', nation: 'england', electorate: null, classification: null });
  const { fileId } = await call('uploads.begin', { name: 'register.csv', size: TWO_DISTRICTS.length });
  await call('uploads.append', { fileId, text: TWO_DISTRICTS });
  const preview = await call('register.importPreview', { fileId });
  await call('register.importStart', { fileId, areaId: area.id, mapping: preview.mapping });
  await expect.poll(async () => (await call('register.listDistricts', { areaId: area.id }))?.length).toBe(2);
  const local = await call('elections.create', { name: 'Newtown council 2026', type: 'local', pollingDay: '2026-05-07', nation: 'england' });
  const general = await call('elections.create', { name: 'General election 2024', type: 'uk-parliament', pollingDay: '2024-07-04', nation: 'england' });
  const contest = await call('contests.create', { electionId: local.id, areaId: area.id, status: 'contesting', reason: '' });
  return { areaId: area.id as number, contestId: contest.id as number, localId: local.id as number, generalId: general.id as number };
}

/** Writes test data beside the running server, as another device on the day would. */
function withDb(app: BrowserMode, write: (db: Queries) => Promise<void>): Promise<void> {
  return withStoreOf(app, write);
}

test('a coordinator imports the absent voters list, sees a bad file refused, and exports the postal vote week list', async ({ page, app }) => {
  const { areaId, contestId } = await setUp(app);
  await withDb(app, (db) => setSupport(db, areaId, { 'AA-1': '1', 'AA-2': '2', 'AA-3': '4', 'AB-1': '1' }));
  await page.goto(`${app.url.split('#')[0]}#/contests/${contestId}/polling-day/absent-voters`);
  await expect(page.getByRole('heading', { name: 'Postal and proxy voters' })).toBeVisible();

  // A file with an unreadable line changes nothing and says which line.
  await page
    .getByLabel('Absent voters list (CSV)')
    .setInputFiles({ name: 'avl.csv', mimeType: 'text/csv', buffer: Buffer.from('Elector Number,AV Type\nAA-1,Postal\nAA-2,Pigeon\n') });
  await expect(page.getByLabel('Absent vote type (postal, proxy, postal proxy)')).toHaveValue('1');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: '1 line of avl.csv cannot be read, so nothing was imported' })).toBeVisible();
  await expect(page.getByRole('table', { name: /Lines that cannot be read/ })).toContainText('"Pigeon" is not an absent vote type');

  await page.getByLabel('Absent voters list (CSV)').setInputFiles({
    name: 'avl.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('PD,Elector No,AV Type\r\nAA,1,Postal\r\nAA,2,Proxy\r\nAA,3,Postal\r\nAB,1,Postal Proxy\r\nAB,42,Postal\r\n'),
  });
  await expect(page.getByLabel('Elector number', { exact: true })).toHaveValue('1');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByText('avl.csv: 4 electors matched (2 postal, 1 proxy, 1 postal proxy); 1 number not on the register.')).toBeVisible();
  await expect(page.getByRole('table', { name: /Numbers not on the register/ })).toContainText('AB-42');
  await page.screenshot({ path: '/tmp/p3-absent-import.png', fullPage: true });

  await page.getByRole('link', { name: 'See the postal vote week list' }).click();
  await expect(page.getByText('No promise rule is set for this contest yet')).toBeVisible();
  await page.getByLabel('1 Certain to support us').check();
  await page.getByLabel('2 Leaning to us').check();
  const list = page.getByRole('table', { name: /supporters? with a postal or proxy vote/ });
  await expect(list.getByRole('row')).toHaveCount(4);
  await expect(list).toContainText('Miller1');
  await expect(list).toContainText('Postal proxy');
  await expect(list).not.toContainText('Miller3');
  await expectAccessible(page);
  await page.screenshot({ path: '/tmp/p3-postal-week.png', fullPage: true });
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  expect((await download).suggestedFilename()).toBe('postal-vote-week-newtown-east.csv');
  const csv = await downloadedText(download);
  expect(csv.split('\r\n').slice(0, 2)).toEqual([
    '\ufeffElector number,Name,Address,Postcode,Polling district,Absent vote,Support',
    'AA-1,Ann Miller1,"1 Mill Lane, Newtown",AB1 2CD,AA,Postal,1',
  ]);
});

test('a volunteer imports the marked register for a district and filters the walk sheet and the knock-up list by voting history', async ({ page, app }) => {
  const { areaId, contestId, localId, generalId } = await setUp(app);
  // This year's tellers have sent AA-1, so two elections are on record.
  await withDb(app, (db) => tellerBatch(db, { electionId: localId, areaId, district: 'AA', receivedAt: '2026-05-07T09:00:00.000Z', numbers: ['AA-1'] }));
  await page.goto(`${app.url.split('#')[0]}#/contests/${contestId}/polling-day/marked-register/import`);
  await page.getByLabel('The election it is for').selectOption(String(generalId));
  await page.getByLabel('Polling district').selectOption('AA');
  await page
    .getByLabel('Marked register (CSV)')
    .setInputFiles({ name: 'marked-AA.csv', mimeType: 'text/csv', buffer: Buffer.from('Number,Marked\n1,X\n2,P\n4,\n99,X\n') });
  await expect(page.getByLabel('How they voted (postal / in person)')).toHaveValue('1');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByText('marked-AA.csv: 3 votes recorded; 1 number not on the register. Districts: AA (3).')).toBeVisible();
  await expect(page.getByRole('table', { name: /Numbers not on the register/ })).toContainText('AA-99');
  await page.screenshot({ path: '/tmp/p3-marked-import.png', fullPage: true });

  await page.getByRole('link', { name: 'Walk sheet by voting history' }).click();
  await expect(page.getByText('10 households, 10 electors.')).toBeVisible();
  await page.getByLabel('Voting history').selectOption({ label: 'Voted in all of the last 2' });
  await expect(page.getByRole('heading', { name: 'Walk sheet: Newtown East, polling district AA (voted in all of the last 2 elections)' })).toBeVisible();
  await expect(page.getByText('1 household, 1 elector.')).toBeVisible();
  await page.getByLabel('Voting history').selectOption({ label: 'Voted in at least 1 of the last 2' });
  await expect(page.getByText('3 households, 3 electors.')).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: '/tmp/p3-walk-sheet-history.png', fullPage: true });
  const pdf = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download PDF for district AA' }).click();
  const text = await extractText(new Uint8Array(readFileSync((await (await pdf).path())!)), { mergePages: true });
  expect(text.text).toContain('Only electors who voted in at least 1 of the last 2 elections on record for the area.');
  expect(text.text).toContain('Ann Miller4');
  expect(text.text).not.toContain('Ann Miller3');

  // The elector's page says what they did.
  await page.goto(`${app.url.split('#')[0]}#/register/${areaId}`);
  await page.getByRole('link', { name: 'Ann Miller2' }).click();
  await expect(page.getByText('Voted: 2024 general (postal); did not vote: 2026 local')).toBeVisible();

  // On the day, the knock-up list narrows to promises who voted last time; today's votes are no history.
  await withDb(app, async (db) => {
    await setSupport(db, areaId, { 'AA-1': '1', 'AA-2': '1', 'AA-3': '1', 'AA-4': '1', 'AA-5': '1' });
    await setPromiseRule(db, contestId, ['1']);
    await addRoom(db, contestId, 'The Crown back room', ['AA']);
  });
  await page.goto(`${app.url.split('#')[0]}#/contests/${contestId}/polling-day/knock-up`);
  const count = page.getByTestId('knock-up-count');
  await expect(count).toHaveText('4 promises still to vote of 5 in AA (1 voted; promises: support 1).');
  await expect(page.getByText('Earlier elections on record: 2024 general')).toBeVisible();
  await page.getByLabel('Voting history').selectOption({ label: 'Voted in the last election' });
  await expect(count).toHaveText(
    '2 promises still to vote who voted in the last election before this one, of 4 still to vote in AA (5 promises, 1 voted; promises: support 1).',
  );
  await expect(page.getByRole('cell', { name: 'Ann Miller2', exact: true })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Ann Miller4', exact: true })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Ann Miller3', exact: true })).toHaveCount(0);
  expect(page.url()).toContain('voted=1&of=1');
  await expectAccessible(page);
  await page.screenshot({ path: '/tmp/k17-knock-up-history.png', fullPage: true });
  const sheets = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Print round 1 (PDF)' }).click();
  const printed = (await extractText(new Uint8Array(readFileSync((await (await sheets).path())!)), { mergePages: true })).text.replace(/\s+/g, ' ');
  expect(printed).toContain('Only promises who voted in the last election before this one on record for the area.');
  expect(printed).toContain('Ann Miller4');
  expect(printed).not.toContain('Ann Miller5');
  // The address keeps the filter: opened again, the list is still the short one.
  await page.reload();
  await expect(count).toContainText('2 promises still to vote who voted in the last election');
});

test('the day at a glance shows turnout by station and by hour, a silent station and promises left per room', async ({ page, app }) => {
  const { areaId, contestId, localId } = await setUp(app);
  await withDb(app, async (db) => {
    await setSupport(db, areaId, { 'AA-1': '1', 'AA-2': '1', 'AA-3': '2', 'AB-1': '1', 'AB-2': '2' });
    await setPromiseRule(db, contestId, ['1', '2']);
    await addStation(db, areaId, 'Mill Lane School', ['AA']);
    await addStation(db, areaId, 'Park Road Hall', ['AB']);
    await addRoom(db, contestId, 'The Crown back room', ['AA', 'AB']);
    await tellerBatch(db, { electionId: localId, areaId, district: 'AA', receivedAt: '2026-05-07T06:40:00.000Z', numbers: ['AA-1', 'AA-5', 'AA-6'] });
    await tellerBatch(db, { electionId: localId, areaId, district: 'AB', receivedAt: '2026-05-07T07:20:00.000Z', numbers: ['AB-1'] });
    await tellerBatch(db, { electionId: localId, areaId, district: 'AA', receivedAt: '2026-05-07T09:05:00.000Z', numbers: ['AA-2', 'AA-7'] });
  });
  await page.goto(`${app.url.split('#')[0]}#/contests/${contestId}/polling-day/glance`);
  await expect(page.getByRole('heading', { name: 'The day at a glance' })).toBeVisible();
  await expect(page.getByText('30.0% (6 of 20)')).toBeVisible();
  await expect(page.getByText('60.0% (3 of 5; 2 still to vote)')).toBeVisible();
  const hours = page.getByRole('table', { name: 'Turnout by hour' });
  await expect(hours.getByRole('row')).toHaveCount(5);
  await expect(hours.getByRole('row').nth(1)).toContainText('07:00–08:00');
  await expect(hours.getByRole('row').nth(1)).toContainText('3');
  await expect(hours.getByRole('row').nth(3)).toContainText('09:00–10:00');
  await expect(hours.getByRole('row').nth(4)).toContainText('10:00–11:00');
  const rooms = page.getByRole('row', { name: /The Crown back room/ });
  await expect(rooms).toContainText('AA, AB');
  await expectAccessible(page);
  await page.screenshot({ path: '/tmp/p3-glance.png', fullPage: true });

  // More numbers arrive; refreshing shows them.
  await withDb(app, (db) => tellerBatch(db, { electionId: localId, areaId, district: 'AB', receivedAt: '2026-05-07T09:30:00.000Z', numbers: ['AB-2'] }));
  await page.getByRole('button', { name: 'Refresh now' }).click();
  await expect(page.getByText('35.0% (7 of 20)')).toBeVisible();
  await expect(page.getByText('80.0% (4 of 5; 1 still to vote)')).toBeVisible();
});
