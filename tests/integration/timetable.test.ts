import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setDeclaredOn } from '../../db/repositories/contests.ts';
import { parseIcs } from '../../shared/domain/ics.ts';
import { ok, snapshot, tempHustings } from '../helpers/db.ts';

type App = Awaited<ReturnType<typeof tempHustings>>;
let app: App;
beforeEach(async () => {
  app = await tempHustings();
});
afterEach(() => app.cleanup());

const TODAY = '2024-05-20';

async function generalElection() {
  const e = await ok(app, 'elections.create', { name: 'General election 2024', type: 'uk-parliament', pollingDay: '2024-07-04', nation: 'england' });
  const area = await ok(app, 'areas.create', {
    name: 'Bristol Central',
    kind: 'constituency',
    gssCode: '',
    electorate: 70000,
    classification: 'borough',
    nation: 'england',
    notes: '',
  });
  const contest = await ok(app, 'contests.create', { electionId: e.id, areaId: area.id, status: 'contesting', reason: '' });
  return { e, area, contest };
}

function milestone(view: { milestones: { key: string }[] }, key: string): any {
  return view.milestones.find((m) => m.key === key);
}

describe('election timetables through the API', () => {
  it('shows the timetable with countdowns and sources', async () => {
    const { e } = await generalElection();
    const view = await ok(app, 'timetable.forElection', { electionId: e.id, today: TODAY });
    expect(view.ruleSetLabel).toBe('UK Parliament general election');
    expect(milestone(view, 'close_of_nominations')).toMatchObject({
      date: '2024-06-07',
      time: '16:00',
      overridden: false,
      source: expect.stringContaining('Representation of the People Act 1983'),
      workingDays: 13, // 21 May … 7 Jun, Mon 27 May a bank holiday
      calendarDays: 18,
    });
    expect(milestone(view, 'expense_return')).toBeUndefined();
  });

  it('overrides a milestone, audits it, shows it as such, and goes back', async () => {
    const { e } = await generalElection();
    const view = await ok(app, 'timetable.setOverride', {
      electionId: e.id,
      milestone: 'notice_of_election',
      date: '2024-06-03',
      reason: 'RO published early',
    });
    expect(milestone(view, 'notice_of_election')).toMatchObject({
      date: '2024-06-03',
      overridden: true,
      computedDate: '2024-06-04',
      overrideReason: 'RO published early',
    });
    const audit = await ok(app, 'audit.list', { entity: 'milestone_override' });
    expect(audit[0].summary).toMatch(/Notice of election set to Mon 3 Jun 2024/);
    const back = await ok(app, 'timetable.clearOverride', { electionId: e.id, milestone: 'notice_of_election' });
    expect(milestone(back, 'notice_of_election')).toMatchObject({ date: '2024-06-04', overridden: false });
    const r = await app.dispatch('timetable.clearOverride', { electionId: e.id, milestone: 'notice_of_election' });
    expect(r.ok).toBe(false);
  });

  it('refuses an impossible override date and writes nothing', async () => {
    const { e } = await generalElection();
    const before = await snapshot(app);
    const r = await app.dispatch('timetable.setOverride', { electionId: e.id, milestone: 'close_of_nominations', date: '2024-06-31' });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { date: 'This date does not exist' } } });
    const p = await app.dispatch('timetable.setOverride', { electionId: e.id, milestone: 'polling_day', date: '2024-07-05' });
    expect(p).toMatchObject({ ok: false, error: { fields: { milestone: expect.stringMatching(/polling day/i) } } });
    expect(await snapshot(app)).toBe(before);
  });

  it('a user-added day of mourning moves the deadlines, and holidays warn beyond the data', async () => {
    const { e } = await generalElection();
    await ok(app, 'holidays.create', { date: '2024-06-20', title: 'Day of mourning', kind: 'mourning', division: 'all' });
    const view = await ok(app, 'timetable.forElection', { electionId: e.id, today: TODAY });
    expect(milestone(view, 'register_to_vote').date).toBe('2024-06-17');
    const dup = await app.dispatch('holidays.create', { date: '2024-06-20', title: 'Again', kind: 'mourning', division: 'all' });
    expect(dup).toMatchObject({ ok: false, error: { code: 'conflict' } });

    await ok(app, 'elections.create', { name: 'Far future', type: 'local', pollingDay: '2030-05-02', nation: 'england' });
    const overview = await ok(app, 'holidays.list', {});
    expect(overview.coverage).toEqual({ from: '2012-01-01', to: '2028-12-31' });
    expect(overview.extra).toMatchObject([{ date: '2024-06-20', division: 'all' }]);
    expect(overview.electionsBeyondData).toMatchObject([{ electionName: 'Far future', message: expect.stringMatching(/outside it/) }]);
    await ok(app, 'holidays.delete', { id: overview.extra[0].id });
    expect(milestone(await ok(app, 'timetable.forElection', { electionId: e.id }), 'register_to_vote').date).toBe('2024-06-18');
  });

  it('a contest gets the spending deadlines once declared, in its own nation', async () => {
    const { contest } = await generalElection();
    expect(milestone(await ok(app, 'timetable.forContest', { contestId: contest.id }), 'expense_return')).toBeUndefined();
    await setDeclaredOn(app.store, contest.id, '2024-07-04');
    const view = await ok(app, 'timetable.forContest', { contestId: contest.id, today: TODAY });
    expect(view.contestName).toBe('Bristol Central');
    expect([milestone(view, 'expense_invoices_received').date, milestone(view, 'expense_invoices_paid').date, milestone(view, 'expense_return').date]).toEqual([
      '2024-07-25',
      '2024-08-01',
      '2024-08-08',
    ]);
  });
});

