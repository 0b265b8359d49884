import type { Contest } from '../../shared/contract/contests.ts';
import type { Election } from '../../shared/contract/elections.ts';
import { AppError } from '../../shared/contract/result.ts';
import type { Task, taskCreateInput, tasksContract } from '../../shared/contract/timetable.ts';
import { MILESTONE_PHASE, countdown, describeTaskDue, resolveTaskDue } from '../../shared/domain/timetable.ts';
import type { TaskDue, Timetable } from '../../shared/domain/timetable.ts';
import { divisionOf, ukToday } from '../../shared/domain/working-days.ts';
import type { CalendarSpec } from '../../shared/domain/working-days.ts';
import { getContest } from '../../db/repositories/contests.ts';
import { getElection } from '../../db/repositories/elections.ts';
import { deleteTask, getTask, insertTask, listTasks, setTaskDone, updateTask } from '../../db/repositories/tasks.ts';
import type { TaskRow, TaskWrite } from '../../db/repositories/tasks.ts';
import type { Queries } from '../../db/store.ts';
import type { z } from 'zod';
import type { Ctx, HandlersFor } from './context.ts';
import { requireRecord } from './records.ts';
import { requireContest } from './contests.ts';
import { requireElection } from './elections.ts';
import { contestTimetable, electionTimetable, loadTimetableData } from './timetable.ts';
import type { TimetableData } from './timetable.ts';

/**
 * Timetables of many elections and contests, computed once each: what tasks and deadlines are
 * resolved against.
 */
export function timetableCache(db: Queries, data: TimetableData) {
  const elections = new Map<number, Election | undefined>();
  const contests = new Map<number, Contest | undefined>();
  const timetables = new Map<string, Timetable>();
  async function election(id: number) {
    if (!elections.has(id)) elections.set(id, await getElection(db, id));
    return elections.get(id);
  }
  async function contest(id: number) {
    if (!contests.has(id)) contests.set(id, await getContest(db, id));
    return contests.get(id);
  }
  return {
    data,
    election,
    contest,
    async forElection(e: Election): Promise<Timetable> {
      const key = `e${e.id}`;
      if (!timetables.has(key)) timetables.set(key, electionTimetable(e, data));
      return timetables.get(key)!;
    },
    async forContest(c: Contest, e: Election): Promise<Timetable> {
      const key = `c${c.id}`;
      if (!timetables.has(key)) timetables.set(key, await contestTimetable(db, c, e, data));
      return timetables.get(key)!;
    },
    /** A task's timetable: its contest's when it has one, else its election's. */
    async forTask(t: { electionId: number; contestId: number | null }): Promise<Timetable> {
      const e = (await election(t.electionId))!;
      const c = t.contestId === null ? undefined : await contest(t.contestId);
      return c ? this.forContest(c, e) : this.forElection(e);
    },
  };
}
export type TimetableCache = ReturnType<typeof timetableCache>;

function taskDueOf(row: Pick<TaskRow, 'dueKind' | 'dueDate' | 'milestone' | 'offset' | 'offsetUnit'>): TaskDue {
  return row.dueKind === 'fixed'
    ? { kind: 'fixed', date: row.dueDate! }
    : { kind: 'relative', milestone: row.milestone!, offset: row.offset!, unit: row.offsetUnit! };
}

/** Non-working days for a task's countdown: its contest's (or election's) nation. */
export function taskCalendar(t: Timetable): CalendarSpec {
  return { divisions: [divisionOf(t.nation)] };
}

export function taskView(row: TaskRow, timetable: Timetable, data: TimetableData, today: string): Task {
  const due = resolveTaskDue(taskDueOf(row), timetable, data.holidays);
  return {
    id: row.id,
    electionId: row.electionId,
    electionName: row.electionName,
    contestId: row.contestId,
    contestName: row.contestName,
    title: row.title,
    notes: row.notes,
    assignee: row.assignee,
    dueKind: row.dueKind,
    dueDate: row.dueDate,
    milestone: row.milestone,
    offsetDays: row.offset === null ? null : Math.abs(row.offset),
    offsetUnit: row.offsetUnit,
    direction: row.offset === null ? null : row.offset < 0 ? 'before' : 'after',
    done: row.done,
    doneAt: row.doneAt,
    dueText: describeTaskDue(taskDueOf(row)),
    due: due.ok ? due.date : null,
    dueTime: due.ok ? (due.time ?? null) : null,
    dueProblem: due.ok ? null : due.message,
    countdown: due.ok ? countdown(today, due.date, taskCalendar(timetable), data.holidays) : null,
  };
}

