import { z } from 'zod';
import { DC_ELECTION_ID, ELECTION_TYPES, ELECTION_TYPE_INFO, NATIONS, NATION_LABELS } from '../domain/election-types.ts';
import { confirmFlag, expectedUpdatedAt, id, idInput, isoDate, optionalText, requiredText } from './common.ts';
import { EVERY_MEMBER, mutation, query } from './define.ts';

export const electionType = z.enum(ELECTION_TYPES, { error: 'Choose an election type from the list' });
export const nation = z.enum(NATIONS, { error: 'Choose England, Wales, Scotland or Northern Ireland' });

const electionFields = {
  name: requiredText('Name'),
  type: electionType,
  pollingDay: isoDate,
  nation,
  dcId: z
    .string({ error: 'Democracy Club id must be text' })
    .trim()
    .max(200, 'Democracy Club id is too long')
    .refine((v) => v === '' || DC_ELECTION_ID.test(v), 'Write a Democracy Club id like parl.2024-07-04 or local.birmingham.2026-05-07')
    .default(''),
  notes: optionalText('Notes'),
};

type ElectionFields = z.infer<z.ZodObject<typeof electionFields>>;

/** Cross-field rules: the type is held in that nation, and a DC id names the same polling day. */
function checkElection(e: ElectionFields, ctx: z.RefinementCtx) {
  const info = ELECTION_TYPE_INFO[e.type];
  if (info && !info.nations.includes(e.nation)) {
    ctx.addIssue({
      code: 'custom',
      path: ['nation'],
      message: `${info.label} elections are held in ${info.nations.map((n) => NATION_LABELS[n]).join(', ')} only`,
    });
  }
  if (e.dcId && DC_ELECTION_ID.test(e.dcId)) {
    const date = DC_ELECTION_ID.exec(e.dcId)?.[3];
    if (date !== e.pollingDay) {
      ctx.addIssue({ code: 'custom', path: ['dcId'], message: `The id names ${date} but polling day is ${e.pollingDay}` });
    }
    if (!e.dcId.startsWith(`${info.dcType}.`)) {
      ctx.addIssue({ code: 'custom', path: ['dcId'], message: `A ${info.label} id starts with "${info.dcType}."` });
    }
  }
}

export const electionInput = z.strictObject(electionFields).superRefine(checkElection);
const electionUpdateInput = z.strictObject({ id, ...electionFields, expectedUpdatedAt }).superRefine(checkElection);

const election = z.object({
  id,
  name: z.string(),
  type: electionType,
  pollingDay: z.string(),
  nation,
  dcId: z.string(),
  notes: z.string(),
  contestCount: z.number(),
  updatedAt: z.string(),
});
export type Election = z.infer<typeof election>;
export type ElectionInput = z.input<typeof electionInput>;

/** What goes with a deletion, and which contests stop it because their money records are kept. */
export const deleteImpact = z.object({ contests: z.array(z.string()), blockedBy: z.string().nullable() });

export const electionsContract = {
  'elections.list': query(EVERY_MEMBER, 'All elections, soonest polling day first', z.strictObject({}), z.array(election)),
  'elections.get': query(EVERY_MEMBER, 'One election', idInput, election),
  'elections.create': mutation(['coordinator'], 'Create an election', electionInput, election),
  'elections.update': mutation(['coordinator'], 'Change an election', electionUpdateInput, election),
  'elections.deleteImpact': query(['coordinator'], 'What deleting an election would also delete', idInput, deleteImpact),
  'elections.delete': mutation(
    ['coordinator'],
    'Delete an election; with contests it needs confirm: true and deletes them too',
    z.strictObject({ id, confirm: confirmFlag }),
    z.object({ deletedContests: z.number() }),
  ),
};
