/**
 * The desktop app's unlock screen, without Electron: what to ask when the keychain cannot open the
 * database (a new computer, a reinstalled system, or no keychain at all), and what a typed
 * recovery key or passphrase does. The window itself is main/electron/unlock-window.ts.
 */
import {
  databaseKind,
  EncryptionKeyError,
  type KeyProtector,
  type KeySource,
  RecoveryKeyTypoError,
  unlock,
  WrongKeyError,
} from '../db/sqlite/encryption/unlock.ts';
import { lockedKeyFile, type KeyFile, readKeyFile, writeKeyFileText } from '../db/sqlite/encryption/keys.ts';
import { MIN_PASSPHRASE } from '../shared/contract/encrypt.ts';

/**
 * Whether safeStorage is a real keychain. On Linux without a secret service Electron falls back
 * to `basic_text`, a key built into Chromium that anyone can use: a key "locked" that way is not
 * locked at all, so Hustings asks for a passphrase instead.
 */
export function isRealKeychain(opts: { available: boolean; platform: string; backend?: string }): boolean {
  if (!opts.available) return false;
  return !(opts.platform === 'linux' && (opts.backend === 'basic_text' || opts.backend === 'unknown'));
}

/** What the unlock screen asks for. */
export interface UnlockAsk {
  /** The first field: a recovery key, or either the passphrase or the recovery key; null for a new database. */
  key: 'recovery-key' | 'passphrase-or-recovery-key' | null;
  /** A new passphrase, typed twice: there is no keychain to lock the key in. */
  newPassphrase: boolean;
  /** Why the screen is shown, in one or two sentences. */
  reason: string;
}

function keyFileOf(dbPath: string): KeyFile | null {
  try {
    return readKeyFile(dbPath);
  } catch {
    return null; // damaged: only the recovery key opens the file
  }
}

/** What to ask for the database at `dbPath`, given whether this computer has a real keychain. */
export function whatToAsk(dbPath: string, keychain: boolean): UnlockAsk {
  if (databaseKind(dbPath) === 'new') {
    return {
      key: null,
      newPassphrase: true,
      reason:
        'This computer has no keychain to keep the key of your data in, so Hustings locks it with a passphrase: choose one. You will type it each time Hustings starts.',
    };
  }
  const hasPassphraseLock = keyFileOf(dbPath)?.passphrase !== undefined;
  if (hasPassphraseLock) {
    return {
      key: 'passphrase-or-recovery-key',
      newPassphrase: false,
      reason: keychain
        ? "This computer's keychain cannot unlock your data (a new computer, or a reinstalled system). Type its passphrase or its recovery key; Hustings then keeps the key in this computer's keychain again."
        : 'Your data is locked with a passphrase. Type it, or the recovery key.',
    };
  }
  return {
    key: 'recovery-key',
    newPassphrase: !keychain,
    reason: keychain
      ? "This computer's keychain cannot unlock your data (a new computer, or a reinstalled system). Type the recovery key you wrote down when the database was made; Hustings then keeps the key in this computer's keychain again."
      : 'This computer has no keychain that can unlock your data. Type the recovery key you wrote down when the database was made, and choose a passphrase to lock it with from now on.',
  };
}

/** What the user typed on the unlock screen. */
export interface Typed {
  key?: string;
  newPassphrase?: string;
  repeat?: string;
}

export type TryResult = { ok: true; keys: KeySource } | { ok: false; message: string };

/** A text that is meant as a recovery key (so its typo message is the useful one), not a passphrase. */
function looksLikeRecoveryKey(text: string): boolean {
  const chars = text.replace(/[\s\-_.]/g, '');
  return /^[0-9a-z]+$/i.test(chars) && chars.length >= 40;
}

function checkNewPassphrase(typed: Typed): string | null {
  const passphrase = typed.newPassphrase ?? '';
  if (passphrase.length < MIN_PASSPHRASE) return `The new passphrase must be at least ${MIN_PASSPHRASE} characters long.`;
  if (passphrase !== typed.repeat) return 'The two passphrases are not the same: type the new passphrase twice, exactly.';
  return null;
}

