/**
 * Offline canvass entry (issue 13): a volunteer typing up returns goes on when the server stops
 * answering; each return waits on the device, survives a reload, and is recorded exactly once
 * when the server answers again.
 */
import type { BrowserMode } from '../helpers/server.ts';
import { expect, expectAccessible, test } from './fixtures.ts';

const HEADINGS = 'Elector Number Prefix,Elector Number,Elector Number Suffix,Elector Markers,Elector Surname,Elector Forename,Address1,Address2,PostCode';
const REGISTER = [
  HEADINGS,
  ...Array.from({ length: 24 }, (_, i) => `AA,${i + 1},,,Voter,Pat${i + 1},${i + 1} Long Road,Newtown,AB1 2CD`),
  'AB,1,,,Okafor,Chidi,10 Park Road,Newtown,AB1 4CD',
].join('\r\n');
/** Codes as they come off the papers: in with support and requests, not in, refused. */
const CODES = ['I3L', 'N', '2', '5P', 'R'];

async function setUp(app: BrowserMode) {
  const call = async (method: string, input: unknown) => {
    const r = await app.call(method, input);
    expect(r.body.ok, `${method}: ${JSON.stringify(r.body.error)}`).toBe(true);
    return r.body.value;
  };
  const area = await call('areas.create', { name: 'Newtown East', kind: 'ward', nation: 'england', electorate: null, classification: null });
  const { fileId } = await call('uploads.begin', { name: 'register.csv', size: Buffer.byteLength(REGISTER) });
  await call('uploads.append', { fileId, text: REGISTER });
  const preview = await call('register.importPreview', { fileId });
  const job = await call('register.importStart', { fileId, areaId: area.id, mapping: preview.mapping });
  await expect.poll(async () => (await call('jobs.get', { jobId: job.jobId })).state, { timeout: 30_000 }).toBe('done');
  const sessionId = (await call('canvass.createSession', { areaId: area.id, pollingDistrict: 'AA', heldOn: '2026-11-20', canvassers: 'Sam' })).id as number;
  return { call, sessionId };
}

