// The desktop app's unlock screen without Electron (main/desktop-unlock.ts): what it asks when the
// keychain cannot open the database, and what a typed recovery key or passphrase does, on real
// encrypted files and key files. The window's wiring is tests/integration/electron-main.test.ts.
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatRecoveryKey, generateDataKey, keyFilePath } from '../../db/sqlite/encryption/keys.ts';
import { unlock } from '../../db/sqlite/encryption/unlock.ts';
import { openHustings } from '../../main/app.ts';
import { isRealKeychain, tryTyped, whatToAsk } from '../../main/desktop-unlock.ts';
import { ok } from '../helpers/db.ts';
import { keychain } from '../helpers/keychain.ts';

let dir: string;
let dbPath: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hustings-desktop-unlock-'));
  dbPath = join(dir, 'hustings.sqlite');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const hash = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
function fingerprint() {
  return { db: hash(dbPath), key: existsSync(keyFilePath(dbPath)) ? hash(keyFilePath(dbPath)) : null, files: readdirSync(dir).sort() };
}

/** A database made by the desktop app on a computer, with an election in it; its recovery key. */
async function madeOn(keys: Parameters<typeof openHustings>[0]['keys']): Promise<string> {
  const app = await openHustings({ dbPath, keys, startupBackup: false });
  await ok(app, 'elections.create', { name: 'Unlock 2026', type: 'local', pollingDay: '2026-05-07', nation: 'england' });
  const recoveryKey = app.encryption.pendingRecoveryKey as string;
  await app.close();
  return recoveryKey;
}

async function electionsWith(keys: Parameters<typeof openHustings>[0]['keys']): Promise<string[]> {
  const app = await openHustings({ dbPath, keys, startupBackup: false });
  try {
    return (await ok(app, 'elections.list', {})).map((e: { name: string }) => e.name);
  } finally {
    await app.close();
  }
}

/** The recovery key with one character of group `group` (1-based) changed. */
function withTypo(recoveryKey: string, group: number): string {
  const groups = recoveryKey.split('-');
  const g = groups[group - 1];
  groups[group - 1] = g.slice(0, -1) + (g.at(-1) === 'A' ? 'B' : 'A'); // its check character: always caught
  return groups.join('-');
}

describe('which keychain counts', () => {
  it("trusts safeStorage, except where there is none or it is Linux's basic_text (a key built into Chromium)", () => {
    expect(isRealKeychain({ available: true, platform: 'darwin' })).toBe(true);
    expect(isRealKeychain({ available: true, platform: 'win32' })).toBe(true);
    expect(isRealKeychain({ available: true, platform: 'linux', backend: 'gnome_libsecret' })).toBe(true);
    expect(isRealKeychain({ available: true, platform: 'linux', backend: 'kwallet5' })).toBe(true);
    expect(isRealKeychain({ available: true, platform: 'linux', backend: 'basic_text' })).toBe(false);
    expect(isRealKeychain({ available: true, platform: 'linux', backend: 'unknown' })).toBe(false);
    expect(isRealKeychain({ available: false, platform: 'darwin' })).toBe(false);
  });
});

