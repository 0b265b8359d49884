import { generateDataKey } from '../../db/sqlite/encryption/keys.ts';

/** A keychain as safeStorage is one: it seals for this computer only, and can be lost. */
export function keychain() {
  const secret = generateDataKey();
  let lost = false;
  const xor = (b: Buffer) => Buffer.from(b.map((byte, i) => byte ^ secret[i % secret.length]));
  return {
    protector: {
      encrypt: xor,
      decrypt: (b: Buffer) => {
        if (lost) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
        return xor(b);
      },
    },
    lose: () => (lost = true),
  };
}
