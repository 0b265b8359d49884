import { extractText, getDocumentProxy } from 'unpdf';
import { readFileSync } from 'node:fs';
import { expect, expectAccessible, test } from './fixtures.ts';

const SHOTS = process.env.POLLING_SHOTS; // a folder for screenshots to look at, e.g. /tmp/p17
const STREETS = ['Mill Lane', 'High Street', 'Church Road'];
/** 80 electors in AA (two a house, three streets) and 10 in AB. */
function register(): string {
  const lines = ['Elector Number Prefix,Elector Number,Elector Number Suffix,Elector Markers,Elector Surname,Elector Forename,Address1,Address2,PostCode'];
  for (let i = 1; i <= 80; i++) lines.push(`AA,${i},,,Voter${i},Alex,${Math.ceil(i / 2)} ${STREETS[Math.floor((i - 1) / 30)]},Newtown,AB1 2CD`);
  for (let i = 1; i <= 10; i++) lines.push(`AB,${i},,,Parker${i},Sam,${i} Park Road,Newtown,AB1 4CD`);
  return lines.join('\r\n');
}

test('polling day from start to finish: a station and a committee room set up on screen, 50 tellers’ numbers typed as digits and Enter, the knock-up list shrinking in another tab, round 2 printed, turnout by hour', async ({
  page,
  app,
  context,
}) => {
  // Before: the register and the canvass (30 promises in AA: AA-1…20 support 1, AA-61…70 support 2).
  const call = async (method: string, input: unknown) => {
    const r = await app.call(method, input);
    expect(r.body.ok, `${method}: ${JSON.stringify(r.body.error)}`).toBe(true);
    return r.body.value;
  };
  const area = await call('areas.create', { name: 'Newtown East', kind: 'ward', nation: 'england', electorate: null, classification: null });
  const text = register();
  const { fileId } = await call('uploads.begin', { name: 'register.csv', size: Buffer.byteLength(text) });
  await call('uploads.append', { fileId, text });
  const job = await call('register.importStart', { fileId, areaId: area.id, mapping: (await call('register.importPreview', { fileId })).mapping });
  await expect.poll(async () => (await call('jobs.get', { jobId: job.jobId })).state, { timeout: 30_000 }).toBe('done');
  const electors = (await call('register.listElectors', { areaId: area.id, limit: 200 })).items as { id: number; electorNumber: string }[];
  const session = (await call('canvass.createSession', { areaId: area.id, heldOn: '2026-04-20' })).id;
  for (let i = 1; i <= 70; i++) {
    const codes = i <= 20 ? '1' : i > 60 ? '2' : '4';
    await call('canvass.recordReturn', { sessionId: session, electorId: electors.find((e) => e.electorNumber === `AA-${i}`)!.id, codes });
  }
  const election = await call('elections.create', { name: 'Council 2026', type: 'local', pollingDay: '2026-05-07', nation: 'england' });
  const contest = await call('contests.create', { electionId: election.id, areaId: area.id, status: 'contesting' });

  // The knock-up page before anything is set up says what is missing and leads there.
  await page.goto(`${app.origin}/#/contests/${contest.id}/polling-day/knock-up`);
  await expect(page.getByRole('heading', { name: 'No committee rooms yet' })).toBeVisible();
  await page.getByRole('link', { name: 'Set it up on the polling day page' }).click();
  await expect(page.getByRole('heading', { name: 'Polling day: Newtown East' })).toBeVisible();

  // Set up on screen: a station for AA, a committee room for AA, promises are support 1 and 2.
  await page.getByRole('button', { name: 'Add a polling station' }).click();
  const station = page.getByRole('form', { name: 'New polling station' });
  await station.getByLabel('Station name').fill('St Mary’s Church Hall');
  await station.getByRole('checkbox', { name: 'AA' }).check();
  await station.getByRole('button', { name: 'Save station' }).click();
  await expect(page.getByRole('row', { name: /^St Mary’s Church Hall/ })).toBeVisible();
  await page.getByRole('button', { name: 'Add a committee room' }).click();
  const room = page.getByRole('form', { name: 'New committee room' });
  await room.getByLabel('Room name').fill('12 Mill Lane');
  await room.getByRole('checkbox', { name: 'AA' }).check();
  await room.getByRole('button', { name: 'Save room' }).click();
  await expect(page.getByRole('row', { name: /^12 Mill Lane/ })).toBeVisible();
  // Before a rule is saved, the knock-up page asks for one.
  await page.getByRole('link', { name: 'Knock-up lists' }).click();
  await expect(page.getByRole('heading', { name: 'No promise rule yet' })).toBeVisible();
  await page.getByRole('link', { name: 'Set it up on the polling day page' }).click();
  const rule = page.getByRole('form', { name: 'Promise rule' });
  await rule.getByRole('checkbox', { name: /^1 / }).check();
  await rule.getByRole('checkbox', { name: /^2 / }).check();
  await expect(rule.getByRole('status')).toHaveText('30 promises in Newtown East · not saved yet');
  await rule.getByRole('button', { name: 'Save the promise rule' }).click();
  await expect(rule.getByRole('status')).toHaveText('30 promises in Newtown East · saved rule');

  // The committee room's list, open in a second tab of the same browser.
  const knockUp = await context.newPage();
  await knockUp.goto(`${app.origin}/#/contests/${contest.id}/polling-day/knock-up`);
  await expect(knockUp.getByTestId('knock-up-count')).toContainText('30 promises still to vote of 30 in AA');
  await expect(knockUp.getByTestId('knock-up-read-at')).toContainText('Read at');

  // On the day: the tellers’ slips, the district chosen once, then digits and Enter.
  await page.getByRole('link', { name: 'Tellers’ numbers' }).click();
  await page.getByLabel('Polling station (district)').selectOption('AA');
  await expect(page.getByLabel('Elector number in AA')).toBeFocused();
  await page.evaluate(() => {
    (window as unknown as { keys: number }).keys = 0;
    window.addEventListener('keydown', (e) => e.isTrusted && (window as unknown as { keys: number }).keys++, true);
  });
  for (let n = 1; n <= 50; n++) {
    await page.keyboard.type(String(n));
    await page.keyboard.press('Enter');
  }
  await expect(page.getByTestId('running-count')).toContainText('This batch: 50 numbers recorded', { timeout: 20_000 });
  await expect(page.getByTestId('waiting')).toHaveText('nothing waiting to send');
  // The digits and Enter, nothing more: 9 one-digit and 41 two-digit numbers, 50 Enters.
  expect(await page.evaluate(() => (window as unknown as { keys: number }).keys)).toBe(9 * 1 + 41 * 2 + 50);

  // The other tab shrank as the numbers went in, without Refresh: the 20 promises who voted are gone.
  await expect(knockUp.getByTestId('knock-up-count')).toContainText('10 promises still to vote of 30 in AA (20 voted');
  await expect(knockUp.getByRole('cell', { name: 'Alex Voter3', exact: true })).toHaveCount(0);
  // The tick is the call as recorded: it shows once the server has it.
  const called = knockUp.getByRole('checkbox', { name: 'Alex Voter61 called in round 1' });
  await called.click();
  await expect(called).toBeChecked();
  await expect(knockUp.getByRole('cell', { name: 'R1' })).toHaveCount(1);
  await knockUp.getByRole('spinbutton', { name: 'Round' }).fill('2');
  if (SHOTS) await knockUp.screenshot({ path: `${SHOTS}/knock-up.png`, fullPage: true });
  await expectAccessible(knockUp);
  const download = knockUp.waitForEvent('download');
  await knockUp.getByRole('link', { name: 'Print round 2 (PDF)' }).click();
  const pdf = await getDocumentProxy(new Uint8Array(readFileSync((await (await download).path())!)));
  const sheet = (await extractText(pdf, { mergePages: true })).text;
  expect(sheet).toContain('Knock-up round 2: 12 Mill Lane');
  expect(sheet).toContain('Church Road (AA)');
  expect(sheet).toMatch(/Alex Voter61 AA-61 R1/);
  expect(sheet.match(/Alex Voter\d+/g)).toHaveLength(10);

  // The day at a glance: 50 voted this hour, 20 of them promises.
  await page.getByRole('link', { name: 'Polling day: Newtown East' }).click();
  await page.getByRole('link', { name: 'The day at a glance' }).click();
  const hours = page.getByRole('table', { name: 'Turnout by hour' });
  await expect(hours.getByRole('row')).toHaveCount(2);
  await expect(hours.getByRole('row').nth(1).getByRole('cell')).toHaveText([/^\d\d:00–\d\d:00$/, '50', '20', '']);
  await expect(page.getByText('Turnout, everyone')).toBeVisible();
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/glance.png`, fullPage: true });
  await expectAccessible(page);
});
