import { describe, expect, it } from 'vitest';
import { emptyMapping, type ColumnMapping } from '../../shared/domain/register-columns.ts';
import { seededRandom } from '../support/malformed-payloads.ts';
import {
  DuplicateNumberCheck,
  isBlankRow,
  normalisePostcode,
  parseRegisterDate,
  readRegisterRow,
  tidy,
  type RegisterRow,
} from '../../shared/domain/register-rows.ts';

const split: ColumnMapping = {
  ...emptyMapping(),
  pollingDistrict: 0,
  electorNumber: 1,
  suffix: 2,
  markers: 3,
  surname: 4,
  forenames: 5,
  address1: 6,
  address2: 7,
  postcode: 8,
  dateOfAttainment: 9,
};

function ok(cells: string[], mapping = split, line = 2): RegisterRow {
  const r = readRegisterRow(cells, mapping, line);
  if (!r.ok) throw new Error(r.problem.reason);
  return r.row;
}

function reason(cells: string[], mapping = split, line = 7): string {
  const r = readRegisterRow(cells, mapping, line);
  if (r.ok) throw new Error('expected a refusal');
  expect(r.problem.line).toBe(line);
  return r.problem.reason;
}

describe('register rows', () => {
  it('reads a row with a separate prefix, number and suffix', () => {
    const row = ok(['ab', '123', '1', 'e', 'Smith', 'John  Paul', '12 High Street', 'Newtown', 'sw1a1aa', '']);
    expect(row).toEqual({
      line: 2,
      pollingDistrict: 'AB',
      number: 123,
      suffix: 1,
      electorNumber: 'AB-123/1',
      markers: 'E',
      dateOfAttainment: null,
      title: '',
      fullName: 'John Paul Smith',
      surname: 'Smith',
      forenames: 'John Paul',
      addressLines: ['12 High Street', 'Newtown'],
      postcode: 'SW1A 1AA',
      alteration: null,
    });
  });

  it('treats suffix 0 as no suffix', () => {
    expect(ok(['AB', '5', '0', '', 'Jones', 'Ann', '', '', '', '']).electorNumber).toBe('AB-5');
  });

  it('reads a whole elector number from one column and splits "SURNAME, Forenames"', () => {
    const m = { ...emptyMapping(), electorNumber: 0, fullName: 1, address1: 2 };
    const row = ok(['KA-7.2', 'SMITH, John', 'Rose Cottage'], m);
    expect(row).toMatchObject({ electorNumber: 'KA-7/2', pollingDistrict: 'KA', surname: 'SMITH', forenames: 'John', fullName: 'SMITH, John' });
    expect(ok(['KA-8', 'Mary Ann Jones', ''], m)).toMatchObject({ surname: 'Jones', forenames: 'Mary Ann', addressLines: [] });
  });

  it('reads dates in either form', () => {
    expect(parseRegisterDate('01/12/2026')).toBe('2026-12-01');
    expect(parseRegisterDate('2026-12-01')).toBe('2026-12-01');
    expect(parseRegisterDate('31/02/2026')).toBeNull();
    expect(parseRegisterDate('tomorrow')).toBeNull();
  });

  it.each([
    [['AB', '', '', '', 'Smith', 'J', '', '', '', ''], /elector number is empty/],
    [['', '12', '', '', 'Smith', 'J', '', '', '', ''], /12 has no polling-district prefix/],
    [['AB', '12x', '', '', 'Smith', 'J', '', '', '', ''], /not an elector number/],
    [['AB', '0', '', '', 'Smith', 'J', '', '', '', ''], /start at 1/],
    [['AB', '12', 'a', '', 'Smith', 'J', '', '', '', ''], /suffix "a" is not a number/],
    [['AB', '12', '', '', '', '', '', '', '', ''], /AB-12 has no name/],
    [['AB', '12', '', '', 'Smith', 'J', '1 Lane', '', 'NOT A PC', ''], /postcode "NOT A PC" is not a UK postcode/],
    [['AB', '12', '', '', 'Smith', 'J', '', '', '', '30/02/2008'], /date "30\/02\/2008" is not a real date/],
    [['AB', '12', '', 'ABCDEFGHIJK', 'Smith', 'J', '', '', '', ''], /markers/],
  ])('refuses %j saying why and where', (cells, why) => {
    expect(reason(cells)).toMatch(why);
  });

  it('refuses a number that contradicts its prefix column, or a suffix given twice', () => {
    const m = { ...emptyMapping(), pollingDistrict: 0, electorNumber: 1, suffix: 2, fullName: 3 };
    expect(reason(['AB', 'CD-12', '', 'X Y'], m)).toMatch(/does not start with its prefix "AB"/);
    expect(reason(['AB', 'AB-12/1', '2', 'X Y'], m)).toMatch(/already has a suffix/);
    expect(ok(['AB', 'AB-12', '2', 'X Y'], m).electorNumber).toBe('AB-12/2');
  });

  it('tolerates short rows (missing trailing cells) and extra cells', () => {
    const m = { ...emptyMapping(), electorNumber: 0, fullName: 1, postcode: 5 };
    expect(ok(['AB-1', 'A Person'], m).postcode).toBe('');
    expect(ok(['AB-1', 'A Person', 'x', 'y', 'z', 'n1 9gu', 'extra', 'more'], m).postcode).toBe('N1 9GU');
  });

  it('knows blank rows and postcodes', () => {
    expect(isBlankRow(['', '  ', ''])).toBe(true);
    expect(isBlankRow([])).toBe(true);
    expect(isBlankRow(['', 'x'])).toBe(false);
    expect(normalisePostcode(' ec1a  1bb ')).toBe('EC1A 1BB');
    expect(normalisePostcode('M1 1AE')).toBe('M1 1AE');
    expect(normalisePostcode('')).toBe('');
    expect(normalisePostcode('12345')).toBeNull();
  });

  it('refuses a repeated elector number, naming the first line', () => {
    const check = new DuplicateNumberCheck();
    const a = ok(['AB', '1', '', '', 'A', 'B', '', '', '', ''], split, 2);
    const b = ok(['ab', '01', '', '', 'C', 'D', '', '', '', ''], split, 9);
    expect(check.check(a)).toBeNull();
    expect(check.check(b)).toEqual({ line: 9, reason: 'elector number AB-1 is already on line 2' });
  });
});

