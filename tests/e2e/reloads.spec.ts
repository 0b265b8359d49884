import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

const REGISTER = [
  'Elector Number Prefix,Elector Number,Elector Number Suffix,Elector Markers,Elector Surname,Elector Forename,Address1,Address2,PostCode',
  'AA,1,,,Smith,John,1 Mill Lane,Newtown,AB1 2CD',
  'AA,2,,,Smith,Jane,1 Mill Lane,Newtown,AB1 2CD',
  'AA,3,,,Brown,Ann,3 Mill Lane,Newtown,AB1 2CD',
].join('\r\n');

/** Counts the API calls the page makes, by method. */
function countCalls(page: Page) {
  const calls = new Map<string, number>();
  page.on('request', (r) => {
    const m = /\/api\/([\w.]+)$/.exec(new URL(r.url()).pathname);
    if (m) calls.set(m[1], (calls.get(m[1]) ?? 0) + 1);
  });
  return { of: (method: string) => calls.get(method) ?? 0, reset: () => calls.clear() };
}

test('saving a return reloads the views that show returns, and not the codes', async ({ page, app }) => {
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
  const session = (await call('canvass.createSession', { areaId: area.id, pollingDistrict: 'AA', heldOn: '2026-11-20', canvassers: 'Sam' })).id;

  const calls = countCalls(page);
  await page.goto(`${app.origin}/#/canvass/sessions/${session}`);
  const number = page.getByLabel('Elector number');
  // A new session starts at the walk's first elector.
  await expect(number).toHaveValue('AA-1');
  await expect(number).toBeFocused();
  expect(calls.of('register.firstInWalk')).toBe(1);
  expect(calls.of('register.listElectors')).toBe(0); // no whole-district list to find where to start
  calls.reset();

  await page.keyboard.press('Tab');
  await page.keyboard.type('I3L');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: /^Saved / })).toHaveText('Saved AA-1 John Smith: I3L');
  await expect(page.getByRole('row', { name: /AA-1 John Smith I3L/ })).toBeVisible();
  // The session (which counts its returns) is loaded again; the codes, which no return changes, are not.
  await expect.poll(() => calls.of('canvass.getSession')).toBe(1);
  expect(calls.of('canvass.recordReturn')).toBe(1);
  expect(calls.of('canvass.getCodes')).toBe(0);
});
