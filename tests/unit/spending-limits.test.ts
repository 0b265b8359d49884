import { describe, expect, it } from 'vitest';
import { ELECTION_TYPES, NATIONS } from '../../shared/domain/election-types.ts';
import { computeSpendingLimit, findLimitRule, LIMIT_RULES, noRuleMessage, spendLevel, spendStatus } from '../../shared/domain/spending-limits.ts';
import type { LimitInputs, LimitRule } from '../../shared/domain/spending-limits.ts';

function limit(rule: LimitRule | null, inputs: LimitInputs) {
  if (!rule) throw new Error('no rule');
  const r = computeSpendingLimit(rule, inputs);
  if (!r.ok) throw new Error(r.message);
  return r.value;
}

describe('UK Parliament general election (SI 2023/1235)', () => {
  const rule = findLimitRule('uk-parliament', 'england');

  it('gives £19,783.16 for a county seat of 69,943 electors, with the working shown', () => {
    const l = limit(rule, { electors: 69_943, areaKind: 'county' });
    expect(l.limitPence).toBe(1_978_316);
    expect(l.working).toBe('£11,390 + 69,943 × 12p = £19,783.16');
    expect(l.rule.instrument).toMatch(/SI 2023\/1235/);
    expect(l.rule.confirmed).toBe(true);
  });

  it('uses 8p per elector in a borough seat', () => {
    const l = limit(rule, { electors: 72_000, areaKind: 'borough' });
    expect(l.limitPence).toBe(1_139_000 + 72_000 * 8);
    expect(l.working).toBe('£11,390 + 72,000 × 8p = £17,150.00');
  });

  it('applies in every nation', () => {
    for (const nation of NATIONS) expect(findLimitRule('uk-parliament', nation)?.id).toBe('uk-parliament-general');
  });

  it('asks whether the seat is a county or borough seat', () => {
    const r = computeSpendingLimit(rule!, { electors: 70_000 });
    expect(r).toMatchObject({ ok: false, field: 'areaKind' });
  });

  it('refuses joint candidates', () => {
    const r = computeSpendingLimit(rule!, { electors: 70_000, areaKind: 'county', jointCandidates: 2 });
    expect(r).toMatchObject({ ok: false, field: 'jointCandidates' });
  });

  it.each([[null], [0], [-5], [1.5], [20_000_000]])('refuses %j electors with a message', (electors) => {
    const r = computeSpendingLimit(rule!, { electors, areaKind: 'county' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.field).toBe('electors');
      expect(r.message).toMatch(/electors/i);
    }
  });
});

