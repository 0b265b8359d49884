// Smoke test of the desktop shell through Playwright's Electron driver: the window loads the
// app from app://, the CSP header is sent and enforced, and the page has no Node.
// It needs Electron's binary, which is not installed on offline/CI machines
// (ELECTRON_SKIP_BINARY_DOWNLOAD=1): there it is skipped, saying why.
import { _electron as electron, expect, test } from '@playwright/test';
import type { ElectronApplication, Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { electronBinary } from '../../scripts/electron-binary.mjs';
import { APP_START_URL, CONTENT_SECURITY_POLICY } from '../../main/electron-policy.ts';

const root = path.resolve(import.meta.dirname, '..', '..');
const binary = electronBinary();
const skipReason =
  "Electron's binary is not installed (ELECTRON_SKIP_BINARY_DOWNLOAD?): the desktop smoke test needs it. " +
  'Install it with `npx install-electron` to run this test.';

test.describe('Electron window', () => {
  test.describe.configure({ mode: 'serial' }); // one window, opened once, for every test here
  let app: ElectronApplication;
  let page: Page;
  let userData: string;

  test.beforeAll(async () => {
    if (!binary) {
      console.log(`SKIPPED tests/e2e/electron.spec.ts — ${skipReason}`);
      return;
    }
    userData = mkdtempSync(path.join(os.tmpdir(), 'hustings-electron-'));
    const env = { ...process.env, XDG_CONFIG_HOME: userData, HOME: userData } as Record<string, string>;
    delete env.ELECTRON_RUN_AS_NODE;
    app = await electron.launch({ executablePath: binary, args: [root], cwd: root, env });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  });

  test.afterAll(async () => {
    await app?.close();
    if (userData) rmSync(userData, { recursive: true, force: true });
  });

  test.beforeEach(() => {
    test.skip(!binary, skipReason);
  });

  test('loads the app from app:// with a strict CSP header that is enforced', async () => {
    expect(page.url().startsWith(APP_START_URL)).toBe(true); // the router may add #/
    const header = await page.evaluate(async () => (await fetch('/')).headers.get('content-security-policy'));
    expect(header).toBe(CONTENT_SECURITY_POLICY);
    expect(header).not.toMatch(/unsafe-inline|unsafe-eval/);

    const violation = await page.evaluate(
      () =>
        new Promise<string | null>((resolve) => {
          document.addEventListener('securitypolicyviolation', (e) => resolve(e.effectiveDirective), { once: true });
          const s = document.createElement('script');
          s.textContent = 'window.__inlineRan = true';
          document.head.appendChild(s);
          setTimeout(() => resolve(null), 2000);
        }),
    );
    expect(violation).toMatch(/^script-src/);
    expect(await page.evaluate(() => (window as unknown as { __inlineRan?: boolean }).__inlineRan)).toBeUndefined();
    expect(
      await page.evaluate(() => {
        try {
          return eval('1 + 1');
        } catch {
          return 'blocked';
        }
      }),
    ).toBe('blocked');
  });

  test('gives the page no Node and only the two named bridge functions', async () => {
    expect(await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
    expect(await page.evaluate(() => typeof (window as unknown as { process?: unknown }).process)).toBe('undefined');
    const bridge = await page.evaluate(() => {
      const h = (window as unknown as { hustings: Record<string, unknown> }).hustings;
      return Object.keys(h)
        .sort()
        .map((k) => `${k}:${typeof h[k]}`);
    });
    expect(bridge).toEqual(['invoke:function', 'onJobEvent:function']);
  });

  test('answers over IPC and refuses new windows and foreign navigation', async () => {
    const result = await page.evaluate(() =>
      (window as unknown as { hustings: { invoke(m: string, i: unknown): Promise<{ ok: boolean }> } }).hustings.invoke('no.such.method', {}),
    );
    expect(result.ok).toBe(false);

    // URLs with credentials: refused in-window and never handed to the user's browser either,
    // so running this test opens nothing outside.
    expect(await page.evaluate(() => window.open('https://user:pw@example.invalid/') === null)).toBe(true);
    await page.evaluate(() => {
      window.location.href = 'https://user:pw@example.invalid/';
    });
    await page.waitForTimeout(500);
    expect(page.url().startsWith('app://hustings/')).toBe(true);
    expect(app.windows()).toHaveLength(1);
  });
});
