import { describe, expect, it } from 'vitest';
import { householdKey } from '../../shared/domain/households.ts';
import { RegisterBuffer, TextField } from '../../shared/domain/register-buffer.ts';
import { emptyMapping } from '../../shared/domain/register-columns.ts';
import { type RegisterRow, readRegisterRow } from '../../shared/domain/register-rows.ts';

const mapping = {
  ...emptyMapping(),
  pollingDistrict: 0,
  electorNumber: 1,
  suffix: 2,
  markers: 3,
  dateOfAttainment: 4,
  title: 5,
  fullName: 6,
  surname: 7,
  forenames: 8,
  middleNames: 9,
  address1: 10,
  address2: 11,
  postcode: 12,
};

/** Varied rows as the reader gives them: suffixes, dates, titles, full names, odd characters, no address. */
function rows(n: number): RegisterRow[] {
  const out: RegisterRow[] = [];
  for (let i = 0; i < n; i++) {
    const house = Math.floor(i / 3);
    const cells = [
      ['AA', 'AB', 'ZZ'][Math.floor(i / 900) % 3],
      String(i + 1),
      i % 17 === 0 ? String(i % 4) : '',
      i % 23 === 0 ? 'e' : '',
      i % 29 === 0 ? '01/02/2008' : '',
      i % 5 === 0 ? 'Dr' : '',
      i % 7 === 0 ? `SMITH, Ann ${i}` : '',
      i % 7 === 0 ? '' : ['Smith', 'Ó Briain', 'Nguyễn', "O'Neil\u001fJr"][i % 4],
      i % 11 === 0 ? '' : `John${i % 3 === 0 ? ' Paul' : ''}`,
      i % 13 === 0 ? 'Q' : '',
      i % 19 === 0 ? '' : `${(house % 97) + 1}${i % 31 === 0 ? ',' : ''} High St.`,
      i % 19 === 0 ? '' : i % 2 ? 'Newtown, Kent' : 'Newtown,  Kent',
      i % 19 === 0 ? '' : `ab${house % 9} ${house % 7}cd`,
    ];
    const r = readRegisterRow(cells, mapping, i + 2);
    if (!r.ok) throw new Error(r.problem.reason);
    out.push(r.row);
  }
  return out;
}

describe('register buffer', () => {
  it('gives back every row as added, across many blocks', () => {
    const all = rows(2600);
    const buffer = new RegisterBuffer();
    for (const r of all) buffer.add(r);
    expect(buffer.length).toBe(all.length);
    const text: string[] = [];
    all.forEach((r, i) => {
      expect(buffer.row(i)).toEqual(r);
      expect(buffer.electorNumber(i)).toBe(r.electorNumber);
      expect(buffer.text(i, text)[TextField.fullName]).toBe(r.fullName);
      expect(buffer.field(i, TextField.postcode)).toBe(r.postcode);
      expect(buffer.field(i, TextField.address)).toBe(r.addressLines.join('\n'));
    });
    expect(buffer.pollingDistricts()).toEqual(['AA', 'AB', 'ZZ']);
  });

  it('puts rows with the same address key in one household, wherever they are, and rows without an address in none', () => {
    const all = rows(2600);
    const buffer = new RegisterBuffer();
    for (const r of all) buffer.add(r);
    const byKey = new Map<string, number>();
    all.forEach((r, i) => {
      const key = householdKey(r.addressLines, r.postcode);
      const h = buffer.householdOf(i);
      if (key === null) {
        expect(h).toBe(-1);
        return;
      }
      expect(buffer.households[h].key).toBe(key);
      if (!byKey.has(key)) {
        byKey.set(key, h);
        expect(buffer.households[h].row).toBe(i); // its first row
      } else expect(h).toBe(byKey.get(key));
    });
    expect(buffer.households.length).toBe(byKey.size);
    // `1, High St.` and `1 High St.` and both spellings of the town are one household.
    expect(byKey.size).toBeLessThan(all.length / 2);
  });

  it('refuses to read a row whose text holds its separator rather than give shifted fields', () => {
    const buffer = new RegisterBuffer();
    const [a, b] = rows(2);
    buffer.add({ ...a, title: 'Dr\u001fX' });
    buffer.add(b);
    expect(() => buffer.row(0)).toThrow(/unit separator/);
  });

  it('takes no rows once they are being read', () => {
    const buffer = new RegisterBuffer();
    const [a, b] = rows(2);
    buffer.add(a);
    expect(buffer.row(0)).toEqual(a);
    expect(() => buffer.add(b)).toThrow(/cannot be added/);
  });
});
