/**
 * The database's DATA KEY and how it is kept. The data key is 32 random bytes, made once per
 * database and never changed, so every backup opens with it. It is kept in two ways:
 *  - the KEY FILE beside the database (`<dbPath>.key`, owner-only) holds it locked under a
 *    passphrase (stretched with scrypt, memory-hard) and/or under the operating system's keychain
 *    (Electron's safeStorage, through a KeyProtector);
 *  - the RECOVERY KEY is the data key itself written for people: with it the database opens on
 *    another computer, without the key file.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes, scrypt as scryptCallback, type ScryptOptions } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { DATA_KEY_BYTES } from './cipher.ts';
import { KeyNeededError, RecoveryKeyTypoError } from './errors.ts';

/** Locks and unlocks a secret with the operating system's keychain (Electron's safeStorage). */
export interface KeyProtector {
  encrypt(plain: Buffer): Buffer;
  decrypt(sealed: Buffer): Buffer;
}

export function generateDataKey(): Buffer {
  return randomBytes(DATA_KEY_BYTES);
}

// ---- The recovery key ----------------------------------------------------------------------

/** Crockford's base32: no I, L, O or U, so nothing reads as another character. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const GROUPS = 13;
const DATA_CHARS = 4; // per group, then one check character: 13 × 4 × 5 bits = 260 ≥ 256
const GROUP_CHARS = DATA_CHARS + 1;

/** A group's check character: a typo in a group is caught there (31 times in 32) and named. */
function checkChar(group: number, data: string): string {
  return ALPHABET[createHash('sha256').update(`hustings recovery key ${group} ${data}`).digest()[0] >> 3];
}

/** The data key as 13 groups of 5 letters and digits, e.g. `7KQ2M-…`, each group self-checking. */
export function formatRecoveryKey(key: Buffer): string {
  if (key.length !== DATA_KEY_BYTES) throw new Error(`A data key has ${DATA_KEY_BYTES} bytes, not ${key.length}.`);
  let bits = '';
  for (const byte of key) bits += byte.toString(2).padStart(8, '0');
  bits = bits.padEnd(GROUPS * DATA_CHARS * 5, '0');
  const groups: string[] = [];
  for (let g = 0; g < GROUPS; g++) {
    let data = '';
    for (let c = 0; c < DATA_CHARS; c++) {
      const at = (g * DATA_CHARS + c) * 5;
      data += ALPHABET[Number.parseInt(bits.slice(at, at + 5), 2)];
    }
    groups.push(data + checkChar(g, data));
  }
  return groups.join('-');
}

/**
 * The data key from a recovery key as someone typed it: spaces, dashes and case do not matter,
 * and O/I/L are read as 0/1/1. A key that cannot be right says which group to check.
 */
