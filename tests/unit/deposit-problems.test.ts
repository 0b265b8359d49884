import { describe, expect, it } from 'vitest';
import { type DepositContext, depositProblems } from '../../shared/domain/deposits.ts';

const ok = { amountPence: 50_000, paidOn: '2026-04-01', refundedOn: null };
const context: DepositContext = { expectedPence: 50_000, today: '2026-06-01', declaredOn: '2026-05-08', outcome: 'returned' };

describe('a deposit record', () => {
  it('stands when it covers the deposit, paid and refunded in the past after the declaration', () => {
    expect(depositProblems(ok, context)).toEqual([]);
    expect(depositProblems({ ...ok, refundedOn: '2026-05-11' }, context)).toEqual([]);
    expect(depositProblems({ ...ok, amountPence: 1 }, { ...context, expectedPence: null })).toEqual([]);
  });

  it('names each field that is wrong', () => {
    const problems = depositProblems({ amountPence: 49_999, paidOn: '2026-06-02', refundedOn: '2026-05-01' }, context);
    expect(problems.map((p) => p.field)).toEqual(['amount', 'paidOn', 'refundedOn']);
    expect(problems[0].message).toMatch(/short of the £500 deposit/);
    expect(problems[1].message).toBe('2026-06-02 is in the future');
    expect(problems[2].message).toBe('The result was declared on 2026-05-08: the refund cannot be earlier');
  });

  it('refuses a refund before the result, in the future, or of a forfeited deposit', () => {
    const refund = (refundedOn: string, c = context) => depositProblems({ ...ok, refundedOn }, c)[0]?.message;
    expect(refund('2026-05-11', { ...context, declaredOn: null })).toBe('A deposit is refunded after the result is declared: record the result first');
    expect(refund('2026-06-02')).toBe('2026-06-02 is in the future');
    expect(refund('2026-06-02', { ...context, outcome: 'forfeited' })).toBe('This deposit was forfeited, so it is not refunded');
  });
});
