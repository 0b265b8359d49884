import { describe, expect, it } from 'vitest';
import {
  ALL_UK,
  addDays,
  addMonths,
  addYears,
  ukToday,
  formatDateLong,
  beyondHolidayData,
  buildHolidays,
  calendarDaysBetween,
  easterSunday,
  isIsoDate,
  isWorkingDay,
  isoDateProblem,
  nextWorkingDay,
  nonWorkingReason,
  weekday,
  workingDaysAfter,
  workingDaysBefore,
  workingDaysUntil,
} from '../../shared/domain/working-days.ts';
import type { CalendarSpec } from '../../shared/domain/working-days.ts';

const EW: CalendarSpec = { divisions: ['england-and-wales'] };
const SCO: CalendarSpec = { divisions: ['scotland'] };
const NI: CalendarSpec = { divisions: ['northern-ireland'] };

describe('calendar dates', () => {
  it.each(['2024-02-29', '2000-02-29', '2026-12-31'])('accepts %s', (d) => expect(isIsoDate(d)).toBe(true));
  it.each(['2023-02-29', '1900-02-29', '2024-02-30', '2024-13-01', '2024-04-31', '2024-7-4', '04/07/2024', ''])('refuses %j', (d) => {
    expect(isIsoDate(d)).toBe(false);
    expect(isoDateProblem(d)).toMatch(/date/);
  });

  it('does day arithmetic across months, years and the clock change', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2024-03-31', 1)).toBe('2024-04-01');
    expect(calendarDaysBetween('2024-07-04', '2024-08-08')).toBe(35);
    expect(weekday('2024-07-04')).toBe(4); // Thursday
  });

  it.each([
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2019, '2019-04-21'],
    [2029, '2029-04-01'],
    [2038, '2038-04-25'],
  ])('knows Easter Sunday %i', (year, date) => expect(easterSunday(year)).toBe(date));
});

describe('non-working days', () => {
  it('skips weekends, Christmas Eve and Christmas Day in every nation', () => {
    for (const spec of [EW, SCO, NI]) {
      expect(nonWorkingReason('2024-07-06', spec)).toBe('Saturday');
      expect(nonWorkingReason('2024-07-07', spec)).toBe('Sunday');
      expect(nonWorkingReason('2024-12-24', spec)).toBe('Christmas Eve');
      expect(nonWorkingReason('2024-12-25', spec)).toBe('Christmas Day');
    }
  });

  it('skips Good Friday and Christmas Eve even beyond the bank-holiday data', () => {
    expect(nonWorkingReason('2030-04-19', EW)).toBe('Good Friday');
    expect(nonWorkingReason('2029-12-24', EW)).toBe('Christmas Eve');
    expect(isWorkingDay('2029-04-02', EW)).toBe(true); // Easter Monday 2029 is not in the data
  });

  it('knows Easter Monday is not a Scottish bank holiday, unless the nomination rule skips it', () => {
    expect(nonWorkingReason('2024-04-01', EW)).toBe('Easter Monday');
    expect(isWorkingDay('2024-04-01', SCO)).toBe(true);
    expect(nonWorkingReason('2024-04-01', { divisions: ['scotland'], skipEasterMonday: true })).toMatch(/Easter Monday/);
  });

  it('uses each nation\u2019s own bank holidays', () => {
    // New Year: 2 January is a holiday in Scotland only.
    expect(isWorkingDay('2025-01-02', EW)).toBe(true);
    expect(nonWorkingReason('2025-01-02', SCO)).toBe('2nd January');
    expect(nonWorkingReason('2025-01-01', EW)).toMatch(/New Year/);
    // Boxing Day
    expect(nonWorkingReason('2024-12-26', NI)).toBe('Boxing Day');
    // St Andrew's Day substitute (Scotland), St Patrick's Day and the Boyne (Northern Ireland)
    expect(nonWorkingReason('2019-12-02', SCO)).toMatch(/St Andrew/);
    expect(isWorkingDay('2019-12-02', EW)).toBe(true);
    expect(nonWorkingReason('2023-03-17', NI)).toMatch(/St Patrick/);
    expect(isWorkingDay('2023-03-17', EW)).toBe(true);
    expect(nonWorkingReason('2024-07-12', NI)).toMatch(/Boyne/);
    expect(isWorkingDay('2024-07-12', SCO)).toBe(true);
    // Summer bank holiday: first Monday of August in Scotland, last in England and Wales
    expect(isWorkingDay('2024-08-05', SCO)).toBe(false);
    expect(isWorkingDay('2024-08-05', EW)).toBe(true);
    expect(isWorkingDay('2024-08-26', EW)).toBe(false);
    expect(isWorkingDay('2024-08-26', SCO)).toBe(true);
  });

  it('includes the one-off bank holidays in the data', () => {
    expect(nonWorkingReason('2022-09-19', EW)).toMatch(/State Funeral/);
    expect(nonWorkingReason('2023-05-08', SCO)).toMatch(/[Cc]oronation/);
    expect(nonWorkingReason('2022-06-03', NI)).toMatch(/Jubilee/);
  });

  it('takes the union of all nations for the whole UK and names the nation', () => {
    expect(nonWorkingReason('2019-12-02', ALL_UK)).toMatch(/St Andrew.*\(Scotland\)/);
    expect(nonWorkingReason('2024-07-12', ALL_UK)).toMatch(/Northern Ireland/);
  });

  it('adds the user\u2019s extra days to the divisions they choose', () => {
    const holidays = buildHolidays([{ date: '2024-06-20', title: 'Day of mourning', divisions: ['scotland'] }]);
    expect(nonWorkingReason('2024-06-20', SCO, holidays)).toBe('Day of mourning');
    expect(isWorkingDay('2024-06-20', EW, holidays)).toBe(true);
    expect(isWorkingDay('2024-06-20', SCO)).toBe(true); // the shipped set is untouched
  });
});

