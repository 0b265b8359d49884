import { z } from 'zod';
import { MILESTONE_KEYS } from '../domain/timetable.ts';
import { DIVISIONS } from '../domain/working-days.ts';
import { id, idInput, isoDate, optionalText, requiredText } from './common.ts';
import { EVERY_MEMBER, mutation, query } from './define.ts';
import { electionType, nation } from './elections.ts';

const milestoneKey = z.enum(MILESTONE_KEYS, { error: 'Choose a milestone from the list' });
const milestonePhase = z.enum(['nomination', 'registration', 'poll', 'post-poll']);

/** Days left until a deadline; negative when it has passed. */
const countdownFields = {
  workingDays: z.number(),
  calendarDays: z.number(),
  overdue: z.boolean(),
  dueThisWeek: z.boolean(),
};

const milestoneView = z.object({
  key: milestoneKey,
  label: z.string(),
  date: z.string(),
  time: z.string().optional(),
  phase: milestonePhase,
  rule: z.string(),
  source: z.string(),
  note: z.string().optional(),
  overridden: z.boolean(),
  overrideReason: z.string().nullable(),
  computedDate: z.string().nullable(),
  provisional: z.boolean(),
  ...countdownFields,
});
export type MilestoneView = z.infer<typeof milestoneView>;

const timetableView = z.object({
  electionId: id,
  electionName: z.string(),
  contestId: id.nullable(),
  contestName: z.string().nullable(),
  type: electionType,
  nation,
  ruleSetLabel: z.string(),
  pollingDay: z.string(),
  declaredOn: z.string().nullable(),
  today: z.string(),
  milestones: z.array(milestoneView),
  warnings: z.array(z.string()),
});
export type TimetableView = z.infer<typeof timetableView>;

/** `today` is for tests and previews; it defaults to today's date in the UK. */
const today = isoDate.optional();

const computeInput = z.strictObject({
  type: electionType,
  pollingDay: isoDate,
  nation: nation.optional(),
  declaredOn: isoDate.optional(),
  overrides: z.partialRecord(milestoneKey, isoDate).optional(),
});

const computedMilestone = z.object({ key: milestoneKey, label: z.string(), date: z.string(), time: z.string().optional() });

export const overrideInput = z.strictObject({
  electionId: id,
  milestone: milestoneKey,
  date: isoDate,
  reason: optionalText('Reason', 500),
});

// --- Holidays -----------------------------------------------------------------------------------

export const HOLIDAY_KINDS = ['bank-holiday', 'mourning', 'thanksgiving'] as const;
export const HOLIDAY_KIND_LABELS: Record<(typeof HOLIDAY_KINDS)[number], string> = {
  'bank-holiday': 'One-off bank holiday',
  mourning: 'Day of mourning',
  thanksgiving: 'Day of public thanksgiving',
};
export const HOLIDAY_DIVISIONS = ['all', ...DIVISIONS] as const;
export const HOLIDAY_DIVISION_LABELS: Record<(typeof HOLIDAY_DIVISIONS)[number], string> = {
  all: 'The whole UK',
  'england-and-wales': 'England and Wales',
  scotland: 'Scotland',
  'northern-ireland': 'Northern Ireland',
};

export const holidayInput = z.strictObject({
  date: isoDate,
  title: requiredText('Name of the day', 200),
  kind: z.enum(HOLIDAY_KINDS, { error: 'Choose a one-off bank holiday, a day of mourning or of thanksgiving' }),
  division: z.enum(HOLIDAY_DIVISIONS, { error: 'Choose where the day applies' }),
});
export type HolidayInput = z.input<typeof holidayInput>;

const extraHoliday = z.object({
  id,
  date: z.string(),
  title: z.string(),
  kind: z.enum(HOLIDAY_KINDS),
  division: z.enum(HOLIDAY_DIVISIONS),
});
export type ExtraHolidayRow = z.infer<typeof extraHoliday>;

