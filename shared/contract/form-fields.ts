import { z } from 'zod';
import { parseMoney } from '../domain/money.ts';
import { id } from './common.ts';

/**
 * Zod helpers for what a form field holds before it becomes the contract's value. A form's schema
 * is the method's own input `.extend`ed with these, so the contract's rule is still written once.
 */

/**
 * Money typed in pounds ("500", "£1,000.00", "50p") → integer pence, read only by `parseMoney`
 * (never through floating point); a blank field is null (the default applies); a slip is refused
 * with `parseMoney`'s message naming the field.
 */
export function poundsOrBlank(label: string) {
  return z.string().transform((text, ctx) => {
    if (text.trim() === '') return null;
    const r = parseMoney(text, label);
    if (r.ok) return r.pence;
    ctx.addIssue({ code: 'custom', message: r.message });
    return z.NEVER;
  });
}

/**
 * A whole number typed as text ("1,200" → 1200; blank → null), then checked by the contract's own
 * rule for it (range, whole number), so every field's problem shows at once.
 */
export function wholeNumberOrBlank<T extends z.ZodType>(label: string, rule: T) {
  return z.string().transform((text, ctx): z.output<T> | null => {
    const plain = text.trim().replace(/,/g, '');
    if (plain === '') return null;
    if (!/^-?\d+$/.test(plain)) {
      ctx.addIssue({ code: 'custom', message: `${label} must be a whole number, or empty for the default` });
      return z.NEVER;
    }
    const checked = rule.safeParse(Number(plain));
    if (!checked.success) {
      ctx.addIssue({ code: 'custom', message: checked.error.issues[0].message });
      return z.NEVER;
    }
    return checked.data;
  });
}

/** A record chosen from a select: none chosen (NaN from the blank option) gets `message`, then the id rule applies. */
export function chosenId(message: string) {
  return z.number({ error: message }).pipe(id);
}
