import { z } from 'zod';
import { confirmFlag, erasureResult, expectedUpdatedAt, id, idInput, isoDate, mention, optionalText, requiredText } from './common.ts';
import { EVERY_MEMBER, mutation, query } from './define.ts';
import { contest } from './contests.ts';
import { CANDIDACY_STATUSES, CHECKLIST_ITEM_IDS, ITEM_STATES, POST_KINDS } from '../domain/nominations.ts';

export const candidacyStatus = z.enum(CANDIDACY_STATUSES, { error: 'Choose a status from the list' });
const checklistItemId = z.enum(CHECKLIST_ITEM_IDS, { error: 'Choose a checklist item from the list' });
export const itemState = z.enum(ITEM_STATES, { error: 'Choose to do, in progress, done or not needed' });
const postKind = z.enum(POST_KINDS, { error: 'Choose the post from the list' });

const count = (label: string, max = 10_000_000) =>
  z
    .number({ error: `${label} must be a number` })
    .int(`${label} must be a whole number`)
    .min(0, `${label} cannot be negative`)
    .max(max, `${label} is larger than any UK contest`);

const nullableDate = isoDate.nullable();

// ---- candidates ----

const candidateFields = {
  ballotName: requiredText('Name as on the ballot paper'),
  commonName: optionalText('Commonly-used name', 200),
  homeAddress: optionalText('Home address', 500),
  email: z
    .string({ error: 'Email must be text' })
    .trim()
    .max(200, 'Email must be at most 200 characters')
    .refine((v) => v === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), 'Write an email address like name@example.org')
    .default(''),
  phone: z
    .string({ error: 'Phone must be text' })
    .trim()
    .max(40, 'Phone must be at most 40 characters')
    .refine((v) => v === '' || /^[+\d][\d\s()-]{5,}$/.test(v), 'Write a phone number with digits, spaces and an optional +')
    .default(''),
  partyCandidate: z.boolean({ error: 'Say whether this is a party candidate' }).default(true),
  partyDescription: optionalText('Party description', 200),
  emblem: optionalText('Emblem', 200),
  notes: optionalText('Notes'),
};
export const candidateInput = z.strictObject(candidateFields);
export type CandidateInput = z.input<typeof candidateInput>;

const candidate = z.object({
  id,
  ballotName: z.string(),
  commonName: z.string(),
  homeAddress: z.string(),
  email: z.string(),
  phone: z.string(),
  partyCandidate: z.boolean(),
  partyDescription: z.string(),
  emblem: z.string(),
  notes: z.string(),
  candidacyCount: z.number(),
  updatedAt: z.string(),
});
export type Candidate = z.infer<typeof candidate>;

// ---- candidacies ----

const candidacySummary = contest
  .pick({ electionId: true, electionName: true, electionType: true, pollingDay: true, areaId: true, areaName: true, nation: true })
  .extend({
    id,
    candidateId: id,
    candidateName: z.string(),
    contestId: id,
    status: candidacyStatus,
    subscriberCount: z.number(),
  });
export type CandidacySummary = z.infer<typeof candidacySummary>;

const depositRuleOut = z.object({ amountPence: z.number(), amountSource: z.string(), returnRule: z.unknown(), returnRuleText: z.string() }).nullable();

const requirementsOut = z.object({
  label: z.string(),
  postKind,
  subscribers: z.object({ required: z.number(), source: z.string(), roles: z.string(), registeredIn: z.string(), spread: z.string().nullable() }),
  deposit: depositRuleOut,
  notes: z.array(z.string()),
  /** The legislation the figures come from, and the day they were last checked. */
  instrument: z.string(),
  checkedOn: z.string(),
});

const contestRules = z.object({
  contestId: id,
  postKind,
  postKinds: z.array(postKind),
  seats: z.number(),
  subscribersRequired: z.number().nullable(),
  depositPence: z.number().nullable(),
  /** Combined authority mayor: the constituent councils (null: not entered). */
  councils: z.number().nullable(),
  requirements: requirementsOut,
});
export type ContestRules = z.infer<typeof contestRules>;