describe('tasks', () => {
  it('a relative task moves when polling day moves', async () => {
    const { e, contest } = await generalElection();
    const task = await ok(app, 'tasks.create', {
      electionId: e.id,
      contestId: contest.id,
      title: 'Collect subscribers',
      assignee: 'Sam',
      dueKind: 'relative',
      milestone: 'close_of_nominations',
      offsetDays: 3,
      offsetUnit: 'working',
      direction: 'before',
    });
    expect(task).toMatchObject({
      due: '2024-06-04',
      dueText: '3 working days before close of nominations (and withdrawals)',
      contestName: 'Bristol Central',
      done: false,
    });
    await ok(app, 'elections.update', { id: e.id, name: e.name, type: e.type, pollingDay: '2024-07-11', nation: 'england', dcId: '', notes: '' });
    expect((await ok(app, 'tasks.get', { id: task.id })).due).toBe('2024-06-11');
    const done = await ok(app, 'tasks.setDone', { id: task.id, done: true });
    expect(done.done).toBe(true);
    expect((await ok(app, 'audit.list', { entity: 'task' })).map((a: { summary: string }) => a.summary)).toEqual([
      'Task “Collect subscribers” marked done',
      'Added task “Collect subscribers” (3 working days before close of nominations (and withdrawals)) to Bristol Central',
    ]);
  });

  it('refuses bad tasks with field messages and writes nothing', async () => {
    const { e } = await generalElection();
    const other = await ok(app, 'elections.create', { name: 'Senedd 2026', type: 'senedd', pollingDay: '2026-05-07', nation: 'wales' });
    const area = await ok(app, 'areas.create', {
      name: 'Cardiff',
      kind: 'constituency',
      gssCode: '',
      electorate: null,
      classification: null,
      nation: 'wales',
      notes: '',
    });
    const otherContest = await ok(app, 'contests.create', { electionId: other.id, areaId: area.id, status: 'contesting', reason: '' });
    const before = await snapshot(app);
    const cases: [unknown, string][] = [
      [{ electionId: e.id, title: 'x', dueKind: 'fixed' }, 'dueDate'],
      [{ electionId: e.id, title: 'x', dueKind: 'fixed', dueDate: '2024-02-30' }, 'dueDate'],
      [{ electionId: e.id, title: '', dueKind: 'fixed', dueDate: '2024-06-01' }, 'title'],
      [
        { electionId: e.id, title: 'x', dueKind: 'relative', milestone: 'close_of_nominations', offsetDays: -3, offsetUnit: 'working', direction: 'before' },
        'offsetDays',
      ],
      [{ electionId: e.id, title: 'x', dueKind: 'relative', milestone: 'close_of_nominations', offsetUnit: 'working', direction: 'before' }, 'offsetDays'],
      [{ electionId: e.id, contestId: otherContest.id, title: 'x', dueKind: 'fixed', dueDate: '2024-06-01' }, 'contestId'],
      [
        { electionId: other.id, title: 'x', dueKind: 'relative', milestone: 'vac_application', offsetDays: 1, offsetUnit: 'working', direction: 'before' },
        'milestone',
      ],
    ];
    for (const [input, field] of cases) {
      const r = await app.dispatch('tasks.create', input);
      expect(r.ok, JSON.stringify(input)).toBe(false);
      if (!r.ok) expect(Object.keys(r.error.fields ?? {}), JSON.stringify(input)).toContain(field);
    }
    expect(await snapshot(app)).toBe(before);
  });
});

