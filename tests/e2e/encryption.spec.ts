import { parseRecoveryKey } from '../../db/sqlite/encryption/keys.ts';
import { keyFromKeyFile } from '../helpers/db.ts';
import { expect, expectAccessible, test } from './fixtures.ts';

test('a new database shows its recovery key once, until the user has written it down; Settings says the data is encrypted', async ({ page, app }) => {
  // Browser mode made a new, encrypted database: the first page shows its recovery key.
  const panel = page.getByRole('region', { name: 'Your recovery key' });
  await expect(panel).toBeVisible();
  const shown = (await panel.getByLabel('Recovery key').textContent()) ?? '';
  expect(shown).toMatch(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){12}$/);
  // It is the database's own key: it opens the file without the passphrase or the key file.
  expect(parseRecoveryKey(shown)).toEqual(keyFromKeyFile(app.dbPath));
  await expect(panel).toContainText('Write it down or print it now');
  await expectAccessible(page);

  // Print puts the panel alone on the page (the rest is hidden while it prints).
  await page.evaluate(() => {
    window.print = () => {
      document.body.dataset.printedWith = document.body.className;
    };
  });
  await panel.getByRole('button', { name: 'Print' }).click();
  await expect(page.locator('body')).toHaveAttribute('data-printed-with', 'printing-recovery-key');
  await expect(page.locator('body')).not.toHaveClass(/printing-recovery-key/);

  // Still there on reload until the user says it is written down; then gone for good.
  await page.reload();
  await expect(panel).toBeVisible();
  await panel.getByRole('button', { name: 'I have written it down' }).click();
  await expect(panel).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Welcome to Hustings' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Welcome to Hustings' })).toBeVisible();
  await expect(panel).toHaveCount(0);
  expect((await app.call('encryption.status', {})).body).toEqual({ ok: true, value: { encrypted: true, recoveryKey: null, teamDatabase: false } });

  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
  const encryption = page.getByRole('region', { name: 'Encryption' });
  await expect(encryption).toContainText('This database is encrypted');
  await expect(encryption.getByText('Your recovery key')).toHaveCount(0);
  await expectAccessible(page);

  // The Activity page records that it was confirmed, and never the key.
  await page.getByRole('link', { name: 'Activity' }).click();
  await expect(page.getByText('Confirmed the recovery key is written down; it is no longer shown')).toBeVisible();
  await expect(page.getByText(shown.slice(0, 11))).toHaveCount(0);
});
