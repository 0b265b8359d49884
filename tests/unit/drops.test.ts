import { describe, expect, it } from 'vitest';
import { checkDrop, type DropContext } from '../../shared/domain/drops.ts';

const ctx = (over: Partial<DropContext<number>> = {}): DropContext<number> => ({
  today: '2026-04-30',
  round: { roundId: 1, name: 'Elm Road', households: 100, streetCount: 3 },
  printRuns: [{ printedOn: '2026-04-10', quantity: 500 }],
  otherDrops: [],
  overCountConfirmed: false,
  ...over,
});

describe('checking a drop', () => {
  it('accepts a full drop and a partial one, saying what is left', () => {
    expect(checkDrop({ droppedOn: '2026-04-12', delivered: 100, complete: true }, ctx())).toEqual({ errors: [], confirm: null, leftAfter: 0 });
    expect(checkDrop({ droppedOn: '2026-04-12', delivered: 60, complete: false }, ctx())).toEqual({ errors: [], confirm: null, leftAfter: 40 });
  });

  it('counts earlier drops on the same round, not on others, towards what is left', () => {
    const others = [
      { roundId: 1, droppedOn: '2026-04-11', delivered: 30 },
      { roundId: 2, droppedOn: '2026-04-11', delivered: 80 },
    ];
    expect(checkDrop({ droppedOn: '2026-04-12', delivered: 20, complete: false }, ctx({ otherDrops: others })).leftAfter).toBe(50);
  });

  it('refuses negative, fractional and zero counts', () => {
    expect(checkDrop({ droppedOn: '2026-04-12', delivered: -5, complete: false }, ctx()).errors).toEqual([
      { field: 'delivered', message: 'Copies delivered cannot be negative (got -5).' },
    ]);
    expect(checkDrop({ droppedOn: '2026-04-12', delivered: 2.5, complete: false }, ctx()).errors[0].message).toBe(
      'Copies delivered must be a whole number, at least 1 (got 2.5).',
    );
    expect(checkDrop({ droppedOn: '2026-04-12', delivered: 0, complete: true }, ctx()).errors[0].field).toBe('delivered');
    expect(checkDrop({ droppedOn: '2026-04-12', delivered: Number.NaN, complete: true }, ctx()).errors[0].field).toBe('delivered');
  });

  it('refuses a drop before the leaflet was printed', () => {
    expect(checkDrop({ droppedOn: '2026-04-09', delivered: 10, complete: false }, ctx()).errors).toEqual([
      { field: 'droppedOn', message: "The drop on Thu 9 Apr 2026 is before the leaflet's first print run (Fri 10 Apr 2026): no copies existed yet." },
    ]);
    // The day the run came back from the printer is fine.
    expect(checkDrop({ droppedOn: '2026-04-10', delivered: 10, complete: false }, ctx()).errors).toEqual([]);
  });

  it('refuses a drop of a leaflet never printed', () => {
    expect(checkDrop({ droppedOn: '2026-04-12', delivered: 10, complete: false }, ctx({ printRuns: [] })).errors).toEqual([
      { field: 'droppedOn', message: 'This leaflet has no print run yet: log the print run before its drops.' },
    ]);
  });

  it('refuses impossible and future dates', () => {
    expect(checkDrop({ droppedOn: '2026-02-30', delivered: 10, complete: false }, ctx()).errors[0]).toEqual({
      field: 'droppedOn',
      message: '"2026-02-30" is not a date: write it as YYYY-MM-DD.',
    });
    expect(checkDrop({ droppedOn: '12/04/2026', delivered: 10, complete: false }, ctx()).errors[0].field).toBe('droppedOn');
    expect(checkDrop({ droppedOn: '2026-05-01', delivered: 10, complete: false }, ctx()).errors[0].message).toMatch(/still to come/);
  });

  it('refuses more copies than were in stock that day', () => {
    const c = ctx({
      printRuns: [
        { printedOn: '2026-04-10', quantity: 100 },
        { printedOn: '2026-04-20', quantity: 400 },
      ],
      otherDrops: [{ roundId: 2, droppedOn: '2026-04-11', delivered: 70 }],
    });
    expect(checkDrop({ droppedOn: '2026-04-12', delivered: 40, complete: false }, c).errors).toEqual([
      {
        field: 'delivered',
        message: 'Only 30 copies were in stock on Sun 12 Apr 2026 (counting the other drops logged); log the print run these came from, or correct the count.',
      },
    ]);
    expect(checkDrop({ droppedOn: '2026-04-12', delivered: 30, complete: false }, c).errors).toEqual([]);
    expect(checkDrop({ droppedOn: '2026-04-21', delivered: 100, complete: true }, c).errors).toEqual([]);
  });

  it('refuses a drop on a round with no streets', () => {
    const c = ctx({ round: { roundId: 1, name: 'Blank', households: 0, streetCount: 0 } });
    expect(checkDrop({ droppedOn: '2026-04-12', delivered: 5, complete: true }, c).errors[0]).toEqual({
      field: 'roundId',
      message: 'Round "Blank" has no streets: add its streets before logging a drop on it.',
    });
  });

  it('asks before logging more copies on a round than it has households', () => {
    const c = ctx({ otherDrops: [{ roundId: 1, droppedOn: '2026-04-11', delivered: 90 }] });
    const check = checkDrop({ droppedOn: '2026-04-12', delivered: 15, complete: true }, c);
    expect(check.errors).toEqual([]);
    expect(check.confirm).toBe(
      'Round "Elm Road" has 100 households and 90 have already been delivered there; this drop makes 105 copies, 5 more than its households. Log it anyway?',
    );
    expect(checkDrop({ droppedOn: '2026-04-12', delivered: 15, complete: true }, { ...c, overCountConfirmed: true }).confirm).toBeNull();
    expect(checkDrop({ droppedOn: '2026-04-12', delivered: 101, complete: true }, ctx()).confirm).toMatch(
      /^Round "Elm Road" has 100 households; this drop makes 101/,
    );
    // Exactly the households needs no confirmation.
    expect(checkDrop({ droppedOn: '2026-04-12', delivered: 10, complete: true }, c).confirm).toBeNull();
  });

  it('reports every problem at once', () => {
    const check = checkDrop({ droppedOn: 'soon', delivered: -1, complete: false }, ctx({ round: { roundId: 1, name: 'X', households: 0, streetCount: 0 } }));
    expect(check.errors.map((e) => e.field)).toEqual(['roundId', 'delivered', 'droppedOn']);
  });
});