const holidaysOverview = z.object({
  extra: z.array(extraHoliday),
  coverage: z.object({ from: z.string(), to: z.string() }),
  electionsBeyondData: z.array(z.object({ electionId: id, electionName: z.string(), pollingDay: z.string(), message: z.string() })),
});

// --- Tasks --------------------------------------------------------------------------------------

const TASK_DUE_KINDS = ['fixed', 'relative'] as const;
export const OFFSET_UNITS = ['working', 'calendar'] as const;
export const DIRECTIONS = ['before', 'after'] as const;

const taskFields = {
  title: requiredText('Title', 200),
  notes: optionalText('Notes', 2000),
  assignee: optionalText('Assignee', 200),
  contestId: id.nullable().default(null),
  dueKind: z.enum(TASK_DUE_KINDS, { error: 'Choose a fixed date or a date relative to a milestone' }),
  dueDate: isoDate.nullable().default(null),
  milestone: milestoneKey.nullable().default(null),
  offsetDays: z
    .number({ error: 'Number of days must be a number' })
    .int('Number of days must be a whole number')
    .min(0, 'Number of days cannot be negative: choose before or after instead')
    .max(365, 'Number of days must be at most 365')
    .nullable()
    .default(null),
  offsetUnit: z.enum(OFFSET_UNITS, { error: 'Choose working days or calendar days' }).nullable().default(null),
  direction: z.enum(DIRECTIONS, { error: 'Choose before or after' }).nullable().default(null),
};

type TaskFields = z.infer<z.ZodObject<typeof taskFields>>;

function checkDue(t: TaskFields, ctx: z.RefinementCtx) {
  if (t.dueKind === 'fixed') {
    if (t.dueDate === null) ctx.addIssue({ code: 'custom', path: ['dueDate'], message: 'Enter the due date' });
    return;
  }
  if (t.milestone === null) ctx.addIssue({ code: 'custom', path: ['milestone'], message: 'Choose the milestone the task is relative to' });
  if (t.offsetDays === null) ctx.addIssue({ code: 'custom', path: ['offsetDays'], message: 'Enter how many days before or after' });
  if (t.offsetUnit === null) ctx.addIssue({ code: 'custom', path: ['offsetUnit'], message: 'Choose working days or calendar days' });
  if (t.direction === null) ctx.addIssue({ code: 'custom', path: ['direction'], message: 'Choose before or after' });
}

export const taskCreateInput = z.strictObject({ electionId: id, ...taskFields }).superRefine(checkDue);
const taskUpdateInput = z.strictObject({ id, electionId: id, ...taskFields }).superRefine(checkDue);
export type TaskCreateInput = z.input<typeof taskCreateInput>;

const task = z.object({
  id,
  electionId: id,
  electionName: z.string(),
  contestId: id.nullable(),
  contestName: z.string().nullable(),
  title: z.string(),
  notes: z.string(),
  assignee: z.string(),
  dueKind: z.enum(TASK_DUE_KINDS),
  dueDate: z.string().nullable(),
  milestone: milestoneKey.nullable(),
  offsetDays: z.number().nullable(),
  offsetUnit: z.enum(OFFSET_UNITS).nullable(),
  direction: z.enum(DIRECTIONS).nullable(),
  done: z.boolean(),
  doneAt: z.string().nullable(),
  /** "3 working days before close of nominations (and withdrawals)". */
  dueText: z.string(),
  /** The date the task is due on now (moves with the timetable), or null with the reason. */
  due: z.string().nullable(),
  dueTime: z.string().nullable(),
  dueProblem: z.string().nullable(),
  countdown: z.object(countdownFields).nullable(),
});
export type Task = z.infer<typeof task>;

const taskFilter = z.strictObject({
  electionId: id.optional(),
  contestId: id.optional(),
  includeDone: z.boolean().default(true),
  today,
});

// --- Deadlines ----------------------------------------------------------------------------------

export const DEADLINE_KINDS = ['milestone', 'post-poll', 'task'] as const;
export const DEADLINE_KIND_LABELS: Record<(typeof DEADLINE_KINDS)[number], string> = {
  milestone: 'Statutory milestones',
  'post-poll': 'Spending returns',
  task: 'Tasks',
};

