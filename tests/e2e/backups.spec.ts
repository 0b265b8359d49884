import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { backupsDir } from '../../db/sqlite/backup.ts';
import { expect, expectAccessible, test } from './fixtures.ts';

const ELECTION = { type: 'local', pollingDay: '2026-05-07', nation: 'england' };
const PASSPHRASE = 'lantern orchard ferry';

test('the Backups page takes a backup and a copy with its own passphrase, and restores the copy only with that passphrase', async ({ page, app }) => {
  await app.call('elections.create', { name: 'Kept in the copy', ...ELECTION });
  await page.getByRole('link', { name: 'Backups' }).click();
  await expect(page.getByRole('heading', { name: 'Backups', exact: true })).toBeVisible();
  await expect(page.getByText(/keeping those for 30 days/)).toBeVisible();

  await page.getByRole('button', { name: 'Take a backup now' }).click();
  await expect(page.getByRole('status')).toContainText('Backup taken');
  const rows = page.getByRole('table').locator('tbody > tr');
  await expect(rows.first()).toContainText('Encrypted with this database’s key');

  // The copy for taking off the machine: its passphrase typed twice, and refused when they differ.
  await page.getByRole('button', { name: 'Take a copy for taking off the machine…' }).click();
  const form = page.getByRole('form', { name: 'A copy for taking off the machine' });
  await form.getByLabel('Backup passphrase', { exact: true }).fill(PASSPHRASE);
  await form.getByLabel('The same passphrase again').fill('lantern orchard fery');
  await form.getByRole('button', { name: 'Take the copy' }).click();
  await expect(form.getByRole('alert')).toHaveText('The two passphrases differ: type the same one twice');
  await form.getByLabel('The same passphrase again').fill(PASSPHRASE);
  await expectAccessible(page);
  await page.screenshot({ path: '/tmp/safety/backups-copy-form.png', fullPage: true });
  await form.getByRole('button', { name: 'Take the copy' }).click();
  await expect(page.getByRole('status')).toContainText('Copy taken');
  await expect(form).toHaveCount(0);
  const copyRow = rows.filter({ hasText: 'Copy for taking off the machine' });
  await expect(copyRow).toContainText('Encrypted with its backup passphrase');
  const copyFile = (await copyRow.locator('.small').first().textContent()) ?? '';
  expect(readFileSync(join(backupsDir(app.dbPath), copyFile)).includes(Buffer.from('Kept in the copy'))).toBe(false);

  // A change after the copy; restoring the copy asks for its passphrase and refuses a wrong one.
  await app.call('elections.create', { name: 'Made after the copy', ...ELECTION });
  await copyRow.getByRole('button', { name: /^Restore/ }).click();
  const unlock = page.getByRole('dialog', { name: 'This backup has its own key' });
  await unlock.getByLabel('Backup passphrase or recovery key').fill('not the passphrase');
  await unlock.getByRole('button', { name: 'Unlock' }).click();
  await expect(unlock.getByRole('alert')).toContainText('That passphrase or recovery key does not open');
  await expect(unlock.getByRole('alert')).toContainText('Nothing was changed.');
  await expectAccessible(page);
  await page.screenshot({ path: '/tmp/safety/backups-unlock.png', fullPage: true });
  await unlock.getByLabel('Backup passphrase or recovery key').fill(PASSPHRASE);
  await unlock.getByRole('button', { name: 'Unlock' }).click();
  const confirm = page.getByRole('dialog', { name: 'Restore this backup?' });
  await expect(confirm).toContainText('checked out');
  await confirm.getByRole('button', { name: 'Restore' }).click();
  await expect(page.getByRole('status')).toContainText('Restored the backup');
  await expect(page.getByRole('table')).toContainText('Before a restore');
  await page.screenshot({ path: '/tmp/safety/backups-restored.png', fullPage: true });

  await page.getByRole('link', { name: 'Elections', exact: true }).click();
  await expect(page.getByRole('link', { name: 'Kept in the copy' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Made after the copy' })).toHaveCount(0);
});

test('the Backups page sets how long automatic backups are kept, refusing a number it cannot use, and deletes a backup after asking', async ({ page }) => {
  await page.getByRole('link', { name: 'Backups' }).click();
  await page.getByRole('button', { name: 'Take a backup now' }).click();
  await expect(page.getByRole('status')).toContainText('Backup taken');
  await page.getByRole('button', { name: /^Delete the backup of/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete this backup?' });
  await expect(dialog).toContainText('deleted for good');
  await dialog.getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByRole('status')).toContainText('Deleted the backup of');
  await expect(page.getByRole('heading', { name: 'No backups yet' })).toBeVisible();

  const days = page.getByLabel('Keep automatic backups for (days)');
  await expect(days).toHaveValue('30');
  await days.fill('0');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Keep automatic backups for at least 1 day')).toBeVisible();
  await days.fill('7');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status')).toHaveText('Automatic backups are now kept for 7 days. None was old enough to delete.');
  await expect(page.getByText(/keeping those for 7 days/)).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: '/tmp/safety/backups-retention.png', fullPage: true });
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
