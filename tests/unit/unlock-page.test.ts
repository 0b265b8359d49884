// The unlock window's page on app://unlock/ (main/unlock-page.ts): only its own three files, each
// under a CSP that runs its own script only; and only its own top frame may call main.
import { describe, expect, it } from 'vitest';
import { isUnlockSender, serveUnlockPage, UNLOCK_URL } from '../../main/unlock-page.ts';

describe('the unlock page', () => {
  it('serves its page, style and script with a strict CSP, nosniff and no caching', async () => {
    for (const [file, type] of [
      ['', 'text/html'],
      ['unlock.css', 'text/css'],
      ['unlock.js', 'text/javascript'],
    ]) {
      const r = serveUnlockPage(`${UNLOCK_URL}${file}`, 'GET')!;
      expect(r.status, file).toBe(200);
      expect(r.headers.get('content-type')).toMatch(new RegExp(`^${type}`));
      expect(r.headers.get('content-security-policy')).toBe(
        "default-src 'none'; script-src 'self'; style-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'",
      );
      expect(r.headers.get('x-content-type-options')).toBe('nosniff');
      expect(r.headers.get('cache-control')).toBe('no-store');
    }
    const html = await serveUnlockPage(UNLOCK_URL, 'GET')!.text();
    expect(html).not.toMatch(/<script>|style=|on[a-z]+=/); // nothing inline the CSP would have to allow
  });

  it('refuses other files and methods, and leaves every other address to the app', () => {
    expect(serveUnlockPage('app://unlock/../../etc/passwd', 'GET')!.status).toBe(404);
    expect(serveUnlockPage('app://unlock/index.html', 'GET')!.status).toBe(404);
    expect(serveUnlockPage('app://unlock/', 'POST')!.status).toBe(405);
    expect(serveUnlockPage('app://hustings/', 'GET')).toBeNull();
    expect(serveUnlockPage('https://unlock/', 'GET')).toBeNull();
    expect(serveUnlockPage('not a url', 'GET')).toBeNull();
  });

  it('answers only its own top frame', () => {
    expect(isUnlockSender({ url: 'app://unlock/', parent: null })).toBe(true);
    expect(isUnlockSender({ url: 'app://unlock/', parent: {} })).toBe(false);
    expect(isUnlockSender({ url: 'app://hustings/', parent: null })).toBe(false);
    expect(isUnlockSender({ url: 'https://unlock/', parent: null })).toBe(false);
    expect(isUnlockSender({ url: 'garbage', parent: null })).toBe(false);
    expect(isUnlockSender(null)).toBe(false);
    expect(isUnlockSender(undefined)).toBe(false);
  });
});