type TaskInput = z.output<typeof taskCreateInput>;

/** Check the task's election, contest and milestone, and turn the form's fields into a row. */
async function validTask(ctx: Ctx, input: TaskInput): Promise<TaskWrite> {
  const election = await requireElection(ctx, input.electionId);
  if (input.contestId !== null) {
    const contest = await requireContest(ctx, input.contestId);
    if (contest.electionId !== election.id) {
      throw new AppError('invalid_input', `${contest.areaName} is a contest of ${contest.electionName}, not of ${election.name}`, {
        contestId: 'Choose a contest of this election',
      });
    }
  }
  const row: TaskWrite = {
    electionId: input.electionId,
    contestId: input.contestId,
    title: input.title,
    notes: input.notes,
    assignee: input.assignee,
    dueKind: input.dueKind,
    dueDate: input.dueKind === 'fixed' ? input.dueDate : null,
    milestone: input.dueKind === 'relative' ? input.milestone : null,
    offset: input.dueKind === 'relative' ? (input.direction === 'before' ? -1 : 1) * input.offsetDays! : null,
    offsetUnit: input.dueKind === 'relative' ? input.offsetUnit : null,
  };
  if (row.dueKind === 'relative' && MILESTONE_PHASE[row.milestone!] !== 'post-poll') {
    const cache = timetableCache(ctx.db, await loadTimetableData(ctx.db, [election.id]));
    const r = resolveTaskDue(taskDueOf(row), await cache.forTask(row), cache.data.holidays);
    if (!r.ok) throw new AppError('invalid_input', `${election.name}: ${r.message}`, { milestone: r.message });
  }
  return row;
}

async function requireTask(ctx: Ctx, id: number, today = ukToday()): Promise<Task> {
  const row = requireRecord(await getTask(ctx.db, id), 'task', id);
  const cache = timetableCache(ctx.db, await loadTimetableData(ctx.db, [row.electionId]));
  return taskView(row, await cache.forTask(row), cache.data, today);
}

export const tasksHandlers: HandlersFor<typeof tasksContract> = {
  'tasks.list': async (ctx, { electionId, contestId, includeDone, today }) => {
    const day = today ?? ukToday();
    const rows = await listTasks(ctx.db, { electionId, contestId, includeDone });
    const cache = timetableCache(ctx.db, await loadTimetableData(ctx.db));
    const tasks = [];
    for (const row of rows) tasks.push(taskView(row, await cache.forTask(row), cache.data, day));
    return tasks.sort((a, b) => Number(a.done) - Number(b.done) || (a.due ?? '9999').localeCompare(b.due ?? '9999') || a.id - b.id);
  },
  'tasks.get': async (ctx, { id, today }) => requireTask(ctx, id, today),
  'tasks.create': async (ctx, input) => {
    const id = await insertTask(ctx.db, await validTask(ctx, input));
    const after = await requireTask(ctx, id);
    await ctx.audit({
      action: 'create',
      entity: 'task',
      entityId: id,
      summary: `Added task “${after.title}” (${after.dueText}) to ${after.contestName ?? after.electionName}`,
      after,
    });
    return after;
  },
  'tasks.update': async (ctx, { id, ...input }) => {
    const before = await requireTask(ctx, id);
    await updateTask(ctx.db, id, await validTask(ctx, input));
    const after = await requireTask(ctx, id);
    await ctx.audit({ action: 'update', entity: 'task', entityId: id, summary: `Changed task “${after.title}”`, before, after });
    return after;
  },
  'tasks.setDone': async (ctx, { id, done }) => {
    const before = await requireTask(ctx, id);
    await setTaskDone(ctx.db, id, done);
    const after = await requireTask(ctx, id);
    await ctx.audit({ action: 'update', entity: 'task', entityId: id, summary: `Task “${after.title}” marked ${done ? 'done' : 'not done'}`, before, after });
    return after;
  },
  'tasks.delete': async (ctx, { id }) => {
    const before = await requireTask(ctx, id);
    await deleteTask(ctx.db, id);
    await ctx.audit({ action: 'delete', entity: 'task', entityId: id, summary: `Deleted task “${before.title}”`, before });
    return { deleted: true };
  },
};
