import { describe, expect, it } from 'vitest';
import { DEFAULT_CODES, EXAMPLE_PARTY_SUPPORT, type CodeConfig } from '../../shared/domain/canvass-codes.ts';
import { formatSupports, normaliseSupports, parseSupports, promiseRuleProblems, promiseWhere } from '../../shared/domain/promises.ts';
import Database from 'better-sqlite3-multiple-ciphers';

const PARTIES: CodeConfig = {
  ...DEFAULT_CODES,
  support: EXAMPLE_PARTY_SUPPORT,
};

describe('promise rules', () => {
  it('round-trips the stored comma list', () => {
    expect(parseSupports('1, 2,')).toEqual(['1', '2']);
    expect(parseSupports('')).toEqual([]);
    expect(formatSupports(['1', '2'])).toBe('1,2');
  });

  it('accepts the campaign support codes, in any case, and orders them as the campaign does', () => {
    expect(promiseRuleProblems(['2', '1'], DEFAULT_CODES)).toEqual([]);
    expect(promiseRuleProblems(['u'], PARTIES)).toEqual([]);
    expect(normaliseSupports(['2', '1'], DEFAULT_CODES)).toEqual(['1', '2']);
    expect(normaliseSupports(['g', 'u'], PARTIES)).toEqual(['U', 'G']);
  });

  it('names the field of each problem: empty rule, unknown code, code ticked twice', () => {
    expect(promiseRuleProblems([], DEFAULT_CODES)).toEqual([
      {
        path: 'supports',
        message: 'Tick at least one support code to count as a promise',
      },
    ]);
    expect(promiseRuleProblems(['1', 'U', '1'], DEFAULT_CODES)).toEqual([
      {
        path: 'supports.1',
        message: '“U” is not one of your support codes (1, 2, 3, 4, 5)',
      },
      { path: 'supports.2', message: 'Support code 1 is ticked twice' },
    ]);
  });
});

describe('promiseWhere', () => {
  // The two columns the predicate reads, as in the electors table.
  const db = new Database(':memory:');
  db.exec('CREATE TABLE electors (id INTEGER PRIMARY KEY, latest_support TEXT, latest_outcome TEXT)');
  const rows: [string | null, string | null][] = [
    ['1', 'in'], // promise
    ['2', 'in'], // promise
    ['3', 'in'], // not in the rule
    ['1', 'moved'], // removed
    ['2', 'deceased'], // removed
    ['1', 'do_not_contact'], // removed
    ['1', null], // support kept, no outcome: a promise
    [null, 'not_in'], // never canvassed in
  ];
  rows.forEach(([s, o], i) => db.prepare('INSERT INTO electors VALUES (?, ?, ?)').run(i + 1, s, o));
  const ids = (supports: string[]) => {
    const w = promiseWhere('e', supports);
    return db
      .prepare(`SELECT id FROM electors e WHERE ${w.sql} ORDER BY id`)
      .pluck()
      .all(...w.params);
  };

  it('matches electors whose latest support is in the rule and who are not removed', () => {
    expect(ids(['1', '2'])).toEqual([1, 2, 7]);
    expect(ids(['3'])).toEqual([3]);
  });

  it('matches nobody for an empty rule', () => {
    expect(ids([])).toEqual([]);
  });

  it('refuses an alias that is not a plain identifier', () => {
    expect(() => promiseWhere('e; DROP TABLE electors', ['1'])).toThrow(/bad table alias/);
  });
});
