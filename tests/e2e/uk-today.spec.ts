import { expect, test } from './fixtures.ts';

// 23:30 UTC on 30 June 2026 is 00:30 on 1 July in the UK (summer time): the pages must take the
// UK's date, not the UTC one, for "today".
const SUMMER_MIDNIGHT = new Date('2026-06-30T23:30:00Z');

test('between midnight and 1am in summer, Home counts an election on the day before as past', async ({ page, app }) => {
  await app.call('elections.create', { name: 'By-election on the 30th', type: 'local', pollingDay: '2026-06-30', nation: 'england' });
  await app.call('areas.create', { name: 'Newtown East', kind: 'ward', nation: 'england', electorate: null, classification: null });
  await page.clock.setFixedTime(SUMMER_MIDNIGHT);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Elections ahead' })).toBeVisible();
  await expect(page.getByText('No election ahead.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'By-election on the 30th' })).toHaveCount(0);
});

test('between midnight and 1am in summer, a new canvass session is dated the UK day', async ({ page, app }) => {
  const area = (await app.call('areas.create', { name: 'Newtown East', kind: 'ward', nation: 'england', electorate: null, classification: null })).body.value;
  const register = 'Elector Number Prefix,Elector Number,Elector Surname,Elector Forename,Address1,PostCode\r\nAA,1,Smith,John,1 Mill Lane,AB1 2CD';
  const { fileId } = (await app.call('uploads.begin', { name: 'register.csv', size: Buffer.byteLength(register) })).body.value;
  await app.call('uploads.append', { fileId, text: register });
  const preview = (await app.call('register.importPreview', { fileId })).body.value;
  const job = (await app.call('register.importStart', { fileId, areaId: area.id, mapping: preview.mapping })).body.value;
  await expect.poll(async () => (await app.call('jobs.get', { jobId: job.jobId })).body.value.state, { timeout: 30_000 }).toBe('done');
  await page.clock.setFixedTime(SUMMER_MIDNIGHT);
  await page.goto(`${app.origin}/#/canvass`);
  await expect(page.getByLabel('Date')).toHaveValue('2026-07-01');
});
