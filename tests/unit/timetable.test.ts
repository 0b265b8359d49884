import { describe, expect, it } from 'vitest';
import { NAV } from '../../renderer/src/app/nav.ts';
import { ELECTION_TYPES, ELECTION_TYPE_INFO } from '../../shared/domain/election-types.ts';
import type { ElectionType, Nation } from '../../shared/domain/election-types.ts';
import {
  MILESTONE_KEYS,
  TimetableInputError,
  computeTimetable,
  countdown,
  describeTaskDue,
  resolveTaskDue,
  ruleSetFor,
  timetableJson,
} from '../../shared/domain/timetable.ts';
import type { MilestoneKey, TaskDue, Timetable, TimetableInput } from '../../shared/domain/timetable.ts';
import { addDays, buildHolidays, isWorkingDay } from '../../shared/domain/working-days.ts';

function dates(input: TimetableInput): Partial<Record<MilestoneKey, string>> {
  return Object.fromEntries(computeTimetable(input).milestones.map((m) => [m.key, m.date]));
}
function times(t: Timetable): Partial<Record<MilestoneKey, string | undefined>> {
  return Object.fromEntries(t.milestones.map((m) => [m.key, m.time]));
}

describe('worked examples (Electoral Commission)', () => {
  it('UK general election, poll Thu 4 Jul 2024', () => {
    const t = computeTimetable({ type: 'uk-parliament', pollingDay: '2024-07-04', declaredOn: '2024-07-04' });
    expect(timetableJson(t)).toEqual([
      { key: 'notice_of_election', label: 'Notice of election', date: '2024-06-04', time: '16:00' },
      { key: 'close_of_nominations', label: 'Close of nominations (and withdrawals)', date: '2024-06-07', time: '16:00' },
      { key: 'sopn_publication', label: 'Statement of persons nominated published', date: '2024-06-10', time: '16:00' },
      { key: 'register_to_vote', label: 'Last day to register to vote', date: '2024-06-18', time: '23:59' },
      { key: 'postal_vote_application', label: 'Postal vote applications', date: '2024-06-19', time: '17:00' },
      { key: 'proxy_application', label: 'Proxy vote applications', date: '2024-06-26', time: '17:00' },
      { key: 'vac_application', label: 'Voter Authority Certificate applications', date: '2024-06-26', time: '17:00' },
      { key: 'polling_day', label: 'Polling day', date: '2024-07-04', time: '22:00' },
      // §3 example: declared 4 Jul 2024 → invoices in by 25 Jul, paid by 1 Aug, return by 8 Aug
      { key: 'expense_invoices_received', label: 'Expense invoices to be received', date: '2024-07-25' },
      { key: 'expense_invoices_paid', label: 'Expense invoices to be paid', date: '2024-08-01' },
      { key: 'expense_return', label: 'Return of election expenses', date: '2024-08-08' },
    ]);
    expect(t.warnings).toEqual([]);
  });

  it('English local elections, poll Thu 2 May 2024 (Good Friday and Easter Monday skipped)', () => {
    const t = computeTimetable({ type: 'local', nation: 'england', pollingDay: '2024-05-02' });
    expect(dates({ type: 'local', nation: 'england', pollingDay: '2024-05-02' })).toEqual({
      notice_of_election: '2024-03-26',
      close_of_nominations: '2024-04-05',
      sopn_publication: '2024-04-08',
      register_to_vote: '2024-04-16',
      postal_vote_application: '2024-04-17',
      proxy_application: '2024-04-24',
      vac_application: '2024-04-24',
      polling_day: '2024-05-02',
    });
    expect(times(t)).toMatchObject({ close_of_nominations: '16:00', sopn_publication: '16:00', postal_vote_application: '17:00', proxy_application: '17:00' });
  });
});

