/** Polling day on the day: tellers' numbers (and the marked register afterwards), knock-up lists. */
import { z } from 'zod';
import { id } from './common.ts';
import { mutation, query } from './define.ts';
import { pollingDistrictText, votedInFilter } from './register.ts';

const VOTE_SOURCES = ['teller', 'marked_register'] as const;
const VOTE_METHODS = ['in_person', 'postal', 'proxy'] as const;
const REFUSALS = ['invalid', 'unknown', 'not_in_district', 'already_voted', 'duplicate'] as const;

/** Made by the sending device, so a batch sent again after a dropped connection is recorded once. */
const clientId = z
  .string({ error: 'A batch needs the id its device gave it' })
  .regex(/^[A-Za-z0-9_-]{8,64}$/, 'A client id is 8 to 64 letters, digits, - or _');

const district = pollingDistrictText.refine((s) => s !== '', 'Choose the polling district');

const entry = z.strictObject({
  /** As read off the slip: `123`, `123/1`, or in full `AB-123` (the district must match). */
  number: z.string({ error: 'An elector number is text' }).trim().min(1, 'Type an elector number').max(20, 'An elector number is at most 20 characters'),
  method: z.enum(VOTE_METHODS, { error: 'Choose in person, postal or proxy' }).default('in_person'),
});

const recorded = z.object({ number: z.string(), electorId: id, electorNumber: z.string(), fullName: z.string(), method: z.enum(VOTE_METHODS) });
const refused = z.object({ number: z.string(), reason: z.enum(REFUSALS), message: z.string() });

const batchResult = z.object({
  batchId: id,
  clientId: z.string(),
  receivedAt: z.string(),
  recorded: z.array(recorded),
  refused: z.array(refused),
  /** True when this client id had already been recorded: nothing new was written. */
  resent: z.boolean(),
});
export type BatchResult = z.infer<typeof batchResult>;

const recentBatch = z.object({
  batchId: id,
  clientId: z.string().nullable(),
  pollingDistrict: z.string(),
  receivedAt: z.string(),
  enteredBy: z.string(),
  votes: z.array(recorded.omit({ number: true })),
});

const knockUpRow = z.object({
  electorId: id,
  electorNumber: z.string(),
  fullName: z.string(),
  pollingDistrict: z.string(),
  street: z.string(),
  house: z.string(),
  postcode: z.string(),
  support: z.string(),
  /** Rounds this elector was knocked in, ascending. */
  knocked: z.array(z.number()),
});
export type KnockUpRow = z.infer<typeof knockUpRow>;

const roomInput = { contestId: id, roomId: id };
const round = z.number({ error: 'A round is a whole number from 1' }).int('A round is a whole number').min(1, 'Rounds start at 1').max(20, 'At most 20 rounds');

export const tellingContract = {
  // On polling day the canvassers tell at the stations and knock up from the committee rooms.
  'telling.getDistricts': query(
    ['coordinator', 'canvasser'],
    'The polling districts of a contest’s area for number entry: their station, electors and votes recorded in the contest’s election (or another election)',
    z.strictObject({ contestId: id, electionId: id.optional() }),
    z.object({
      electionId: id,
      electionName: z.string(),
      pollingDay: z.string(),
      districts: z.array(z.object({ pollingDistrict: z.string(), station: z.string().nullable(), electors: z.number(), voted: z.number() })),
    }),
  ),
  'telling.recordBatch': mutation(
    ['coordinator', 'canvasser'],
    'Record a batch of elector numbers that voted (tellers’ numbers, or a page of the marked register): each number refused on its own when unknown, in another district or already recorded; sending the same client id again records nothing more and answers the same',
    z.strictObject({
      contestId: id,
      /** The marked register of another election in the same area; default the contest’s. */
      electionId: id.optional(),
      pollingDistrict: district,
      source: z.enum(VOTE_SOURCES, { error: 'Choose teller or marked_register' }).default('teller'),
      clientId,
      /** When the numbers reached the campaign (the device’s clock, for batches kept offline); default now. */
      receivedAt: z.iso.datetime({ error: 'Give the time as an ISO date and time, e.g. 2026-05-07T10:15:00Z' }).optional(),
      entries: z.array(entry, { error: 'List the numbers' }).min(1, 'Type at least one number').max(1000, 'At most 1,000 numbers in a batch'),
    }),
    batchResult,
  ),
  'telling.undo': mutation(
    ['coordinator', 'canvasser'],
    'Take back batches entered by mistake (by their client ids): their votes are removed; ids already undone are listed as such',
    z.strictObject({ clientIds: z.array(clientId).min(1, 'Name a batch to undo').max(200, 'At most 200 batches at a time') }),
    z.object({ undone: z.array(z.string()), notFound: z.array(z.string()), votesRemoved: z.number() }),
  ),
  'telling.listRecent': query(
    ['coordinator', 'canvasser'],
    'The latest batches of numbers of a contest (optionally of one district and source), newest first',
    z.strictObject({
      contestId: id,
      electionId: id.optional(),
      pollingDistrict: pollingDistrictText.optional(),
      source: z.enum(VOTE_SOURCES).optional(),
      limit: z.number().int().min(1).max(200).default(20),
    }),
    z.array(recentBatch),
  ),
  'knockUp.rooms': query(
    ['coordinator', 'canvasser'],
    'A contest’s committee rooms with their districts and how many promises are still to vote',
    z.strictObject({ contestId: id }),
    z.object({
      rule: z.array(z.string()).nullable(),
      rooms: z.array(z.object({ id, name: z.string(), districts: z.array(z.string()), promises: z.number(), voted: z.number(), left: z.number() })),
    }),
  ),
  'knockUp.list': query(
    ['coordinator', 'canvasser'],
    'A committee room’s knock-up list: its districts’ promises who have not yet voted, street by street in walk order, with the rounds each was knocked; optionally only those who voted in at least n of the last m earlier elections (the poll under way does not count)',
    z.strictObject({ ...roomInput, votedIn: votedInFilter.optional() }),
    z.object({
      roomName: z.string(),
      districts: z.array(z.string()),
      rule: z.array(z.string()),
      /** All the room's promises and how many have voted, whatever the voting-history filter. */
      promises: z.number(),
      voted: z.number(),
      /** Still to vote; with `votedIn`, only those with that voting history. */
      electors: z.array(knockUpRow),
    }),
  ),
  'knockUp.record': mutation(
    ['coordinator', 'canvasser'],
    'Record that promises were knocked up in a round (again for the same round changes nothing)',
    z.strictObject({
      ...roomInput,
      round,
      electorIds: z.array(id).min(1, 'Choose who was knocked').max(1000, 'At most 1,000 at a time'),
    }),
    z.object({ recorded: z.number(), already: z.number() }),
  ),
  'knockUp.unrecord': mutation(
    ['coordinator', 'canvasser'],
    'Take back a knock recorded by mistake',
    z.strictObject({ ...roomInput, round, electorIds: z.array(id).min(1, 'Choose whose knock to take back').max(1000) }),
    z.object({ removed: z.number() }),
  ),
};