describe('counting working days', () => {
  it('counts back without counting the start day', () => {
    expect(workingDaysBefore('2024-07-04', 1, EW)).toBe('2024-07-03');
    expect(workingDaysBefore('2024-07-08', 1, EW)).toBe('2024-07-05'); // over a weekend
    expect(workingDaysBefore('2024-07-04', 0, EW)).toBe('2024-07-04');
  });

  it('counts across Christmas and New Year per nation', () => {
    expect(workingDaysBefore('2025-01-03', 1, EW)).toBe('2025-01-02');
    expect(workingDaysBefore('2025-01-03', 1, SCO)).toBe('2024-12-31');
    expect(workingDaysBefore('2025-01-02', 3, EW)).toBe('2024-12-27'); // 31, 30, 27 (24–26 off)
    expect(workingDaysAfter('2024-12-23', 1, EW)).toBe('2024-12-27');
  });

  it('rolls forward to the next working day', () => {
    expect(nextWorkingDay('2024-07-04', EW)).toBe('2024-07-04');
    expect(nextWorkingDay('2024-07-13', EW)).toBe('2024-07-15');
    expect(nextWorkingDay('2025-12-25', EW)).toBe('2025-12-29'); // Christmas, Boxing Day, weekend
    expect(nextWorkingDay('2024-03-29', EW)).toBe('2024-04-02'); // Good Friday to after Easter Monday
    expect(nextWorkingDay('2024-03-29', SCO)).toBe('2024-04-01'); // Easter Monday works in Scotland
  });

  it('counts working days left and overdue', () => {
    expect(workingDaysUntil('2024-07-04', '2024-07-04', EW)).toBe(0);
    expect(workingDaysUntil('2024-07-04', '2024-07-08', EW)).toBe(2); // Fri, Mon
    expect(workingDaysUntil('2024-07-08', '2024-07-04', EW)).toBe(-2);
    expect(workingDaysUntil('2024-12-23', '2024-12-27', EW)).toBe(1);
  });

  it('counts whole years as their days, from and to any day of a year (a countdown to an election decades off)', () => {
    const dayByDay = (from: string, to: string, spec: CalendarSpec) => {
      let n = 0;
      for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (isWorkingDay(d, spec)) n++;
      return n;
    };
    const ranges = [
      ['2026-12-03', '2099-05-06'],
      ['2024-12-31', '2026-01-01'],
      ['2025-01-01', '2026-12-31'],
      ['2024-12-31', '2025-12-31'],
    ];
    for (const spec of [EW, SCO])
      for (const [from, to] of ranges) {
        expect(workingDaysUntil(from, to, spec), `${from} to ${to}`).toBe(dayByDay(from, to, spec));
        expect(workingDaysUntil(to, from, spec), `${to} to ${from}`).toBe(-dayByDay(from, to, spec));
      }
    expect(workingDaysUntil('2024-12-31', '2025-12-31', EW)).toBe(252); // 2025 in England and Wales
  });
});

describe('bank-holiday data coverage', () => {
  it('covers 2012 to 2028 in every nation', () => {
    const { coverage } = buildHolidays();
    expect(coverage).toEqual({ from: '2012-01-01', to: '2028-12-31' });
  });

  it('reports dates beyond the data', () => {
    expect(beyondHolidayData(['2024-05-02', '2028-12-31'])).toEqual({ beyond: [], message: null });
    const r = beyondHolidayData(['2028-12-20', '2029-01-04', '2029-01-02']);
    expect(r.beyond).toEqual(['2029-01-02', '2029-01-04']);
    expect(r.message).toMatch(/31 Dec 2028.*Holidays/);
    expect(beyondHolidayData(['2011-12-30']).beyond).toEqual(['2011-12-30']);
  });
});

describe('calendar months and years', () => {
  it('adds months and years, clamping to the month end', () => {
    expect(addMonths('2024-03-31', -1)).toBe('2024-02-29');
    expect(addMonths('2024-01-15', -1)).toBe('2023-12-15');
    expect(addMonths('2024-11-30', 3)).toBe('2025-02-28');
    expect(addYears('2024-02-29', 2)).toBe('2026-02-28');
  });
  it('shows dates as the pages do, and leaves what is not a date alone', () => {
    expect(formatDateLong('2026-11-20')).toBe('Fri 20 Nov 2026');
    expect(formatDateLong('2024-02-30')).toBe('2024-02-30');
    expect(formatDateLong(null)).toBe('—');
  });
  it("takes the UK's today, not UTC's, in summer time", () => {
    expect(ukToday(new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01');
    expect(ukToday(new Date('2026-12-31T23:30:00Z'))).toBe('2026-12-31');
  });
});