test('returns typed while the server does not answer wait on the device, survive a reload and are recorded exactly once', async ({ page, app }) => {
  test.setTimeout(120_000);
  const { call, sessionId } = await setUp(app);
  const names = page.waitForResponse('**/api/register.listNames');
  await page.goto(`${app.origin}/#/canvass/sessions/${sessionId}`);
  const number = page.getByLabel('Elector number');
  await expect(number).toBeFocused();
  await expect(number).toHaveValue('AA-1');
  await names; // the district's names, which entry goes on from without the server

  // The server stops answering. The first two sends reach it but their answers are lost (the
  // oldest return is tried again at each send, so it reaches the server twice); the third meets a
  // failure inside the server (its database gone for a moment), which says nothing about the
  // return, so it is kept too. No other send gets there.
  let reached = 0;
  await page.route('**/api/**', async (route) => {
    if (route.request().url().endsWith('/api/canvass.recordReturn') && reached < 3) {
      reached++;
      if (reached === 3) {
        return route.fulfill({ status: 500, json: { ok: false, error: { code: 'internal', message: 'Something went wrong inside Hustings: no database' } } });
      }
      await route.fetch();
    }
    // A request still on its way when the page reloads is cancelled by the reload: nothing left to lose.
    await route.abort('internetdisconnected').catch((e: Error) => {
      if (!/already handled/.test(e.message)) throw e;
    });
  });

  // Twenty papers in walk order, typed at speed: Enter to the codes, the codes, Enter saves and moves on.
  for (let i = 0; i < 20; i++) {
    await page.keyboard.press('Enter');
    await page.keyboard.type(CODES[i % CODES.length]);
    await page.keyboard.press('Enter');
  }
  await expect(page.getByRole('status').last()).toHaveText('Kept on this device: AA-20 Pat20 Voter: R. It is sent as soon as it can be.', {
    timeout: 30_000,
  });
  const waiting = page.getByTestId('waiting-returns');
  await expect(waiting).toContainText('20 returns waiting to be sent', { timeout: 30_000 });
  // A slip on the twenty-first, taken back with Ctrl+Z before it was ever sent: it never arrives.
  await page.keyboard.press('Enter');
  await page.keyboard.type('I4');
  await page.keyboard.press('Enter');
  await expect(waiting).toContainText('21 returns waiting to be sent');
  await expect(number).toHaveValue('AA-22');
  await page.keyboard.press('Control+z');
  await expect(page.getByRole('status').last()).toHaveText('Taken back before it was sent: AA-21 Pat21 Voter. Ctrl+Y puts it back.');
  await expect(waiting).toContainText('20 returns waiting to be sent');
  await expect(waiting).toContainText('The server cannot be reached just now');
  await expect(number).toHaveValue('AA-21');
  await expect(number).toBeFocused();
  const rows = page.getByRole('table').getByRole('row');
  await expect(rows).toHaveCount(21);
  await expect(rows.nth(1)).toHaveText(/^AA-20 Pat20 VoterRWaiting to be sent$/);
  await expect(rows.nth(20)).toHaveText(/^AA-1 Pat1 VoterI3LWaiting to be sent$/);
  await page.screenshot({ path: '/tmp/canvass-offline-waiting.png', fullPage: true });
  await expectAccessible(page);

  // Closed and opened again while the server still does not answer: nothing typed is lost.
  await page.reload();
  await expect(page.getByTestId('waiting-returns')).toContainText('20 returns waiting to be sent', { timeout: 30_000 });
  await expect(page.getByTestId('waiting-returns')).toContainText('The server cannot be reached just now');
  await page.screenshot({ path: '/tmp/canvass-offline-reloaded.png', fullPage: true });
  await expectAccessible(page);
  expect(reached).toBe(3);

  // The server answers again: the returns go, each once (the two it had are not recorded twice).
  await page.unroute('**/api/**');
  await expect(page.getByTestId('waiting-returns')).toHaveCount(0, { timeout: 30_000 });
  const recent = (await call('canvass.listRecent', { sessionId, limit: 200 })) as { electorNumber: string; codes: string }[];
  expect(recent).toHaveLength(20);
  expect(recent.map((r) => `${r.electorNumber} ${r.codes}`).reverse()).toEqual(Array.from({ length: 20 }, (_, i) => `AA-${i + 1} ${CODES[i % CODES.length]}`));
  expect((await call('canvass.getSession', { id: sessionId })).returnCount).toBe(20);
  // The screen is back, where the volunteer stopped.
  await expect(number).toHaveValue('AA-21', { timeout: 15_000 });
  await expect(page.getByRole('table').getByRole('row')).toHaveCount(21);
  await page.screenshot({ path: '/tmp/canvass-offline-sent.png', fullPage: true });
});

test('returns typed while the server is stopped are sent once it is started again, a reload in between', async ({ page, app }) => {
  const { call, sessionId } = await setUp(app);
  const names = page.waitForResponse('**/api/register.listNames');
  await page.goto(`${app.origin}/#/canvass/sessions/${sessionId}`);
  const number = page.getByLabel('Elector number');
  await expect(number).toHaveValue('AA-1');
  await names;

  // The server stops (a laptop closed, a power cut) while twenty papers are typed.
  await app.halt();
  for (let i = 0; i < 20; i++) {
    await page.keyboard.press('Enter');
    await page.keyboard.type(CODES[i % CODES.length]);
    await page.keyboard.press('Enter');
  }
  const waiting = page.getByTestId('waiting-returns');
  await expect(waiting).toContainText('20 returns waiting to be sent', { timeout: 30_000 });
  await expect(waiting).toContainText('The server cannot be reached just now');

  // Started again, and the page reloaded at once (sends may be on their way): each return arrives once.
  await app.resume();
  await page.reload();
  await expect.poll(async () => (await call('canvass.getSession', { id: sessionId })).returnCount, { timeout: 30_000 }).toBe(20);
  await expect(waiting).toHaveCount(0);
  const recent = (await call('canvass.listRecent', { sessionId, limit: 200 })) as { electorNumber: string; codes: string }[];
  expect(recent.map((r) => `${r.electorNumber} ${r.codes}`).reverse()).toEqual(Array.from({ length: 20 }, (_, i) => `AA-${i + 1} ${CODES[i % CODES.length]}`));
});
