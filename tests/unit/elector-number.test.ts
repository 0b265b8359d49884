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

  // Codes as councils publish them: letters and digits, lower case, longer than four characters.
  it.each([
    ['GB1-1', 'GB1-1'],
    ['AB1-123', 'AB1-123'],
    ['KB2-7/1', 'KB2-7/1'],
    ['gb1-1', 'GB1-1'],
    ['kb2a 7.2', 'KB2A-7/2'],
    ['ABCDE-1', 'ABCDE-1'],
    ['W01A2B-15', 'W01A2B-15'],
  ])('reads the district code with digits in %s as %s', (input, canonical) => {
    expect(canonicalElectorNumber(input)).toBe(canonical);
  });

  it.each(['', '123', 'AB-', 'AB-12x', 'AB-0', 'AB-1/', '1A-1', 'ABCDEFGHIJK-1', 'GB1-', 'AB--1'])('refuses %j with a reason', (input) => {
    const r = parseElectorNumber(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/elector number/);
  });

  it('keeps the parts', () => {
    expect(parseElectorNumber('XY-42/3')).toEqual({ ok: true, value: { district: 'XY', number: 42, suffix: 3 } });
    expect(parseElectorNumber('GB1-42/3')).toEqual({ ok: true, value: { district: 'GB1', number: 42, suffix: 3 } });
  });
});
