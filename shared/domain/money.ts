/**
 * Money is integer pence everywhere (DESIGN.md). Text the user types is read digit by digit and
 * never passes through floating point; arithmetic that could leave the safe-integer range or
 * divide is done with BigInt.
 */

/** The largest amount Hustings accepts: £10,000,000.00. Anything above is surely a typing slip. */
export const MAX_PENCE = 1_000_000_000;

export type MoneyParse = { ok: true; pence: number } | { ok: false; message: string };

const POUNDS = /^(\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d*))?$/;

/**
 * Read an amount of money typed by a person: `£1,234.56`, `1234.5`, `1,234`, `£0.50`, `.5`,
 * `50p`. Refuses negatives, more than two decimal places, misplaced thousands separators and
 * anything else, with a message saying why. `what` names the field in the message.
 */
export function parseMoney(text: string, what = 'Amount'): MoneyParse {
  const raw = text.trim();
  if (raw === '') return { ok: false, message: `${what} is missing: write it in pounds, e.g. £1,234.56` };
  if (/^[-−–(]/.test(raw) || /^£\s*[-−–]/.test(raw) || /\)$/.test(raw)) {
    return { ok: false, message: `${what} "${raw}" is negative: amounts are never negative (record a refund as its own entry)` };
  }
  const pence = /^(\d+)\s*p$/i.exec(raw);
  if (pence) return bounded(BigInt(pence[1]), raw, what);

  const body = raw.replace(/^£\s*/, '');
  const m = POUNDS.exec(body);
  if (!m || (m[1] === undefined && (m[2] === undefined || m[2] === ''))) {
    if (/^[\d,]+(\.\d*)?$/.test(body)) {
      return {
        ok: false,
        message: `${what} "${raw}" has a comma in the wrong place: use commas only between groups of three digits and a full stop before the pence, e.g. £1,234.56`,
      };
    }
    return { ok: false, message: `${what} "${raw}" is not an amount of money: write pounds and pence, e.g. £1,234.56 or 1234.5` };
  }
  const whole = (m[1] ?? '0').replace(/,/g, '');
  const decimals = m[2] ?? '';
  if (m[2] !== undefined && decimals === '') {
    return { ok: false, message: `${what} "${raw}" ends with a full stop: write the pence or leave the full stop out` };
  }
  if (decimals.length > 2) {
    return { ok: false, message: `${what} "${raw}" has more than two decimal places: money is counted in whole pence` };
  }
  return bounded(BigInt(whole) * 100n + BigInt(decimals.padEnd(2, '0')), raw, what);
}

function bounded(pence: bigint, raw: string, what: string): MoneyParse {
  if (pence > BigInt(MAX_PENCE)) {
    return { ok: false, message: `${what} "${raw}" is more than ${formatPence(MAX_PENCE)}: check the figure` };
  }
  return { ok: true, pence: Number(pence) };
}

function assertPence(value: number, what = 'Amount'): void {
  if (!Number.isSafeInteger(value)) throw new Error(`${what} must be a whole number of pence, got ${value}`);
}

/** `69943` → `69,943`. */
export function groupThousands(digits: string | number): string {
  return String(digits).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * `£19,783.16`; negative amounts (only ever a computed difference) get a minus sign.
 * `wholePounds: true` leaves out `.00` for a round amount (`£11,390`), as statutory figures are written.
 */
export function formatPence(pence: number, opts: { wholePounds?: boolean } = {}): string {
  assertPence(pence);
  const sign = pence < 0 ? '−' : '';
  const abs = BigInt(pence < 0 ? -pence : pence);
  const p = abs / 100n;
  const rem = abs % 100n;
  const tail = opts.wholePounds && rem === 0n ? '' : `.${rem.toString().padStart(2, '0')}`;
  return `${sign}£${groupThousands(p.toString())}${tail}`;
}

/** Plain decimal text for CSV and form fields: `19783.16` (no £, no separators). */
export function penceToDecimal(pence: number): string {
  assertPence(pence);
  const sign = pence < 0 ? '-' : '';
  const abs = BigInt(pence < 0 ? -pence : pence);
  return `${sign}${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`;
}

/** A per-elector rate as it is written in law: `8p`, `12p` (whole pence only). */
export function formatRate(pence: number): string {
  assertPence(pence);
  return pence < 100 ? `${pence}p` : formatPence(pence, { wholePounds: true });
}

/** Sum of pence that refuses to leave the safe-integer range. */
export function sumPence(values: Iterable<number>): number {
  let total = 0n;
  for (const v of values) {
    assertPence(v);
    total += BigInt(v);
  }
  if (total > BigInt(Number.MAX_SAFE_INTEGER) || total < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new Error('Total is too large to hold exactly');
  }
  return Number(total);
}

/** `pence × numerator ÷ denominator`, rounded down to the penny, exactly. */
export function mulDivFloor(pence: number, numerator: number, denominator: number): number {
  assertPence(pence);
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator) || denominator <= 0) {
    throw new Error('mulDivFloor takes whole numbers and a positive denominator');
  }
  const n = BigInt(pence) * BigInt(numerator);
  const d = BigInt(denominator);
  const q = n / d;
  // BigInt division truncates towards zero; floor for negatives.
  return Number(n < 0n && q * d !== n ? q - 1n : q);
}

/** Whole percent of `part` in `whole`, rounded down (for display only; decisions compare pence). */
export function percentFloor(part: number, whole: number): number {
  if (whole <= 0) return 0;
  return mulDivFloor(part, 100, whole);
}