describe('every election type', () => {
  const ENGLISH_2024 = {
    notice_of_election: '2024-03-26',
    close_of_nominations: '2024-04-05',
    sopn_publication: '2024-04-08',
    register_to_vote: '2024-04-16',
    postal_vote_application: '2024-04-17',
    proxy_application: '2024-04-24',
    vac_application: '2024-04-24',
    polling_day: '2024-05-02',
  };

  it.each(['mayor', 'combined-authority-mayor', 'pcc', 'parish'] as const)('%s follows the English local timetable (close 19 wd, SOPN 18 wd)', (type) => {
    expect(dates({ type, pollingDay: '2024-05-02' })).toMatchObject(ENGLISH_2024);
  });

  it('PCC in Wales keeps the VAC deadline; Welsh councils and parishes have none', () => {
    expect(dates({ type: 'pcc', nation: 'wales', pollingDay: '2024-05-02' }).vac_application).toBe('2024-04-24');
    expect(dates({ type: 'local', nation: 'wales', pollingDay: '2024-05-02' }).vac_application).toBeUndefined();
    expect(dates({ type: 'parish', nation: 'wales', pollingDay: '2024-05-02' }).vac_application).toBeUndefined();
  });

  it('parish post-poll deadlines run from polling day: invoices 14, payment 21 days (RPA 1983 Sch 4 para 1), return 28 (s.90)', () => {
    expect(dates({ type: 'parish', pollingDay: '2024-05-02' })).toMatchObject({
      expense_invoices_received: '2024-05-16',
      expense_invoices_paid: '2024-05-23',
      expense_return: '2024-05-30',
    });
  });

  it('police and crime commissioner: return due 70 days after the declaration (PCC Elections Order 2012), not 35', () => {
    expect(dates({ type: 'pcc', pollingDay: '2024-05-02', declaredOn: '2024-05-04' })).toMatchObject({
      expense_invoices_received: '2024-05-28',
      expense_invoices_paid: '2024-06-03',
      expense_return: '2024-07-15',
    });
  });

  it('GLA: notice 30, close 24 and SOPN 22 working days; 70-day return rolled off the weekend and bank holiday', () => {
    expect(dates({ type: 'gla', pollingDay: '2024-05-02', declaredOn: '2024-05-04' })).toEqual({
      notice_of_election: '2024-03-19',
      close_of_nominations: '2024-03-27',
      sopn_publication: '2024-04-02',
      register_to_vote: '2024-04-16',
      postal_vote_application: '2024-04-17',
      proxy_application: '2024-04-24',
      vac_application: '2024-04-24',
      polling_day: '2024-05-02',
      expense_invoices_received: '2024-05-28', // Sat 25 May → Mon 27 May is the spring bank holiday
      expense_invoices_paid: '2024-06-03', // Sat 1 Jun
      expense_return: '2024-07-15', // 70 days: Sat 13 Jul
    });
    expect(dates({ type: 'gla', glaPart: 'constituency', pollingDay: '2024-05-02', declaredOn: '2024-05-04' }).expense_return).toBe('2024-06-10'); // 35 days: Sat 8 Jun
  });

  it('Senedd: close 19 wd, SOPN the next working day, no VAC', () => {
    const t = computeTimetable({ type: 'senedd', pollingDay: '2026-05-07' });
    expect(t.nation).toBe('wales');
    expect(dates({ type: 'senedd', pollingDay: '2026-05-07' })).toEqual({
      notice_of_election: '2026-03-30',
      close_of_nominations: '2026-04-09',
      sopn_publication: '2026-04-10',
      register_to_vote: '2026-04-20',
      postal_vote_application: '2026-04-21',
      proxy_application: '2026-04-28',
      polling_day: '2026-05-07',
    });
  });

  it('Scottish Parliament: Easter Monday skipped for nominations, close 23 wd at 4pm, SOPN at close of objections', () => {
    const t = computeTimetable({ type: 'scottish-parliament', pollingDay: '2026-05-07' });
    expect(t.nation).toBe('scotland');
    expect(dates({ type: 'scottish-parliament', pollingDay: '2026-05-07' })).toEqual({
      notice_of_election: '2026-03-25',
      close_of_nominations: '2026-04-01',
      sopn_publication: '2026-04-01',
      register_to_vote: '2026-04-20',
      postal_vote_application: '2026-04-21',
      proxy_application: '2026-04-28',
      polling_day: '2026-05-07',
    });
    expect(times(t)).toMatchObject({ close_of_nominations: '16:00', sopn_publication: '17:00' });
  });

  it('Scottish council 2022: nominations skip Easter Monday but registration does not', () => {
    const d = dates({ type: 'local', nation: 'scotland', pollingDay: '2022-05-05' });
    expect(d.close_of_nominations).toBe('2022-03-30'); // would be 31 Mar if Easter Monday counted
    expect(d.notice_of_election).toBe('2022-03-23');
    expect(d.register_to_vote).toBe('2022-04-18'); // Easter Monday itself: a working day in Scotland
    expect(d.vac_application).toBeUndefined();
    // The same poll in England: Easter Monday is a bank holiday for everything
    expect(dates({ type: 'local', nation: 'england', pollingDay: '2022-05-05' }).register_to_vote).toBe('2022-04-14');
  });

  it('Northern Ireland Assembly 2022: close 16 wd at 1pm, postal and proxy 14 wd, no VAC', () => {
    const t = computeTimetable({ type: 'ni-assembly', pollingDay: '2022-05-05' });
    expect(timetableJson(t).map((m) => [m.key, m.date, m.time])).toEqual([
      ['notice_of_election', '2022-03-28', undefined],
      ['close_of_nominations', '2022-04-08', '13:00'],
      ['sopn_publication', '2022-04-08', '18:00'],
      ['postal_vote_application', '2022-04-12', '17:00'],
      ['proxy_application', '2022-04-12', '17:00'],
      ['register_to_vote', '2022-04-14', '23:59'],
      ['polling_day', '2022-05-05', '22:00'],
    ]);
    expect(dates({ type: 'local', nation: 'northern-ireland', pollingDay: '2022-05-05' })).toEqual(dates({ type: 'ni-assembly', pollingDay: '2022-05-05' }));
  });

  it('Northern Ireland counts the Boyne holiday', () => {
    // 16 working days before Thu 1 Aug 2024, skipping Fri 12 Jul
    expect(dates({ type: 'ni-assembly', pollingDay: '2024-08-01' }).close_of_nominations).toBe('2024-07-09');
    expect(dates({ type: 'local', nation: 'england', pollingDay: '2024-08-01' }).register_to_vote).toBe('2024-07-16');
  });

  it('UK general election uses every nation\u2019s bank holidays; a by-election only its own', () => {
    // 2019: Scotland's St Andrew's Day substitute (Mon 2 Dec) moved deadlines UK-wide
    const general = dates({ type: 'uk-parliament', pollingDay: '2019-12-12' });
    expect(general.postal_vote_application).toBe('2019-11-26');
    expect(general.register_to_vote).toBe('2019-11-25');
    const by = dates({ type: 'uk-parliament-by', nation: 'england', pollingDay: '2019-12-12', overrides: { close_of_nominations: '2019-11-14' } });
    expect(by.postal_vote_application).toBe('2019-11-27');
    const byScotland = dates({ type: 'uk-parliament-by', nation: 'scotland', pollingDay: '2019-12-12', overrides: { close_of_nominations: '2019-11-14' } });
    expect(byScotland.postal_vote_application).toBe('2019-11-26');
  });

  it('UK general election in Northern Ireland: postal and proxy 14 wd, no VAC', () => {
    const d = dates({ type: 'uk-parliament', nation: 'northern-ireland', pollingDay: '2024-07-04' });
    expect(d.postal_vote_application).toBe('2024-06-14');
    expect(d.proxy_application).toBe('2024-06-14');
    expect(d.vac_application).toBeUndefined();
    expect(d.close_of_nominations).toBe('2024-06-07');
  });

  it('UK Parliament by-election: the returning officer\u2019s close of nominations drives the SOPN', () => {
    const t = computeTimetable({ type: 'uk-parliament-by', nation: 'england', pollingDay: '2025-05-01', overrides: { close_of_nominations: '2025-04-03' } });
    const byKey = Object.fromEntries(t.milestones.map((m) => [m.key, m]));
    expect(byKey.close_of_nominations).toMatchObject({ date: '2025-04-03', time: '16:00', overridden: true, computedDate: null, provisional: false });
    expect(byKey.sopn_publication.date).toBe('2025-04-04');
    expect(byKey.notice_of_election).toMatchObject({ date: '2025-04-02', provisional: true });
    expect(byKey.register_to_vote.date).toBe('2025-04-11'); // Good Friday 18 Apr and Easter Monday 21 Apr skipped
    expect(byKey.vac_application.date).toBe('2025-04-23');
  });

  it('by-election without the returning officer\u2019s dates: provisional and said so', () => {
    const t = computeTimetable({ type: 'uk-parliament-by', pollingDay: '2025-05-01' });
    const close = t.milestones.find((m) => m.key === 'close_of_nominations')!;
    expect(close.provisional).toBe(true);
    expect(t.warnings.join(' ')).toMatch(/set by the returning officer/);
  });

  it('every type has a rule set with a legal source for each milestone', () => {
    for (const type of ELECTION_TYPES) {
      for (const nation of ELECTION_TYPE_INFO[type].nations) {
        const rs = ruleSetFor(type, nation);
        for (const rule of rs.rules) expect(rule.source.length, `${type}/${nation}/${rule.key}`).toBeGreaterThan(10);
        const keys = computeTimetable({ type, nation, pollingDay: '2025-05-01', declaredOn: '2025-05-02' }).milestones.map((m) => m.key);
        const required: MilestoneKey[] = MILESTONE_KEYS.filter((k) => k !== 'vac_application');
        expect(keys, `${type}/${nation}`).toEqual(expect.arrayContaining(required));
      }
    }
  });

  it('VAC only where voter ID applies (UK Parliament, English local, PCC, mayoral, GLA)', () => {
    const withVac = (type: ElectionType, nation: Nation) =>
      computeTimetable({ type, nation, pollingDay: '2025-05-01' }).milestones.some((m) => m.key === 'vac_application');
    expect(withVac('uk-parliament', 'scotland')).toBe(true);
    expect(withVac('local', 'england')).toBe(true);
    expect(withVac('mayor', 'england')).toBe(true);
    expect(withVac('combined-authority-mayor', 'england')).toBe(true);
    expect(withVac('gla', 'england')).toBe(true);
    expect(withVac('local', 'scotland')).toBe(false);
    expect(withVac('scottish-parliament', 'scotland')).toBe(false);
    expect(withVac('senedd', 'wales')).toBe(false);
    expect(withVac('ni-assembly', 'northern-ireland')).toBe(false);
  });
});

