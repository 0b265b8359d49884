// What the desktop app opens its database with: the data key locked by the operating system's
// keychain through Electron's safeStorage (as Signal Desktop keeps its key).
import { safeStorage } from 'electron';
import type { KeySource, KeyProtector } from '../../db/sqlite/encryption/unlock.ts';
import { isRealKeychain } from '../desktop-unlock.ts';

/** safeStorage as a KeyProtector: the data key goes in as base64 text, sealed by the keychain. */
const keychain: KeyProtector = {
  encrypt: (plain) => safeStorage.encryptString(plain.toString('base64')),
  decrypt: (sealed) => Buffer.from(safeStorage.decryptString(sealed), 'base64'),
};

/** The keychain, unless this computer has none, or only Linux's basic_text (a key anyone has). */
export function keychainProtector(): KeyProtector | undefined {
  const backend = process.platform === 'linux' ? safeStorage.getSelectedStorageBackend?.() : undefined;
  return isRealKeychain({ available: safeStorage.isEncryptionAvailable(), platform: process.platform, backend }) ? keychain : undefined;
}

/**
 * The keychain when this computer has a real one, and what the environment adds (for scripts):
 * HUSTINGS_PASSPHRASE (a second lock, or the only one) and HUSTINGS_RECOVERY_KEY. Whatever these
 * cannot open, the unlock window asks for (./unlock-window.ts).
 */
export function desktopKeys(): KeySource {
  const keys: KeySource = {};
  const protector = keychainProtector();
  if (protector !== undefined) keys.protector = protector;
  if (process.env.HUSTINGS_PASSPHRASE) keys.passphrase = process.env.HUSTINGS_PASSPHRASE;
  if (process.env.HUSTINGS_RECOVERY_KEY) keys.recoveryKey = process.env.HUSTINGS_RECOVERY_KEY;
  return keys;
}
