/**
 * Donations to a candidate (domain notes §6): anything worth more than £50 is a donation and must
 * come from a permissible source; the treasurer has 30 days from receipt to check it and return an
 * impermissible one, after which it counts as accepted.
 */
import { parseElectorNumber, formatElectorNumber } from './elector-number.ts';
import { formatPence } from './money.ts';
import { addDays, addYears, calendarDaysBetween, formatDateLong } from './working-days.ts';

/** More than this is a donation (£50.00 itself is not). */
export const DONATION_THRESHOLD_PENCE = 5_000;
/** Calendar days from receipt to decide (accept, or return an impermissible donation). */
const DECISION_DAYS = 30;

export function isDonation(valuePence: number): boolean {
  return valuePence > DONATION_THRESHOLD_PENCE;
}

export const PERMISSIBLE_SOURCES = [
  'elector',
  'registered-party',
  'uk-company',
  'trade-union',
  'building-society',
  'llp',
  'friendly-society',
  'unincorporated-association',
] as const;
export type PermissibleSource = (typeof PERMISSIBLE_SOURCES)[number];

export const PERMISSIBLE_SOURCE_LABELS: Record<PermissibleSource, string> = {
  elector: 'An individual on a UK electoral register',
  'registered-party': 'A registered political party',
  'uk-company': 'A UK company carrying on business in the UK',
  'trade-union': 'A trade union',
  'building-society': 'A building society',
  llp: 'A limited liability partnership carrying on business in the UK',
  'friendly-society': 'A friendly society',
  'unincorporated-association': 'A UK unincorporated association carrying on business or activities in the UK',
};

/** Which identifying number a source needs before the donation can be accepted. */
function requiredIdentifier(source: PermissibleSource): 'elector-number' | 'company-number' | null {
  if (source === 'elector') return 'elector-number';
  if (source === 'uk-company' || source === 'llp') return 'company-number';
  return null;
}

export const DONATION_KINDS = ['cash', 'in-kind'] as const;
export type DonationKind = (typeof DONATION_KINDS)[number];
export const DONATION_KIND_LABELS: Record<DonationKind, string> = { cash: 'Cash', 'in-kind': 'In kind' };

export const DONATION_STATUSES = ['pending', 'accepted', 'returned'] as const;
export type DonationStatus = (typeof DONATION_STATUSES)[number];

/**
 * Companies House numbers are 8 characters: 8 digits (England and Wales; leading zeros often left
 * out when typed) or two letters and 6 digits (SC Scotland, NI, OC an LLP, …).
 */
export function canonicalCompanyNumber(text: string): string | null {
  const t = text.trim().toUpperCase().replace(/\s+/g, '');
  if (/^\d{1,8}$/.test(t)) return t.padStart(8, '0');
  if (/^[A-Z]{2}\d{6}$/.test(t)) return t;
  return null;
}

export function donationDeadline(receivedOn: string): string {
  return addDays(receivedOn, DECISION_DAYS);
}

export interface DonationFacts {
  valuePence: number;
  receivedOn: string;
  status: DonationStatus;
  permissibleSource: PermissibleSource | null;
  electorNumber: string | null;
  companyNumber: string | null;
  acceptedOn: string | null;
  returnedOn: string | null;
  /** Why it is being returned (or a note on why it is permissible). */
  reason: string | null;
}

export interface FieldProblem {
  field: keyof DonationFacts | 'donorName';
  message: string;
}

/**
 * The rules a donation record must satisfy before it is written. Problems name the field.
 * - over £50 and accepted: a permissible source, with the elector or company number it needs;
 * - returned: the date and the reason;
 * - decision dates not before the date received, and not in the future.
 */