describe('Christmas and New Year', () => {
  it('English council by-election polling Thu 23 Jan 2025', () => {
    expect(dates({ type: 'local', nation: 'england', pollingDay: '2025-01-23' })).toMatchObject({
      notice_of_election: '2024-12-13',
      close_of_nominations: '2024-12-23',
      sopn_publication: '2024-12-27',
      register_to_vote: '2025-01-07',
    });
  });

  it('Scottish council by-election polling Thu 23 Jan 2025 (2 January is a holiday too)', () => {
    expect(dates({ type: 'local', nation: 'scotland', pollingDay: '2025-01-23' })).toMatchObject({
      notice_of_election: '2024-12-09',
      close_of_nominations: '2024-12-16',
      register_to_vote: '2025-01-07',
    });
  });
});

describe('post-poll money deadlines', () => {
  it('use the contest\u2019s own nation, even for a general election', () => {
    // 35 days after 1 Jul 2024 is Mon 5 Aug: Scotland's summer bank holiday only
    expect(dates({ type: 'uk-parliament', nation: 'scotland', pollingDay: '2024-06-27', declaredOn: '2024-07-01' }).expense_return).toBe('2024-08-06');
    expect(dates({ type: 'uk-parliament', nation: 'england', pollingDay: '2024-06-27', declaredOn: '2024-07-01' }).expense_return).toBe('2024-08-05');
  });

  it('roll forward over Christmas', () => {
    // 35 days after 20 Nov 2025 is Christmas Day; Boxing Day, then the weekend
    expect(dates({ type: 'local', nation: 'england', pollingDay: '2025-11-20', declaredOn: '2025-11-20' }).expense_return).toBe('2025-12-29');
  });

  it('roll forward over a bank holiday Monday', () => {
    expect(dates({ type: 'local', pollingDay: '2024-04-18', declaredOn: '2024-04-22' }).expense_return).toBe('2024-05-28');
  });

  it('appear only once the declaration is known (except parish)', () => {
    expect(dates({ type: 'uk-parliament', pollingDay: '2024-07-04' }).expense_return).toBeUndefined();
  });
});