export const checklistItemOut = z.object({
  id: checklistItemId,
  label: z.string(),
  description: z.string(),
  applies: z.boolean(),
  optional: z.boolean(),
  skippable: z.boolean(),
  state: itemState,
  doneOn: z.string().nullable(),
  note: z.string().nullable(),
  deadline: z.string(),
  dueOn: z.string().nullable(),
  problems: z.array(z.string()),
});
export type ChecklistItemOut = z.infer<typeof checklistItemOut>;

const subscriberOut = z.object({
  id,
  position: z.number(),
  role: z.enum(['proposer', 'seconder', 'assentor']),
  electorNumber: z.string(),
  fullName: z.string(),
  checked: z.boolean(),
});
export type Subscriber = z.infer<typeof subscriberOut>;

export const statusChangeOut = z.object({ status: candidacyStatus, onDate: z.string(), reason: z.string(), at: z.string() });

const candidacyDetail = candidacySummary.extend({
  candidate,
  consentSignedOn: z.string().nullable(),
  consentWitnessedBy: z.string(),
  agentName: z.string(),
  deliveredOn: z.string().nullable(),
  history: z.array(statusChangeOut),
  allowedNext: z.array(candidacyStatus),
  rules: contestRules,
  closeOfNominations: z.string().nullable(),
  /** Time of day of the deadline, e.g. "4pm" (NI: "1pm"). */
  closeOfNominationsTime: z.string().nullable(),
  checklist: z.object({
    items: z.array(checklistItemOut),
    complete: z.boolean(),
    problems: z.array(z.string()),
    subscribers: z.object({ count: z.number(), required: z.number(), unchecked: z.number() }),
  }),
  subscribers: z.array(subscriberOut),
  registerLoaded: z.boolean(),
  deposit: z.object({ outcome: z.enum(['no-deposit', 'returned', 'forfeited']), amountPence: z.number().optional(), reason: z.string() }).nullable(),
  updatedAt: z.string(),
});
export type CandidacyDetail = z.infer<typeof candidacyDetail>;

// ---- nomination check (CLI and scripting) ----

const nominationCheck = z.object({
  contestId: id,
  contest: z.string(),
  closeOfNominations: z.string().nullable(),
  requirements: requirementsOut,
  candidacies: z.array(
    z.object({
      candidacyId: id,
      candidate: z.string(),
      status: candidacyStatus,
      complete: z.boolean(),
      subscribers: z.object({ count: z.number(), required: z.number(), unchecked: z.number() }),
      items: z.array(
        z.object({
          id: checklistItemId,
          label: z.string(),
          applies: z.boolean(),
          state: itemState,
          dueOn: z.string().nullable(),
          problems: z.array(z.string()),
        }),
      ),
      problems: z.array(z.string()),
    }),
  ),
});
export type NominationCheck = z.infer<typeof nominationCheck>;

// ---- results ----

const resultRowInput = z.strictObject({
  candidacyId: id.nullable().default(null),
  /** In a list election: this row is our party list's votes. */
  partyListId: id.nullable().default(null),
  /** Scottish regions and the London-wide list: constituency seats the party won, counted in the allocation. */
  constituencySeats: count('Constituency seats', 100).default(0),
  name: requiredText('Candidate name'),
  party: optionalText('Party', 200),
  votes: count('Votes'),
  elected: z.boolean({ error: 'Elected must be true or false' }).default(false),
});

export const resultInput = z.strictObject({
  contestId: id,
  declaredOn: isoDate,
  electorate: count('Electorate').min(1, 'The electorate must be 1 or more'),
  ballotsCast: count('Ballot papers counted').nullable().default(null),
  rejectedBallots: count('Rejected ballots').nullable().default(null),
  votesPerBallot: z
    .number({ error: 'Votes per ballot must be a number' })
    .int('Votes per ballot must be a whole number')
    .min(1, 'Votes per ballot must be 1 or more')
    .max(20, 'Votes per ballot is at most 20')
    .default(1),
  rows: z
    .array(resultRowInput, { error: 'Enter the candidates’ votes' })
    .min(1, 'Enter the votes of at least one candidate')
    .max(200, 'At most 200 candidates'),
});
export type ResultInputForm = z.input<typeof resultInput>;

