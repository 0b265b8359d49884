import { describe, expect, it } from 'vitest';
import { candidatesContract } from '../../shared/contract/candidates.ts';
import { chosenId, poundsOrBlank, wholeNumberOrBlank } from '../../shared/contract/form-fields.ts';

const setRules = candidatesContract['nominations.setRules'].input;

describe('form fields read the way the contract does', () => {
  it('money typed in pounds becomes integer pence without floating point', () => {
    const deposit = poundsOrBlank('Deposit');
    expect(deposit.parse('500')).toBe(50000);
    expect(deposit.parse('£1,000.00')).toBe(100000);
    // Read digit by digit, never as 0.29 * 100 (28.999999999999996 in floating point).
    expect(deposit.parse('0.29')).toBe(29);
    expect(deposit.parse('1.15')).toBe(115);
    expect(deposit.parse('  ')).toBeNull();
    const bad = deposit.safeParse('12.345');
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0].message).toBe('Deposit "12.345" has more than two decimal places: money is counted in whole pence');
  });

  it('a count typed as text is checked by the contract’s own rule; blank is the default', () => {
    const subscribers = wholeNumberOrBlank('Subscribers required', setRules.shape.subscribersRequired);
    expect(subscribers.parse('1,000')).toBe(1000);
    expect(subscribers.parse('')).toBeNull();
    expect(subscribers.safeParse('ten').error?.issues[0].message).toBe('Subscribers required must be a whole number, or empty for the default');
    expect(subscribers.safeParse('1001').error?.issues[0].message).toBe('Subscribers required is larger than any UK contest');
  });

  it('a select left unchosen says what to choose', () => {
    const contest = chosenId('Choose the contest this candidate will stand in');
    expect(contest.safeParse(Number.NaN).error?.issues[0].message).toBe('Choose the contest this candidate will stand in');
    expect(contest.parse(7)).toBe(7);
    expect(contest.safeParse(0).success).toBe(false);
  });
});
