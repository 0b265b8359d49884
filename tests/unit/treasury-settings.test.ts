import { describe, expect, it } from 'vitest';
import { type SettingsFacts, treasurySettingsProblems } from '../../shared/domain/treasury-settings.ts';

const facts: SettingsFacts = { today: '2026-06-20', latestExpenseOn: '2026-04-30', jointReductions: true };
const ok = { policeArea: null, returnDeliveredOn: null, jointCandidates: 1 };

describe('spending-limit settings', () => {
  it('stand when the police area is known, the return is delivered after the last expense and not in the future', () => {
    expect(treasurySettingsProblems(ok, facts)).toEqual([]);
    expect(treasurySettingsProblems({ policeArea: 'thames valley', returnDeliveredOn: '2026-04-30', jointCandidates: 2 }, facts)).toEqual([]);
    expect(treasurySettingsProblems({ ...ok, returnDeliveredOn: '2026-06-20' }, { ...facts, latestExpenseOn: null })).toEqual([]);
  });

  it('refuse a police area that is not on the list', () => {
    expect(treasurySettingsProblems({ ...ok, policeArea: 'Gotham' }, facts)).toEqual([
      { field: 'policeArea', message: '"Gotham" is not a police area: choose one from the list' },
    ]);
  });

  it('refuse a return delivered in the future, or before an expense on it, with dates as the pages show them', () => {
    expect(treasurySettingsProblems({ ...ok, returnDeliveredOn: '2026-06-21' }, facts)).toEqual([
      { field: 'returnDeliveredOn', message: 'The return cannot be delivered in the future (Sun 21 Jun 2026)' },
    ]);
    expect(treasurySettingsProblems({ ...ok, returnDeliveredOn: '2026-04-29' }, facts)).toEqual([
      { field: 'returnDeliveredOn', message: 'An expense is dated Thu 30 Apr 2026, after Wed 29 Apr 2026: nothing on the return may be dated after it' },
    ]);
  });

  it('refuse joint candidates where the limit rule has no joint reductions, and report every problem at once', () => {
    const problems = treasurySettingsProblems(
      { policeArea: 'Nowhere', returnDeliveredOn: '2027-01-01', jointCandidates: 2 },
      { ...facts, jointReductions: false },
    );
    expect(problems.map((p) => p.field)).toEqual(['policeArea', 'returnDeliveredOn', 'jointCandidates']);
    expect(problems[2].message).toBe('Joint-candidate reductions apply to council elections only');
  });
});
