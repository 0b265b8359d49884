import { describe, expect, it } from 'vitest';
import { type AlterationLine, parseAlteration, planAlterations } from '../../shared/domain/register-alterations.ts';

describe('notices of alteration', () => {
  it.each([
    ['A', 'add'],
    ['addition', 'add'],
    [' d ', 'delete'],
    ['Deleted', 'delete'],
    ['C', 'change'],
    ['M', 'change'],
    ['Amendment', 'change'],
    ['', null],
    ['X', undefined],
  ])('reads the change %j as %s', (text, alteration) => {
    expect(parseAlteration(text)).toBe(alteration);
  });

  const held = new Map([
    ['AA-1', { id: 11, fullName: 'John Smith', surname: 'Smith', forenames: 'John' }],
    ['AA-2', { id: 12, fullName: 'Jane Smith', surname: 'Smith', forenames: 'Jane' }],
  ]);
  const line = (n: number, electorNumber: string, alteration: AlterationLine['alteration'], fullName: string): AlterationLine => {
    const [forenames, surname] = fullName.split(' ');
    return { line: n, electorNumber, alteration, fullName, surname, forenames };
  };

  it('plans each line against the register held, and lines without a change add or update', () => {
    const plan = planAlterations(
      [
        line(2, 'AA-1', 'delete', 'SMITH John'),
        line(3, 'AA-2', 'change', 'Jane Brown'),
        line(4, 'AA-3', 'add', 'Tom Green'),
        line(5, 'AA-2', null, 'Jane Smith'),
        line(6, 'AA-4', null, 'Ann Lee'),
      ],
      held,
    );
    expect(plan).toEqual({ actions: ['delete', 12, 'add', 12, 'add'], deleteIds: [11], added: 2, changed: 2, problems: [] });
  });

  it('refuses a deletion naming someone else, and additions or changes that do not fit', () => {
    const plan = planAlterations([line(2, 'AA-1', 'delete', 'Jane Smith'), line(3, 'AA-2', 'add', 'Jane Smith'), line(4, 'AA-9', 'change', 'Tom Green')], held);
    expect(plan.deleteIds).toEqual([]);
    expect(plan.problems.map((p) => p.line)).toEqual([2, 3, 4]);
    expect(plan.problems[0].reason).toBe('AA-1 is to be deleted as Jane Smith, but the register has John Smith at that number');
  });
});
