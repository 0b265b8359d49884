// The desktop app's unlock window in real Chromium: its page as main serves it on app://unlock/
// (served here on a test origin, with the same headers and CSP), its two calls answered by the
// same logic main runs (main/desktop-unlock.ts) on a real encrypted database whose keychain entry
// is lost. Only the IPC hop is replaced: Electron cannot run on this machine (the wiring itself
// is driven in tests/integration/electron-main.test.ts).
import { test, expect, type Page } from '@playwright/test';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDataKey, keyFilePath } from '../../db/sqlite/encryption/keys.ts';
import { openHustings } from '../../main/app.ts';
import { tryTyped, type Typed, whatToAsk } from '../../main/desktop-unlock.ts';
import { serveUnlockPage } from '../../main/unlock-page.ts';
import { expectAccessible } from './fixtures.ts';

const ORIGIN = 'http://unlock.hustings.test';

/** A keychain as safeStorage is one: it seals for this computer only, and can be lost. */
function keychain() {
  const secret = generateDataKey();
  let lost = false;
  const xor = (b: Buffer) => Buffer.from(b.map((byte, i) => byte ^ secret[i % secret.length]));
  return {
    encrypt: xor,
    decrypt: (b: Buffer) => {
      if (lost) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return xor(b);
    },
    lose: () => (lost = true),
  };
}

async function showUnlockWindow(page: Page, dbPath: string, protector: ReturnType<typeof keychain> | undefined) {
  const opened: unknown[] = [];
  await page.route(`${ORIGIN}/**`, async (route) => {
    const served = serveUnlockPage(route.request().url().replace(ORIGIN, 'app://unlock'), route.request().method());
    if (served === null) return route.abort();
    await route.fulfill({ status: served.status, headers: Object.fromEntries(served.headers), body: Buffer.from(await served.arrayBuffer()) });
  });
  // What unlock-preload.ts exposes, with main's answers (unlock-window.ts) behind it.
  await page.exposeFunction('unlockAsk', () => whatToAsk(dbPath, protector !== undefined));
  await page.exposeFunction('unlockSubmit', async (typed: Typed) => {
    const r = await tryTyped(dbPath, typed, protector);
    if (r.ok) opened.push(r.keys);
    return r.ok ? { ok: true } : { ok: false, message: r.message };
  });
  await page.addInitScript(() => {
    const w = window as unknown as Record<string, (...a: unknown[]) => unknown>;
    (window as unknown as { hustingsUnlock: unknown }).hustingsUnlock = { ask: () => w.unlockAsk(), submit: (t: unknown) => w.unlockSubmit(t) };
  });
  await page.goto(`${ORIGIN}/`);
  return opened;
}

test.describe('the unlock window', () => {
  let dir: string;
  let dbPath: string;
  test.beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'hustings-unlock-window-'));
    dbPath = join(dir, 'hustings.sqlite');
  });
  test.afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('a lost keychain entry: a typo is named by its group, the right recovery key opens the data and the new keychain holds it', async ({ page }) => {
    const old = keychain();
    const app = await openHustings({ dbPath, keys: { protector: old }, startupBackup: false });
    const recoveryKey = app.encryption.pendingRecoveryKey as string;
    await app.close();
    old.lose();
    const fresh = keychain();

    const opened = await showUnlockWindow(page, dbPath, fresh);
    await expect(page.getByRole('heading', { name: 'Unlock your data' })).toBeVisible();
    await expect(page.getByText("This computer's keychain cannot unlock your data")).toBeVisible();
    await expect(page.getByLabel('Recovery key')).toBeFocused();
    await expectAccessible(page);

    const groups = recoveryKey.split('-');
    groups[3] = groups[3].slice(0, -1) + (groups[3].at(-1) === 'A' ? 'B' : 'A'); // its check character: always caught
    await page.getByLabel('Recovery key').fill(groups.join('-'));
    await page.getByRole('button', { name: 'Unlock' }).click();
    await expect(page.getByRole('alert')).toHaveText(
      `The recovery key for ${dbPath} has a typo in group 4 of 13 (${groups[3]}): compare it with the written copy.`,
    );
    await page.screenshot({ path: test.info().outputPath('unlock-typo.png') });
    expect(opened).toEqual([]);

    await page.getByLabel('Recovery key').fill(recoveryKey.toLowerCase());
    await page.getByRole('button', { name: 'Unlock' }).click();
    await expect(page.getByRole('button', { name: 'Opening…' })).toBeDisabled();
    await expect(page.getByRole('alert')).toHaveText('');
    expect(opened).toHaveLength(1);
    // The next start needs nothing typed: the new keychain alone opens it.
    const again = await openHustings({ dbPath, keys: { protector: fresh }, startupBackup: false });
    await again.close();
    expect(JSON.parse(readFileSync(keyFilePath(dbPath), 'utf8'))).toEqual({ hustingsKeyFile: 1, keychain: { sealed: expect.any(String) } });
  });

  test('no keychain: a new database asks for a passphrase twice, and says when they differ', async ({ page }) => {
    const opened = await showUnlockWindow(page, dbPath, undefined);
    await expect(page.getByRole('heading', { name: 'Choose a passphrase for your data' })).toBeVisible();
    await expect(page.getByLabel('Recovery key')).toBeHidden();
    await page.getByLabel('New passphrase (at least 8 characters)').fill('long enough');
    await page.getByLabel('The same passphrase again').fill('long enouhg');
    await page.getByRole('button', { name: 'Lock with this passphrase' }).click();
    await expect(page.getByRole('alert')).toHaveText('The two passphrases are not the same: type the new passphrase twice, exactly.');
    await expectAccessible(page);
    await page.getByLabel('The same passphrase again').fill('long enough');
    await page.getByRole('button', { name: 'Lock with this passphrase' }).click();
    await expect(page.getByRole('button', { name: 'Opening…' })).toBeDisabled();
    expect(opened).toEqual([{ passphrase: 'long enough' }]);
  });
});
