/**
 * Random secrets handed out once (sign-in links, session ids) and kept only as their SHA-256: a
 * 32-byte random value cannot be guessed, so a fast hash is enough to make the stored copy useless
 * to whoever reads the table.
 */
import { createHash, randomBytes } from 'node:crypto';

export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('base64url');
}
