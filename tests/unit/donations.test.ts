import { describe, expect, it } from 'vitest';
import {
  PERMISSIBLE_SOURCE_LABELS,
  canonicalCompanyNumber,
  deadlineState,
  donationDeadline,
  donationProblems,
  isDonation,
  normaliseIdentifiers,
  PERMISSIBLE_SOURCES,
} from '../../shared/domain/donations.ts';
import type { DonationFacts } from '../../shared/domain/donations.ts';

const base: DonationFacts = {
  valuePence: 25_000,
  receivedOn: '2024-06-01',
  status: 'pending',
  permissibleSource: null,
  electorNumber: null,
  companyNumber: null,
  acceptedOn: null,
  returnedOn: null,
  reason: null,
};
const today = '2024-06-20';
const fields = (d: Partial<DonationFacts>) => donationProblems({ ...base, ...d }, today).map((p) => p.field);

describe('what is a donation', () => {
  it('is anything worth more than £50', () => {
    expect(isDonation(5_000)).toBe(false);
    expect(isDonation(5_001)).toBe(true);
  });

  it('offers each permissible source of the domain notes §6 with a label', () => {
    expect(PERMISSIBLE_SOURCES).toHaveLength(8);
    for (const source of PERMISSIBLE_SOURCES) expect(PERMISSIBLE_SOURCE_LABELS[source]).toMatch(/^(A|An) /);
    expect(PERMISSIBLE_SOURCE_LABELS.elector).toMatch(/electoral register/);
  });
});

describe('permissibility', () => {
  it('refuses to accept a donation over £50 without a permissible source', () => {
    const problems = donationProblems({ ...base, status: 'accepted', acceptedOn: '2024-06-05' }, today);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ field: 'permissibleSource' });
    expect(problems[0].message).toMatch(/over £50\.00 can only be accepted from a permissible source/);
  });

  it('wants the elector number for an individual and the company number for a company', () => {
    expect(fields({ status: 'accepted', acceptedOn: '2024-06-05', permissibleSource: 'elector' })).toEqual(['electorNumber']);
    expect(fields({ status: 'accepted', acceptedOn: '2024-06-05', permissibleSource: 'elector', electorNumber: 'AB-123' })).toEqual([]);
    expect(fields({ status: 'accepted', acceptedOn: '2024-06-05', permissibleSource: 'uk-company' })).toEqual(['companyNumber']);
    expect(fields({ status: 'accepted', acceptedOn: '2024-06-05', permissibleSource: 'uk-company', companyNumber: '1234567' })).toEqual([]);
    expect(fields({ status: 'accepted', acceptedOn: '2024-06-05', permissibleSource: 'trade-union' })).toEqual([]);
  });

  it('refuses malformed elector and company numbers', () => {
    expect(fields({ electorNumber: '123' })).toEqual(['electorNumber']);
    expect(fields({ companyNumber: 'ACME LTD' })).toEqual(['companyNumber']);
  });

  it('accepts £50 or less without a source: it is not a donation', () => {
    expect(fields({ valuePence: 5_000, status: 'accepted', acceptedOn: '2024-06-02' })).toEqual([]);
  });

  it('needs a date and a reason to return one', () => {
    expect(fields({ status: 'returned' })).toEqual(['returnedOn', 'reason']);
    expect(fields({ status: 'returned', returnedOn: '2024-06-10', reason: 'Not on any electoral register' })).toEqual([]);
  });

  it('refuses negative or zero values and impossible dates', () => {
    expect(fields({ valuePence: -100 })).toEqual(['valuePence']);
    expect(fields({ valuePence: 0 })).toEqual(['valuePence']);
    expect(fields({ receivedOn: '2024-07-01' })).toEqual(['receivedOn']);
    expect(fields({ status: 'returned', returnedOn: '2024-05-30', reason: 'x' })).toEqual(['returnedOn']);
    expect(fields({ status: 'pending', acceptedOn: '2024-06-05' })).toEqual(['acceptedOn']);
  });

  it('normalises company and elector numbers', () => {
    expect(canonicalCompanyNumber(' sc123456 ')).toBe('SC123456');
    expect(canonicalCompanyNumber('1234567')).toBe('01234567');
    expect(canonicalCompanyNumber('123456789')).toBeNull();
    expect(normaliseIdentifiers('ab 12/1', '')).toEqual({ electorNumber: 'AB-12/1', companyNumber: null });
  });
});

describe('the 30-day rule', () => {
  it('gives 30 calendar days from receipt', () => {
    expect(donationDeadline('2024-06-01')).toBe('2024-07-01');
    expect(donationDeadline('2024-02-15')).toBe('2024-03-16'); // leap year
  });

  it('counts down while undecided', () => {
    expect(deadlineState(base, '2024-06-20')).toEqual({
      kind: 'open',
      deadline: '2024-07-01',
      daysLeft: 11,
      message: 'Decide by Mon 1 Jul 2024 (11 days left)',
    });
    expect(deadlineState(base, '2024-06-30')).toMatchObject({ kind: 'open', daysLeft: 1, message: 'Decide by Mon 1 Jul 2024 (1 day left)' });
    expect(deadlineState(base, '2024-07-01')).toMatchObject({ kind: 'open', daysLeft: 0, message: 'Decide today (Mon 1 Jul 2024): accept or return it' });
  });

  it('lapses after 30 days: the donation counts as accepted', () => {
    const s = deadlineState(base, '2024-07-02');
    expect(s.kind).toBe('lapsed');
    expect(s.message).toMatch(/counts as accepted/);
  });

  it('stops showing the deadline once decided, flagging a late decision', () => {
    expect(deadlineState({ ...base, status: 'returned', returnedOn: '2024-06-10' }, '2024-08-01')).toMatchObject({
      kind: 'decided',
      late: false,
      message: 'Returned on Mon 10 Jun 2024',
    });
    expect(deadlineState({ ...base, status: 'returned', returnedOn: '2024-07-02' }, '2024-08-01')).toMatchObject({ kind: 'decided', late: true });
  });

  it('shows no deadline for £50 or less', () => {
    expect(deadlineState({ ...base, valuePence: 5_000 }, today).kind).toBe('not-a-donation');
  });
});
