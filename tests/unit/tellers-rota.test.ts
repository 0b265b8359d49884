import { describe, expect, it } from 'vitest';
import { coverGaps, isClockTime, overlaps } from '../../shared/domain/tellers-rota.ts';
import { readStationsCsv, suggestStationColumns } from '../../shared/domain/polling-stations-csv.ts';

describe('tellers’ shifts', () => {
  it('reads HH:MM times only', () => {
    expect(['07:00', '21:59', '00:00'].every(isClockTime)).toBe(true);
    expect(['7:00', '24:00', '07:60', '0700', ''].some(isClockTime)).toBe(false);
  });

  it('counts shifts that share a minute as overlapping, back to back as not', () => {
    expect(overlaps({ startsAt: '09:00', endsAt: '12:00' }, { startsAt: '11:59', endsAt: '13:00' })).toBe(true);
    expect(overlaps({ startsAt: '09:00', endsAt: '12:00' }, { startsAt: '12:00', endsAt: '13:00' })).toBe(false);
    expect(overlaps({ startsAt: '09:00', endsAt: '12:00' }, { startsAt: '10:00', endsAt: '11:00' })).toBe(true);
  });

  it('finds the hours of polling no shift covers, with overlapping and nested shifts', () => {
    expect(coverGaps([])).toEqual([{ from: '07:00', to: '22:00' }]);
    expect(
      coverGaps([
        { startsAt: '16:00', endsAt: '22:00' },
        { startsAt: '07:00', endsAt: '10:00' },
        { startsAt: '09:00', endsAt: '13:00' },
        { startsAt: '10:00', endsAt: '11:00' },
      ]),
    ).toEqual([{ from: '13:00', to: '16:00' }]);
    expect(coverGaps([{ startsAt: '07:00', endsAt: '22:00' }])).toEqual([]);
  });
});

describe('a polling stations CSV', () => {
  it('guesses the columns from common headings', () => {
    expect(suggestStationColumns(['Ref', 'Polling District', 'Venue', 'Venue Address'])).toEqual({ district: 1, name: 2, address: 3 });
    expect(suggestStationColumns(['PD', 'Polling station name', 'Address'])).toEqual({ district: 0, name: 1, address: 2 });
    expect(suggestStationColumns(['a', 'b'])).toEqual({ district: null, name: null, address: null });
  });

  it('makes one station per name (any case) with its districts, the first address given', () => {
    const r = readStationsCsv('D,Station,Address\naa,Hall,\nAB,HALL,1 Church Lane\n', { district: 0, name: 1, address: 2 }, ['AA', 'AB']);
    expect(r.problems).toEqual([]);
    expect(r.stations).toEqual([{ name: 'Hall', address: '1 Church Lane', districts: ['AA', 'AB'] }]);
  });

  it('names the line of every problem', () => {
    const r = readStationsCsv('D,Station\nA-1,Hall\n', { district: 0, name: 1, address: null }, ['AA']);
    expect(r.problems).toEqual([{ line: 2, reason: '“A-1” is not a polling district code (letters and digits starting with a letter)' }]);
    expect(readStationsCsv('D,Station\n', { district: 0, name: 1, address: null }, ['AA']).problems).toEqual([
      { line: 2, reason: 'The file has headings but no rows' },
    ]);
  });
});