export function parseRecoveryKey(text: string, forFile?: string): Buffer {
  const of = forFile === undefined ? 'The recovery key' : `The recovery key for ${forFile}`;
  const chars = text
    .toUpperCase()
    .replace(/[\s\-_.]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  const stray = [...chars].find((c) => !ALPHABET.includes(c));
  if (stray !== undefined)
    throw new RecoveryKeyTypoError(`${of} has "${stray}" in it, which no recovery key has: it is made of digits and the letters A to Z except U.`);
  if (chars.length !== GROUPS * GROUP_CHARS) {
    throw new RecoveryKeyTypoError(
      `${of} has ${chars.length} letters and digits, but a recovery key has ${GROUPS * GROUP_CHARS} (${GROUPS} groups of ${GROUP_CHARS}): check for a missing or extra one.`,
    );
  }
  let bits = '';
  for (let g = 0; g < GROUPS; g++) {
    const group = chars.slice(g * GROUP_CHARS, (g + 1) * GROUP_CHARS);
    const data = group.slice(0, DATA_CHARS);
    if (checkChar(g, data) !== group[DATA_CHARS]) {
      throw new RecoveryKeyTypoError(`${of} has a typo in group ${g + 1} of ${GROUPS} (${group}): compare it with the written copy.`);
    }
    for (const c of data) bits += ALPHABET.indexOf(c).toString(2).padStart(5, '0');
  }
  if (/1/.test(bits.slice(DATA_KEY_BYTES * 8))) {
    throw new RecoveryKeyTypoError(`${of} has a typo in group ${GROUPS} of ${GROUPS} (${chars.slice(-GROUP_CHARS)}): compare it with the written copy.`);
  }
  const key = Buffer.alloc(DATA_KEY_BYTES);
  for (let i = 0; i < DATA_KEY_BYTES; i++) key[i] = Number.parseInt(bits.slice(i * 8, i * 8 + 8), 2);
  return key;
}

// ---- The key file --------------------------------------------------------------------------

/**
 * scrypt's cost for a new passphrase lock: 16 MiB of memory and about 0.1 s here, paid once per
 * open (not per page). Stored in each key file, so raising it later leaves old files readable.
 */
const SCRYPT_COST = { N: 2 ** 14, r: 8, p: 1 };
/** A key file asking for more than this is refused rather than allowed to exhaust memory. */
const MAX_SCRYPT_MEMORY = 1024 * 1024 * 1024;

/** Authenticated with the sealed key, so a lock cannot be moved into another kind of file. */
const AAD = Buffer.from('hustings data key v1');

interface Sealed {
  iv: string;
  tag: string;
  sealed: string;
}
interface PassphraseLock extends Sealed {
  kdf: 'scrypt';
  N: number;
  r: number;
  p: number;
  salt: string;
}
export interface KeyFile {
  hustingsKeyFile: 1;
  /** The data key under a key stretched from the passphrase. */
  passphrase?: PassphraseLock;
  /** The data key as the operating system's keychain sealed it. */
  keychain?: { sealed: string };
}

export function keyFilePath(dbPath: string): string {
  return `${dbPath}.key`;
}

function scrypt(passphrase: string, salt: Buffer, cost: { N: number; r: number; p: number }): Promise<Buffer> {
  const options: ScryptOptions = { ...cost, maxmem: 2 * 128 * cost.N * cost.r * cost.p };
  return new Promise((resolve, reject) =>
    scryptCallback(passphrase.normalize('NFC'), salt, DATA_KEY_BYTES, options, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

function seal(wrappingKey: Buffer, dataKey: Buffer): Sealed {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', wrappingKey, iv).setAAD(AAD);
  const sealed = Buffer.concat([cipher.update(dataKey), cipher.final()]);
  return { iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), sealed: sealed.toString('base64') };
}

/** The data key, or null when the wrapping key is not the one it was sealed with. */
function unseal(wrappingKey: Buffer, lock: Sealed): Buffer | null {
  try {
    const decipher = createDecipheriv('aes-256-gcm', wrappingKey, Buffer.from(lock.iv, 'base64')).setAAD(AAD);
    decipher.setAuthTag(Buffer.from(lock.tag, 'base64'));
    const key = Buffer.concat([decipher.update(Buffer.from(lock.sealed, 'base64')), decipher.final()]);
    return key.length === DATA_KEY_BYTES ? key : null;
  } catch {
    return null;
  }
}

/** A key file's text: the data key locked under each lock given. */
export async function lockedKeyFile(dataKey: Buffer, locks: { passphrase?: string; protector?: KeyProtector }): Promise<string> {
  const file: KeyFile = { hustingsKeyFile: 1 };
  if (locks.passphrase !== undefined) {
    const salt = randomBytes(16);
    const wrappingKey = await scrypt(locks.passphrase, salt, SCRYPT_COST);
    file.passphrase = { kdf: 'scrypt', ...SCRYPT_COST, salt: salt.toString('base64'), ...seal(wrappingKey, dataKey) };
  }
  if (locks.protector !== undefined) file.keychain = { sealed: locks.protector.encrypt(dataKey).toString('base64') };
  if (!file.passphrase && !file.keychain) throw new Error('A key file needs a passphrase or a keychain to lock the key with.');
  return `${JSON.stringify(file, null, 2)}\n`;
}

/**
 * Writes the key file for `dbPath`, replacing any: owner-only, written whole to a temporary file
 * and renamed, so a crash leaves the old key file or the new one, never half of one.
 */
export async function writeKeyFile(dbPath: string, dataKey: Buffer, locks: { passphrase?: string; protector?: KeyProtector }): Promise<void> {
  writeKeyFileText(dbPath, await lockedKeyFile(dataKey, locks));
}

export function writeKeyFileText(dbPath: string, text: string): void {
  const target = keyFilePath(dbPath);
  const temporary = `${target}.${process.pid}.tmp`;
  const fd = openSync(temporary, 'w', 0o600);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    renameSync(temporary, target);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

function isSealed(value: unknown): value is Sealed {
  const v = value as Record<string, unknown> | null;
  return typeof v === 'object' && v !== null && ['iv', 'tag', 'sealed'].every((k) => typeof v[k] === 'string');
}

/** The key file beside `dbPath`, or null when there is none. A damaged one is refused with a sentence. */
export function readKeyFile(dbPath: string): KeyFile | null {
  const path = keyFilePath(dbPath);
  if (!existsSync(path)) return null;
  const damaged = () => new KeyNeededError(`The key file ${path} is damaged, so it cannot open ${dbPath}: open the database with its recovery key.`);
  let file: KeyFile;
  try {
    file = JSON.parse(readFileSync(path, 'utf8')) as KeyFile;
  } catch {
    throw damaged();
  }
  if (file?.hustingsKeyFile !== 1) throw damaged();
  const p = file.passphrase;
  if (p !== undefined) {
    const costOk = [p.N, p.r, p.p].every((n) => Number.isInteger(n) && n > 0) && 128 * p.N * p.r * p.p <= MAX_SCRYPT_MEMORY;
    if (p.kdf !== 'scrypt' || !costOk || typeof p.salt !== 'string' || !isSealed(p)) throw damaged();
  }
  if (file.keychain !== undefined && typeof file.keychain?.sealed !== 'string') throw damaged();
  return file;
}

/** The data key, or null when the passphrase is not the one that locked it. */
export async function unlockWithPassphrase(lock: PassphraseLock, passphrase: string): Promise<Buffer | null> {
  const wrappingKey = await scrypt(passphrase, Buffer.from(lock.salt, 'base64'), lock);
  return unseal(wrappingKey, lock);
}

/** The data key as the keychain unseals it; throws what the keychain throws when it cannot. */
export function unlockWithProtector(lock: { sealed: string }, protector: KeyProtector): Buffer {
  const key = protector.decrypt(Buffer.from(lock.sealed, 'base64'));
  if (key.length !== DATA_KEY_BYTES) throw new Error('the keychain gave back something that is not a data key');
  return key;
}