const contestResult = z.object({
  contestId: id,
  declaredOn: z.string(),
  electorate: z.number(),
  ballotsCast: z.number().nullable(),
  rejectedBallots: z.number().nullable(),
  votesPerBallot: z.number(),
  totalVotes: z.number(),
  ballots: z.number().nullable(),
  turnout: z.number().nullable(),
  /** List elections: the seats filled from the lists, and any tie the returning officer decides by lot. */
  listSeats: z.number().nullable().optional(),
  ties: z.array(z.string()).optional(),
  rows: z.array(
    z.object({
      id,
      candidacyId: z.number().nullable(),
      partyListId: z.number().nullable().optional(),
      constituencySeats: z.number().optional(),
      /** List elections: seats won by this list (D'Hondt); an individual candidate wins 0 or 1. */
      seatsWon: z.number().nullable().optional(),
      name: z.string(),
      party: z.string(),
      votes: z.number(),
      elected: z.boolean(),
      share: z.number().nullable(),
      position: z.number(),
      deposit: z.object({ outcome: z.enum(['no-deposit', 'returned', 'forfeited']), amountPence: z.number().optional(), reason: z.string() }).nullable(),
    }),
  ),
});
export type ContestResult = z.infer<typeof contestResult>;

const contestIdInput = z.strictObject({ contestId: id });

