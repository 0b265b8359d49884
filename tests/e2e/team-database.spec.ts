import { expect, expectAccessible, test } from './fixtures.ts';

// What only a team database shows: scanned here (the on-postgres project scans no others).
test.use({ scanAccessibility: true });

// Runs in the on-postgres project only (playwright.config.ts): what a team database shows instead
// of the campaign file's backups and encryption.
test('on a team database, Backups and Settings say the server keeps the data safe, and offer nothing that works only on a file', async ({ page }) => {
  await page.getByRole('link', { name: 'Backups' }).click();
  await expect(page.getByRole('heading', { name: 'Backing up a team database' })).toBeVisible();
  await expect(page.getByText('pg_dump --format=custom --file=campaign.dump postgres://USER@HOST:5432/DATABASE')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Take a backup now' })).toHaveCount(0);
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expectAccessible(page);

  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByText('This campaign is kept in a team database on PostgreSQL, which Hustings does not encrypt itself')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Encrypt this database' })).toHaveCount(0);
  await expect(page.getByText('This database is not encrypted.')).toHaveCount(0);
  await expectAccessible(page);
});
