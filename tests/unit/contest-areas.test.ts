import { describe, expect, it } from 'vitest';
import { AREA_KINDS } from '../../shared/contract/areas.ts';
import { isoDate } from '../../shared/contract/common.ts';
import { areaFitsElection, CONTEST_AREA_KINDS, matchesAreaFilter, regionsOf } from '../../shared/domain/contest-areas.ts';
import { ELECTION_TYPES } from '../../shared/domain/election-types.ts';

describe('which areas an election is fought in', () => {
  it('names only kinds of area that areas can have, for every type of election', () => {
    for (const type of ELECTION_TYPES) {
      expect(CONTEST_AREA_KINDS[type].length, type).toBeGreaterThan(0);
      for (const kind of CONTEST_AREA_KINDS[type]) expect(AREA_KINDS, `${type}: ${kind}`).toContain(kind);
    }
  });

  it('offers Westminster seats to a general election in every nation, and never to a council election', () => {
    const seat = { kind: 'constituency', nation: 'scotland' } as const;
    expect(areaFitsElection(seat, { type: 'uk-parliament', nation: 'england' })).toBe(true);
    expect(areaFitsElection(seat, { type: 'local', nation: 'scotland' })).toBe(false);
    expect(areaFitsElection({ kind: 'ward', nation: 'england' }, { type: 'uk-parliament', nation: 'england' })).toBe(false);
  });

  it('offers a council election the wards and divisions of its own nation', () => {
    const council = { type: 'local', nation: 'england' } as const;
    expect(areaFitsElection({ kind: 'ward', nation: 'england' }, council)).toBe(true);
    expect(areaFitsElection({ kind: 'division', nation: 'england' }, council)).toBe(true);
    expect(areaFitsElection({ kind: 'ward', nation: 'wales' }, council)).toBe(false);
    expect(areaFitsElection({ kind: 'parish', nation: 'england' }, council)).toBe(false);
  });

  it('filters by nation and by text in the name, ignoring case and spaces around it', () => {
    const area = { name: 'Cardiff South and Penarth', nation: 'wales', region: 'Wales' } as const;
    expect(matchesAreaFilter(area, { nation: null, region: null, nameContains: '' })).toBe(true);
    expect(matchesAreaFilter(area, { nation: 'wales', region: null, nameContains: ' PENARTH ' })).toBe(true);
    expect(matchesAreaFilter(area, { nation: 'england', region: null, nameContains: '' })).toBe(false);
    expect(matchesAreaFilter(area, { nation: null, region: null, nameContains: 'Newport' })).toBe(false);
  });

  it('filters by region, ignoring case, and lists the regions recorded in order', () => {
    const hexham = { name: 'Hexham', nation: 'england', region: 'North East' } as const;
    expect(matchesAreaFilter(hexham, { nation: null, region: 'North East', nameContains: '' })).toBe(true);
    expect(matchesAreaFilter(hexham, { nation: null, region: ' north east ', nameContains: '' })).toBe(true);
    expect(matchesAreaFilter(hexham, { nation: null, region: 'North West', nameContains: '' })).toBe(false);
    expect(matchesAreaFilter({ ...hexham, region: '' }, { nation: null, region: 'North East', nameContains: '' })).toBe(false);
    expect(regionsOf([{ region: 'Wales' }, { region: '' }, { region: 'North East' }, { region: 'Wales' }])).toEqual(['North East', 'Wales']);
  });
});

describe('date fields', () => {
  const messageOf = (value: unknown) => isoDate.safeParse(value).error?.issues.map((i) => i.message);

  it('ask for a date in plain words when left empty, as a date picker shows no format to follow', () => {
    expect(messageOf('')).toEqual(['Enter a date']);
    expect(messageOf(null)).toEqual(['Enter a date']);
  });

  it('name the format only to those who type the text', () => {
    expect(messageOf('22/11/2026')).toEqual(['Write the date as YYYY-MM-DD']);
    expect(messageOf('2026-02-30')).toEqual(['This date does not exist']);
    expect(messageOf('2026-11-22')).toBeUndefined();
  });
});
