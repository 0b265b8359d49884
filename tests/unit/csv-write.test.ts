import { describe, expect, it } from 'vitest';
import { readCsv, writeCsv } from '../../shared/domain/csv.ts';

describe('writeCsv', () => {
  it('quotes commas, quotes and line breaks so the file reads back the same', () => {
    const rows = [
      ['supplier', 'description', 'amount'],
      ['Print, "Fast" Ltd', 'Two lines\nof text', '1234.50'],
    ];
    const text = writeCsv(rows);
    expect(text.endsWith('\r\n')).toBe(true);
    const back = readCsv(text);
    expect(back.headers).toEqual(rows[0]);
    expect(back.rows[0].cells).toEqual(rows[1]);
  });

  it('stops a spreadsheet running a cell as a formula, but leaves negative numbers alone', () => {
    const text = writeCsv([
      ['a', 'b', 'c', 'd'],
      ['=HYPERLINK("x")', '+44 1234', '@sum', '-12.50'],
    ]);
    expect(readCsv(text).rows[0].cells).toEqual([`'=HYPERLINK("x")`, `'+44 1234`, `'@sum`, '-12.50']);
  });

  it('opens with a byte-order mark so Excel reads accented names as UTF-8, once, before the header', () => {
    const text = writeCsv([['name'], ['Zoë Ångström']]);
    expect(text).toBe('\ufeffname\r\nZoë Ångström\r\n');
    expect(readCsv(text).headers).toEqual(['name']);
  });
});
