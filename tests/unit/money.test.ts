import { describe, expect, it } from 'vitest';
import { formatPence, MAX_PENCE, mulDivFloor, parseMoney, penceToDecimal, percentFloor, sumPence } from '../../shared/domain/money.ts';

describe('parseMoney', () => {
  it.each([
    ['£1,234.56', 123_456],
    ['1234.5', 123_450],
    ['1234', 123_400],
    ['1,234', 123_400],
    ['£ 12', 1_200],
    ['0.29', 29], // 0.29 * 100 is 28.999… in floating point
    ['1.15', 115], // 1.15 * 100 is 114.999… in floating point
    ['19783.16', 1_978_316],
    ['.5', 50],
    ['£0.07', 7],
    ['50p', 50],
    ['0', 0],
    ['  £1,000,000.00 ', 100_000_000],
  ])('reads %j as %i pence', (text, pence) => {
    expect(parseMoney(text)).toEqual({ ok: true, pence });
  });

  it.each([
    ['-5', /negative/],
    ['£-5.00', /negative/],
    ['−5', /negative/],
    ['(5.00)', /negative/],
    ['1.234', /more than two decimal places/],
    ['0.001', /more than two decimal places/],
    ['12,34', /comma in the wrong place/],
    ['1,2345.00', /comma in the wrong place/],
    ['12.', /ends with a full stop/],
    ['', /missing/],
    ['   ', /missing/],
    ['abc', /not an amount of money/],
    ['£12.3.4', /not an amount of money/],
    ['1e3', /not an amount of money/],
    ['12 pounds', /not an amount of money/],
    ['$12', /not an amount of money/],
    ['£10,000,000.01', /more than £10,000,000.00/],
  ])('refuses %j with a reason', (text, reason) => {
    const r = parseMoney(text, 'Amount');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(reason);
  });

  it('names the field in its message', () => {
    const r = parseMoney('-1', 'Value of the donation');
    expect(r.ok === false && r.message.startsWith('Value of the donation')).toBe(true);
  });

  it('round-trips every amount it formats, exactly and as integers', () => {
    // A deterministic spread of amounts including the float traps between 0 and £10m.
    const samples: number[] = [];
    let x = 7;
    for (let i = 0; i < 2000; i++) {
      x = (x * 48_271) % 2_147_483_647;
      samples.push(x % (MAX_PENCE + 1));
    }
    samples.push(0, 1, 9, 10, 99, 100, 101, 29, 115, 1_978_316, MAX_PENCE);
    for (const p of samples) {
      const r = parseMoney(formatPence(p));
      expect(r).toEqual({ ok: true, pence: p });
      if (r.ok) expect(Number.isInteger(r.pence)).toBe(true);
      expect(parseMoney(penceToDecimal(p))).toEqual({ ok: true, pence: p });
    }
  });
});

describe('formatPence', () => {
  it.each([
    [0, '£0.00'],
    [7, '£0.07'],
    [1_978_316, '£19,783.16'],
    [100_000_000, '£1,000,000.00'],
    [-3_450, '−£34.50'],
  ])('%i → %s', (pence, text) => {
    expect(formatPence(pence)).toBe(text);
  });

  it('leaves out .00 for statutory round figures when asked', () => {
    expect(formatPence(1_139_000, { wholePounds: true })).toBe('£11,390');
    expect(formatPence(1_139_001, { wholePounds: true })).toBe('£11,390.01');
  });

  it('refuses a fraction of a penny', () => {
    expect(() => formatPence(0.5)).toThrow(/whole number of pence/);
  });

  it('writes plain decimals for CSV', () => {
    expect(penceToDecimal(123_450)).toBe('1234.50');
    expect(penceToDecimal(5)).toBe('0.05');
  });
});

describe('integer arithmetic', () => {
  it('multiplies and divides exactly, rounding down', () => {
    expect(mulDivFloor(156_000, 3, 4)).toBe(117_000);
    expect(mulDivFloor(156_008, 2, 3)).toBe(104_005);
    expect(mulDivFloor(-10, 1, 3)).toBe(-4);
    expect(percentFloor(799, 1000)).toBe(79);
    expect(percentFloor(800, 1000)).toBe(80);
    expect(percentFloor(5, 0)).toBe(0);
  });

  it('sums pence and refuses non-integers', () => {
    expect(sumPence([1, 2, 3])).toBe(6);
    expect(sumPence([])).toBe(0);
    expect(() => sumPence([1, 0.1])).toThrow(/whole number of pence/);
  });
});