describe('overrides, extra holidays and warnings', () => {
  it('shows an override as such and keeps the computed date', () => {
    const t = computeTimetable({ type: 'local', pollingDay: '2024-05-02', overrides: { notice_of_election: '2024-03-25' } });
    const notice = t.milestones.find((m) => m.key === 'notice_of_election')!;
    expect(notice).toMatchObject({ date: '2024-03-25', overridden: true, computedDate: '2024-03-26' });
    expect(t.warnings).toEqual([]);
  });

  it('warns when an override falls on a non-working day', () => {
    const t = computeTimetable({ type: 'local', pollingDay: '2024-05-02', overrides: { close_of_nominations: '2024-03-29' } });
    expect(t.warnings.join(' ')).toMatch(/Fri 29 Mar 2024.*Good Friday/);
  });

  it('counts the user\u2019s day of mourning', () => {
    const holidays = buildHolidays([{ date: '2024-06-20', title: 'Day of mourning', divisions: ['england-and-wales', 'scotland', 'northern-ireland'] }]);
    const d = dates({ type: 'uk-parliament', pollingDay: '2024-07-04', holidays });
    expect(d.register_to_vote).toBe('2024-06-17');
    expect(d.postal_vote_application).toBe('2024-06-18');
  });

  it('warns when the dates fall beyond the bank-holiday data', () => {
    const t = computeTimetable({ type: 'uk-parliament', pollingDay: '2029-05-03' });
    expect(t.warnings[0]).toMatch(/bank-holiday data covers .* 31 Dec 2028/);
    expect(computeTimetable({ type: 'uk-parliament', pollingDay: '2028-11-23' }).warnings).toEqual([]);
  });

  it('sends the user to the Holidays page by the name the menu gives it', () => {
    const warning = computeTimetable({ type: 'uk-parliament', pollingDay: '2029-05-03' }).warnings[0];
    const page = NAV.find((item) => item.to === '/settings/holidays')!;
    expect(warning).toMatch(new RegExp(`Add them under ${page.label}\\.$`));
  });

  it('warns when polling day is not a working day', () => {
    expect(computeTimetable({ type: 'local', pollingDay: '2024-05-04' }).warnings.join(' ')).toMatch(
      /Polling day Sat 4 May 2024 is not a working day \(Saturday\)/,
    );
  });
});

