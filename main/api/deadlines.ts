import type { Contest } from '../../shared/contract/contests.ts';
import type { Election } from '../../shared/contract/elections.ts';
import type { Deadline, deadlineFilter, deadlinesContract } from '../../shared/contract/timetable.ts';
import { buildIcs } from '../../shared/domain/ics.ts';
import { countdown, formatTime } from '../../shared/domain/timetable.ts';
import type { Milestone, Timetable } from '../../shared/domain/timetable.ts';
import { ukToday } from '../../shared/domain/working-days.ts';
import type { CalendarSpec } from '../../shared/domain/working-days.ts';
import { listContests } from '../../db/repositories/contests.ts';
import { listElections } from '../../db/repositories/elections.ts';
import { listTasks } from '../../db/repositories/tasks.ts';
import type { z } from 'zod';
import type { Ctx, HandlersFor } from './context.ts';
import { requireContest } from './contests.ts';
import { requireElection } from './elections.ts';
import { taskCalendar, taskView, timetableCache } from './tasks.ts';
import type { TimetableCache } from './tasks.ts';
import { loadTimetableData } from './timetable.ts';

type Filter = z.output<typeof deadlineFilter>;

/** What a deadline source is asked for: the elections and contests in view, and today. */
interface DeadlineScope {
  elections: Election[];
  /** Contests in view (all of the elections', or the one filtered on). */
  contests: Contest[];
  /** Set when the user filters on one contest. */
  contestId?: number;
  includeDone: boolean;
  today: string;
  cache: TimetableCache;
}

type DeadlineDraft = Omit<Deadline, 'workingDays' | 'calendarDays' | 'overdue' | 'dueThisWeek'> & { calendar: CalendarSpec };

/**
 * Where deadlines come from. Another feature adds its own (e.g. a checklist's due dates) by
 * appending a source here; countdowns, filters, sorting and the .ics export are done for it.
 */
const deadlineSources: ((ctx: Ctx, scope: DeadlineScope) => Promise<DeadlineDraft[]>)[] = [
  async (_ctx, scope) => {
    const out: DeadlineDraft[] = [];
    for (const e of scope.elections) {
      const t = await scope.cache.forElection(e);
      for (const m of t.milestones) if (m.phase !== 'post-poll') out.push(milestoneDraft(`milestone-${e.id}-${m.key}@hustings`, 'milestone', m, e, null));
    }
    return out;
  },
  // Spending deadlines of each contest being fought (or declared): from contests.declared_on, or
  // from polling day for parish elections.
  async (_ctx, scope) => {
    const out: DeadlineDraft[] = [];
    for (const c of scope.contests) {
      if (c.status !== 'contesting' && c.declaredOn === null) continue;
      const e = scope.elections.find((x) => x.id === c.electionId)!;
      const t = await scope.cache.forContest(c, e);
      for (const m of t.milestones) if (m.phase === 'post-poll') out.push(milestoneDraft(`postpoll-${c.id}-${m.key}@hustings`, 'post-poll', m, e, c));
    }
    return out;
  },
  async (ctx, scope) => {
    const out: DeadlineDraft[] = [];
    for (const e of scope.elections) {
      const rows = await listTasks(ctx.db, { electionId: e.id, includeDone: scope.includeDone });
      for (const row of rows) {
        if (scope.contestId !== undefined && row.contestId !== null && row.contestId !== scope.contestId) continue;
        const t: Timetable = await scope.cache.forTask(row);
        const task = taskView(row, t, scope.cache.data, scope.today);
        if (task.due === null) continue;
        out.push({
          uid: `task-${row.id}@hustings`,
          kind: 'task',
          title: task.title,
          date: task.due,
          ...(task.dueTime ? { time: task.dueTime } : {}),
          electionId: e.id,
          electionName: e.name,
          contestId: row.contestId,
          contestName: row.contestName,
          rule: task.dueText,
          source: null,
          overridden: false,
          provisional: false,
          taskId: row.id,
          done: row.done,
          assignee: row.assignee,
          calendar: taskCalendar(t),
        });
      }
    }
    return out;
  },
];

