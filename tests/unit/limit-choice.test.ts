import { describe, expect, it } from 'vitest';
import { type LimitFacts, chooseLimit, periodLimits } from '../../shared/domain/limit-choice.ts';

const rules = { limitPence: 156_000, working: '£960 + 7,500 × 8p = £1,560.00' };
const none: LimitFacts = { override: null, list: null, notYet: null, rules };
const list = { limitPence: 1_000_000, working: 'List rule', label: 'List', instrument: null, confirmed: false, note: null };

describe('the spending limit a contest has', () => {
  it('is the rules’ figure when nothing else is known', () => {
    expect(chooseLimit(none)).toEqual({ basis: 'rule', limitPence: 156_000, working: rules.working, problem: null });
  });

  it('is a figure entered by hand above all else, saying where it came from', () => {
    const c = chooseLimit({ ...none, list, notYet: 'Choose the post', override: { pence: 123_456, source: 'the RO’s notice' } });
    expect(c).toEqual({ basis: 'override', limitPence: 123_456, working: 'Entered by hand from the RO’s notice: £1,234.56', confirmed: true, problem: null });
    expect(chooseLimit({ ...none, override: { pence: 100, source: '' } }).working).toBe('Entered by hand: £1.00');
  });

  it('is a list’s own limit before the rules', () => {
    expect(chooseLimit({ ...none, list })).toMatchObject({ basis: 'rule', limitPence: 1_000_000, working: 'List rule', fromList: list });
  });

  it('is unknown, saying why, when a choice is missing, the rules refuse or need more figures', () => {
    expect(chooseLimit({ ...none, notYet: 'Choose the GLA post' })).toEqual({
      basis: 'unknown',
      limitPence: null,
      working: 'Choose the GLA post',
      problem: 'Choose the GLA post',
    });
    expect(chooseLimit({ ...none, rules: { refusal: 'No such election' } })).toMatchObject({ basis: 'unknown', problem: 'No such election' });
    expect(chooseLimit({ ...none, rules: { limitPence: null, working: 'Enter the electorate' } })).toMatchObject({
      basis: 'unknown',
      problem: 'Enter the electorate',
    });
  });
});

describe('each regulated period’s limit', () => {
  const periods = [
    { key: 'long', limitPence: 5_000, working: 'long rule' },
    { key: 'short', limitPence: null, working: 'short rule' },
  ];

  it('is the period’s own figure, the last period taking the contest’s limit', () => {
    expect(periodLimits(periods, { last: null, earlier: null }, { limitPence: 156_000, working: 'contest' })).toEqual([
      { key: 'long', limitPence: 5_000, working: 'long rule', limitBasis: 'rule' },
      { key: 'short', limitPence: 156_000, working: 'contest', limitBasis: 'rule' },
    ]);
    expect(periodLimits(periods, { last: null, earlier: null }, { limitPence: null, working: 'unknown' })[1].limitBasis).toBe('unknown');
  });

  it('is a figure entered by hand where there is one', () => {
    const [long, short] = periodLimits(periods, { last: 200, earlier: 100 }, { limitPence: 156_000, working: 'contest' });
    expect(long).toMatchObject({ limitBasis: 'override', limitPence: 100, working: 'Entered by hand: £1.00', confirmed: true });
    expect(short).toMatchObject({ limitBasis: 'override', limitPence: 200, working: 'Entered by hand: £2.00', confirmed: true });
  });
});
