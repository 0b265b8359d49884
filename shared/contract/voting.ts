import { z } from 'zod';
import { id } from './common.ts';
import { mutation, query } from './define.ts';
import { fileId } from './jobs.ts';
import { pollingDistrictText } from './register.ts';
import { VOTING_LIST_FIELDS, type VotingListField } from '../domain/voting-columns.ts';

const column = z.number().int().min(0).max(500).nullable();
const votingListMapping = z.strictObject(
  Object.fromEntries(VOTING_LIST_FIELDS.map((f) => [f, column.default(null)])) as Record<VotingListField, z.ZodDefault<typeof column>>,
);
const absentVote = z.enum(['postal', 'proxy', 'postal_proxy'], { error: 'An absent vote is postal, proxy or postal_proxy' });
const voteMethod = z.enum(['in_person', 'postal', 'proxy']);
const lineNumber = z.object({ line: z.number(), electorNumber: z.string() });
const supports = z.array(z.string().min(1, 'A support code is not empty').max(10, 'A support code is at most 10 characters')).max(50);

/** Turnout figures: how many there are and how many have voted. */
const turnout = z.object({ electors: z.number(), voted: z.number(), promises: z.number(), promisesVoted: z.number() });

export const votingContract = {
  'voting.listPreview': query(
    ['coordinator'],
    'Read the headings and first rows of an uploaded absent voters list or marked register and suggest which column holds what',
    z.strictObject({ fileId, list: z.enum(['absent', 'marked']) }),
    z.object({
      headers: z.array(z.string()),
      sample: z.array(z.array(z.string())),
      mapping: votingListMapping,
      problems: z.array(z.object({ field: z.string(), message: z.string() })),
      encoding: z.string(),
    }),
  ),
  'voting.importAbsent': mutation(
    ['coordinator'],
    'Set postal and proxy voters from an absent voters list (CSV): rows matched by elector number, numbers not on the register listed by line; a file with any unreadable line changes nothing',
    z.strictObject({
      fileId,
      areaId: id,
      mapping: votingListMapping,
      /** The absent vote of every row, when the file has no type column (a list of postal voters). */
      absentVote: absentVote.optional(),
      /** Bare numbers are read in this district when the file has no prefix column. */
      pollingDistrict: pollingDistrictText.optional(),
    }),
    z.object({
      fileName: z.string(),
      rows: z.number(),
      matched: z.number(),
      changed: z.number(),
      byKind: z.object({ postal: z.number(), proxy: z.number(), postal_proxy: z.number() }),
      unmatched: z.array(lineNumber),
      unmatchedCount: z.number(),
    }),
  ),
  'voting.absentFromMarkers': mutation(
    ['coordinator'],
    'Set postal and proxy voters of an area from the letters their register markers carry (give the letter your council uses for each)',
    z.strictObject({
      areaId: id,
      postal: z
        .string()
        .trim()
        .regex(/^[A-Za-z]?$/, 'A marker is one letter')
        .optional(),
      proxy: z
        .string()
        .trim()
        .regex(/^[A-Za-z]?$/, 'A marker is one letter')
        .optional(),
      postalProxy: z
        .string()
        .trim()
        .regex(/^[A-Za-z]?$/, 'A marker is one letter')
        .optional(),
    }),
    z.object({ postal: z.number(), proxy: z.number(), postal_proxy: z.number() }),
  ),
  'voting.postalWeek': query(
    ['coordinator'],
    'Supporters of a contest’s area who hold a postal or proxy vote, in walk order: by the contest’s promise rule, or the support codes given',
    z.strictObject({ contestId: id, supports: supports.optional() }),
    z.object({
      supports: z.array(z.string()),
      /** Whether the support codes are the contest's promise rule (else chosen here, or none yet). */
      fromRule: z.boolean(),
      counts: z.object({ postal: z.number(), proxy: z.number(), postal_proxy: z.number() }),
      items: z.array(
        z.object({
          id,
          electorNumber: z.string(),
          fullName: z.string(),
          address: z.string(),
          postcode: z.string(),
          pollingDistrict: z.string(),
          absentVote,
          latestSupport: z.string(),
        }),
      ),
    }),
  ),
  'voting.postalWeekCsv': query(
    ['coordinator'],
    'The postal vote week list as CSV text (for a spreadsheet or a mail merge)',
    z.strictObject({ contestId: id, supports: supports.optional() }),
    z.object({ fileName: z.string(), csv: z.string(), rows: z.number() }),
  ),
  'voting.importMarked': mutation(
    ['coordinator'],
    'Record who voted in an election from a marked register CSV (one batch per polling district): numbers not on the register listed by line; a file with any unreadable line records nothing',
    z.strictObject({
      fileId,
      electionId: id,
      areaId: id,
      mapping: votingListMapping,
      /** Only this district's rows (a page of the marked register); bare numbers are read in it. */
      pollingDistrict: pollingDistrictText.optional(),
    }),
    z.object({
      fileName: z.string(),
      districts: z.array(z.object({ pollingDistrict: z.string(), recorded: z.number(), duplicates: z.number() })),
      recorded: z.number(),
      duplicates: z.number(),
      notVoted: z.number(),
      unknown: z.array(lineNumber),
      unknownCount: z.number(),
    }),
  ),
  'voting.electorHistory': query(
    ['coordinator', 'canvasser'],
    'An elector’s postal or proxy vote and whether they voted in each election known for their area (any vote recorded there), newest first',
    z.strictObject({ electorId: id }),
    z.object({
      absentVote: absentVote.nullable(),
      history: z.array(
        z.object({ electionId: id, label: z.string(), electionName: z.string(), pollingDay: z.string(), voted: z.boolean(), method: voteMethod.nullable() }),
      ),
    }),
  ),
  'voting.knownElections': query(
    ['coordinator', 'canvasser'],
    'Elections known for an area (any vote recorded there), newest first: what “voted in N of the last M” counts',
    z.strictObject({ areaId: id }),
    z.array(z.object({ id, name: z.string(), label: z.string(), pollingDay: z.string() })),
  ),
  'voting.glance': query(
    ['coordinator'],
    'Polling day at a glance for a contest: turnout among promises and everyone, by station and by hour, stations silent for an hour, promises left per committee room',
    z.strictObject({
      contestId: id,
      /** The time the figures are for (ISO); default now. */
      now: z.iso.datetime({ offset: true, error: 'now is an ISO date and time' }).optional(),
    }),
    z.object({
      electionName: z.string(),
      areaName: z.string(),
      pollingDay: z.string(),
      now: z.string(),
      /** The promise rule's support codes; null when none is set yet. */
      supports: z.array(z.string()).nullable(),
      total: turnout,
      stations: z.array(
        turnout.extend({ id: id.nullable(), name: z.string(), districts: z.array(z.string()), lastReport: z.string().nullable(), silent: z.boolean() }),
      ),
      hours: z.array(z.object({ hour: z.string(), voted: z.number(), promisesVoted: z.number() })),
      rooms: z.array(
        z.object({ id: id.nullable(), name: z.string(), districts: z.array(z.string()), promises: z.number(), promisesVoted: z.number(), left: z.number() }),
      ),
    }),
  ),
};