describe('bad input', () => {
  const bad = (input: TimetableInput, field: string, message: RegExp) => {
    try {
      computeTimetable(input);
    } catch (e) {
      expect(e).toBeInstanceOf(TimetableInputError);
      expect((e as TimetableInputError).field).toBe(field);
      expect((e as Error).message).toMatch(message);
      return;
    }
    throw new Error('expected a TimetableInputError');
  };
  it('names the problem', () => {
    bad({ type: 'euro' as ElectionType, pollingDay: '2024-05-02' }, 'type', /unknown election type "euro"/);
    bad({ type: 'local', pollingDay: '2024-02-30' }, 'pollingDay', /not a real calendar date/);
    bad({ type: 'local', pollingDay: '2/5/2024' }, 'pollingDay', /YYYY-MM-DD/);
    bad({ type: 'senedd', nation: 'scotland', pollingDay: '2026-05-07' }, 'nation', /not held in scotland: use wales/);
    bad({ type: 'local', pollingDay: '2024-05-02', declaredOn: '2024-05-01' }, 'declaredOn', /before polling day/);
    bad({ type: 'local', pollingDay: '2024-05-02', overrides: { close_of_nominations: '2024-04-31' } }, 'overrides.close_of_nominations', /not a real/);
    bad({ type: 'local', pollingDay: '2024-05-02', overrides: { polling_day: '2024-05-09' } }, 'overrides.polling_day', /change the election/);
  });
});

