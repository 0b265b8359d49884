/**
 * "Connect to a team": the typed address checked as a campaign user expects, and the desktop
 * app's memory of the team (a real file in a temporary folder). The checks against real servers
 * (a team server, a website that is not one, a port where nothing listens, a self-signed
 * certificate) are in tests/integration/postgres-team-server.test.ts.
 */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkTeamAddress, teamOrigin } from '../../main/team-address.ts';
import { openFileNextTime, rememberTeam, teamToOpen } from '../../main/remembered-team.ts';

describe('the typed address', () => {
  it('is the origin of an https address, with or without https:// and a path', () => {
    expect(teamOrigin(' https://team.example.org ')).toEqual({ ok: true, value: 'https://team.example.org' });
    expect(teamOrigin('team.example.org')).toEqual({ ok: true, value: 'https://team.example.org' });
    expect(teamOrigin('https://Team.Example.org:8443/sign-in?x=1')).toEqual({ ok: true, value: 'https://team.example.org:8443' });
  });

  it('may be http only on this computer, where a team server listens on plain HTTP by default', () => {
    expect(teamOrigin('localhost:8080')).toEqual({ ok: true, value: 'http://localhost:8080' });
    expect(teamOrigin('http://127.0.0.1:8080/')).toEqual({ ok: true, value: 'http://127.0.0.1:8080' });
    expect(teamOrigin('http://[::1]:8080')).toEqual({ ok: true, value: 'http://[::1]:8080' });
    expect(teamOrigin('http://team.example.org')).toEqual({
      ok: false,
      message:
        'http://team.example.org is not encrypted: your password and the campaign’s data would cross the network readable on the way. Use the server’s https:// address (http:// is only for a team server on this computer).',
    });
  });

  it('refuses, in a sentence, nothing, what is not a web address, and a name and password in it', () => {
    expect(teamOrigin('  ')).toEqual({
      ok: false,
      message: 'Enter the team server’s address, as your team secretary gave it (for example https://team.example.org).',
    });
    expect(teamOrigin('team example org')).toEqual({ ok: false, message: '“team example org” is not a web address: write it as https://team.example.org.' });
    expect(teamOrigin('ftp://team.example.org')).toEqual({
      ok: false,
      message: '“ftp://team.example.org” is not a web address: write it as https://team.example.org.',
    });
    expect(teamOrigin('https://ann:secret@team.example.org')).toEqual({
      ok: false,
      message: 'Leave your name and password out of the address: you sign in on the next page.',
    });
  });
});

/** A fetch that fails as Node's does, with the system's error code as its cause. */
const failing = (code: string) =>
  (async () => Promise.reject(new TypeError('fetch failed', { cause: Object.assign(new Error(code), { code }) }))) as typeof fetch;
const answering = (status: number, body: string) => (async () => new Response(body, { status })) as typeof fetch;

describe('what the server at the address says', () => {
  it('names the campaign of a Hustings team server', async () => {
    const info = answering(200, JSON.stringify({ ok: true, value: { hustings: 'team-server', campaign: 'Westshire Greens' } }));
    expect(await checkTeamAddress('team.example.org', info)).toEqual({ ok: true, value: { origin: 'https://team.example.org', campaign: 'Westshire Greens' } });
  });

  it('says so of a server that is not a Hustings team server', async () => {
    const notTeam = 'https://team.example.org answers, but it is not a Hustings team server: check the address with your team secretary.';
    for (const fetchImpl of [
      answering(200, '<!doctype html><title>Our branch</title>'),
      answering(404, 'Not found'),
      answering(401, JSON.stringify({ ok: false, error: { code: 'unauthorized', message: 'Missing or wrong token' } })),
      answering(200, JSON.stringify({ ok: true, value: { campaign: 'No product named' } })),
    ]) {
      expect(await checkTeamAddress('https://team.example.org', fetchImpl)).toEqual({ ok: false, message: notTeam });
    }
  });

  it('says why no answer came: no such name, nothing listening, a certificate, no HTTPS, too slow', async () => {
    const check = async (fetchImpl: typeof fetch) => ((await checkTeamAddress('https://team.example.org', fetchImpl)) as { message: string }).message;
    expect(await check(failing('ENOTFOUND'))).toBe('There is no server called team.example.org: check the address for a typing mistake, and your connection.');
    expect(await check(failing('ECONNREFUSED'))).toBe(
      'Nothing answers at https://team.example.org: the team server may not be running there, or the port is wrong.',
    );
    expect(await check(failing('CERT_HAS_EXPIRED'))).toBe(
      'https://team.example.org could not prove it is team.example.org (its certificate is not valid: CERT_HAS_EXPIRED). Do not sign in there; ask your team secretary.',
    );
    expect(await check(failing('ERR_SSL_WRONG_VERSION_NUMBER'))).toBe(
      'https://team.example.org does not speak HTTPS: check the address with your team secretary.',
    );
    expect(await check(failing('ECONNRESET'))).toBe('https://team.example.org could not be reached (ECONNRESET): check the address and your connection.');
    const slow = (async () => Promise.reject(new DOMException('The operation was aborted due to timeout', 'TimeoutError'))) as typeof fetch;
    expect(await check(slow)).toBe('https://team.example.org did not answer within 10 seconds: check your connection and the address, or try again later.');
  });
});

describe('the desktop app’s memory of its team', () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const westshire = { origin: 'https://team.example.org', campaign: 'Westshire Greens' };

  it('opens the file on this computer until a team is chosen, then the team, until the file is chosen again', () => {
    dir = mkdtempSync(join(tmpdir(), 'hustings-team-'));
    expect(teamToOpen(dir)).toBeNull();
    rememberTeam(dir, westshire);
    expect(teamToOpen(dir)).toEqual(westshire);
    expect(statSync(join(dir, 'team.json')).mode & 0o777).toBe(0o600);
    openFileNextTime(dir);
    expect(teamToOpen(dir)).toBeNull();
    // The team stays known, for the start page to offer.
    expect(JSON.parse(readFileSync(join(dir, 'team.json'), 'utf8'))).toEqual({ team: westshire, open: 'file' });
  });

  it('follows no file it cannot read, nor one edited to an address the app would refuse', () => {
    dir = mkdtempSync(join(tmpdir(), 'hustings-team-'));
    writeFileSync(join(dir, 'team.json'), '{ not json');
    expect(teamToOpen(dir)).toBeNull();
    writeFileSync(join(dir, 'team.json'), JSON.stringify({ team: { origin: 'http://evil.example.org', campaign: 'X' }, open: 'team' }));
    expect(teamToOpen(dir)).toBeNull();
    writeFileSync(join(dir, 'team.json'), JSON.stringify({ team: { origin: 'https://team.example.org/sign-in', campaign: 'X' }, open: 'team' }));
    expect(teamToOpen(dir)).toBeNull();
  });
});
