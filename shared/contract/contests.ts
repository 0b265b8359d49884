import { z } from 'zod';
import { id, idInput, optionalText } from './common.ts';
import { mutation, query } from './define.ts';
import { electionType, nation } from './elections.ts';

export const CONTEST_STATUSES = ['considering', 'contesting', 'not-contesting'] as const;
export const contestStatus = z.enum(CONTEST_STATUSES, { error: 'Choose considering, contesting or not contesting' });
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
});
export type Contest = z.infer<typeof contest>;

const statusFields = { status: contestStatus, reason: optionalText('Reason', 500) };
export const contestStatusInput = z.strictObject(statusFields);
export const contestCreateInput = z.strictObject({ electionId: id, areaId: id, ...statusFields });

export const contestsContract = {
  'contests.list': query(
    'Contests, optionally of one election or area',
    z.strictObject({ electionId: id.optional(), areaId: id.optional() }),
    z.array(contest),
  ),
  'contests.get': query('One contest', idInput, contest),
  'contests.create': mutation('Add an area to an election as a contest', contestCreateInput, contest),
  'contests.update': mutation('Change a contest’s status and reason', z.strictObject({ id, ...statusFields }), contest),
  'contests.delete': mutation('Delete a contest', idInput, z.object({ deleted: z.boolean() })),
};
