/**
 * Encrypting an existing plain database from the running app (issue 15): Settings says the data
 * is not encrypted, the new passphrase is asked twice, the file is converted in place while the
 * app keeps working, and the recovery key is shown once.
 */
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startBrowserMode } from '../helpers/server.ts';
import { expectAccessible } from './fixtures.ts';

const FIXTURES = new URL('../fixtures/db/', import.meta.url).pathname;
/** The newest fixture: a plain file at the latest schema, as a user's database made before encryption. */
const latestFixture = readdirSync(FIXTURES)
  .map((f) => /^v(\d+)\.sqlite$/.exec(f))
  .filter((m) => m !== null)
  .sort((a, b) => Number(b[1]) - Number(a[1]))[0][0];
const PERSON = 'electors.full_name 1';
const ELECTION = 'elections.name 1';
const PASSPHRASE = 'seven tired otters juggling';

/** The files below `dir` in which the text's bytes occur. */
function filesMentioning(dir: string, text: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => join(dir, f))
    .filter((f) => statSync(f).isFile() && readFileSync(f).includes(Buffer.from(text, 'utf8')));
}

test('a plain database is encrypted from Settings and keeps working', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'hustings-encrypt-e2e-'));
  const dbPath = join(dir, 'campaign.sqlite');
  copyFileSync(join(FIXTURES, latestFixture), dbPath);
  const app = await startBrowserMode({ dbPath });
  try {
    expect(filesMentioning(dir, PERSON).length).toBeGreaterThan(0); // the scan finds the person in a plain file
    await page.goto(app.url);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
    await expect(page.getByRole('note')).toContainText('This database is not encrypted.');
    await expectAccessible(page);
    await page.screenshot({ path: test.info().outputPath('settings-plain.png'), fullPage: true });

    // A typo in the second passphrase is caught before anything is changed.
    await page.getByLabel('New passphrase').fill(PASSPHRASE);
    await page.getByLabel('The same passphrase again').fill(`${PASSPHRASE}s`);
    await page.getByRole('button', { name: 'Encrypt this database' }).click();
    await expect(page.getByText('The two passphrases differ: type the same one twice')).toBeVisible();
    expect(filesMentioning(dir, PERSON).length).toBeGreaterThan(0);

    await page.getByLabel('The same passphrase again').fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Encrypt this database' }).click();
    const recovery = page.getByRole('region', { name: 'Your recovery key' });
    await expect(recovery).toBeVisible();
    await expect(recovery.getByLabel('Recovery key')).toHaveText(/^([0-9A-Z]{5}-){12}[0-9A-Z]{5}$/);
    await expect(page.getByRole('status')).toContainText('now encrypted');
    await expect(page.getByRole('note')).toHaveCount(0);
    await expectAccessible(page);
    await page.screenshot({ path: test.info().outputPath('settings-recovery-key.png'), fullPage: true });
    expect(filesMentioning(dir, PERSON)).toEqual([]);

    await recovery.getByRole('button', { name: 'I have written it down' }).click();
    await expect(recovery).toHaveCount(0);
    await expect(page.getByText('This database is encrypted')).toBeVisible();

    // The app goes on working on the converted file: after a reload the data is all there.
    await page.reload();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Elections', exact: true }).click();
    await expect(page.getByRole('link', { name: new RegExp(ELECTION) }).first()).toBeVisible();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await expect(page.getByText('This database is encrypted')).toBeVisible();
    await expect(page.getByRole('region', { name: 'Your recovery key' })).toHaveCount(0);
    expect(filesMentioning(dir, PERSON)).toEqual([]);

    // Started again, Hustings opens the encrypted file with the new passphrase.
    await app.stop();
    const again = await startBrowserMode({ dbPath, env: { HUSTINGS_PASSPHRASE: PASSPHRASE } });
    try {
      await page.goto(again.url);
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Elections', exact: true }).click();
      await expect(page.getByRole('link', { name: new RegExp(ELECTION) }).first()).toBeVisible();
    } finally {
      await again.stop();
    }
  } finally {
    await app.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
