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

test('adding a task on a contest’s page reloads its tasks, and not its timetable, candidates or list', async ({ page, app }) => {
  const call = async (method: string, input: unknown) => {
    const r = await app.call(method, input);
    expect(r.body.ok, `${method}: ${JSON.stringify(r.body.error)}`).toBe(true);
    return r.body.value;
  };
  const election = await call('elections.create', { name: 'Council elections 2026', type: 'local', pollingDay: '2026-05-07', nation: 'england' });
  const area = await call('areas.create', { name: 'Mill Ward', kind: 'ward', nation: 'england', electorate: null, classification: null });
  const contest = await call('contests.create', { electionId: election.id, areaId: area.id, status: 'contesting' });

  const calls = countCalls(page);
  await page.goto(`${app.origin}/#/contests/${contest.id}`);
  const tasks = page.getByRole('region', { name: 'Tasks' });
  await expect(tasks.getByLabel('Task', { exact: true })).toBeVisible();
  await expect.poll(() => calls.of('timetable.forContest')).toBe(1);
  expect(calls.of('candidacies.list')).toBe(1);
  calls.reset();

  await tasks.getByLabel('Task', { exact: true }).fill('Order the leaflets');
  await tasks.getByLabel('Number of days').fill('3');
  await tasks.getByLabel('Before or after').selectOption('before');
  await tasks.getByLabel('Milestone', { exact: true }).selectOption('close_of_nominations');
  await tasks.getByRole('button', { name: 'Add task' }).click();
  await expect(tasks.getByRole('row', { name: /Order the leaflets/ })).toBeVisible();
  expect(calls.of('tasks.create')).toBe(1);
  await expect.poll(() => calls.of('tasks.list')).toBe(1);
  // A task changes no date, candidacy or list: those views are not asked again.
  expect(calls.of('timetable.forContest')).toBe(0);
  expect(calls.of('candidacies.list')).toBe(0);
  expect(calls.of('partyLists.ballotOf')).toBe(0);
  expect(calls.of('contests.get')).toBe(0);
});
