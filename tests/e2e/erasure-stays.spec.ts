import { mkdirSync } from 'node:fs';
import { expect, expectAccessible, test } from './fixtures.ts';

const REGISTER = [
  'Elector Number Prefix,Elector Number,Elector Number Suffix,Elector Markers,Elector Surname,Elector Forename,Address1,Address2,PostCode',
  'ZC,17,,,Quillon,Marguerite,17 Zanzibar Crescent,Newtown,NT4 9QQ',
  'ZC,18,,,Keeper,Harold,19 Zanzibar Crescent,Newtown,NT4 9QQ',
].join('\r\n');

test('an erased elector stays erased when a backup from before is restored, and the Backups page says why', async ({ page, app }) => {
  mkdirSync('/tmp/erasure-shots', { recursive: true });
  const call = async (method: string, input: unknown) => {
    const r = await app.call(method, input);
    expect(r.body.ok, `${method}: ${JSON.stringify(r.body.error)}`).toBe(true);
    return r.body.value;
  };
  const area = await call('areas.create', { name: 'Zanzibar', kind: 'ward', nation: 'england', electorate: null, classification: null });
  const { fileId } = await call('uploads.begin', { name: 'register.csv', size: Buffer.byteLength(REGISTER) });
  await call('uploads.append', { fileId, text: REGISTER });
  const preview = await call('register.importPreview', { fileId });
  const job = await call('register.importStart', { fileId, areaId: area.id, mapping: preview.mapping });
  await expect.poll(async () => (await call('jobs.get', { jobId: job.jobId })).state, { timeout: 30_000 }).toBe('done');
  const marguerite = (await call('register.listElectors', { areaId: area.id, search: 'Marguerite' })).items[0];
  await call('canvass.createSession', {
    areaId: area.id,
    heldOn: '2026-11-20',
    canvassers: 'Sam Keeper',
    notes: 'Met Marguerite Quillon at 17 Zanzibar Crescent',
  });
  const older = await call('backups.create', {});

  // She asks to be erased.
  await page.goto(`${app.origin}/#/electors/${marguerite.id}`);
  await expect(page.getByRole('heading', { name: 'Marguerite Quillon' })).toBeVisible();
  await page.getByRole('button', { name: 'Erase this person’s data' }).click();
  await page.getByRole('dialog', { name: 'Erase Marguerite Quillon’s data?' }).getByRole('button', { name: 'Erase' }).click();
  await expect(page.getByRole('link', { name: 'Harold Keeper' })).toBeVisible();
  await expect(page.getByText('Quillon')).toHaveCount(0);

  // The backup from before still holds her, and the page says so and what a restore does.
  await page.getByRole('link', { name: 'Backups' }).click();
  const row = page.getByRole('row').filter({ hasText: older.file });
  await expect(row.getByRole('note')).toHaveText('Holds erased people Taken before 1 person asked to be erased; restoring it erases them again.');
  await expectAccessible(page);
  await page.screenshot({ path: '/tmp/erasure-shots/backups-holds-erased.png', fullPage: true });

  await row.getByRole('button', { name: /^Restore/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Restore this backup?' });
  await expect(dialog).toContainText('Taken before 1 person asked to be erased; restoring it erases them again.');
  await dialog.getByRole('button', { name: 'Restore' }).click();
  await expect(page.getByRole('status')).toContainText('1 person erased since that backup was erased again.');
  await page.screenshot({ path: '/tmp/erasure-shots/restored.png', fullPage: true });

  // She is not back: not on the register, not in the session's note, not in the activity log.
  await page.getByRole('link', { name: 'Register' }).click();
  await page
    .getByRole('link', { name: /Zanzibar/ })
    .first()
    .click();
  await expect(page.getByRole('link', { name: 'Harold Keeper' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Marguerite Quillon' })).toHaveCount(0);
  const sessions = await call('canvass.listSessions', { areaId: area.id });
  expect(sessions[0].notes).toBe('Met (erased) at (erased)');
  await page.getByRole('link', { name: 'Activity' }).click();
  await expect(page.locator('table.activity > tbody > tr').first()).toContainText('Restored the backup');
  await expect(page.getByText('Erased an elector’s personal data again after a restore', { exact: false })).toBeVisible();
  await expect(page.locator('main')).not.toContainText('Quillon');
});

test('an erased volunteer stays erased when a backup from before is restored from the Backups page, which says so', async ({ page, app }) => {
  const call = async (method: string, input: unknown) => {
    const r = await app.call(method, input);
    expect(r.body.ok, `${method}: ${JSON.stringify(r.body.error)}`).toBe(true);
    return r.body.value;
  };
  await call('volunteers.create', {
    name: 'Quentin Zephyrwood',
    email: 'qz@example.org',
    phone: '07700 900461',
    address: '17 Larkspur Mews\nNewtown NT4 9QQ',
    consentToContact: true,
  });
  await call('volunteers.create', { name: 'Olive Keepsake', consentToContact: false });
  const election = await call('elections.create', { name: 'County 2025', type: 'local', pollingDay: '2025-05-01', nation: 'england' });
  await call('tasks.create', {
    title: 'Lift',
    assignee: 'Quentin Zephyrwood',
    notes: 'Ring 07700 900461',
    electionId: election.id,
    dueKind: 'fixed',
    dueDate: '2025-04-01',
  });
  const older = await call('backups.create', {});

  // He asks to be erased.
  await page.getByRole('link', { name: 'Volunteers' }).click();
  await page.getByRole('link', { name: 'Quentin Zephyrwood' }).click();
  await page.getByRole('button', { name: 'Erase this person’s data' }).click();
  await page.getByRole('dialog', { name: 'Erase Quentin Zephyrwood’s data?' }).getByRole('button', { name: 'Erase' }).click();
  await expect(page.getByRole('link', { name: 'Olive Keepsake' })).toBeVisible();
  await expect(page.getByText('Zephyrwood')).toHaveCount(0);

  // The backup from before still holds him; the page says so, and restoring it erases him again.
  await page.getByRole('link', { name: 'Backups' }).click();
  const row = page.getByRole('row').filter({ hasText: older.file });
  await expect(row.getByRole('note')).toHaveText('Holds erased people Taken before 1 person asked to be erased; restoring it erases them again.');
  await row.getByRole('button', { name: /^Restore/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Restore this backup?' });
  await expect(dialog).toContainText('Taken before 1 person asked to be erased; restoring it erases them again.');
  await dialog.getByRole('button', { name: 'Restore' }).click();
  await expect(page.getByRole('status')).toContainText('1 person erased since that backup was erased again.');
  await expectAccessible(page);
  await page.screenshot({ path: '/tmp/erasure-shots/volunteer-restored.png', fullPage: true });

  // He is not back: not among the volunteers, not in the task, not in the activity log.
  await page.getByRole('link', { name: 'Volunteers' }).click();
  await expect(page.getByRole('link', { name: 'Olive Keepsake' })).toBeVisible();
  await expect(page.getByText('Zephyrwood')).toHaveCount(0);
  const tasks = await call('tasks.list', { electionId: election.id });
  expect(tasks.map((t: { assignee: string; notes: string }) => [t.assignee, t.notes])).toEqual([['(erased)', 'Ring (erased)']]);
  await page.getByRole('link', { name: 'Activity' }).click();
  await expect(page.getByText('Erased a volunteer’s personal data again after a restore', { exact: false })).toBeVisible();
  await expect(page.locator('main')).not.toContainText('Zephyrwood');
  await expect(page.locator('main')).not.toContainText('07700');
});