describe('tasks and countdowns', () => {
  const threeBeforeClose: TaskDue = { kind: 'relative', milestone: 'close_of_nominations', offset: -3, unit: 'working' };
  const fiveBeforeClose: TaskDue = { kind: 'relative', milestone: 'close_of_nominations', offset: -5, unit: 'working' };

  it('resolves a relative due date in working days and moves with polling day', () => {
    const t1 = computeTimetable({ type: 'local', pollingDay: '2024-05-02' });
    expect(resolveTaskDue(threeBeforeClose, t1)).toEqual({ ok: true, date: '2024-04-02' });
    expect(resolveTaskDue(fiveBeforeClose, t1)).toEqual({ ok: true, date: '2024-03-27' }); // back over Easter Monday and Good Friday
    const t2 = computeTimetable({ type: 'local', pollingDay: '2024-05-09' }); // close moves to Thu 11 Apr
    expect(resolveTaskDue(threeBeforeClose, t2)).toEqual({ ok: true, date: '2024-04-08' });
    expect(describeTaskDue(threeBeforeClose)).toBe('3 working days before close of nominations (and withdrawals)');
  });

  it('resolves calendar offsets, same-day and fixed dates', () => {
    const t = computeTimetable({ type: 'local', pollingDay: '2024-05-02' });
    expect(resolveTaskDue({ kind: 'relative', milestone: 'polling_day', offset: -7, unit: 'calendar' }, t)).toEqual({ ok: true, date: '2024-04-25' });
    expect(resolveTaskDue({ kind: 'relative', milestone: 'close_of_nominations', offset: 0, unit: 'working' }, t)).toEqual({
      ok: true,
      date: '2024-04-05',
      time: '16:00',
    });
    expect(resolveTaskDue({ kind: 'fixed', date: '2024-04-01' }, t)).toEqual({ ok: true, date: '2024-04-01' });
  });

  it('says why a task has no date yet', () => {
    const t = computeTimetable({ type: 'senedd', pollingDay: '2026-05-07' });
    expect(resolveTaskDue({ kind: 'relative', milestone: 'vac_application', offset: -1, unit: 'working' }, t)).toEqual({
      ok: false,
      message: expect.stringMatching(/no voter authority/),
    });
    expect(resolveTaskDue({ kind: 'relative', milestone: 'expense_return', offset: -5, unit: 'working' }, t)).toEqual({
      ok: false,
      message: expect.stringMatching(/once the result is declared/),
    });
  });

  it('counts down in working and calendar days', () => {
    const spec = { divisions: ['england-and-wales'] as const };
    expect(countdown('2024-03-28', '2024-04-02', spec)).toEqual({ workingDays: 1, calendarDays: 5, overdue: false, dueThisWeek: true });
    expect(countdown('2024-04-03', '2024-04-02', spec)).toMatchObject({ workingDays: -1, calendarDays: -1, overdue: true, dueThisWeek: false });
    expect(countdown('2024-04-01', '2024-04-08', spec)).toMatchObject({ calendarDays: 7, dueThisWeek: false });
  });
});

// ---------------------------------------------------------------------------------------------
// Properties over random polling days (seeded, so a failure reproduces)

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CASES: { type: ElectionType; nation: Nation }[] = ELECTION_TYPES.flatMap((type) => ELECTION_TYPE_INFO[type].nations.map((nation) => ({ type, nation })));

