import { z } from 'zod';
import { LIST_ITEM_IDS } from '../domain/party-lists.ts';
import { expectedUpdatedAt, id, idInput, isoDate, optionalText, requiredText } from './common.ts';
import { EVERY_MEMBER, mutation, query } from './define.ts';
import { candidacyStatus, checklistItemOut, itemState, statusChangeOut } from './candidates.ts';
import { contest } from './contests.ts';

const listItemId = z.enum(LIST_ITEM_IDS, { error: 'Choose a list paper from the checklist' });

const place = z.number({ error: 'Place must be a number' }).int('Place must be a whole number').min(1, 'Places start at 1');

const listMember = z.object({
  id,
  candidateId: id,
  /** 1 = top of the list. */
  position: z.number(),
  name: z.string(),
  homeAddress: z.string(),
  consentSignedOn: z.string().nullable(),
  consentWitnessedBy: z.string(),
  homeAddressFormOn: z.string().nullable(),
  problems: z.array(z.string()),
  /** Elected from the list by the recorded result. */
  elected: z.boolean(),
});
export type ListMember = z.infer<typeof listMember>;

const listBallot = z.object({
  label: z.string(),
  seats: z.number(),
  maxNames: z.number().nullable(),
  allocation: z.enum(['dhondt', 'additional-member']),
  source: z.string(),
});

const partyList = z.object({
  id,
  contest,
  partyName: z.string(),
  agentName: z.string(),
  notes: z.string(),
  status: candidacyStatus,
  allowedNext: z.array(candidacyStatus),
  history: z.array(statusChangeOut),
  ballot: listBallot,
  members: z.array(listMember),
  items: z.array(checklistItemOut.omit({ id: true, deadline: true, dueOn: true, note: true }).extend({ id: listItemId, note: z.string() })),
  problems: z.array(z.string()),
  complete: z.boolean(),
  closeOfNominations: z.string().nullable(),
  deposit: z
    .object({
      amountPence: z.number(),
      source: z.enum(['rules', 'unconfirmed', 'override']),
      returnRuleText: z.string(),
      /** From the recorded result: returned or forfeited; null until then. */
      outcome: z.enum(['returned', 'forfeited']).nullable(),
      reason: z.string().nullable(),
    })
    .nullable(),
  /** Seats the list won in the recorded result; null until it is recorded with the list's row. */
  seatsWon: z.number().nullable(),
  updatedAt: z.string(),
});
export type PartyList = z.infer<typeof partyList>;

const nullableDate = isoDate.nullable();

export const partyListsContract = {
  'partyLists.list': query(
    EVERY_MEMBER,
    'Our party lists, optionally the one of a contest',
    z.strictObject({ contestId: id.optional() }),
    z.array(z.object({ id, contestId: id, partyName: z.string(), areaName: z.string(), electionName: z.string(), status: candidacyStatus, names: z.number() })),
  ),
  'partyLists.ballotOf': query(
    EVERY_MEMBER,
    'Whether a contest is fought by party lists: its seats, most names on a list and how seats are shared; null when candidates stand singly',
    z.strictObject({ contestId: id }),
    listBallot.nullable(),
  ),
  'partyLists.get': query(['coordinator', 'treasurer'], 'One party list with its names, papers, deposit and seats won', idInput, partyList),
  'partyLists.create': mutation(
    ['coordinator'],
    'Stand a party list in a list contest (Senedd from 2026, a Scottish Parliament region, the London-wide list); one list per contest',
    z.strictObject({ contestId: id, partyName: requiredText('Party name') }),
    partyList,
  ),
  'partyLists.update': mutation(
    ['coordinator'],
    'Change a list’s party name, election agent or notes',
    z.strictObject({
      id,
      partyName: requiredText('Party name'),
      agentName: optionalText('Election agent', 200),
      notes: optionalText('Notes'),
      expectedUpdatedAt,
    }),
    partyList,
  ),
  'partyLists.delete': mutation(['coordinator'], 'Remove a party list with its names and papers', idInput, z.object({ deleted: z.boolean() })),
  'partyLists.addMember': mutation(
    ['coordinator'],
    'Put a candidate on the list, at the bottom or at a given place (those below move down)',
    z.strictObject({ listId: id, candidateId: id, position: place.optional() }),
    partyList,
  ),
  'partyLists.removeMember': mutation(['coordinator'], 'Take a name off the list; those below move up', idInput, partyList),
  'partyLists.reorder': mutation(
    ['coordinator'],
    'Put the list in a new order: every name once, at places 1, 2, 3…',
    z.strictObject({
      listId: id,
      order: z
        .array(z.strictObject({ memberId: id, position: place }), { error: 'Give each name’s place' })
        .min(1, 'Give each name’s place')
        .max(50),
    }),
    partyList,
  ),
  'partyLists.setMemberPapers': mutation(
    ['coordinator'],
    'Record a listed candidate’s consent to nomination (date signed, witness) and home address form',
    z.strictObject({ id, consentSignedOn: nullableDate, consentWitnessedBy: optionalText('Witness', 200), homeAddressFormOn: nullableDate }),
    partyList,
  ),
  'partyLists.setItem': mutation(
    ['coordinator'],
    'Record the state of one of the list’s papers',
    z.strictObject({ id, item: listItemId, state: itemState, doneOn: nullableDate.default(null), note: optionalText('Note', 500) }),
    partyList,
  ),
  'partyLists.setStatus': mutation(
    ['coordinator'],
    'Move a list along prospective → papers in progress → delivered → validly nominated / rejected → withdrawn',
    z.strictObject({ id, status: candidacyStatus, onDate: isoDate, reason: optionalText('Reason', 500), expectedUpdatedAt }),
    partyList,
  ),
};
