import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  APP_START_URL,
  artworkRequestId,
  artworkViewerUrl,
  CONTENT_SECURITY_POLICY,
  isAllowedNavigation,
  isAppUrl,
  isPermissionAllowed,
  isSafeExternalUrl,
  isTrustedSender,
  newWindowAction,
  resolveAppRequest,
  responseHeaders,
} from '../../main/electron-policy.ts';

describe('isTrustedSender (IPC sender frame check)', () => {
  const top = (url: string) => ({ url, parent: null });

  it('accepts the top frame of the app page and its routes', () => {
    expect(isTrustedSender(top(APP_START_URL))).toBe(true);
    expect(isTrustedSender(top('app://hustings/elections/3?tab=areas#x'))).toBe(true);
  });

  it('refuses a missing or destroyed frame', () => {
    expect(isTrustedSender(null)).toBe(false);
    expect(isTrustedSender(undefined)).toBe(false);
  });

  it('refuses a sub-frame even when it is on the app origin', () => {
    expect(isTrustedSender({ url: APP_START_URL, parent: top(APP_START_URL) })).toBe(false);
  });

  it('refuses frames from any other origin or scheme', () => {
    for (const url of [
      'https://hustings/',
      'http://127.0.0.1:5173/',
      'file:///opt/Hustings/resources/app.asar/dist/renderer/index.html',
      'app://evil/',
      'app://hustings.evil.com/',
      'app://evil.com/hustings/',
      'app://hustings:8080/',
      'app://hustings@evil/',
      'app://user:pw@hustings/',
      'about:blank',
      'devtools://devtools/bundled/inspector.html',
      'chrome-error://chromewebdata/',
      'data:text/html,app://hustings/',
      'javascript:alert(1)//app://hustings/',
      '',
      'not a url',
    ]) {
      expect(isTrustedSender(top(url)), url).toBe(false);
    }
  });
});

describe('isAllowedNavigation', () => {
  it('allows only in-app URLs', () => {
    expect(isAllowedNavigation('app://hustings/contests')).toBe(true);
    expect(isAllowedNavigation('https://example.org/')).toBe(false);
    expect(isAllowedNavigation('file:///etc/passwd')).toBe(false);
    expect(isAllowedNavigation('app://other/')).toBe(false);
    expect(isAllowedNavigation(undefined)).toBe(false);
  });

  it('keeps the window of a team server on that server, and off the app', () => {
    const team = 'https://team.example.org';
    expect(isAllowedNavigation('https://team.example.org/sign-in', team)).toBe(true);
    expect(isAllowedNavigation('https://team.example.org/#/canvass', team)).toBe(true);
    expect(isAllowedNavigation('https://team.example.org.evil.example/', team)).toBe(false);
    expect(isAllowedNavigation('http://team.example.org/', team)).toBe(false);
    expect(isAllowedNavigation('https://ann:pw@team.example.org/', team)).toBe(false);
    expect(isAllowedNavigation('app://hustings/', team)).toBe(false);
    expect(isAllowedNavigation('https://team.example.org/', undefined)).toBe(false);
  });
});

describe('newWindowAction (links asking for a new window)', () => {
  const team = 'https://team.example.org';
  it('downloads the team server’s PDFs and artwork in the team window’s session', () => {
    expect(newWindowAction('https://team.example.org/api/pdf/walk-sheets?area=3&district=AB', team)).toBe('download');
    expect(newWindowAction('https://team.example.org/api/pdf/knock-up?contest=1&room=2&round=1', team)).toBe('download');
    expect(newWindowAction('https://team.example.org/api/artwork/12', team)).toBe('download');
  });

  it('sends the team’s other pages and other sites to the system browser, as before', () => {
    expect(newWindowAction('https://team.example.org/help', team)).toBe('external');
    expect(newWindowAction('https://team.example.org/api/elections', team)).toBe('external');
    expect(newWindowAction('https://team.example.org.evil.example/api/pdf/walk-sheets', team)).toBe('external');
    expect(newWindowAction('http://team.example.org/api/pdf/walk-sheets', team)).toBe('external');
    expect(newWindowAction('https://www.electoralcommission.org.uk/', team)).toBe('external');
  });

  it('refuses what is not safe to open outside, and downloads nothing for the file’s window', () => {
    expect(newWindowAction('https://ann:pw@team.example.org/api/pdf/walk-sheets', team)).toBe('refuse');
    expect(newWindowAction('javascript:alert(1)', team)).toBe('refuse');
    expect(newWindowAction('file:///etc/passwd', team)).toBe('refuse');
    expect(newWindowAction(undefined, team)).toBe('refuse');
    expect(newWindowAction('https://team.example.org/api/pdf/walk-sheets')).toBe('external');
    expect(newWindowAction('app://hustings/api/pdf/walk-sheets')).toBe('refuse');
  });
});

