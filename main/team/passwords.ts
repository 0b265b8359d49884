/**
 * Passwords, hashed with scrypt (Node's own, memory-hard): N = 2^15, r = 8, p = 1 costs 32 MiB and
 * some 50–100 ms a guess, so a stolen table is slow and costly to attack on graphics cards, while
 * a sign-in stays quick; OWASP's minimum for scrypt is N = 2^17 with r = 8, p = 1 *or* equivalent
 * trade-offs, and 2^15 keeps a small server able to sign a branch in at once. The parameters are
 * stored with each hash, so they can be raised later without locking anyone out.
 */
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

const N = 2 ** 15;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;
const MIN_PASSWORD_LENGTH = 10;

function derive(password: string, salt: Buffer, n: number, r: number, p: number): Promise<Buffer> {
  // maxmem above 128·N·r (the default 32 MiB is just short of what N = 2^15, r = 8 needs).
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, { N: n, r, p, maxmem: 256 * n * r }, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

/** `scrypt$N$r$p$salt$hash` (base64url): what accounts.password_hash holds. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, N, R, P);
  return ['scrypt', N, R, P, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** Whether `password` is the one hashed; compared in constant time. A malformed hash matches nothing. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || hash === undefined) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await derive(password, Buffer.from(salt, 'base64url'), Number(n), Number(r), Number(p));
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** Why a chosen password will not do, or null when it will. */
export function passwordProblem(password: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH)
    return `Choose a password of at least ${MIN_PASSWORD_LENGTH} characters (a few words together are easy to remember).`;
  if (password.length > 200) return 'Choose a password of at most 200 characters.';
  return null;
}
