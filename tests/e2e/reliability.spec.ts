import { expect, expectAccessible, test } from './fixtures.ts';

const ELECTION = { type: 'local', pollingDay: '2027-05-06', nation: 'england' };

test('the Activity page shows who changed what, filters it, and shows before and after', async ({ page, app }) => {
  const created = await app.call('elections.create', { name: 'County 2027', ...ELECTION });
  expect(created.status).toBe(200);
  await app.call('elections.update', { id: created.body.value.id, name: 'County council 2027', ...ELECTION });
  await app.call('areas.create', { name: 'Abbey ward', kind: 'ward', nation: 'england', electorate: 4000, classification: null });

  await page.getByRole('link', { name: 'Activity' }).click();
  await expect(page.getByRole('heading', { name: 'Activity', exact: true })).toBeVisible();
  const rows = page.locator('table.activity > tbody > tr');
  await expect(rows).toHaveCount(3);
  await expectAccessible(page);

  // Before and after of the edit, field by field.
  const edit = rows.filter({ hasText: 'Changed election' });
  await edit.getByText('Changed election').click();
  const changes = edit.getByRole('table');
  await expect(changes.getByRole('row', { name: /name County 2027 County council 2027/ })).toBeVisible();
  await expect(changes.getByRole('row')).toHaveCount(2); // heading + the one changed field
  await expectAccessible(page);

  // Filter by record type, then by change, then clear.
  await page.getByLabel('Record type').selectOption('area');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Abbey ward');
  await page.getByLabel('Record type').selectOption('election');
  await page.getByLabel('Change').selectOption('update');
  await expect(rows).toHaveCount(1);
  await page.getByRole('button', { name: 'Clear the filters' }).click();
  await expect(rows).toHaveCount(3);

  // Dates: today matches everything, a day long past nothing; backwards dates are explained.
  const today = new Date().toISOString().slice(0, 10);
  await page.getByLabel('From').fill(today);
  await expect(rows).toHaveCount(3);
  await page.getByLabel('From').fill('2001-01-01');
  await page.getByLabel('To').fill('2001-01-02');
  await expect(page.getByText('No changes match these filters.')).toBeVisible();
  await page.getByLabel('From').fill('2001-01-03');
  await expect(page.getByText(/“From” is after “To”/)).toBeVisible();
  await expectAccessible(page);
});

test('the Backups page takes a backup, checks it and restores it after asking', async ({ page, app }) => {
  await app.call('elections.create', { name: 'In the backup', ...ELECTION });

  await page.getByRole('link', { name: 'Backups' }).click();
  await expect(page.getByRole('heading', { name: 'Backups', exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'No backups yet' })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Take a backup now' }).click();
  await expect(page.getByRole('status')).toContainText('Backup taken');
  const rows = page.getByRole('table').locator('tbody > tr');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Taken by hand');

  await rows
    .first()
    .getByRole('button', { name: /^Check/ })
    .click();
  await expect(rows.first()).toContainText('Sound (version');
  await expectAccessible(page);

  // A change made after the backup, then the restore takes it back.
  await app.call('elections.create', { name: 'Made after the backup', ...ELECTION });
  await rows
    .first()
    .getByRole('button', { name: /^Restore/ })
    .click();
  const dialog = page.getByRole('dialog', { name: 'Restore this backup?' });
  await expect(dialog).toContainText('checked out');
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();

  await rows
    .first()
    .getByRole('button', { name: /^Restore/ })
    .click();
  await dialog.getByRole('button', { name: 'Restore' }).click();
  await expect(page.getByRole('status')).toContainText('Restored the backup');
  await expect(rows).toHaveCount(2); // the safety backup of the data from before
  await expect(page.getByRole('table')).toContainText('Before a restore');

  await page.getByRole('link', { name: 'Elections', exact: true }).click();
  await expect(page.getByRole('link', { name: 'In the backup' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Made after the backup' })).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('link', { name: 'In the backup' })).toBeVisible();

  await page.getByRole('link', { name: 'Activity' }).click();
  await expect(page.getByRole('table').first()).toContainText('Restored the backup');
  await page.screenshot({ path: '/tmp/rel/activity.png', fullPage: true });
});
