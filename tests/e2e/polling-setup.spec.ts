import { extractText } from 'unpdf';
import { readFileSync } from 'node:fs';
import { SMALL_REGISTER } from '../helpers/register.ts';
import { expect, expectAccessible, test } from './fixtures.ts';

const SHOTS = process.env.POLLING_SHOTS; // a folder for screenshots to look at, e.g. /tmp/p1

test('a coordinator sets up polling day: two stations, a committee room, a teller and a knocker-up, the promise rule, and downloads the tellers’ rota', async ({
  page,
  app,
}) => {
  const call = async (method: string, input: unknown) => {
    const r = await app.call(method, input);
    expect(r.body.ok, `${method}: ${JSON.stringify(r.body.error)}`).toBe(true);
    return r.body.value;
  };
  const area = await call('areas.create', { name: 'Newtown East', kind: 'ward', nation: 'england', electorate: null, classification: null });
  const { fileId } = await call('uploads.begin', { name: 'register.csv', size: Buffer.byteLength(SMALL_REGISTER) });
  await call('uploads.append', { fileId, text: SMALL_REGISTER });
  const preview = await call('register.importPreview', { fileId });
  const job = await call('register.importStart', { fileId, areaId: area.id, mapping: preview.mapping });
  await expect.poll(async () => (await call('jobs.get', { jobId: job.jobId })).state, { timeout: 30_000 }).toBe('done');
  const electors = (await call('register.listElectors', { areaId: area.id })).items as { id: number; electorNumber: string }[];
  const session = (await call('canvass.createSession', { areaId: area.id, heldOn: '2026-04-20' })).id;
  for (const [n, codes] of [
    ['AA-1', '1'],
    ['AA-2', '2'],
    ['AA-3', '3'],
    ['AB-1', '1'],
    ['AB-2', 'M'],
  ]) {
    await call('canvass.recordReturn', { sessionId: session, electorId: electors.find((e) => e.electorNumber === n)!.id, codes });
  }
  const election = await call('elections.create', { name: 'Council 2026', type: 'local', pollingDay: '2026-05-07', nation: 'england' });
  const contest = await call('contests.create', { electionId: election.id, areaId: area.id, status: 'contesting' });
  await call('volunteers.create', { name: 'Alice Teller', phone: '07700 900001', consentToContact: true });
  await call('volunteers.create', { name: 'Bob Knocker', consentToContact: true });

  // From the contest page.
  await page.goto(`${app.origin}/#/contests/${contest.id}`);
  await page.getByRole('link', { name: 'Polling day' }).click();
  await expect(page.getByRole('heading', { name: 'Polling day: Newtown East' })).toBeVisible();
  await expect(page.getByText('No station yet for polling districts AA, AB.')).toBeVisible();

  // Two stations, each serving one district.
  for (const [name, district] of [
    ['St Mary’s Hall', 'AA'],
    ['Park School', 'AB'],
  ]) {
    await page.getByRole('button', { name: 'Add a polling station' }).click();
    const form = page.getByRole('form', { name: 'New polling station' });
    await form.getByLabel('Station name').fill(name);
    await form.getByLabel('Address').fill(`${name}, Newtown`);
    await form.getByRole('checkbox', { name: district }).check();
    await form.getByRole('button', { name: 'Save station' }).click();
    await expect(page.getByRole('row', { name: new RegExp(`^${name}`) })).toBeVisible();
  }
  await expect(page.getByText(/No station yet/)).toHaveCount(0);
  // A district moves to another station only when the user says so.
  await page
    .getByRole('row', { name: /^Park School/ })
    .getByRole('button', { name: 'Edit' })
    .click();
  const edit = page.getByRole('form', { name: 'Change Park School' });
  await edit.getByRole('checkbox', { name: /^AA/ }).check();
  await edit.getByRole('button', { name: 'Save station' }).click();
  await expect(edit.getByText('Already voting at another station: AA (St Mary’s Hall). Tick “Move them here” to move it.')).toBeVisible();
  if (SHOTS) await edit.screenshot({ path: `${SHOTS}/polling-station-move.png` });
  await edit.getByRole('button', { name: 'Cancel' }).click();

  // A committee room covering both districts.
  await page.getByRole('button', { name: 'Add a committee room' }).click();
  const room = page.getByRole('form', { name: 'New committee room' });
  await room.getByLabel('Room name').fill('12 High Street');
  await room.getByRole('checkbox', { name: 'AA' }).check();
  await room.getByRole('checkbox', { name: 'AB' }).check();
  await room.getByLabel('Notes').fill('Key from the Patels at 14');
  await room.getByRole('button', { name: 'Save room' }).click();
  await expect(page.getByRole('row', { name: /^12 High Street/ })).toContainText('AA, AB');

  // A teller, a refused overlapping shift, and a knocker-up.
  const teller = page.getByRole('form', { name: 'Add a teller' });
  await teller.getByLabel('Teller').selectOption({ label: 'Alice Teller' });
  await teller.getByLabel('Polling station').selectOption({ label: 'St Mary’s Hall' });
  await teller.getByLabel('From').fill('07:00');
  await teller.getByLabel('To').fill('10:00');
  await teller.getByRole('button', { name: 'Add teller' }).click();
  await expect(page.getByRole('table', { name: 'Tellers' }).getByRole('row', { name: /St Mary’s Hall 07:00–10:00 Alice Teller/ })).toBeVisible();
  await expect(page.getByRole('row', { name: /^St Mary’s Hall/ }).first()).toContainText('10:00–22:00');
  await teller.getByLabel('Teller').selectOption({ label: 'Alice Teller' });
  await teller.getByLabel('Polling station').selectOption({ label: 'Park School' });
  await teller.getByLabel('From').fill('09:00');
  await teller.getByLabel('To').fill('11:00');
  await teller.getByRole('button', { name: 'Add teller' }).click();
  await expect(teller.getByText('Alice Teller is already telling at St Mary’s Hall 07:00–10:00')).toBeVisible();

  const knocker = page.getByRole('form', { name: 'Add a knocker-up' });
  await knocker.getByRole('button', { name: 'Add knocker-up' }).click();
  await expect(knocker.getByText('Choose a volunteer')).toBeVisible();
  await knocker.getByLabel('Knocker-up').selectOption({ label: 'Bob Knocker' });
  await knocker.getByLabel('Committee room').selectOption({ label: '12 High Street' });
  await knocker.getByLabel('Round').fill('2');
  await knocker.getByRole('button', { name: 'Add knocker-up' }).click();
  await expect(page.getByRole('table', { name: 'Knockers-up' }).getByRole('row', { name: /12 High Street 2 Bob Knocker/ })).toBeVisible();

  // The promise rule: the count follows the ticks before anything is saved.
  const rule = page.getByRole('form', { name: 'Promise rule' });
  const count = rule.getByRole('status');
  await expect(count).toHaveText('0 promises in Newtown East');
  await rule.getByRole('button', { name: 'Save the promise rule' }).click();
  await expect(rule.getByText('Tick at least one support code to count as a promise')).toBeVisible();
  await rule.getByRole('checkbox', { name: /^1 Certain to support us/ }).check();
  await expect(count).toHaveText('2 promises in Newtown East · not saved yet');
  await rule.getByRole('checkbox', { name: /^2 Leaning to us/ }).check();
  await expect(count).toHaveText('3 promises in Newtown East · not saved yet');
  await rule.getByRole('button', { name: 'Save the promise rule' }).click();
  await expect(count).toHaveText('3 promises in Newtown East · saved rule');
  await expectAccessible(page);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/polling-setup.png`, fullPage: true });

  // The rota as the coordinator prints it.
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download the tellers’ rota (PDF)' }).click();
  const pdf = await download;
  expect(pdf.suggestedFilename()).toBe('tellers-rota-newtown-east.pdf');
  const { text } = await extractText(new Uint8Array(readFileSync((await pdf.path())!)), { mergePages: true });
  expect(text).toContain('Tellers’ rota: Newtown East');
  expect(text).toContain('Polling day Thursday 7 May 2026 · Council 2026');
  expect(text).toMatch(
    /Park School — districts AB[\s\S]*07:00–22:00 NO TELLER: gap in cover[\s\S]*St Mary’s Hall — districts AA[\s\S]*07:00–10:00 Alice Teller 07700 900001[\s\S]*10:00–22:00 NO TELLER: gap in cover/,
  );

  // Reload: everything was saved.
  await page.reload();
  await expect(page.getByRole('form', { name: 'Promise rule' }).getByRole('status')).toHaveText('3 promises in Newtown East · saved rule');
  await expect(page.getByText('2 polling stations · 1 committee room · 2 duties on the rota · 3 promises')).toBeVisible();
});

test('a coordinator imports the council’s polling stations from a CSV file, fixing the lines it names first', async ({ page, app }) => {
  const call = async (method: string, input: unknown) => (await app.call(method, input)).body.value;
  const area = await call('areas.create', { name: 'Newtown East', kind: 'ward', nation: 'england', electorate: null, classification: null });
  const { fileId } = await call('uploads.begin', { name: 'register.csv', size: Buffer.byteLength(SMALL_REGISTER) });
  await call('uploads.append', { fileId, text: SMALL_REGISTER });
  const job = await call('register.importStart', { fileId, areaId: area.id, mapping: (await call('register.importPreview', { fileId })).mapping });
  await expect.poll(async () => (await call('jobs.get', { jobId: job.jobId })).state, { timeout: 30_000 }).toBe('done');
  const election = await call('elections.create', { name: 'Council 2026', type: 'local', pollingDay: '2026-05-07', nation: 'england' });
  const contest = await call('contests.create', { electionId: election.id, areaId: area.id, status: 'contesting' });

  await page.goto(`${app.origin}/#/contests/${contest.id}/polling-day`);
  await page.getByRole('link', { name: 'Import stations from a CSV file' }).click();
  await expect(page.getByRole('heading', { name: 'Import polling stations' })).toBeVisible();
  const bad = 'Ref,Polling District,Venue,Venue Address\n1,AA,St Mary’s Hall,1 Church Lane\n2,ZZ,Park School,Park Road\n';
  await page.getByLabel('CSV file').setInputFiles({ name: 'stations.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
  // Columns found from the headings; the first rows shown under them.
  await expect(page.getByLabel('Polling district column')).toHaveValue('1');
  await expect(page.getByLabel('Station name column')).toHaveValue('2');
  await expect(page.getByLabel('Address column')).toHaveValue('3');
  await expect(page.getByRole('table', { name: 'First rows of the file' }).getByRole('row', { name: 'AA St Mary’s Hall 1 Church Lane' })).toBeVisible();
  await page.getByRole('button', { name: 'Import stations' }).click();
  await expect(page.getByRole('list', { name: 'Problems in the file' })).toHaveText('Line 3: Polling district ZZ is not on this area’s register');
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/polling-import.png`, fullPage: true });
  expect((await call('polling.get', { contestId: contest.id })).stations).toEqual([]);

  const good = bad.replace('ZZ', 'AB');
  await page.getByLabel('CSV file').setInputFiles({ name: 'stations.csv', mimeType: 'text/csv', buffer: Buffer.from(good) });
  await page.getByRole('button', { name: 'Import stations' }).click();
  await expect(page.getByRole('heading', { name: 'Polling day: Newtown East' })).toBeVisible();
  await expect(page.getByRole('row', { name: /^Park School Park Road AB/ })).toBeVisible();
  await expect(page.getByRole('row', { name: /^St Mary’s Hall 1 Church Lane AA/ })).toBeVisible();
  await expectAccessible(page);
});