describe('a lost keychain entry (a new computer, a reinstalled system)', () => {
  it('asks for the recovery key; a typo names its group, another key is refused, nothing is written; the right one locks the key in the new keychain', async () => {
    const old = keychain();
    const recoveryKey = await madeOn({ protector: old.protector });
    old.lose();
    const fresh = keychain();

    expect(whatToAsk(dbPath, true)).toEqual({
      key: 'recovery-key',
      newPassphrase: false,
      reason: expect.stringContaining("This computer's keychain cannot unlock your data"),
    });
    const before = fingerprint();
    const refused = async (typed: string) => {
      const r = await tryTyped(dbPath, { key: typed }, fresh.protector);
      expect(r.ok).toBe(false);
      return (r as { message: string }).message;
    };
    expect(await refused('   ')).toBe('Type the recovery key (13 groups of 5 letters and digits).');
    expect(await refused(withTypo(recoveryKey, 3))).toMatch(
      new RegExp(`^The recovery key for ${dbPath.replace(/[.\\]/g, '\\$&')} has a typo in group 3 of 13 \\(`),
    );
    expect(await refused(recoveryKey.slice(0, -1))).toContain('has 64 letters and digits, but a recovery key has 65');
    expect(await refused(formatRecoveryKey(generateDataKey()))).toBe(
      `The recovery key does not open ${dbPath}: it is another database's. Nothing in it was changed.`,
    );
    expect(fingerprint()).toEqual(before);

    // Typed as people type: small letters, spaces instead of dashes.
    const right = await tryTyped(dbPath, { key: recoveryKey.toLowerCase().replaceAll('-', ' ') }, fresh.protector);
    expect(right).toEqual({ ok: true, keys: { key: expect.any(Buffer), protector: fresh.protector } });
    expect(await electionsWith((right as { keys: object }).keys)).toEqual(['Unlock 2026']);
    // From now on the new keychain alone opens it.
    expect(JSON.parse(readFileSync(keyFilePath(dbPath), 'utf8'))).toEqual({ hustingsKeyFile: 1, keychain: { sealed: expect.any(String) } });
    expect(await electionsWith({ protector: fresh.protector })).toEqual(['Unlock 2026']);
  });

  it('with a passphrase lock too: asks for either; a wrong passphrase is said plainly; the passphrase or the recovery key relocks the keychain and keeps the passphrase', async () => {
    const old = keychain();
    const recoveryKey = await madeOn({ protector: old.protector, passphrase: 'correct horse battery' });
    old.lose();
    const fresh = keychain();

    expect(whatToAsk(dbPath, true)).toMatchObject({ key: 'passphrase-or-recovery-key', newPassphrase: false });
    const before = fingerprint();
    expect(await tryTyped(dbPath, { key: 'wrong horse battery' }, fresh.protector)).toEqual({
      ok: false,
      message: `That is neither the passphrase nor the recovery key of ${dbPath}. Nothing in it was changed.`,
    });
    // Plainly meant as a recovery key: its typo is the useful message.
    expect(await tryTyped(dbPath, { key: withTypo(recoveryKey, 5) }, fresh.protector)).toMatchObject({
      ok: false,
      message: expect.stringContaining('has a typo in group 5 of 13'),
    });
    expect(fingerprint()).toEqual(before);

    expect(await tryTyped(dbPath, { key: 'correct horse battery' }, fresh.protector)).toMatchObject({ ok: true });
    expect(await electionsWith({ protector: fresh.protector })).toEqual(['Unlock 2026']);
    expect(await electionsWith({ passphrase: 'correct horse battery' })).toEqual(['Unlock 2026']);

    // Another computer again: the recovery key, and the passphrase still works afterwards.
    const third = keychain();
    expect(await tryTyped(dbPath, { key: recoveryKey }, third.protector)).toMatchObject({ ok: true });
    expect(await electionsWith({ protector: third.protector })).toEqual(['Unlock 2026']);
    expect((await unlock(dbPath, { passphrase: 'correct horse battery' })).key).not.toBeNull();
  });
});

describe('no keychain (Linux without a secret service)', () => {
  it('asks for a new passphrase, twice, for a new database; too short or not the same is refused', async () => {
    expect(whatToAsk(dbPath, false)).toEqual({ key: null, newPassphrase: true, reason: expect.stringContaining('This computer has no keychain') });
    expect(await tryTyped(dbPath, { newPassphrase: 'short', repeat: 'short' }, undefined)).toEqual({
      ok: false,
      message: 'The new passphrase must be at least 8 characters long.',
    });
    expect(await tryTyped(dbPath, { newPassphrase: 'long enough one', repeat: 'long enough on' }, undefined)).toEqual({
      ok: false,
      message: 'The two passphrases are not the same: type the new passphrase twice, exactly.',
    });
    expect(existsSync(dbPath)).toBe(false);
    const r = await tryTyped(dbPath, { newPassphrase: 'long enough one', repeat: 'long enough one' }, undefined);
    expect(r).toEqual({ ok: true, keys: { passphrase: 'long enough one' } });
    // The database it makes has its recovery key to show, and its key file is locked by the passphrase only.
    expect(await madeOn((r as { keys: object }).keys)).toMatch(/^([0-9A-Z]{5}-){12}[0-9A-Z]{5}$/);
    expect(Object.keys(JSON.parse(readFileSync(keyFilePath(dbPath), 'utf8')))).toEqual(['hustingsKeyFile', 'passphrase']);
    expect(whatToAsk(dbPath, false)).toMatchObject({ key: 'passphrase-or-recovery-key', newPassphrase: false });
    expect(await tryTyped(dbPath, { key: 'long enough one' }, undefined)).toMatchObject({ ok: true });
  });

  it('a key once "locked" by basic_text: the recovery key and a new passphrase lock it properly', async () => {
    const weak = keychain();
    const recoveryKey = await madeOn({ protector: weak.protector });
    expect(whatToAsk(dbPath, false)).toMatchObject({ key: 'recovery-key', newPassphrase: true });
    const before = fingerprint();
    expect(await tryTyped(dbPath, { key: recoveryKey, newPassphrase: 'a new one here', repeat: 'a new one' }, undefined)).toMatchObject({ ok: false });
    expect(await tryTyped(dbPath, { key: withTypo(recoveryKey, 13), newPassphrase: 'a new one here', repeat: 'a new one here' }, undefined)).toMatchObject({
      ok: false,
      message: expect.stringContaining('has a typo in group 13 of 13'),
    });
    expect(fingerprint()).toEqual(before);
    expect(await tryTyped(dbPath, { key: recoveryKey, newPassphrase: 'a new one here', repeat: 'a new one here' }, undefined)).toMatchObject({ ok: true });
    expect(Object.keys(JSON.parse(readFileSync(keyFilePath(dbPath), 'utf8')))).toEqual(['hustingsKeyFile', 'passphrase']);
    expect(await electionsWith({ passphrase: 'a new one here' })).toEqual(['Unlock 2026']);
  });
});
