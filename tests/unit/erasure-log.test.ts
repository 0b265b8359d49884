import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { electorMatcher } from '../../db/erasure-log.ts';
import { erasedAgainSentence } from '../../shared/domain/erasure.ts';

describe('the erasure log’s hashes', () => {
  const key = Buffer.from('a1'.repeat(32), 'hex');
  const marguerite = { fullName: 'Marguerite  Quillon', electorNumber: 'zc-17 ', addressLines: '17 Zanzibar Crescent\nNewtown', postcode: 'NT4 9QQ' };

  it('are HMAC-SHA256 of the normalised name with the address, and with the elector number', () => {
    const hmac = (...parts: string[]) => createHmac('sha256', key).update(parts.join('\0')).digest('hex');
    expect(electorMatcher(key)(marguerite)).toEqual([
      hmac('elector', 'address', 'marguerite quillon', '17zanzibarcrescentnewtownnt49qq'),
      hmac('elector', 'number', 'marguerite quillon', 'ZC-17'),
    ]);
  });

  it('find the same person whatever the case, spacing and punctuation, and not under another key', () => {
    const again = { fullName: 'MARGUERITE QUILLON', electorNumber: 'ZC-17', addressLines: '17, Zanzibar Crescent\nNewtown', postcode: 'nt49qq' };
    expect(electorMatcher(key)(again)).toEqual(electorMatcher(key)(marguerite));
    expect(electorMatcher(Buffer.alloc(32))(marguerite)).not.toEqual(electorMatcher(key)(marguerite));
  });
});

it('a restore says how many people were erased again', () => {
  expect(erasedAgainSentence(1)).toBe('1 person erased since that backup was erased again.');
  expect(erasedAgainSentence(2)).toBe('2 people erased since that backup were erased again.');
});