function randomInputs(n: number, seed: number): TimetableInput[] {
  const next = rng(seed);
  return Array.from({ length: n }, () => {
    const c = CASES[Math.floor(next() * CASES.length)];
    const pollingDay = addDays('2013-03-01', Math.floor(next() * 365 * 15));
    return { ...c, pollingDay, declaredOn: addDays(pollingDay, Math.floor(next() * 3)) };
  });
}

/** Pairs (a, b) where a must not be later than b, and strict pairs where a must be earlier. */
const NOT_AFTER: [MilestoneKey, MilestoneKey][] = [
  ['close_of_nominations', 'sopn_publication'],
  ['proxy_application', 'polling_day'],
  ['postal_vote_application', 'proxy_application'],
  ['polling_day', 'expense_invoices_received'],
  ['expense_invoices_paid', 'expense_return'],
];
const BEFORE: [MilestoneKey, MilestoneKey][] = [
  ['notice_of_election', 'close_of_nominations'],
  ['sopn_publication', 'register_to_vote'],
  ['sopn_publication', 'postal_vote_application'],
  ['register_to_vote', 'polling_day'],
  ['vac_application', 'polling_day'],
  ['expense_invoices_received', 'expense_invoices_paid'],
];

describe('properties', () => {
  const inputs = randomInputs(600, 20240704);

  it('every computed deadline is a working day in its own calendar', () => {
    for (const input of inputs) {
      const t = computeTimetable(input);
      for (const m of t.milestones) {
        if (m.key === 'polling_day') continue;
        expect(isWorkingDay(m.date, m.calendar), `${input.type}/${input.nation} ${input.pollingDay}: ${m.key} ${m.date}`).toBe(true);
      }
    }
  });

  it('milestones are sorted by date and keep their statutory order', () => {
    for (const input of inputs) {
      const ms = computeTimetable(input).milestones;
      const at = Object.fromEntries(ms.map((m) => [m.key, m.date]));
      const where = `${input.type}/${input.nation} ${input.pollingDay}`;
      expect(
        ms.map((m) => m.date),
        where,
      ).toEqual([...ms.map((m) => m.date)].sort());
      for (const [a, b] of NOT_AFTER) if (at[a] && at[b]) expect(at[a] <= at[b], `${where}: ${a} ≤ ${b}`).toBe(true);
      for (const [a, b] of BEFORE) if (at[a] && at[b]) expect(at[a] < at[b], `${where}: ${a} < ${b}`).toBe(true);
    }
  });

  it('moving polling day later never moves a milestone or a relative task earlier', () => {
    const next = rng(42);
    const tasks: TaskDue[] = [
      { kind: 'relative', milestone: 'close_of_nominations', offset: -3, unit: 'working' },
      { kind: 'relative', milestone: 'postal_vote_application', offset: 2, unit: 'calendar' },
    ];
    for (const input of inputs.slice(0, 200)) {
      const shift = 1 + Math.floor(next() * 30);
      const later = { ...input, pollingDay: addDays(input.pollingDay, shift), declaredOn: addDays(input.declaredOn!, shift) };
      const a = computeTimetable(input);
      const b = computeTimetable(later);
      for (const m of a.milestones) {
        const moved = b.milestones.find((x) => x.key === m.key)!;
        expect(moved.date >= m.date, `${input.type} ${input.pollingDay}+${shift}: ${m.key}`).toBe(true);
      }
      for (const task of tasks) {
        const da = resolveTaskDue(task, a);
        const db = resolveTaskDue(task, b);
        if (da.ok && db.ok) expect(db.date >= da.date).toBe(true);
      }
      // a week later moves a working-day relative task
      const week = computeTimetable({ ...input, pollingDay: addDays(input.pollingDay, 7), declaredOn: addDays(input.declaredOn!, 7) });
      const r1 = resolveTaskDue(tasks[0], a);
      const r2 = resolveTaskDue(tasks[0], week);
      if (r1.ok && r2.ok) expect(r2.date > r1.date, `${input.type} ${input.pollingDay}`).toBe(true);
    }
  });
});
