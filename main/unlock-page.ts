/**
 * The desktop app's unlock screen as served on app://unlock/: a page of its own (the React app
 * cannot start before the database is open), three small files under a CSP that runs only its
 * own script. It talks to main only through window.hustingsUnlock (main/electron/unlock-preload.ts).
 */
import { MIN_PASSPHRASE } from '../shared/contract/encrypt.ts';
import { APP_SCHEME } from './electron-policy.ts';

const UNLOCK_HOST = 'unlock';
export const UNLOCK_URL = `${APP_SCHEME}://${UNLOCK_HOST}/`;

const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";

const HTML = `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>Unlock your data — Hustings</title>
<link rel="stylesheet" href="unlock.css">
<script src="unlock.js" defer></script>
</head>
<body>
<main>
<h1 id="title">Unlock your data</h1>
<p id="reason"></p>
<form id="form" novalidate>
<div id="key-field" hidden>
<label for="key" id="key-label">Recovery key</label>
<input id="key" autocomplete="off" autocapitalize="characters" spellcheck="false">
<p class="hint" id="key-hint">13 groups of 5 letters and digits. Spaces, dashes and capitals do not matter.</p>
</div>
<div id="new-fields" hidden>
<label for="new">New passphrase (at least ${MIN_PASSPHRASE} characters)</label>
<input id="new" type="password" autocomplete="new-password">
<label for="repeat">The same passphrase again</label>
<input id="repeat" type="password" autocomplete="new-password">
</div>
<p id="message" role="alert"></p>
<button type="submit" id="submit">Unlock</button>
</form>
</main>
</body>
</html>
`;

const CSS = `body { font: 15px/1.45 system-ui, sans-serif; margin: 0; color: #1b1b1b; background: #f6f6f4; }
main { max-width: 42rem; margin: 2rem auto; padding: 0 1.5rem; }
h1 { font-size: 1.4rem; margin: 0 0 .75rem; }
label { display: block; font-weight: 600; margin-top: 1rem; }
input { box-sizing: border-box; width: 100%; font: inherit; padding: .45rem .55rem; margin-top: .25rem; border: 1px solid #767676; border-radius: 4px; }
#key { font-family: ui-monospace, monospace; font-size: .85rem; }
.hint { color: #555; font-size: .9rem; margin: .3rem 0 0; }
#message { color: #a4000f; font-weight: 600; min-height: 1.4em; margin: 1rem 0 .5rem; }
button { font: inherit; font-weight: 600; padding: .5rem 1.4rem; border: 0; border-radius: 4px; background: #1d4f91; color: #fff; }
button:disabled { background: #888; }
`;

// Plain script: the page has no bundler of its own.
const JS = `'use strict';
const $ = (id) => document.getElementById(id);
const bridge = window.hustingsUnlock;
let ask = null;
bridge.ask().then((a) => {
  ask = a;
  $('reason').textContent = a.reason;
  if (a.key === null) $('title').textContent = 'Choose a passphrase for your data';
  if (a.key !== null) {
    $('key-field').hidden = false;
    if (a.key === 'passphrase-or-recovery-key') {
      $('key-label').textContent = 'Passphrase or recovery key';
      $('key').type = 'password';
      $('key-hint').textContent = 'The recovery key is 13 groups of 5 letters and digits.';
    }
  }
  $('new-fields').hidden = !a.newPassphrase;
  $('submit').textContent = a.key === null ? 'Lock with this passphrase' : 'Unlock';
  (a.key !== null ? $('key') : $('new')).focus();
});
$('form').addEventListener('submit', (event) => {
  event.preventDefault();
  if (ask === null) return;
  $('submit').disabled = true;
  $('message').textContent = '';
  bridge
    .submit({ key: $('key').value, newPassphrase: $('new').value, repeat: $('repeat').value })
    .then((r) => {
      if (r.ok) {
        $('message').textContent = '';
        $('submit').textContent = 'Opening…';
        return;
      }
      $('message').textContent = r.message;
      $('submit').disabled = false;
      (ask.key !== null ? $('key') : $('new')).focus();
    });
});
`;

const FILES: Record<string, { type: string; body: string }> = {
  '/': { type: 'text/html; charset=utf-8', body: HTML },
  '/unlock.css': { type: 'text/css; charset=utf-8', body: CSS },
  '/unlock.js': { type: 'text/javascript; charset=utf-8', body: JS },
};

/** The unlock page's files on app://unlock/; null for any other address. */
export function serveUnlockPage(url: string, method: string): Response | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== UNLOCK_HOST) return null;
  const file = FILES[parsed.pathname];
  if (file === undefined || (method !== 'GET' && method !== 'HEAD')) return new Response(null, { status: file === undefined ? 404 : 405 });
  return new Response(method === 'HEAD' ? null : file.body, {
    status: 200,
    headers: { 'Content-Type': file.type, 'Content-Security-Policy': CSP, 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store' },
  });
}

/** Whether an IPC message came from the unlock page itself (its top frame), not from any other page. */
export function isUnlockSender(frame: { url: string; parent: unknown | null } | null | undefined): boolean {
  if (frame === null || frame === undefined || frame.parent !== null) return false;
  try {
    const url = new URL(frame.url);
    return url.protocol === `${APP_SCHEME}:` && url.host === UNLOCK_HOST;
  } catch {
    return false;
  }
}