describe('English council election', () => {
  const rule = findLimitRule('local', 'england');

  it('is £960 + 8p per elector (the Electoral Commission example: 7,500 electors → £1,560)', () => {
    const l = limit(rule, { electors: 7_500 });
    expect(l.limitPence).toBe(156_000);
    expect(l.working).toBe('£960 + 7,500 × 8p = £1,560.00');
  });

  it('cuts the limit by a quarter for two joint candidates', () => {
    const l = limit(rule, { electors: 7_500, jointCandidates: 2 });
    expect(l.limitPence).toBe(117_000);
    expect(l.singleCandidatePence).toBe(156_000);
    expect(l.reductionPence).toBe(39_000);
    expect(l.working).toBe('£960 + 7,500 × 8p = £1,560.00; two joint candidates: less a quarter (£390.00) = £1,170.00');
  });

  it('cuts it by a third for three or more, rounding down to the penny', () => {
    expect(limit(rule, { electors: 7_500, jointCandidates: 3 }).limitPence).toBe(104_000);
    // 156,008p × 2/3 = 104,005.33p → 104,005p: never overstate the limit.
    const l = limit(rule, { electors: 7_501, jointCandidates: 4 });
    expect(l.limitPence).toBe(104_005);
    expect(l.working).toMatch(/4 joint candidates: less a third \(£520\.03\) = £1,040\.05$/);
  });

  it('covers English parish elections; Welsh and Scottish councils have rules of their own', () => {
    expect(findLimitRule('parish', 'england')?.id).toBe('english-council');
    expect(findLimitRule('local', 'wales')?.id).toBe('welsh-council');
    expect(findLimitRule('parish', 'wales')?.id).toBe('welsh-council');
    expect(findLimitRule('local', 'scotland')?.id).toBe('scottish-council');
    expect(noRuleMessage('senedd', 'wales')).toMatch(/enter the limit from the returning officer's notice/);
  });
});

describe('other elections', () => {
  it('local authority mayor: £3,040 + 8p per elector (SI 2024/428)', () => {
    const l = limit(findLimitRule('mayor', 'england'), { electors: 200_000 });
    expect(l.limitPence).toBe(304_000 + 1_600_000);
    expect(l.working).toBe('£3,040 + 200,000 × 8p = £19,040.00');
    expect(l.rule.instrument).toMatch(/SI 2024\/428/);
  });

  it('GLA 2024: fixed figures per post', () => {
    expect(limit(findLimitRule('gla', 'england', 'mayor'), {}).limitPence).toBe(76_041_000);
    expect(limit(findLimitRule('gla', 'england', 'constituency'), {}).limitPence).toBe(6_336_000);
    const list = limit(findLimitRule('gla', 'england', 'list'), {});
    expect(list.limitPence).toBe(59_746_000);
    expect(list.working).toMatch(/Fixed limit .*£597,460\.00$/);
    expect(findLimitRule('gla', 'england')).toBeNull();
    expect(noRuleMessage('gla', 'england')).toMatch(/Choose the post/);
  });

  it('Scottish Parliament constituency (SSI 2015/425 art.42(2)): £8,700 + 9p county / 6p burgh, flagged as possibly uprated', () => {
    const rule = findLimitRule('scottish-parliament', 'scotland');
    expect(rule?.confirmed).toBe(false);
    expect(rule?.note).toMatch(/uprated/);
    expect(findLimitRule('scottish-parliament', 'scotland', null, 'sp-regional')).toBeNull();
    expect(limit(rule, { electors: 60_000, areaKind: 'county' }).limitPence).toBe(870_000 + 540_000);
    expect(limit(rule, { electors: 60_000, areaKind: 'borough' }).limitPence).toBe(870_000 + 360_000);
  });

  it('has a rule, each flagged unconfirmed where no current source was found, for PCC, Senedd and the Northern Ireland Assembly', () => {
    expect(findLimitRule('pcc', 'england')?.byPoliceArea).toBe(true);
    expect(findLimitRule('senedd', 'wales')?.confirmed).toBe(false);
    expect(findLimitRule('ni-assembly', 'northern-ireland')?.confirmed).toBe(false);
  });

  it('keeps every figure as whole pence with an instrument named', () => {
    for (const r of LIMIT_RULES) {
      expect(Number.isSafeInteger(r.fixedPence)).toBe(true);
      expect(r.instrument.length).toBeGreaterThan(10);
      expect(r.checkedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      if (r.perElector) for (const v of Object.values(r.perElector)) expect(Number.isSafeInteger(v)).toBe(true);
      for (const t of r.electionTypes) expect(ELECTION_TYPES).toContain(t);
    }
  });
});

describe('spend against the limit', () => {
  const limitPence = 1_978_316;

  it('warns from exactly 80% and goes hard over the limit', () => {
    // 80% of £19,783.16 is £15,826.528: the threshold falls inside a penny.
    expect(spendLevel(1_582_652, limitPence)).toBe('ok');
    expect(spendLevel(1_582_653, limitPence)).toBe('warning');
    expect(spendLevel(80_000, 100_000)).toBe('warning');
    expect(spendLevel(79_999, 100_000)).toBe('ok');
    expect(spendLevel(limitPence, limitPence)).toBe('warning');
    expect(spendLevel(limitPence + 1, limitPence)).toBe('over');
  });

  it('reports headroom, overspend and a whole percentage', () => {
    expect(spendStatus(50_000, 100_000)).toMatchObject({ level: 'ok', headroomPence: 50_000, overByPence: 0, percent: 50, message: '£500.00 left to spend' });
    expect(spendStatus(85_000, 100_000)).toMatchObject({ level: 'warning', percent: 85, message: '85% of the limit spent: £150.00 left' });
    const over = spendStatus(100_001, 100_000);
    expect(over).toMatchObject({ level: 'over', headroomPence: 0, overByPence: 1, percent: 100 });
    expect(over.message).toMatch(/^Over the limit by £0\.01/);
  });
});
