// What the desktop app opens its database with: the data key locked by the operating system's
// keychain through Electron's safeStorage (as Signal Desktop keeps its key).
import { safeStorage } from 'electron';
import type { KeySource, KeyProtector } from '../../db/encryption/unlock.ts';

/** safeStorage as a KeyProtector: the data key goes in as base64 text, sealed by the keychain. */
const keychain: KeyProtector = {
  encrypt: (plain) => safeStorage.encryptString(plain.toString('base64')),
  decrypt: (sealed) => Buffer.from(safeStorage.decryptString(sealed), 'base64'),
};

/**
 * The keychain when this computer has one, and what the environment adds: HUSTINGS_PASSPHRASE
 * (a second lock, or the only one where there is no keychain) and HUSTINGS_RECOVERY_KEY (to open
 * the database once the keychain entry is lost; the key is then locked in the keychain again).
 */
export function desktopKeys(): KeySource {
  const keys: KeySource = {};
  if (safeStorage.isEncryptionAvailable()) keys.protector = keychain;
  if (process.env.HUSTINGS_PASSPHRASE) keys.passphrase = process.env.HUSTINGS_PASSPHRASE;
  if (process.env.HUSTINGS_RECOVERY_KEY) keys.recoveryKey = process.env.HUSTINGS_RECOVERY_KEY;
  return keys;
}

/** What the start-up dialog adds when the database would not open for want of a key. */
export function unlockAdvice(): string {
  if (!safeStorage.isEncryptionAvailable() && !process.env.HUSTINGS_PASSPHRASE) {
    return 'This computer offers Hustings no keychain to keep the key in. Start Hustings with HUSTINGS_PASSPHRASE set to a passphrase, or use browser mode (npx hustings serve), which asks for one. See docs/encryption.md.';
  }
  return (
    'To open it with its recovery key, quit, then start Hustings once from a terminal with HUSTINGS_RECOVERY_KEY set to the recovery key ' +
    '(for example: HUSTINGS_RECOVERY_KEY="7KQ2M-..." hustings); Hustings then locks the key in this computer\'s keychain again. See docs/encryption.md.'
  );
}
