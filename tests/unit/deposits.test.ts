import { describe, expect, it } from 'vitest';
import { depositOutcome, describeReturnRule, droopQuota } from '../../shared/domain/deposits.ts';
import { formatPence } from '../../shared/domain/money.ts';
import type { DepositRule } from '../../shared/domain/deposits.ts';
import { nominationRequirements } from '../../shared/domain/nominations.ts';

const parl = nominationRequirements('uk-parliament', 'england').deposit as DepositRule;
const list = nominationRequirements('gla', 'england', 'gla-list').deposit as DepositRule;
const nia = nominationRequirements('ni-assembly', 'northern-ireland').deposit as DepositRule;

describe('depositOutcome', () => {
  it('forfeits at exactly 5% and returns just above', () => {
    expect(depositOutcome(parl, { votes: 50, totalValidVotes: 1000 }).outcome).toBe('forfeited');
    expect(depositOutcome(parl, { votes: 51, totalValidVotes: 1000 }).outcome).toBe('returned');
    expect(depositOutcome(parl, { votes: 2_000, totalValidVotes: 40_001 }).outcome).toBe('forfeited');
    expect(depositOutcome(parl, { votes: 2_001, totalValidVotes: 40_001 }).outcome).toBe('returned');
  });

  it('says why, with the amount', () => {
    const o = depositOutcome(parl, { votes: 40, totalValidVotes: 1000 });
    expect(o).toEqual({ outcome: 'forfeited', amountPence: 50_000, reason: 'forfeited: not more than 5% of the valid votes' });
  });

  it('uses 2.5% for the London-wide list', () => {
    expect(depositOutcome(list, { votes: 25, totalValidVotes: 1000 }).outcome).toBe('forfeited');
    expect(depositOutcome(list, { votes: 26, totalValidVotes: 1000 }).outcome).toBe('returned');
    expect(describeReturnRule(list.returnRule)).toBe('returned if more than 2.5% of the valid votes');
  });

  it('NI Assembly: elected, or more than a quarter of the quota', () => {
    // 6,000 valid votes, 5 seats: quota 1,001; a quarter is 250.25
    expect(droopQuota(6000, 5)).toBe(1001);
    expect(depositOutcome(nia, { votes: 250, totalValidVotes: 6000, seats: 5 }).outcome).toBe('forfeited');
    expect(depositOutcome(nia, { votes: 251, totalValidVotes: 6000, seats: 5 }).outcome).toBe('returned');
    expect(depositOutcome(nia, { votes: 10, totalValidVotes: 6000, seats: 5, elected: true }).outcome).toBe('returned');
    expect(() => depositOutcome(nia, { votes: 10, totalValidVotes: 6000 })).toThrow(/seats/);
  });

  it('no deposit, uncontested, and impossible input', () => {
    expect(depositOutcome(null, { votes: 1, totalValidVotes: 100 }).outcome).toBe('no-deposit');
    expect(depositOutcome(parl, { votes: 0, totalValidVotes: 0, uncontested: true }).outcome).toBe('returned');
    expect(depositOutcome(parl, { votes: 0, totalValidVotes: 0 }).outcome).toBe('forfeited');
    expect(() => depositOutcome(parl, { votes: 11, totalValidVotes: 10 })).toThrow(/exceed/);
    expect(() => depositOutcome(parl, { votes: -1, totalValidVotes: 10 })).toThrow(/whole number/);
    expect(() => depositOutcome(parl, { votes: 1.5, totalValidVotes: 10 })).toThrow(/whole number/);
  });

  it('formats pence', () => {
    expect(formatPence(50_000, { wholePounds: true })).toBe('£500');
    expect(formatPence(1_000_000, { wholePounds: true })).toBe('£10,000');
    expect(formatPence(123_456, { wholePounds: true })).toBe('£1,234.56');
    expect(formatPence(15_005, { wholePounds: true })).toBe('£150.05');
  });
});