/**
 * Tries what was typed on the database at `dbPath`. On success the key is locked again where it
 * will be found next time (the keychain `protector`, or the new passphrase), keeping a passphrase
 * lock the key file already had, and the keys to open the database with are handed back. On
 * failure: one plain sentence (a recovery key's typo names its group), and nothing is written.
 */
export async function tryTyped(dbPath: string, typed: Typed, protector: KeyProtector | undefined): Promise<TryResult> {
  const ask = whatToAsk(dbPath, protector !== undefined);
  if (ask.newPassphrase) {
    const problem = checkNewPassphrase(typed);
    if (problem !== null) return { ok: false, message: problem };
  }
  if (ask.key === null) return { ok: true, keys: { passphrase: typed.newPassphrase } };

  const text = (typed.key ?? '').trim();
  if (text === '') {
    return {
      ok: false,
      message: ask.key === 'recovery-key' ? 'Type the recovery key (13 groups of 5 letters and digits).' : 'Type the passphrase or the recovery key.',
    };
  }
  const oldFile = keyFileOf(dbPath);
  const relock = { protector, passphrase: ask.newPassphrase ? typed.newPassphrase : undefined };
  try {
    if (ask.key === 'passphrase-or-recovery-key') {
      const opened = await withPassphrase(dbPath, text, protector);
      if (opened !== null) return opened;
      // Not the passphrase: the recovery key, then. A typo in something that is plainly meant
      // as one names its group; anything else was a wrong passphrase.
      try {
        return await withRecoveryKey(dbPath, text, relock, oldFile);
      } catch (error) {
        if (error instanceof RecoveryKeyTypoError && !looksLikeRecoveryKey(text)) {
          return { ok: false, message: `That is neither the passphrase nor the recovery key of ${dbPath}. Nothing in it was changed.` };
        }
        throw error;
      }
    }
    return await withRecoveryKey(dbPath, text, relock, oldFile);
  } catch (error) {
    if (error instanceof EncryptionKeyError) return { ok: false, message: error.message };
    throw error;
  }
}

/** Opens with the passphrase (null when it is not the one) and, where there is one, locks the key in the keychain again beside it. */
async function withPassphrase(dbPath: string, passphrase: string, protector: KeyProtector | undefined): Promise<TryResult | null> {
  let key: Buffer | null;
  try {
    ({ key } = await unlock(dbPath, { passphrase }));
  } catch (error) {
    if (error instanceof WrongKeyError) return null;
    throw error;
  }
  if (key === null) return { ok: false, message: `${dbPath} is not encrypted.` };
  if (protector !== undefined) writeKeyFileText(dbPath, await lockedKeyFile(key, { passphrase, protector }));
  return { ok: true, keys: { key, protector } };
}

/** Opens with the recovery key and writes the key file anew: the new lock, plus a passphrase lock the old file had. */
async function withRecoveryKey(
  dbPath: string,
  text: string,
  relock: { protector?: KeyProtector; passphrase?: string },
  oldFile: KeyFile | null,
): Promise<TryResult> {
  const { key } = await unlock(dbPath, { recoveryKey: text });
  if (key === null) return { ok: false, message: `${dbPath} is not encrypted.` };
  if (relock.protector === undefined && relock.passphrase === undefined) return { ok: true, keys: { key } };
  const file = JSON.parse(await lockedKeyFile(key, relock)) as KeyFile;
  // A passphrase the user may still know keeps working (it locks the same data key).
  if (file.passphrase === undefined && oldFile?.passphrase !== undefined) file.passphrase = oldFile.passphrase;
  writeKeyFileText(dbPath, `${JSON.stringify(file, null, 2)}\n`);
  return { ok: true, keys: { key, protector: relock.protector } };
}
