import { z } from 'zod';
import { expectedUpdatedAt, id, idInput, optionalText } from './common.ts';
import { EVERY_MEMBER, mutation, query } from './define.ts';
import { electionType, nation } from './elections.ts';

export const CONTEST_STATUSES = ['considering', 'contesting', 'not-contesting'] as const;
const contestStatus = z.enum(CONTEST_STATUSES, { error: 'Choose considering, contesting or not contesting' });
export const CONTEST_STATUS_LABELS: Record<(typeof CONTEST_STATUSES)[number], string> = {
  considering: 'Considering',
  contesting: 'Contesting',
  'not-contesting': 'Not contesting',
};

export const contest = z.object({
  id,
  electionId: id,
  electionName: z.string(),
  electionType,
  pollingDay: z.string(),
  areaId: id,
  areaName: z.string(),
  nation,
  status: contestStatus,
  reason: z.string(),
  declaredOn: z.string().nullable(),
  updatedAt: z.string(),
});
export type Contest = z.infer<typeof contest>;

const statusFields = { status: contestStatus, reason: optionalText('Reason', 500) };
export const contestStatusInput = z.strictObject(statusFields);
export const contestCreateInput = z.strictObject({ electionId: id, areaId: id, ...statusFields });

/** "Consider all areas of this kind": the election, and which of its areas (all by default). */
export const considerAllInput = z.strictObject({
  electionId: id,
  nation: nation.nullable().default(null),
  nameContains: optionalText('Name filter', 200),
  /** A region as areas record it, e.g. "North East"; null for every region. */
  region: z
    .string({ error: 'Region must be text' })
    .trim()
    .max(100, 'Region must be at most 100 characters')
    .nullable()
    .default(null)
    .transform((v) => v || null),
});
export type ConsiderAllInput = z.input<typeof considerAllInput>;

const contestBatch = z.object({
  id,
  electionId: id,
  nation: nation.nullable(),
  nameContains: z.string(),
  region: z.string().nullable(),
  createdAt: z.string(),
  /** Contests the batch added that are still there. */
  contests: z.number(),
});
export type ContestBatch = z.infer<typeof contestBatch>;

const batchUndone = z.object({
  removed: z.number(),
  /** Contests kept because they gained data since the batch added them, with what they hold. */
  kept: z.array(z.object({ contestId: id, areaName: z.string(), holds: z.string() })),
  message: z.string(),
});

export const contestsContract = {
  'contests.list': query(
    EVERY_MEMBER,
    'Contests, optionally of one election or area',
    z.strictObject({ electionId: id.optional(), areaId: id.optional() }),
    z.array(contest),
  ),
  // The contest heads a canvasser's polling-day pages (telling, knock-up).
  'contests.get': query(['member', 'coordinator', 'treasurer', 'canvasser'], 'One contest', idInput, contest),
  'contests.create': mutation(['coordinator'], 'Add an area to an election as a contest', contestCreateInput, contest),
  'contests.update': mutation(['coordinator'], 'Change a contest’s status and reason', z.strictObject({ id, ...statusFields, expectedUpdatedAt }), contest),
  'contests.delete': mutation(['coordinator'], 'Delete a contest', idInput, z.object({ deleted: z.boolean() })),
  'contests.considerAll': mutation(
    ['coordinator'],
    'Add every area the election is fought in (optionally of one nation, of one region, or whose name contains some text) as a contest being considered, in one batch that can be undone',
    considerAllInput,
    z.object({ batch: contestBatch, created: z.number(), alreadyContests: z.number() }),
  ),
  'contests.listBatches': query(
    EVERY_MEMBER,
    'Batches of contests added by "consider all" to an election, newest first, with how many are still there',
    z.strictObject({ electionId: id }),
    z.array(contestBatch),
  ),
  'contests.undoBatch': mutation(
    ['coordinator'],
    'Undo a "consider all": remove the contests the batch added that have gained no data since, and say which were kept and why',
    idInput,
    batchUndone,
  ),
};
