/** The entry screen's district names (offline canvass entry): a typed number and the walk's next without the server. */
import { describe, expect, it } from 'vitest';
import { DistrictNames } from '../../renderer/src/features/canvass/districtNames.ts';

const names = new DistrictNames(
  [
    ['AA-2', 12, 'Jane Smith'],
    ['AA-1', 11, 'John Smith'],
    ['AA-3/1', 13, 'Ann Brown'],
  ],
  7,
  'AA',
);

describe('a district’s names', () => {
  it('find an elector by number or id, known only by number and name', () => {
    expect(names.find('AA-1')).toMatchObject({ id: 11, areaId: 7, pollingDistrict: 'AA', electorNumber: 'AA-1', fullName: 'John Smith', offline: true });
    expect(names.withId(13)?.electorNumber).toBe('AA-3/1');
    expect(names.nameOf('AA-2')).toBe('Jane Smith');
    expect(names.find('AA-9')).toBeNull();
    expect(names.withId(99)).toBeNull();
    expect(names.nameOf('AB-1')).toBeUndefined();
  });

  it('step through the walk in its order, not the numbers’, and stop at its ends', () => {
    expect(names.beside('AA-2', 1)?.electorNumber).toBe('AA-1');
    expect(names.beside('AA-1', 1)?.electorNumber).toBe('AA-3/1');
    expect(names.beside('AA-3/1', 1)).toBeNull();
    expect(names.beside('AA-2', -1)).toBeNull();
    expect(names.beside('AA-3/1', -1)?.electorNumber).toBe('AA-1');
    expect(names.beside('AA-9', 1)).toBeNull();
  });
});