describe('isSafeExternalUrl (shell.openExternal)', () => {
  it('allows plain http and https links', () => {
    expect(isSafeExternalUrl('https://www.electoralcommission.org.uk/')).toBe(true);
    expect(isSafeExternalUrl('http://candidates.democracyclub.org.uk/elections/parl.2024-07-04/')).toBe(true);
  });

  it('refuses other schemes, credentials and junk, without substring tricks', () => {
    for (const url of [
      'file:///etc/passwd',
      'smb://attacker/share',
      'javascript:alert(1)',
      'javascript://https://example.org/%0aalert(1)',
      'ms-msdt:/id PCWDiagnostic',
      'data:text/html,<script>alert(1)</script>',
      'app://hustings/',
      'https://user:pass@example.org/',
      'https://example.org@evil.test/',
      'httpsx://example.org/',
      ' file:///https://',
      'https:',
      'not a url',
      '',
    ]) {
      expect(isSafeExternalUrl(url), url).toBe(false);
    }
    expect(isSafeExternalUrl(42)).toBe(false);
    expect(isSafeExternalUrl(null)).toBe(false);
  });
});

describe('permissions', () => {
  it('denies every permission', () => {
    for (const p of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal', 'fullscreen']) {
      expect(isPermissionAllowed(p)).toBe(false);
    }
  });
});

describe('CSP', () => {
  it('has no unsafe sources and locks down the defaults', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|unsafe-hashes|wasm-unsafe-eval|\*/);
    expect(CONTENT_SECURITY_POLICY).toMatch(/default-src '(self|none)'/);
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    expect(responseHeaders('text/html')['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(responseHeaders('text/html')['X-Content-Type-Options']).toBe('nosniff');
  });
});

describe('resolveAppRequest (app:// protocol handler)', () => {
  const root = path.resolve('/opt/hustings/dist/renderer');

  it('serves files under the renderer root with their type', () => {
    expect(resolveAppRequest('app://hustings/assets/index-abc.js', 'GET', root)).toEqual({
      kind: 'file',
      file: path.join(root, 'assets', 'index-abc.js'),
      contentType: 'text/javascript; charset=utf-8',
    });
    const css = resolveAppRequest('app://hustings/assets/index.css', 'HEAD', root);
    expect(css.kind === 'file' && css.contentType).toBe('text/css; charset=utf-8');
  });

  it('answers client-side routes with index.html', () => {
    for (const url of ['app://hustings/', 'app://hustings/elections/12', 'app://hustings/areas?x=1']) {
      const r = resolveAppRequest(url, 'GET', root);
      expect(r, url).toEqual({ kind: 'file', file: path.join(root, 'index.html'), contentType: 'text/html; charset=utf-8' });
    }
  });

  it('never leaves the renderer root', () => {
    for (const url of [
      'app://hustings/../../../etc/passwd.txt',
      'app://hustings/%2e%2e/%2e%2e/secret.txt',
      'app://hustings/assets/..%2f..%2f..%2fmain.cjs',
      'app://hustings/..%5c..%5cmain.cjs',
      'app://hustings/%00.js',
    ]) {
      const r = resolveAppRequest(url, 'GET', root);
      if (r.kind === 'file') {
        expect(r.file.startsWith(root + path.sep), `${url} -> ${r.file}`).toBe(true);
      } else {
        expect(r.status, url).toBe(404);
      }
    }
    expect(resolveAppRequest('app://hustings/%E0%A4%A.js', 'GET', root)).toEqual({ kind: 'refused', status: 404 });
  });

  it('refuses other hosts and writes', () => {
    expect(resolveAppRequest('app://other/index.html', 'GET', root)).toEqual({ kind: 'refused', status: 403 });
    expect(resolveAppRequest('app://hustings/index.html', 'POST', root)).toEqual({ kind: 'refused', status: 405 });
  });

  it('is the same URL the window opens', () => {
    expect(isAppUrl(APP_START_URL)).toBe(true);
  });
});

describe('the artwork viewer', () => {
  it('answers only GET app://artwork/<leaflet id>', () => {
    expect(artworkViewerUrl(7)).toBe('app://artwork/7');
    expect(artworkRequestId('app://artwork/7', 'GET')).toBe(7);
    expect(artworkRequestId('app://artwork/7', 'POST')).toBeNull();
    for (const url of [
      'app://artwork/',
      'app://artwork/7/x',
      'app://artwork/..%2f7',
      'app://hustings/7',
      'app://artwork:1/7',
      'https://artwork/7',
      'app://u:p@artwork/7',
    ]) {
      expect(artworkRequestId(url, 'GET'), url).toBeNull();
    }
  });

  it('is on a host the IPC check never trusts and no page may navigate to', () => {
    expect(isTrustedSender({ url: artworkViewerUrl(7), parent: null })).toBe(false);
    expect(isAllowedNavigation(artworkViewerUrl(7))).toBe(false);
  });
});
