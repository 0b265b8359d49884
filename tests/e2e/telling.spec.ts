import type { Page } from '@playwright/test';
import { extractText, getDocumentProxy } from 'unpdf';
import { withStoreOf } from '../helpers/db.ts';
import { addRoom, addStation, setPromiseRule, setSupport } from '../helpers/polling.ts';
import type { BrowserMode } from '../helpers/server.ts';
import { expect, expectAccessible, test } from './fixtures.ts';

const STREETS = ['Mill Lane', 'High Street', 'Church Road'];
/** 80 electors in AA (two a house, three streets) and 10 in AB. */
function register(): string {
  const lines = ['Elector Number Prefix,Elector Number,Elector Number Suffix,Elector Markers,Elector Surname,Elector Forename,Address1,Address2,PostCode'];
  for (let i = 1; i <= 80; i++) lines.push(`AA,${i},,,Voter${i},Alex,${Math.ceil(i / 2)} ${STREETS[Math.floor((i - 1) / 30)]},Newtown,AB1 2CD`);
  for (let i = 1; i <= 10; i++) lines.push(`AB,${i},,,Parker${i},Sam,${i} Park Road,Newtown,AB1 4CD`);
  return lines.join('\r\n');
}

/** An area, its register, a past election's contest, a station, a committee room for AA and promises AA-1…20 and AA-61…70. */
async function setUp(app: BrowserMode) {
  const call = async (method: string, input: unknown) => {
    const r = await app.call(method, input);
    expect(r.body.ok, `${method}: ${JSON.stringify(r.body.error)}`).toBe(true);
    return r.body.value;
  };
  const area = await call('areas.create', { name: 'Newtown East', kind: 'ward', nation: 'england', electorate: null, classification: null });
  const text = register();
  const { fileId } = await call('uploads.begin', { name: 'register.csv', size: Buffer.byteLength(text) });
  await call('uploads.append', { fileId, text });
  const preview = await call('register.importPreview', { fileId });
  const job = await call('register.importStart', { fileId, areaId: area.id, mapping: preview.mapping });
  await expect.poll(async () => (await call('jobs.get', { jobId: job.jobId })).state, { timeout: 30_000 }).toBe('done');
  const election = await call('elections.create', { name: 'Council 2026', type: 'local', pollingDay: '2026-05-07', nation: 'england' });
  const contest = await call('contests.create', { electionId: election.id, areaId: area.id, status: 'contesting' });
  return withStoreOf(app, async (db) => {
    await addStation(db, area.id, 'St Mary’s Church Hall', ['AA']);
    const roomId = await addRoom(db, contest.id, '12 Mill Lane', ['AA']);
    await setPromiseRule(db, contest.id, ['1', '2']);
    const promises: Record<string, string> = {};
    for (let i = 1; i <= 20; i++) promises[`AA-${i}`] = '1';
    for (let i = 61; i <= 70; i++) promises[`AA-${i}`] = '2';
    await setSupport(db, area.id, promises);
    return { call, areaId: area.id as number, contestId: contest.id as number, electionId: election.id as number, roomId };
  });
}

/** Counts the keys the user presses on the page from now on. */
async function countKeys(page: Page) {
  await page.evaluate(() => {
    (window as unknown as { keys: number }).keys = 0;
    window.addEventListener('keydown', (e) => e.isTrusted && (window as unknown as { keys: number }).keys++, true);
  });
  return () => page.evaluate(() => (window as unknown as { keys: number }).keys);
}

const votedIn = async (app: BrowserMode, contestId: number, district: string, electionId?: number) => {
  const r = await app.call('telling.getDistricts', { contestId, electionId });
  return r.body.value.districts.find((d: { pollingDistrict: string }) => d.pollingDistrict === district).voted as number;
};

