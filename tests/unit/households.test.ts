import { describe, expect, it } from 'vitest';
import { addressParts, compareWalkOrder, deriveHouseholds, householdKey, parseAddress, sortByWalkOrder } from '../../shared/domain/households.ts';
import { seededRandom } from '../support/malformed-payloads.ts';

describe('addresses', () => {
  it.each([
    [['12 High Street', 'Newtown'], { street: 'High Street', houseNumber: 12, house: '12', flat: '' }],
    [['12a High Street'], { street: 'High Street', houseNumber: 12, house: '12A', flat: '' }],
    [['12-14 Station Road'], { street: 'Station Road', houseNumber: 12, house: '12-14', flat: '' }],
    [['Flat 3', '12 High Street', 'Newtown'], { street: 'High Street', houseNumber: 12, house: '12', flat: 'Flat 3' }],
    [['Flat 3, 12 High Street'], { street: 'High Street', houseNumber: 12, house: '12', flat: 'Flat 3' }],
    [['Flat 3 12 High Street'], { street: 'High Street', houseNumber: 12, house: '12', flat: 'Flat 3' }],
    [['7', 'Mill Lane', 'Newtown'], { street: 'Mill Lane', houseNumber: 7, house: '7', flat: '' }],
    [['Rose Cottage', 'Mill Lane', 'Newtown'], { street: 'Mill Lane', houseNumber: null, house: 'Rose Cottage', flat: '' }],
    [['The Old Rectory', 'Newtown'], { street: 'Newtown', houseNumber: null, house: 'The Old Rectory', flat: '' }],
    [['Newtown'], { street: 'Newtown', houseNumber: null, house: '', flat: '' }],
    [[], { street: '', houseNumber: null, house: '', flat: '' }],
  ])('reads %j', (lines, expected) => {
    expect(parseAddress(lines)).toEqual(expected);
  });

  it('keys households on every line and the postcode, ignoring case and punctuation', () => {
    expect(householdKey(['12, High St.', 'Newtown'], 'ab1 2cd')).toBe(householdKey(['12 high st', 'NEWTOWN'], 'AB1 2CD'));
    expect(householdKey(['12 High St'], 'AB1 2CD')).not.toBe(householdKey(['14 High St'], 'AB1 2CD'));
    expect(householdKey(['Flat 1', '12 High St'], '')).not.toBe(householdKey(['Flat 2', '12 High St'], ''));
    expect(householdKey([], 'AB1 2CD')).toBeNull();
  });

  it('orders a walk by street, then house number, named houses after numbers, then flats', () => {
    const lines = [
      ['Rose Cottage', 'Acre Lane'],
      ['10 Acre Lane'],
      ['Flat 10', '2 Acre Lane'],
      ['2 Acre Lane'],
      ['Flat 2', '2 Acre Lane'],
      ['9 Acre Lane'],
      ['1 Zebra Road'],
      ['2A Acre Lane'],
    ];
    const sorted = lines.map((l) => parseAddress(l)).sort(compareWalkOrder);
    expect(sorted.map((a) => [a.street, a.house, a.flat].filter(Boolean).join(' '))).toEqual([
      'Acre Lane 2',
      'Acre Lane 2 Flat 2',
      'Acre Lane 2 Flat 10',
      'Acre Lane 2A',
      'Acre Lane 9',
      'Acre Lane 10',
      'Acre Lane Rose Cottage',
      'Zebra Road 1',
    ]);
  });

  it('derives households in walk order with their members', () => {
    const hs = deriveHouseholds([
      { addressLines: ['3 Mill Lane'], postcode: 'AB1 2CD' },
      { addressLines: ['1 Mill Lane'], postcode: 'AB1 2CD' },
      { addressLines: ['3 MILL LANE'], postcode: 'ab12cd' },
      { addressLines: [], postcode: '' },
    ]);
    expect(hs.map((h) => [h.address.houseNumber, h.members])).toEqual([
      [1, [1]],
      [3, [0, 2]],
    ]);
    expect(hs[1].addressLines).toEqual(['3 Mill Lane']);
  });

  it('sorts many addresses by district and walk order exactly as compareWalkOrder does', () => {
    const streets = ['High Street', 'high street', 'Mill Lane', 'Acre Lane', 'Station Road 2', 'Station Road 10', 'Église Row'];
    const items: { d: string; lines: string[] }[] = [];
    for (let i = 0; i < 3000; i++) {
      const street = streets[(i * 7) % streets.length];
      const lines =
        i % 11 === 0
          ? [`Cottage ${i % 5}`, street]
          : i % 13 === 0
            ? [`Flat ${i % 12}`, `${i % 40} ${street}`]
            : [`${i % 40}${i % 17 === 0 ? 'A' : ''} ${street}`];
      items.push({ d: i % 3 === 0 ? 'AB' : 'AA', lines });
    }
    const slow = [...items].sort((x, y) => (x.d < y.d ? -1 : x.d > y.d ? 1 : 0) || compareWalkOrder(parseAddress(x.lines), parseAddress(y.lines)));
    const fast = sortByWalkOrder(
      items,
      (t) => parseAddress(t.lines),
      (t) => t.d,
    );
    const show = (t: { d: string; lines: string[] }) => {
      const a = parseAddress(t.lines);
      return `${t.d}|${a.street.toLowerCase()}|${a.houseNumber}|${a.house}|${a.flat}`;
    };
    expect(fast.map(show)).toEqual(slow.map(show));
  });

  it('keys households and splits addresses into parts exactly as before their fast paths', () => {
    const random = seededRandom(7);
    const pieces = [
      '12',
      '3a',
      'Flat 2',
      'flat',
      ' ',
      '  ',
      ',',
      '.',
      "'",
      '\t',
      'High St.',
      'Rose Cottage',
      'Mill Lane',
      'ground floor',
      'Apt 4 9 Park Road',
      '-',
      '14',
      'Newtown',
      'é',
      '\u00a0',
    ];
    const line = () => Array.from({ length: Math.floor(random() * 5) }, () => pieces[Math.floor(random() * pieces.length)]).join(random() < 0.5 ? ' ' : '');
    for (let i = 0; i < 5000; i++) {
      const lines = Array.from({ length: Math.floor(random() * 4) }, line);
      const postcode = ['AB1 2CD', 'ab12cd', '', ' M1  1AE '][i % 4];
      expect(householdKey(lines, postcode), JSON.stringify(lines)).toBe(householdKeyBefore(lines, postcode));
      const partsBefore = lines
        .flatMap((l) => l.split(','))
        .map((p) => p.replace(/\s+/g, ' ').trim())
        .filter((p) => p !== '');
      expect(addressParts(lines), JSON.stringify(lines)).toEqual(partsBefore);
    }
  });
});

/** `householdKey` as it was before its fast path: what it must agree with. */
function householdKeyBefore(lines: readonly string[], postcode: string): string | null {
  const norm = lines.map((l) => l.toUpperCase().replace(/[.,']/g, ' ').replace(/\s+/g, ' ').trim()).filter((l) => l !== '');
  if (norm.length === 0) return null;
  return `${norm.join('|')}#${postcode.replace(/\s+/g, '').toUpperCase()}`;
}
