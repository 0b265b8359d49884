import { describe, expect, it } from 'vitest';
import { canonicalElectorNumber, parseElectorNumber } from '../../shared/domain/elector-number.ts';

describe('elector numbers', () => {
  it.each([
    ['AB-123', 'AB-123'],
    ['ab123', 'AB-123'],
    ['AB-123/1', 'AB-123/1'],
    ['AB-123.1', 'AB-123/1'],
    [' KA 7 ', 'KA-7'],
  ])('reads %s as %s', (input, canonical) => {
    expect(canonicalElectorNumber(input)).toBe(canonical);
  });

  it.each(['', '123', 'AB-', 'AB-12x', 'ABCDE-1', 'AB-0', 'AB-1/'])('refuses %j with a reason', (input) => {
    const r = parseElectorNumber(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/elector number/);
  });

  it('keeps the parts', () => {
    expect(parseElectorNumber('XY-42/3')).toEqual({ ok: true, value: { district: 'XY', number: 42, suffix: 3 } });
  });
});
