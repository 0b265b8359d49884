import { describe, expect, it } from 'vitest';
import { matchElectors, nameKey, type MatchPerson } from '../../shared/domain/register-matching.ts';

const p = (electorNumber: string, surname: string, forenames: string, addressLines: string[], postcode = 'AB1 2CD'): MatchPerson => ({
  electorNumber,
  surname,
  forenames,
  fullName: `${forenames} ${surname}`,
  addressLines,
  postcode,
});

describe('re-import matching', () => {
  it('ignores word order, case and punctuation in names', () => {
    expect(nameKey({ fullName: 'SMITH, John Paul', surname: '', forenames: '' })).toBe(nameKey({ fullName: '', surname: 'Smith', forenames: 'John paul' }));
    expect(nameKey({ fullName: "Mary O'Brien-Jones", surname: '', forenames: '' })).toBe('JONES MARY OBRIEN');
  });

  it('matches a renumbered register by name and address, and reports new and left', () => {
    const old = [
      p('AB-1', 'Smith', 'John', ['1 Mill Lane']),
      p('AB-2', 'Smith', 'Jane', ['1 Mill Lane']),
      p('AB-3', 'Brown', 'Ann', ['2 Mill Lane']),
      p('AB-4', 'Green', 'Tom', ['3 Mill Lane']),
    ];
    const next = [
      p('AB-10', 'Carter', 'Liz', ['2 Mill Lane']),
      p('AB-11', 'SMITH', 'JANE', ['1, Mill Lane.']),
      p('AB-12', 'Smith', 'John', ['1 Mill Lane']),
      p('AB-13', 'Green', 'Tom', ['3 Mill Lane']),
    ];
    const r = matchElectors(old, next);
    expect(r.matched).toEqual([
      [1, 1],
      [0, 2],
      [3, 3],
    ]);
    expect(r.added).toEqual([0]);
    expect(r.left).toEqual([2]);
    expect(r.byPass.exact).toBe(3);
  });

  it('matches when a middle name is added, or the address lines are written differently', () => {
    const old = [p('AB-1', 'Smith', 'John', ['1 Mill Lane', 'Newtown']), p('AB-2', 'Patel', 'Ravi', ['Flat 2', '5 High St', 'Newtown'])];
    const next = [p('AB-7', 'Smith', 'John Paul', ['1 Mill Lane', 'Newtown']), p('AB-8', 'Patel', 'Ravi', ['Flat 2, 5 High Street'])];
    const r = matchElectors(old, next);
    expect(r.matched).toEqual([
      [0, 0],
      [1, 1],
    ]);
    expect(r.byPass).toEqual({ exact: 0, middleNames: 1, postcodeAndHouse: 1, nameOnly: 0 });
  });

  it('follows someone who moved within the area only when the name is unique', () => {
    const old = [p('AB-1', 'Okafor', 'Chidi', ['1 Mill Lane']), p('AB-2', 'Jones', 'Sam', ['2 Mill Lane']), p('AB-3', 'Jones', 'Sam', ['9 Mill Lane'])];
    const next = [p('CD-1', 'Okafor', 'Chidi', ['40 Park Road'], 'AB9 9ZZ'), p('CD-2', 'Jones', 'Sam', ['41 Park Road'], 'AB9 9ZZ')];
    const r = matchElectors(old, next);
    expect(r.matched).toEqual([[0, 0]]);
    expect(r.byPass.nameOnly).toBe(1);
    expect(r.added).toEqual([1]);
    expect(r.left).toEqual([1, 2]);
  });

  it('pairs namesakes at one address in elector-number order, one to one', () => {
    const old = [p('AB-9', 'Lee', 'David', ['4 Mill Lane']), p('AB-8', 'Lee', 'David', ['4 Mill Lane'])];
    const next = [p('AB-20', 'Lee', 'David', ['4 Mill Lane']), p('AB-21', 'Lee', 'David', ['4 Mill Lane']), p('AB-22', 'Lee', 'David', ['4 Mill Lane'])];
    const r = matchElectors(old, next);
    expect(r.matched).toEqual([
      [1, 0],
      [0, 1],
    ]);
    expect(r.added).toEqual([2]);
    expect(r.left).toEqual([]);
  });

  it('matches a whole 100,000-elector register one to one', () => {
    const old: MatchPerson[] = [];
    const next: MatchPerson[] = [];
    for (let i = 0; i < 100_000; i++) {
      const person = p(`AB-${i + 1}`, `Surname${i % 5000}`, `Name${i}`, [`${i % 300} Street ${Math.floor(i / 300)}`]);
      old.push(person);
      if (i % 10 !== 0) next.push({ ...person, electorNumber: `AB-${i + 7}` });
    }
    const r = matchElectors(old, next);
    expect(r.matched).toHaveLength(90_000);
    expect(r.matched.every(([o, n]) => old[o].fullName === next[n].fullName)).toBe(true);
    expect(r.left).toHaveLength(10_000);
    expect(r.added).toEqual([]);
  });
});