test('a teller’s slips: 50 numbers typed as digits and Enter, refusals that keep the rhythm, undo, and the knock-up list shrinking to round 2’s sheets', async ({
  page,
  app,
  context,
}) => {
  const { contestId } = await setUp(app);

  // The committee room's list, open in another tab: 30 promises to knock up.
  const knockUp = await context.newPage();
  await knockUp.goto(`${app.origin}/#/contests/${contestId}/polling-day/knock-up`);
  await expect(knockUp.getByTestId('knock-up-count')).toContainText('30 promises still to vote of 30 in AA');
  await expectAccessible(knockUp);

  await page.goto(`${app.origin}/#/contests/${contestId}/polling-day/telling`);
  await page.getByLabel('Polling station (district)').selectOption('AA');
  const number = page.getByLabel('Elector number in AA');
  await expect(number).toBeFocused();
  const keys = await countKeys(page);
  for (let n = 1; n <= 50; n++) {
    await page.keyboard.type(String(n));
    await page.keyboard.press('Enter');
  }
  await expect(page.getByTestId('running-count')).toContainText('This batch: 50 numbers recorded', { timeout: 20_000 });
  await expect(page.getByTestId('waiting')).toHaveText('nothing waiting to send');
  // The digits and Enter, nothing more: 9 one-digit and 41 two-digit numbers, 50 Enters.
  expect(await keys()).toBe(9 * 1 + 41 * 2 + 50);
  await expect(page.getByRole('status').first()).toHaveText('AA-50 Alex Voter50');
  await page.screenshot({ path: '/tmp/p2-telling.png', fullPage: true });
  await expectAccessible(page);

  // Refused without breaking the rhythm: a message, and the cursor stays for the next number.
  await page.keyboard.type('999');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').first()).toHaveText('There is no elector AA-999 on the register');
  await expect(number).toBeFocused();
  await page.keyboard.type('7');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').first()).toHaveText('AA-7 Alex Voter7 has already voted');
  await page.keyboard.type('AB-3');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').first()).toHaveText('AB-3 is not in polling district AA');
  await expect(number).toBeFocused();
  // Undo the last number entered (AA-50), then it can be typed again.
  await page.keyboard.press('Control+z');
  await expect(page.getByRole('status').first()).toHaveText('Undone: AA-50 Alex Voter50');
  await expect.poll(() => votedIn(app, contestId, 'AA')).toBe(49);
  await page.keyboard.type('50');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').first()).toHaveText('AA-50 Alex Voter50');
  await expect.poll(() => votedIn(app, contestId, 'AA')).toBe(50);
  await page.screenshot({ path: '/tmp/p2-telling-refused.png', fullPage: true });

  // The knock-up list, read again: the 20 promises who voted have gone, 10 left.
  await knockUp.getByRole('button', { name: 'Refresh' }).click();
  await expect(knockUp.getByTestId('knock-up-count')).toContainText('10 promises still to vote of 30 in AA (20 voted');
  await expect(knockUp.getByRole('cell', { name: 'Alex Voter3' })).toHaveCount(0);
  const called = knockUp.getByRole('checkbox', { name: 'Alex Voter61 called in round 1' });
  await called.click();
  await expect(called).toBeChecked();
  await expect(knockUp.getByRole('cell', { name: 'R1' })).toHaveCount(1);
  await knockUp.getByRole('spinbutton', { name: 'Round' }).fill('2');
  await knockUp.screenshot({ path: '/tmp/p2-knock-up.png', fullPage: true });
  const download = knockUp.waitForEvent('download');
  await knockUp.getByRole('link', { name: 'Print round 2 (PDF)' }).click();
  const file = await (await download).path();
  const { readFileSync } = await import('node:fs');
  const pdf = await getDocumentProxy(new Uint8Array(readFileSync(file)));
  const { text } = await extractText(pdf, { mergePages: true });
  expect(text).toContain('Knock-up round 2: 12 Mill Lane');
  expect(text).toContain('Church Road (AA)');
  expect(text).toMatch(/Alex Voter61 AA-61 R1/);
  expect(text).not.toContain('Alex Voter3');
  expect(text.match(/Alex Voter\d+/g)).toHaveLength(10);
});

