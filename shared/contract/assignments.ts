import { z } from 'zod';
import { id, idInput, requiredText } from './common.ts';
import { mutation, query } from './define.ts';
import { pollingDistrictText } from './register.ts';

/**
 * Canvassers' districts (issue 13): on a team server a canvasser sees and canvasses only the
 * areas or polling districts assigned to them. The person is their account name.
 */
const assignment = z.object({
  id,
  person: z.string(),
  areaId: id,
  areaName: z.string(),
  /** '' when the whole area is assigned. */
  pollingDistrict: z.string(),
  assignedBy: z.string(),
  assignedAt: z.string(),
});
export type AssignmentOut = z.infer<typeof assignment>;

export const assignmentsContract = {
  'assignments.list': query(
    ['coordinator', 'canvasser'],
    'Canvassers’ districts: who canvasses which area or polling district, by person and area (a canvasser sees only their own)',
    z.strictObject({ areaId: id.optional() }),
    z.array(assignment),
  ),
  'assignments.assign': mutation(
    ['coordinator'],
    'Assign a canvasser to an area or one of its polling districts',
    z.strictObject({
      person: requiredText('The canvasser’s name', 100),
      areaId: id,
      /** '' (or none): the whole area. */
      pollingDistrict: pollingDistrictText.default(''),
    }),
    assignment,
  ),
  'assignments.unassign': mutation(
    ['coordinator'],
    'Take back a canvasser’s assignment to an area or polling district',
    idInput,
    z.object({ removed: assignment }),
  ),
};