export function donationProblems(d: DonationFacts, today: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!Number.isSafeInteger(d.valuePence) || d.valuePence <= 0) {
    problems.push({
      field: 'valuePence',
      message: 'Value must be more than £0.00 (a refund or a returned donation is recorded by its status, not a negative amount)',
    });
  }
  if (d.receivedOn > today) problems.push({ field: 'receivedOn', message: `Date received ${formatDateLong(d.receivedOn)} is in the future` });

  if (d.electorNumber !== null && d.electorNumber !== '') {
    const r = parseElectorNumber(d.electorNumber);
    if (!r.ok) problems.push({ field: 'electorNumber', message: r.message });
  }
  if (d.companyNumber !== null && d.companyNumber !== '' && canonicalCompanyNumber(d.companyNumber) === null) {
    problems.push({
      field: 'companyNumber',
      message: `"${d.companyNumber}" is not a Companies House number: 8 digits (e.g. 01234567) or two letters and 6 digits (e.g. SC123456)`,
    });
  }

  if (d.status === 'accepted') {
    if (!d.acceptedOn) problems.push({ field: 'acceptedOn', message: 'Enter the date the donation was accepted' });
    if (isDonation(d.valuePence)) {
      if (!d.permissibleSource) {
        problems.push({
          field: 'permissibleSource',
          message: `A donation over ${formatPence(DONATION_THRESHOLD_PENCE)} can only be accepted from a permissible source: choose which one the donor is`,
        });
      } else {
        const need = requiredIdentifier(d.permissibleSource);
        if (need === 'elector-number' && !d.electorNumber) {
          problems.push({ field: 'electorNumber', message: "Enter the donor's elector number (as on the register) to show they are a registered elector" });
        }
        if (need === 'company-number' && !d.companyNumber) {
          problems.push({ field: 'companyNumber', message: 'Enter the Companies House number to show the company is registered in the UK' });
        }
      }
    }
  }
  if (d.status === 'returned') {
    if (!d.returnedOn) problems.push({ field: 'returnedOn', message: 'Enter the date the donation was returned' });
    if (!d.reason || d.reason.trim() === '')
      problems.push({ field: 'reason', message: 'Say why the donation was returned (e.g. the donor is not on an electoral register)' });
  }
  if (d.status !== 'accepted' && d.acceptedOn) problems.push({ field: 'acceptedOn', message: 'Only an accepted donation has a date accepted' });
  if (d.status !== 'returned' && d.returnedOn) problems.push({ field: 'returnedOn', message: 'Only a returned donation has a date returned' });
  for (const field of ['acceptedOn', 'returnedOn'] as const) {
    const date = d[field];
    if (!date) continue;
    if (date < d.receivedOn) problems.push({ field, message: `${formatDateLong(date)} is before the donation was received (${formatDateLong(d.receivedOn)})` });
    if (date > today) problems.push({ field, message: `${formatDateLong(date)} is in the future` });
  }
  return problems;
}

export type DeadlineState =
  | { kind: 'decided'; status: 'accepted' | 'returned'; on: string; late: boolean; message: string }
  | { kind: 'not-a-donation'; message: string }
  | { kind: 'open'; deadline: string; daysLeft: number; message: string }
  | { kind: 'lapsed'; deadline: string; message: string };

/**
 * What the 30-day rule says about a donation today. A decision after the deadline is flagged as
 * late: a donation kept past 30 days counts as accepted, so returning it late does not undo that.
 */
export function deadlineState(d: Pick<DonationFacts, 'valuePence' | 'receivedOn' | 'status' | 'acceptedOn' | 'returnedOn'>, today: string): DeadlineState {
  const deadline = donationDeadline(d.receivedOn);
  if (d.status !== 'pending') {
    const on = (d.status === 'accepted' ? d.acceptedOn : d.returnedOn) ?? today;
    const late = on > deadline;
    const verb = d.status === 'accepted' ? 'Accepted' : 'Returned';
    return {
      kind: 'decided',
      status: d.status,
      on,
      late,
      message: late ? `${verb} on ${formatDateLong(on)}, after the 30-day deadline (${formatDateLong(deadline)})` : `${verb} on ${formatDateLong(on)}`,
    };
  }
  if (!isDonation(d.valuePence)) {
    return { kind: 'not-a-donation', message: `Not a donation: worth ${formatPence(DONATION_THRESHOLD_PENCE)} or less` };
  }
  const daysLeft = calendarDaysBetween(today, deadline);
  if (daysLeft < 0) {
    return {
      kind: 'lapsed',
      deadline,
      message: `The 30 days ran out on ${formatDateLong(deadline)}: the donation now counts as accepted — record whether it is permissible`,
    };
  }
  return {
    kind: 'open',
    deadline,
    daysLeft,
    message:
      daysLeft === 0
        ? `Decide today (${formatDateLong(deadline)}): accept or return it`
        : `Decide by ${formatDateLong(deadline)} (${daysLeft} day${daysLeft === 1 ? '' : 's'} left)`,
  };
}