export const candidatesContract = {
  // A candidate's home address, email and phone are personal data: the coordinator's, and the
  // treasurer's to read (they pay the deposit and keep the return).
  'candidates.list': query(['coordinator', 'treasurer'], 'Candidates, with how many contests each stands in', z.strictObject({}), z.array(candidate)),
  'candidates.get': query(['coordinator', 'treasurer'], 'One candidate', idInput, candidate),
  'candidates.create': mutation(['coordinator'], 'Add a candidate', candidateInput, candidate),
  'candidates.update': mutation(['coordinator'], 'Change a candidate’s details', candidateInput.extend({ id, expectedUpdatedAt }), candidate),
  'candidates.delete': mutation(['coordinator'], 'Delete a candidate and their candidacies', idInput, z.object({ deleted: z.boolean() })),
  'candidates.getPersonExport': query(
    ['admin'],
    'Everything Hustings holds about one candidate (subject access): details, candidacies with their papers, mentions and activity',
    idInput,
    z.object({ exportedAt: z.string(), candidate, candidacies: z.array(candidacyDetail), mentions: z.array(mention), audit: z.array(z.unknown()) }),
  ),
  'candidates.erasePerson': mutation(
    ['admin'],
    'Erase one candidate’s personal data: their details are blanked (the candidacies stay, anonymous, for results, deposits and the return), their name is taken out wherever it is written and the audit trail’s copies are blanked, leaving a record that an erasure happened (needs confirm: true)',
    z.strictObject({ id, confirm: confirmFlag }),
    erasureResult,
  ),

  // Who stands where, by ballot name and status, without contact details: open to every member,
  // as the branch chooses its candidates at its meetings and nominated names are published.
  'candidacies.list': query(
    EVERY_MEMBER,
    'Candidacies, optionally of one candidate or contest',
    z.strictObject({ candidateId: id.optional(), contestId: id.optional() }),
    z.array(candidacySummary),
  ),
  'candidacies.get': query(['coordinator', 'treasurer'], 'One candidacy with its checklist, subscribers, status history and deposit', idInput, candidacyDetail),
  'candidacies.create': mutation(['coordinator'], 'Put a candidate forward in a contest', z.strictObject({ candidateId: id, contestId: id }), candidacyDetail),
  'candidacies.delete': mutation(['coordinator'], 'Remove a candidacy with its papers', idInput, z.object({ deleted: z.boolean() })),
  'candidacies.setStatus': mutation(
    ['coordinator'],
    'Move a candidacy along prospective → papers in progress → delivered → validly nominated / rejected → withdrawn',
    z.strictObject({ id, status: candidacyStatus, onDate: isoDate, reason: optionalText('Reason', 500), expectedUpdatedAt }),
    candidacyDetail,
  ),
  'candidacies.setItem': mutation(
    ['coordinator'],
    'Record the state of one checklist item',
    z.strictObject({ id, item: checklistItemId, state: itemState, doneOn: nullableDate.default(null), note: optionalText('Note', 500) }),
    candidacyDetail,
  ),
  'candidacies.setPapers': mutation(
    ['coordinator'],
    'Record the consent to nomination (date signed, witness) and the election agent',
    z.strictObject({
      id,
      consentSignedOn: nullableDate,
      consentWitnessedBy: optionalText('Witness', 200),
      agentName: optionalText('Election agent', 200),
      expectedUpdatedAt,
    }),
    candidacyDetail,
  ),

  'subscribers.add': mutation(
    ['coordinator'],
    'Add a subscriber to a nomination form (checked against the register when one is loaded)',
    z.strictObject({
      candidacyId: id,
      electorNumber: z.string({ error: 'Elector number must be text' }).max(40, 'Elector number is too long'),
      name: z.string({ error: 'Name must be text' }).max(200, 'Name must be at most 200 characters'),
    }),
    candidacyDetail,
  ),
  'subscribers.remove': mutation(['coordinator'], 'Remove a subscriber; those after move up', idInput, candidacyDetail),
  'subscribers.getPersonExport': query(
    ['admin'],
    'Everything Hustings holds about one subscriber of a nomination paper (subject access)',
    idInput,
    z.object({
      exportedAt: z.string(),
      subscriber: subscriberOut,
      candidacy: z.object({ id, candidateName: z.string(), areaName: z.string(), electionName: z.string() }),
      mentions: z.array(mention),
      audit: z.array(z.unknown()),
    }),
  ),
  'subscribers.erasePerson': mutation(
    ['admin'],
    'Erase one subscriber: they come off the nomination paper (those after move up), their name is taken out wherever it is written and the audit trail’s copies are blanked, leaving a record that an erasure happened (needs confirm: true)',
    z.strictObject({ id, confirm: confirmFlag }),
    erasureResult,
  ),
  'subscribers.move': mutation(
    ['coordinator'],
    'Move a subscriber to another place in the signing order',
    z.strictObject({ id, position: z.number({ error: 'Position must be a number' }).int('Position must be a whole number').min(1, 'Position starts at 1') }),
    candidacyDetail,
  ),

  'nominations.rules': query(EVERY_MEMBER, 'The nomination requirements of a contest, with the user’s corrections', contestIdInput, contestRules),
  'nominations.setRules': mutation(
    ['coordinator'],
    'Set a contest’s post kind and seats, or correct its default subscriber count and deposit',
    z.strictObject({
      contestId: id,
      postKind,
      seats: z.number({ error: 'Seats must be a number' }).int('Seats must be a whole number').min(1, 'Seats must be 1 or more').max(20, 'Seats is at most 20'),
      subscribersRequired: count('Subscribers required', 1000).nullable(),
      depositPence: count('Deposit', 10_000_000).nullable(),
      /** Combined authority mayor only; left out, the number already saved is kept. */
      councils: count('Constituent councils', 100).min(1, 'A combined authority has at least one constituent council').nullable().optional(),
    }),
    contestRules,
  ),
  'nominations.check': query(['coordinator', 'treasurer'], 'Each candidacy’s checklist items and problems in a contest', contestIdInput, nominationCheck),

  'results.get': query(EVERY_MEMBER, 'The declared result of a contest, or null', contestIdInput, contestResult.nullable()),
  'results.record': mutation(['coordinator'], 'Record (or replace) a contest’s declared result', resultInput, contestResult),
  'results.delete': mutation(['coordinator'], 'Delete a contest’s result', contestIdInput, z.object({ deleted: z.boolean() })),
};
