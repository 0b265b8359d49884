import { describe, expect, it } from 'vitest';
import { availableOn, firstPrinted, firstShortfall, stockAt, stockByLeaflet, stockOf } from '../../shared/domain/leaflet-stock.ts';

const runs = [
  { printedOn: '2026-04-01', quantity: 1000 },
  { printedOn: '2026-04-15', quantity: 500 },
];
const drops = [
  { droppedOn: '2026-04-02', delivered: 300 },
  { droppedOn: '2026-04-10', delivered: 650 },
  { droppedOn: '2026-04-20', delivered: 120 },
];

describe('leaflet stock', () => {
  it('is print runs in less drops out', () => {
    expect(stockOf(runs, drops)).toEqual({ printed: 1500, delivered: 1070, onHand: 430 });
  });

  it('is zero with nothing printed or delivered', () => {
    expect(stockOf([], [])).toEqual({ printed: 0, delivered: 0, onHand: 0 });
    expect(firstPrinted([])).toBeNull();
  });

  it('goes negative, rather than hiding it, when more was delivered than printed', () => {
    expect(stockOf([{ printedOn: '2026-04-01', quantity: 10 }], [{ droppedOn: '2026-04-02', delivered: 12 }]).onHand).toBe(-2);
  });

  it('counts a run printed on the day of a drop before the drop', () => {
    expect(stockAt(runs, drops, '2026-04-01')).toEqual({ printed: 1000, delivered: 0, onHand: 1000 });
    expect(stockAt(runs, drops, '2026-04-10')).toEqual({ printed: 1000, delivered: 950, onHand: 50 });
    expect(stockAt(runs, drops, '2026-04-15').onHand).toBe(550);
    expect(stockAt(runs, drops, '2026-03-31').onHand).toBe(0);
  });

  it('knows when the leaflet first existed', () => {
    expect(firstPrinted([{ printedOn: '2026-05-01', quantity: 1 }, ...runs])).toBe('2026-04-01');
  });

  it('offers only what no later drop already relies on', () => {
    // On 4 April 700 are on hand, but the drop of 650 on 10 April leaves only 50 to spare.
    expect(stockAt(runs, drops, '2026-04-04').onHand).toBe(700);
    expect(availableOn(runs, drops, '2026-04-04')).toBe(50);
    // After the second run, 430 are spare for good.
    expect(availableOn(runs, drops, '2026-04-21')).toBe(430);
    // Before anything was printed nothing can go out.
    expect(availableOn(runs, drops, '2026-03-01')).toBe(0);
  });

  it('finds the first day the drops outran the printing', () => {
    expect(firstShortfall(runs, drops)).toBeNull();
    const early = [...drops, { droppedOn: '2026-04-12', delivered: 100 }];
    expect(firstShortfall(runs, early)).toEqual({ date: '2026-04-12', onHand: -50 });
  });

  it('keeps leaflets apart', () => {
    const byLeaflet = stockByLeaflet(
      [
        { leafletId: 1, printedOn: '2026-04-01', quantity: 100 },
        { leafletId: 2, printedOn: '2026-04-01', quantity: 40 },
        { leafletId: 1, printedOn: '2026-04-03', quantity: 50 },
      ],
      [
        { leafletId: 1, droppedOn: '2026-04-02', delivered: 30 },
        { leafletId: 3, droppedOn: '2026-04-02', delivered: 5 },
      ],
    );
    expect(byLeaflet.get(1)).toEqual({ printed: 150, delivered: 30, onHand: 120 });
    expect(byLeaflet.get(2)).toEqual({ printed: 40, delivered: 0, onHand: 40 });
    expect(byLeaflet.get(3)).toEqual({ printed: 0, delivered: 5, onHand: -5 });
    expect(byLeaflet.size).toBe(3);
  });
});