describe('cells with control characters', () => {
  it('are tidied to spaces, so no field of a row holds one', () => {
    const row = ok(['AB', '12', '', '', 'Smi\u001fth', 'Jo\u001ehn', '1 Lane\u0000', '', '', '']);
    expect(row).toMatchObject({ surname: 'Smi th', forenames: 'Jo hn', addressLines: ['1 Lane'] });
  });
});

/** `tidy` and `normalisePostcode` as they were before their fast paths: what those must agree with. */
const UNTIDY = /\s\s|[\t\r\n\f\v\u0000-\u001f]/;
const tidyBefore = (text: string) => (UNTIDY.test(text) ? text.replace(/[\s\u0000-\u001f]+/g, ' ').trim() : text.trim());
function normalisePostcodeBefore(text: string): string | null {
  const t = text.trim().toUpperCase().replace(/\s+/g, ' ');
  if (t === '') return '';
  const m = /^([A-Z]{1,2}[0-9][A-Z0-9]?)\s*([0-9][A-Z]{2})$/.exec(t);
  return m ? `${m[1]} ${m[2]}` : null;
}

describe('fast paths', () => {
  it('tidy cells exactly as before', () => {
    const random = seededRandom(42);
    const pieces = ['a', 'Zz', ' ', '  ', '\t', '\n', '\r', '\u0000', '\u001f', '\u00a0', '\u2003', '\u3000', '\ufeff', '\u0085', 'é', '\u007f', ','];
    for (let i = 0; i < 5000; i++) {
      const text = Array.from({ length: Math.floor(random() * 6) }, () => pieces[Math.floor(random() * pieces.length)]).join('');
      expect(tidy(text), JSON.stringify(text)).toBe(tidyBefore(text));
    }
  });

  it('normalise postcodes exactly as before', () => {
    for (const pc of [
      'AB1 2CD',
      'SW1A 1AA',
      'M1 1AE',
      'EC1A 1BB',
      'ab1 2cd',
      'AB12CD',
      ' AB1 2CD',
      'AB1  2CD',
      'AB1 2C',
      'A1 1AA',
      'AA1A 1AA',
      '',
      'NOPE',
      'AB1\t2CD',
    ]) {
      expect(normalisePostcode(pc), pc).toBe(normalisePostcodeBefore(pc));
    }
  });

  it('read a plain prefix and number as the general elector-number rules do', () => {
    const m = { ...emptyMapping(), pollingDistrict: 0, electorNumber: 1, fullName: 2 };
    expect(ok(['ab', '0012', 'A B'], m)).toMatchObject({ pollingDistrict: 'AB', number: 12, suffix: null, electorNumber: 'AB-12' });
    expect(ok(['ABCD', '999999', 'A B'], m).electorNumber).toBe('ABCD-999999');
    expect(reason(['AB', '0', 'A B'], m)).toMatch(/start at 1/);
    expect(reason(['AB', '1234567', 'A B'], m)).toMatch(/not an elector number/);
    expect(ok(['gb1', '1', 'A B'], m).electorNumber).toBe('GB1-1');
    expect(reason(['ABCDEFGHIJK', '1', 'A B'], m)).toMatch(/not an elector number/);
    expect(reason(['1A', '1', 'A B'], m)).toMatch(/not an elector number/);
    expect(ok(['A', '7', 'A B'], { ...m, suffix: 3 })).toMatchObject({ electorNumber: 'A-7' });
  });
});
