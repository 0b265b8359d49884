/**
 * Converters for `register(name, { setValueAs })`: what a text box or a select holds → the value
 * the contract's schema checks. One of each, so a blank reads the same on every page.
 */

/**
 * What an empty number field holds until the user fills it. The form's values are typed as the
 * contract's numbers; the blank goes to the schema as it is, which refuses it with the field's
 * own message ("Households must be a number").
 */
export const EMPTY_NUMBER = '' as unknown as number;

/** A whole number from a text box ("1,200" → 1200); NaN for anything else (the schema names the field); blank → `blank`. */
export function wholeNumber(blank: null | typeof Number.NaN = Number.NaN) {
  return (v: unknown): number | null => {
    const t = String(v ?? '').replace(/[,\s]/g, '');
    if (t === '') return blank;
    return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : Number.NaN;
  };
}

/** A select or an optional count: blank → null, else the number. */
export const numberOrNull = (v: unknown): number | null => (v === '' || v === null || v === undefined ? null : Number(v));

/** A select that must be chosen: blank → NaN (the schema says "choose…"), else its id. */
export const idOrNaN = (v: unknown): number => (v === '' || v === null || v === undefined ? Number.NaN : Number(v));

/** Blank text (an empty date, an unchosen option) → null. */
export const textOrNull = <T>(v: T): T | null => (v === '' || v === null || v === undefined ? null : v);
