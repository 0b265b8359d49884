import { z } from 'zod';

export const id = z.number({ error: 'Must be a record id (a whole number)' }).int('Must be a whole number').positive('Must be a record id');

export const idInput = z.strictObject({ id });

/**
 * An edit's `updatedAt` as the form was loaded: when the record has changed since, the save is
 * refused (a conflict naming who changed it and when). Left out, the save is not checked.
 */
export const expectedUpdatedAt = z.string({ error: 'expectedUpdatedAt must be the updatedAt the record was loaded with' }).max(40).optional();

/**
 * Calendar date as `YYYY-MM-DD`, and a real one (no 31 February). A date picker left empty (or
 * half filled) sends nothing, and shows the date in the user's own format, so that case asks for
 * a date in plain words; the format is named only to those who type the text (CLI, API).
 */
export const isoDate = z
  .string({ error: 'Enter a date' })
  .min(1, { error: 'Enter a date', abort: true })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'Write the date as YYYY-MM-DD', abort: true })
  .refine(isRealDate, 'This date does not exist');

function isRealDate(text: string): boolean {
  const [y, m, d] = text.split('-').map(Number);
  if (y < 1900 || y > 2200) return false;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export function requiredText(label: string, max = 200) {
  return z
    .string({ error: `${label} is required` })
    .trim()
    .min(1, `${label} is required`)
    .max(max, `${label} must be at most ${max} characters`);
}

export function optionalText(label: string, max = 2000) {
  return z
    .string({ error: `${label} must be text` })
    .trim()
    .max(max, `${label} must be at most ${max} characters`)
    .default('');
}

export const confirmFlag = z.boolean({ error: 'confirm must be true or false' }).optional();

/** What erasing a person's data did (docs/reliability.md §8). */
export const erasureResult = z.object({
  erased: z.boolean(),
  /** Audit rows blanked or with the person's details taken out of them. */
  auditRows: z.number(),
  /** Other records whose free text named the person (tasks, notes, results…). */
  records: z.number(),
});

/** Where else a person is named: for a subject-access export. */
export const mention = z.object({ table: z.string(), column: z.string(), rowId: z.number(), text: z.string() });