test('numbers typed while the server does not answer wait on the device, survive a reload and are recorded exactly once', async ({ page, app }) => {
  const { contestId } = await setUp(app);
  await page.goto(`${app.origin}/#/contests/${contestId}/polling-day/telling`);
  await page.getByLabel('Polling station (district)').selectOption('AB');
  await expect(page.getByLabel('Elector number in AB')).toBeFocused();
  // The first two reach the server but the answers are lost; the other three never get there.
  let reached = 0;
  await page.route('**/api/telling.recordBatch', async (route) => {
    if (reached < 2) {
      reached++;
      await route.fetch();
    }
    // A request still on its way when the page reloads is cancelled by the reload: nothing left to lose.
    await route.abort('internetdisconnected').catch((e: Error) => {
      if (!/already handled/.test(e.message)) throw e;
    });
  });
  for (const n of ['1', '2', '3', '4', '5']) {
    await page.keyboard.type(n);
    await page.keyboard.press('Enter');
  }
  await expect(page.getByTestId('waiting')).toHaveText('5 numbers waiting to send (kept on this device)');
  await page.screenshot({ path: '/tmp/p2-offline.png', fullPage: true });
  await page.reload();
  await page.getByLabel('Polling station (district)').selectOption('AB');
  await expect(page.getByTestId('waiting')).toHaveText('5 numbers waiting to send (kept on this device)');
  await expect(page.getByRole('list', { name: 'Numbers entered, latest first' }).getByRole('listitem')).toHaveText([
    /^5 Waiting to send/,
    /^4 Waiting/,
    /^3 Waiting/,
    /^2 Waiting/,
    /^1 Waiting/,
  ]);
  await page.unroute('**/api/telling.recordBatch');
  await expect(page.getByTestId('waiting')).toHaveText('nothing waiting to send', { timeout: 20_000 });
  await expect.poll(() => votedIn(app, contestId, 'AB')).toBe(5);
  const recent = (await app.call('telling.listRecent', { contestId, pollingDistrict: 'AB' })).body.value;
  expect(recent.flatMap((b: { votes: { electorNumber: string }[] }) => b.votes.map((v) => v.electorNumber)).sort()).toEqual([
    'AB-1',
    'AB-2',
    'AB-3',
    'AB-4',
    'AB-5',
  ]);
});

test('the marked register of a district: number and Enter, p for a postal vote, in the election chosen', async ({ page, app }) => {
  const { contestId, call } = await setUp(app);
  const past = await call('elections.create', { name: 'Council 2022', type: 'local', pollingDay: '2022-05-05', nation: 'england' });
  await page.goto(`${app.origin}/#/contests/${contestId}/polling-day/marked-register`);
  await page.getByLabel('Election').selectOption({ label: 'Council 2022 (2022-05-05)' });
  await page.getByLabel('Polling district').selectOption('AB');
  const keys = await countKeys(page);
  for (const n of ['1', '2p', '3', '4', '10p']) {
    await page.keyboard.type(n);
    await page.keyboard.press('Enter');
  }
  await expect(page.getByTestId('running-count')).toContainText('This batch: 5 numbers recorded');
  expect(await keys()).toBe(1 + 2 + 1 + 1 + 3 + 5);
  await expect(page.getByRole('status').first()).toHaveText('AB-10 Sam Parker10 (postal)');
  await expect.poll(() => votedIn(app, contestId, 'AB', past.id)).toBe(5);
  expect(await votedIn(app, contestId, 'AB')).toBe(0);
  await page.screenshot({ path: '/tmp/p2-marked.png', fullPage: true });
  await expectAccessible(page);
});

test('a committee room’s long name shows in full, and the knock-up list stays on screen, saying so, when the server cannot be reached', async ({
  page,
  app,
}) => {
  const { contestId } = await setUp(app);
  await withStoreOf(app, (db) => addRoom(db, contestId, 'The Royal Oak function room above the bar, Mill Lane end of the High Street', ['AB']));
  await page.goto(`${app.origin}/#/contests/${contestId}/polling-day/knock-up`);
  await expect(page.getByTestId('knock-up-count')).toContainText('30 promises still to vote of 30 in AA');
  const room = page.getByLabel('Committee room');
  await room.selectOption({ index: 1 });
  await expect(page.getByTestId('knock-up-count')).toContainText('in AB');
  // The select is as wide as the room's name, its districts and what is left (the arrow aside).
  const fit = await room.evaluate((el: HTMLSelectElement) => {
    const style = getComputedStyle(el);
    const context = document.createElement('canvas').getContext('2d')!;
    context.font = `${style.fontSize} ${style.fontFamily}`;
    const room = el.options[el.selectedIndex].text;
    return { room, text: context.measureText(room).width, space: el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) };
  });
  expect(fit.room).toContain('Mill Lane end of the High Street (AB)');
  expect(fit.space).toBeGreaterThanOrEqual(fit.text);
  await page.screenshot({ path: '/tmp/knock-up-long-room.png', fullPage: true });

  // The server gone: Refresh says the list could not be read, and the list last read stays.
  await room.selectOption({ index: 0 });
  await expect(page.getByTestId('knock-up-count')).toContainText('30 promises still to vote of 30 in AA');
  await app.stop();
  await page.getByRole('button', { name: 'Refresh' }).click();
  await expect(page.getByRole('alert').first()).toBeVisible();
  await expect(page.getByTestId('knock-up-count')).toContainText('30 promises still to vote of 30 in AA');
  await expect(page.getByRole('cell', { name: 'Alex Voter3', exact: true })).toBeVisible();
});
