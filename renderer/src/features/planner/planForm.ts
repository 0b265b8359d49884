import { z } from 'zod';
import { type StoredPlan, planSaveInput } from '../../../../shared/contract/planner.ts';
import { penceToDecimal, parseMoney } from '../../../../shared/domain/money.ts';
import { ASSUMPTION_LABELS, type AssumptionKey, DEFAULT_ASSUMPTIONS } from '../../../../shared/domain/planner.ts';

/** Amounts the form shows in pounds (the contract carries pence). */
const MONEY_FIELDS = ['fundsAvailablePence', 'costPerThousandPence', 'otherSpendingPence'] as const;
export const INPUT_FIELDS = ['fundsAvailablePence', 'volunteerHoursOffered', 'membersKnown', 'householdsEntered'] as const;
export const ASSUMPTION_KEYS = Object.keys(DEFAULT_ASSUMPTIONS) as AssumptionKey[];
type Key = (typeof INPUT_FIELDS)[number] | AssumptionKey;

const INPUT_LABELS: Record<(typeof INPUT_FIELDS)[number], string> = {
  fundsAvailablePence: 'Funds available for this campaign (£)',
  volunteerHoursOffered: 'Volunteer hours offered before polling day',
  membersKnown: 'Members and sympathisers known in the area',
  householdsEntered: 'Households (a count, if you have one)',
};

export function labelOf(key: Key): string {
  return key in INPUT_LABELS ? INPUT_LABELS[key as keyof typeof INPUT_LABELS] : `${ASSUMPTION_LABELS[key as AssumptionKey]}${isMoney(key) ? ' (£)' : ''}`;
}

export function isMoney(key: string): boolean {
  return (MONEY_FIELDS as readonly string[]).includes(key);
}

const target = planSaveInput.omit({ contestId: true });

/** Blank → null (not entered, or the default); pounds → pence; numbers with thousands commas allowed. */
function textField(key: Key) {
  const label = labelOf(key).replace(/ \(£\)$/, '');
  return z.string().transform((raw, ctx) => {
    const t = raw.trim();
    if (t === '') return null;
    if (isMoney(key)) {
      const r = parseMoney(t, label);
      if (!r.ok) {
        ctx.addIssue({ code: 'custom', message: r.message });
        return z.NEVER;
      }
      return r.pence;
    }
    const plain = t.replace(/,/g, '');
    if (!/^-?\d+(\.\d+)?$/.test(plain)) {
      ctx.addIssue({ code: 'custom', message: `${label} must be a number, e.g. 12` });
      return z.NEVER;
    }
    // The contract's own rule for the field (range, whole number), so every field is checked at once.
    const checked = target.shape[key].safeParse(Number(plain));
    if (!checked.success) {
      ctx.addIssue({ code: 'custom', message: checked.error.issues[0].message });
      return z.NEVER;
    }
    return checked.data;
  });
}

const keys = [...INPUT_FIELDS, ...ASSUMPTION_KEYS];

export type PlanFormText = Record<Key | 'notes', string>;

const shape: Record<string, z.ZodType<unknown, string>> = { notes: z.string() };
for (const k of keys) shape[k] = textField(k);

/** The form's text fields, read into the contract's input and checked by the contract's own rules (the server checks again). */
export const planFormSchema = z.object(shape) as unknown as z.ZodType<z.output<typeof target>, PlanFormText>;

export function formText(stored: StoredPlan): PlanFormText {
  const text = Object.fromEntries(
    keys.map((k) => {
      const v = stored[k];
      return [k, v === null ? '' : isMoney(k) ? penceToDecimal(v) : String(v)];
    }),
  ) as Record<Key, string>;
  return { ...text, notes: stored.notes };
}