const deadline = z.object({
  /** Stable across exports (iCalendar UID). */
  uid: z.string(),
  kind: z.enum(DEADLINE_KINDS),
  title: z.string(),
  date: z.string(),
  time: z.string().optional(),
  electionId: id,
  electionName: z.string(),
  contestId: id.nullable(),
  contestName: z.string().nullable(),
  rule: z.string().nullable(),
  source: z.string().nullable(),
  overridden: z.boolean(),
  provisional: z.boolean(),
  taskId: id.nullable(),
  done: z.boolean(),
  assignee: z.string(),
  ...countdownFields,
});
export type Deadline = z.infer<typeof deadline>;

export const deadlineFilter = z.strictObject({
  electionId: id.optional(),
  contestId: id.optional(),
  kind: z.enum(DEADLINE_KINDS, { error: 'Choose milestones, spending returns or tasks' }).optional(),
  /** Also deadlines already passed (overdue open tasks are always shown). */
  includePast: z.boolean().default(false),
  includeDone: z.boolean().default(false),
  limit: z.number().int().min(1).max(10_000).optional(),
  today,
});
export type DeadlineFilter = z.input<typeof deadlineFilter>;

export const timetableContract = {
  'timetable.forElection': query(EVERY_MEMBER, 'An election’s timetable with countdowns', z.strictObject({ electionId: id, today }), timetableView),
  'timetable.forContest': query(
    EVERY_MEMBER,
    'A contest’s timetable: its election’s milestones in its nation, and the spending deadlines once declared',
    z.strictObject({ contestId: id, today }),
    timetableView,
  ),
  'timetable.compute': query(
    EVERY_MEMBER,
    'Compute a timetable from an election type and polling day (with the user’s extra holidays)',
    computeInput,
    z.object({ milestones: z.array(computedMilestone), warnings: z.array(z.string()) }),
  ),
  'timetable.setOverride': mutation(['coordinator'], 'Set a milestone’s date by hand for one election', overrideInput, timetableView),
  'timetable.clearOverride': mutation(
    ['coordinator'],
    'Go back to the computed date of a milestone',
    z.strictObject({ electionId: id, milestone: milestoneKey }),
    timetableView,
  ),
};

export const holidaysContract = {
  'holidays.list': query(EVERY_MEMBER, 'The user’s extra non-working days, the data’s coverage, and elections beyond it', z.strictObject({}), holidaysOverview),
  'holidays.create': mutation(['coordinator'], 'Add a one-off bank holiday or a day of mourning or thanksgiving', holidayInput, extraHoliday),
  'holidays.delete': mutation(['coordinator'], 'Remove an extra non-working day', idInput, z.object({ deleted: z.boolean() })),
};

export const tasksContract = {
  // Tasks name who does them: the branch's shared work, for every member to see.
  'tasks.list': query(EVERY_MEMBER, 'Tasks, optionally of one election or contest, by due date', taskFilter, z.array(task)),
  'tasks.get': query(EVERY_MEMBER, 'One task', z.strictObject({ id, today }), task),
  'tasks.create': mutation(['coordinator'], 'Add a task', taskCreateInput, task),
  'tasks.update': mutation(['coordinator'], 'Change a task', taskUpdateInput, task),
  'tasks.setDone': mutation(
    ['coordinator'],
    'Mark a task done or not done',
    z.strictObject({ id, done: z.boolean({ error: 'done must be true or false' }) }),
    task,
  ),
  'tasks.delete': mutation(['coordinator'], 'Delete a task', idInput, z.object({ deleted: z.boolean() })),
};

export const deadlinesContract = {
  'deadlines.list': query(
    EVERY_MEMBER,
    'Every deadline across elections, contests and tasks, soonest first',
    deadlineFilter,
    z.object({ today: z.string(), items: z.array(deadline) }),
  ),
  'deadlines.ics': query(EVERY_MEMBER, 'The deadlines as an iCalendar file', deadlineFilter, z.object({ filename: z.string(), text: z.string() })),
};