function milestoneDraft(uid: string, kind: 'milestone' | 'post-poll', m: Milestone, e: Election, c: Contest | null): DeadlineDraft {
  return {
    uid,
    kind,
    title: m.label,
    date: m.date,
    ...(m.time ? { time: m.time } : {}),
    electionId: e.id,
    electionName: e.name,
    contestId: c?.id ?? null,
    contestName: c?.areaName ?? null,
    rule: m.rule,
    source: m.source,
    overridden: m.overridden,
    provisional: m.provisional,
    taskId: null,
    done: false,
    assignee: '',
    calendar: m.calendar,
  };
}

/** Every deadline in view, with countdowns, filtered and sorted soonest first. */
async function collectDeadlines(ctx: Ctx, filter: Filter): Promise<{ today: string; items: Deadline[] }> {
  const today = filter.today ?? ukToday();
  let elections: Election[];
  let contests: Contest[];
  if (filter.contestId !== undefined) {
    const contest = await requireContest(ctx, filter.contestId);
    elections = [await requireElection(ctx, contest.electionId)];
    contests = [contest];
  } else if (filter.electionId !== undefined) {
    elections = [await requireElection(ctx, filter.electionId)];
    contests = await listContests(ctx.db, { electionId: filter.electionId });
  } else {
    elections = await listElections(ctx.db);
    contests = await listContests(ctx.db);
  }
  const cache = timetableCache(
    ctx.db,
    await loadTimetableData(
      ctx.db,
      elections.map((e) => e.id),
    ),
  );
  const scope: DeadlineScope = { elections, contests, contestId: filter.contestId, includeDone: filter.includeDone, today, cache };
  const items: Deadline[] = [];
  for (const source of deadlineSources) {
    for (const { calendar, ...d } of await source(ctx, scope)) {
      if (filter.kind !== undefined && d.kind !== filter.kind) continue;
      const c = countdown(today, d.date, calendar, cache.data.holidays);
      const openTask = d.kind === 'task' && !d.done;
      if (c.overdue && !filter.includePast && !openTask) continue;
      items.push({ ...d, ...c, overdue: c.overdue && (openTask || d.kind !== 'task') });
    }
  }
  items.sort(
    (a, b) =>
      a.date.localeCompare(b.date) ||
      (a.time ?? '99').localeCompare(b.time ?? '99') ||
      a.electionName.localeCompare(b.electionName) ||
      a.uid.localeCompare(b.uid),
  );
  return { today, items: filter.limit ? items.slice(0, filter.limit) : items };
}

function icsSummary(d: Deadline): string {
  const at = d.time ? `, ${formatTime(d.time)}` : '';
  return `${d.title}${at} — ${d.contestName ?? d.electionName}`;
}

function icsDescription(d: Deadline): string {
  return [
    d.contestName ? `${d.electionName}: ${d.contestName}` : d.electionName,
    d.rule ? `When: ${d.rule}${d.overridden ? ' (date set by hand)' : ''}${d.provisional ? ' (placeholder until the returning officer sets it)' : ''}` : '',
    d.source ? `Source: ${d.source}` : '',
    d.assignee ? `Assigned to: ${d.assignee}` : '',
    'Exported from Hustings',
  ]
    .filter(Boolean)
    .join('\n');
}

export const deadlinesHandlers: HandlersFor<typeof deadlinesContract> = {
  'deadlines.list': async (ctx, filter) => collectDeadlines(ctx, filter),
  'deadlines.ics': async (ctx, filter) => {
    const { items } = await collectDeadlines(ctx, { ...filter, limit: undefined });
    const text = buildIcs(
      items.map((d) => ({
        uid: d.uid,
        date: d.date,
        summary: icsSummary(d),
        description: icsDescription(d),
        done: d.done,
        categories: [d.kind === 'task' ? 'Task' : d.kind === 'post-poll' ? 'Spending return' : 'Election timetable'],
      })),
      new Date().toISOString(),
    );
    return { filename: 'hustings-deadlines.ics', text };
  },
};
