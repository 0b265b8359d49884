import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyseAreaCsv, applyDecisions, suggestMapping } from '../../shared/domain/area-import.ts';

const none = { defaultNation: 'england' as const, existingCodes: new Set<string>(), existingNames: new Set<string>() };
const constituencies = readFileSync(new URL('../fixtures/uk-parliament-constituencies-2024-electorate.csv', import.meta.url), 'utf8');

describe('area CSV import', () => {
  it('recognises the ONS headings', () => {
    expect(suggestMapping(['PCON25NM', 'PCON25CD', 'Electorate'])).toEqual({
      name: 'PCON25NM',
      gssCode: 'PCON25CD',
      electorate: 'Electorate',
      classification: '',
      nation: '',
      region: '',
    });
  });

  it('lists the constituency file’s faulty rows by line and imports nothing silently', () => {
    const a = analyseAreaCsv(constituencies, none);
    expect(a.rows).toHaveLength(652);
    expect(a.problems.map((p) => [p.line, p.kind, p.relatedLines])).toEqual([
      [159, 'duplicate-row', [158]],
      [240, 'duplicate-row', [239]],
      [575, 'duplicate-code', [574]],
    ]);
    const undecided = applyDecisions(a, {});
    expect(undecided.undecided.map((p) => p.line)).toEqual([159, 240, 575]);
    const decided = applyDecisions(a, { 159: 'skip', 240: 'skip', 575: 'import-without-code' });
    expect(decided.undecided).toEqual([]);
    expect(decided.rows).toHaveLength(650);
    expect(decided.skipped).toBe(2);
    expect(decided.rows.find((r) => r.name === 'Glasgow East')).toMatchObject({ gssCode: '', nation: 'scotland', electorate: 69748 });
  });

  it('sets county or borough for every 2024 constituency from the House of Commons Library designation, unless the file says', () => {
    const a = analyseAreaCsv(constituencies, none);
    const decided = applyDecisions(a, { 159: 'skip', 240: 'skip', 575: 'import-without-code' });
    const withCode = decided.rows.filter((r) => r.gssCode !== '');
    expect(withCode).toHaveLength(649);
    expect(withCode.every((r) => r.classification !== null)).toBe(true);
    expect(withCode.filter((r) => r.classification === 'county')).toHaveLength(385); // Glasgow East, a burgh seat, has lost its code
    expect(decided.rows.find((r) => r.name === 'Amber Valley')?.classification).toBe('county');
    expect(decided.rows.find((r) => r.name === 'Aldershot')?.classification).toBe('borough');
    const given = analyseAreaCsv('Name,Code,Type\nAmber Valley,E14001066,borough\nA ward,E05001234,\n', none);
    expect(given.rows.map((r) => r.classification)).toEqual(['borough', null]);
  });

  it('sets the region of every 2024 constituency from the House of Commons Library list, unless the file says', () => {
    const a = analyseAreaCsv(constituencies, none);
    const decided = applyDecisions(a, { 159: 'skip', 240: 'skip', 575: 'import-without-code' });
    const withCode = decided.rows.filter((r) => r.gssCode !== '');
    expect(withCode.every((r) => r.region !== '')).toBe(true);
    expect(withCode.filter((r) => r.region === 'North East')).toHaveLength(27);
    expect(withCode.filter((r) => r.region === 'London')).toHaveLength(75);
    expect(decided.rows.find((r) => r.name === 'Aldershot')?.region).toBe('South East');
    expect(decided.rows.find((r) => r.name === 'Glasgow East')?.region).toBe('Scotland'); // read before its code was dropped
    const given = analyseAreaCsv('Name,Code,Region\nAldershot,E14001063,Hampshire coast\nA ward,E05001234,\n', none);
    expect(given.mapping.region).toBe('Region');
    expect(given.rows.map((r) => r.region)).toEqual(['Hampshire coast', '']);
  });

  it('takes the nation from the GSS code', () => {
    const a = analyseAreaCsv(constituencies, none);
    const nations = new Set(a.rows.map((r) => `${r.gssCode[0]}:${r.nation}`));
    expect(nations).toEqual(new Set(['E:england', 'W:wales', 'S:scotland', 'N:northern-ireland']));
  });

  it('copes with a byte-order mark, CRLF, blank lines and quoted commas, keeping true line numbers', () => {
    const csv = '\uFEFFName,Code,Electorate\r\n"Hyde Park, Woodhouse",E05001234,"12,345"\r\n\r\nArmley,E05001235,9000\r\n';
    const a = analyseAreaCsv(csv, none);
    expect(a.mapping).toMatchObject({ name: 'Name', gssCode: 'Code', electorate: 'Electorate' });
    expect(a.rows.map((r) => [r.line, r.name, r.electorate])).toEqual([
      [2, 'Hyde Park, Woodhouse', 12345],
      [4, 'Armley', 9000],
    ]);
  });

  it('reports invalid rows with the line and every reason, and can only skip them', () => {
    const csv = 'Name,Code,Electorate\n,E05001234,100\nArmley,X123,lots\n';
    const a = analyseAreaCsv(csv, none);
    expect(a.problems.map((p) => p.message)).toEqual([
      'Line 2: the name is empty.',
      'Line 3: "X123" is not a GSS code (a letter and eight digits); electorate "lots" is not a whole number.',
    ]);
    expect(a.problems.every((p) => p.choices.join() === 'skip')).toBe(true);
  });

  it('marks areas already in the database', () => {
    const a = analyseAreaCsv('Name,Code\nArmley,E05001235\n', { ...none, existingCodes: new Set(['E05001235']) });
    expect(a.problems[0]).toMatchObject({ kind: 'already-present', line: 2 });
    expect(applyDecisions(a, {})).toMatchObject({ rows: [], skipped: 1, undecided: [] });
  });

  it('refuses a decision that is not offered', () => {
    const a = analyseAreaCsv(constituencies, none);
    expect(applyDecisions(a, { 159: 'skip', 240: 'skip', 575: 'import' }).refused).toEqual([
      'Line 575: "import" is not a choice here (import-without-code or skip)',
    ]);
  });
});