/** Canonical identifiers for storage, or null when empty. */
export function normaliseIdentifiers(
  electorNumber: string | null,
  companyNumber: string | null,
): { electorNumber: string | null; companyNumber: string | null } {
  let e: string | null = electorNumber?.trim() || null;
  if (e) {
    const r = parseElectorNumber(e);
    if (r.ok) e = formatElectorNumber(r.value);
  }
  let c: string | null = companyNumber?.trim() || null;
  if (c) c = canonicalCompanyNumber(c) ?? c;
  return { electorNumber: e, companyNumber: c };
}

// ---------------------------------------------------------------------------------------------
// Erasing a donor (docs/reliability.md §8)

/**
 * Years the return of election expenses — which names every donor of more than £50, with their
 * address — is kept open to public inspection after it is delivered (RPA 1983 s.89). Until then
 * the candidate's side must be able to stand by it, so a donor's details are a legal obligation
 * (UK GDPR art. 17(3)(b)) and are not erased.
 */
const RETURN_KEPT_YEARS = 2;

export interface DonorRetention {
  mustKeep: boolean;
  /** The last day the details must be kept; null when not needed or not known yet. */
  keptUntil: string | null;
  reason: string;
}

/**
 * Whether a donor's details on one donation must still be kept. `returnDate` is the day the return
 * was delivered, else the day it is due; null while the result is not declared.
 */
export function donorRetention(valuePence: number, returnDate: string | null, today: string): DonorRetention {
  if (!isDonation(valuePence)) {
    return {
      mustKeep: false,
      keptUntil: null,
      reason: `${formatPence(valuePence)} is not a donation in law (${formatPence(DONATION_THRESHOLD_PENCE)} or less) and is not on the return`,
    };
  }
  if (returnDate === null) {
    return {
      mustKeep: true,
      keptUntil: null,
      reason: 'must go on the return of election expenses, which is not made yet (no result declared)',
    };
  }
  const keptUntil = addDays(addYears(returnDate, RETURN_KEPT_YEARS), -1);
  return today <= keptUntil
    ? {
        mustKeep: true,
        keptUntil,
        reason: `is on the return of election expenses (${formatDateLong(returnDate)}), kept open to inspection until ${formatDateLong(keptUntil)}`,
      }
    : { mustKeep: false, keptUntil, reason: `the return of election expenses (${formatDateLong(returnDate)}) was kept until ${formatDateLong(keptUntil)}` };
}

/** Why a donor's details cannot be erased yet (one sentence per donation kept), or null. */
export function donorErasureRefusal(
  name: string,
  donations: readonly { valuePence: number; receivedOn: string; contestName: string; mustKeep: boolean; keptUntil: string | null; retentionReason: string }[],
): string | null {
  const kept = donations.filter((d) => d.mustKeep);
  if (kept.length === 0) return null;
  const lines = kept.map((d) => `${formatPence(d.valuePence)} received ${formatDateLong(d.receivedOn)} (${d.contestName}) ${d.retentionReason}.`);
  const last = kept.map((d) => d.keptUntil).every((k) => k !== null)
    ? kept
        .map((d) => d.keptUntil as string)
        .sort()
        .at(-1)
    : null;
  const when = last
    ? `They can be erased from ${formatDateLong(addDays(last, 1))}.`
    : `They can be erased ${RETURN_KEPT_YEARS} years after the return is delivered.`;
  return `${name}’s details cannot be erased yet: the law needs them kept (RPA 1983 s.89; UK GDPR art. 17(3)(b)). ${lines.join(' ')} ${when} Nothing was changed.`;
}