describe('deadlines', () => {
  it('lists milestones, spending returns and tasks sorted, filtered and counted down', async () => {
    const { e, contest } = await generalElection();
    await ok(app, 'tasks.create', { electionId: e.id, contestId: contest.id, title: 'Order leaflets', dueKind: 'fixed', dueDate: '2024-05-17' });
    await ok(app, 'tasks.create', {
      electionId: e.id,
      title: 'Book the count team',
      dueKind: 'relative',
      milestone: 'polling_day',
      offsetDays: 7,
      offsetUnit: 'calendar',
      direction: 'before',
    });
    await setDeclaredOn(app.store, contest.id, '2024-07-05');
    const { items } = await ok(app, 'deadlines.list', { today: TODAY });
    expect(items.map((d: { date: string }) => d.date)).toEqual([...items.map((d: { date: string }) => d.date)].sort());
    expect(items[0]).toMatchObject({ title: 'Order leaflets', kind: 'task', overdue: true, calendarDays: -3 });
    expect(items.find((d: { title: string }) => d.title === 'Notice of election')).toMatchObject({ dueThisWeek: false, workingDays: 10 });
    expect(items.filter((d: { kind: string }) => d.kind === 'post-poll').map((d: { date: string }) => d.date)).toEqual([
      '2024-07-26',
      '2024-08-02',
      '2024-08-09',
    ]);
    const tasksOnly = await ok(app, 'deadlines.list', { today: TODAY, kind: 'task' });
    expect(tasksOnly.items.map((d: { title: string }) => d.title)).toEqual(['Order leaflets', 'Book the count team']);
    const weekBefore = await ok(app, 'deadlines.list', { today: '2024-06-03' });
    expect(weekBefore.items.find((d: { title: string }) => d.title === 'Notice of election')).toMatchObject({ dueThisWeek: true, workingDays: 1 });
    const later = await ok(app, 'deadlines.list', { today: '2024-06-20' });
    expect(later.items.some((d: { title: string }) => d.title === 'Notice of election')).toBe(false);
    expect(
      (await ok(app, 'deadlines.list', { today: '2024-06-20', includePast: true })).items.some((d: { title: string }) => d.title === 'Notice of election'),
    ).toBe(true);
  });

  it('exports an iCalendar file that parses back with stable UIDs', async () => {
    const { e } = await generalElection();
    await ok(app, 'tasks.create', { electionId: e.id, title: 'Order leaflets, posters; badges', dueKind: 'fixed', dueDate: '2024-06-01' });
    const first = await ok(app, 'deadlines.ics', { today: TODAY, includePast: true, includeDone: true });
    expect(first.filename).toMatch(/\.ics$/);
    const cal = parseIcs(first.text);
    expect(cal.events.length).toBe(9);
    expect(cal.events.find((ev) => ev.uid === `milestone-${e.id}-close_of_nominations@hustings`)).toMatchObject({
      date: '2024-06-07',
      summary: 'Close of nominations (and withdrawals), 4pm — General election 2024',
    });
    expect(cal.events.find((ev) => ev.uid.startsWith('task-'))!.summary).toBe('Order leaflets, posters; badges — General election 2024');
    await ok(app, 'elections.update', { id: e.id, name: e.name, type: e.type, pollingDay: '2024-07-11', nation: 'england', dcId: '', notes: '' });
    const second = parseIcs((await ok(app, 'deadlines.ics', { today: TODAY, includePast: true, includeDone: true })).text);
    expect(second.events.map((ev) => ev.uid).sort()).toEqual(cal.events.map((ev) => ev.uid).sort());
    expect(second.events.find((ev) => ev.uid === `milestone-${e.id}-close_of_nominations@hustings`)!.date).toBe('2024-06-14');
  });
});
