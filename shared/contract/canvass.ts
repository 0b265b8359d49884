import { z } from 'zod';
import { expectedUpdatedAt, id, idInput, isoDate, optionalText } from './common.ts';
import { EVERY_MEMBER, mutation, query } from './define.ts';
import { canvassReturn, electorSummary, outcome, pollingDistrictText, request } from './register.ts';
import { OUTCOMES, REQUESTS, configProblems, type CodeConfig } from '../domain/canvass-codes.ts';
import { ukToday } from '../domain/working-days.ts';

const code = z.string({ error: 'A code is text' }).trim().toUpperCase();

const codeConfig = z
  .strictObject({
    outcomes: z.strictObject(Object.fromEntries(OUTCOMES.map((o) => [o, code])) as Record<(typeof OUTCOMES)[number], typeof code>),
    support: z.strictObject({
      kind: z.enum(['scale', 'parties'], { error: 'Choose a 1–5 scale or party letters' }),
      options: z.array(z.strictObject({ code, label: z.string().trim().max(60, 'At most 60 characters') })).max(20),
    }),
    requests: z.strictObject(Object.fromEntries(REQUESTS.map((r) => [r, code])) as Record<(typeof REQUESTS)[number], typeof code>),
  })
  .superRefine((config, ctx) => {
    for (const p of configProblems(config as CodeConfig))
      ctx.addIssue({ code: 'custom', path: p.path.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s)), message: p.message });
  });

const district = pollingDistrictText.default('');

const electorIds = z
  .array(id, { error: 'Choose the electors' })
  .min(1, 'Choose at least one elector')
  .max(1000, 'At most 1,000 electors at a time')
  .refine((ids) => new Set(ids).size === ids.length, 'An elector is listed twice');

const sessionFields = {
  areaId: id,
  pollingDistrict: district,
  heldOn: isoDate,
  canvassers: optionalText('Canvassers', 500),
  notes: optionalText('Notes'),
};

const canvassSession = z.object({
  id,
  areaId: id,
  areaName: z.string(),
  pollingDistrict: z.string(),
  heldOn: z.string(),
  canvassers: z.string(),
  notes: z.string(),
  returnCount: z.number(),
  updatedAt: z.string(),
});
export type CanvassSessionOut = z.infer<typeof canvassSession>;

const tallies = z.object({
  electors: z.number(),
  canvassed: z.number(),
  coverage: z.number(),
  contacted: z.number(),
  contactRate: z.number(),
  outcomes: z.array(z.object({ outcome, label: z.string(), count: z.number(), percent: z.number() })),
  support: z.array(z.object({ code: z.string(), label: z.string(), count: z.number(), percent: z.number() })),
  supportGiven: z.number(),
  requests: z.array(z.object({ request, label: z.string(), count: z.number() })),
});
export type TalliesOut = z.infer<typeof tallies>;

/** An elector waiting for (or ticked off for) what they asked for on the doorstep. */
const followUp = z.object({
  electorId: id,
  electorNumber: z.string(),
  fullName: z.string(),
  address: z.string(),
  postcode: z.string(),
  pollingDistrict: z.string(),
  latestSupport: z.string().nullable(),
  lastCanvassedOn: z.string().nullable(),
  /** When it was done: for a done follow-up, or for an open one asked for again after it was done. */
  doneOn: z.string().nullable(),
  doneBy: z.string().nullable(),
  doneNote: z.string(),
  /** Open again: a later return asked for the same thing after it had been done. */
  askedAgain: z.boolean(),
});
export type FollowUpOut = z.infer<typeof followUp>;

export const canvassContract = {
  'canvass.getCodes': query(['member', 'coordinator', 'treasurer', 'canvasser'], 'The canvass codes in use', z.strictObject({}), codeConfig),
  'canvass.setCodes': mutation(['coordinator'], 'Change the canvass codes', codeConfig, codeConfig),
  'canvass.listSessions': query(
    ['coordinator', 'canvasser'],
    'Canvass sessions, newest first, optionally of one area',
    z.strictObject({ areaId: id.optional() }),
    z.array(canvassSession),
  ),
  'canvass.getSession': query(['coordinator', 'canvasser'], 'One canvass session', idInput, canvassSession),
  'canvass.createSession': mutation(['coordinator', 'canvasser'], 'Start a canvass session', z.strictObject(sessionFields), canvassSession),
  'canvass.updateSession': mutation(
    ['coordinator', 'canvasser'],
    'Change a canvass session',
    z.strictObject({ id, ...sessionFields, expectedUpdatedAt }),
    canvassSession,
  ),
  'canvass.deleteSession': mutation(
    ['coordinator'],
    'Delete a canvass session and its returns (needs confirm: true when it has returns)',
    z.strictObject({ id, confirm: z.boolean().optional() }),
    z.object({ deletedReturns: z.number(), electorsUpdated: z.number() }),
  ),
  'canvass.recordReturn': mutation(
    ['coordinator', 'canvasser'],
    'Record a canvass return typed as codes (e.g. I3L) for an elector in a session',
    z.strictObject({
      sessionId: id,
      electorId: id,
      codes: z.string({ error: 'Type the codes' }).max(30, 'At most 30 characters of codes'),
      note: optionalText('Note', 1000),
      /** Made by the device (offline entry): a return sent twice is recorded once. */
      clientId: z.uuid({ error: 'A client id is a UUID made by the device, e.g. 3f2b8c1e-9d4a-4e6f-8a7b-2c1d0e9f8a7b' }).optional(),
    }),
    z.object({
      return: canvassReturn,
      next: electorSummary.nullable(),
      /** The elector's other returns in this session, oldest first: a second return is most likely a slip. */
      earlierInSession: z.array(canvassReturn),
    }),
  ),
  'canvass.undoReturn': mutation(
    ['coordinator', 'canvasser'],
    'Remove a return entered by mistake',
    idInput,
    z.object({ undone: canvassReturn, electorNumber: z.string() }),
  ),
  'canvass.listRecent': query(
    ['coordinator', 'canvasser'],
    'The latest returns of a session, newest first',
    z.strictObject({ sessionId: id, limit: z.number().int().min(1).max(200).default(20) }),
    z.array(canvassReturn.extend({ electorNumber: z.string(), fullName: z.string() })),
  ),
  // Support counted from returns is political opinion: the canvass's, not every member's. (A
  // canvasser's calls are to be limited to the districts assigned to them: a later change.)
  'canvass.getTallies': query(
    ['coordinator', 'canvasser'],
    'Tallies of an area and of each polling district: coverage, contact rate, support and requests',
    z.strictObject({ areaId: id }),
    z.object({ area: tallies, districts: z.array(z.object({ pollingDistrict: z.string(), tallies })) }),
  ),
  // How many were spoken to, not what they said: the home page's figure, for every member.
  'canvass.countContacts': query(
    EVERY_MEMBER,
    'How many electors an area has and how many the canvass has spoken to (latest return in or refused): the two figures of the tallies a dashboard shows, without the rest',
    z.strictObject({ areaId: id }),
    z.object({ electors: z.number(), contacted: z.number() }),
  ),
  'canvass.listFollowUps': query(
    ['coordinator', 'canvasser'],
    'Electors who asked for something (literature, poster, postal vote, join, visit): still waiting, in walk order, or ticked off as done, latest first',
    z.strictObject({
      areaId: id,
      request,
      pollingDistrict: pollingDistrictText.optional(),
      state: z.enum(['open', 'done'], { error: 'Choose open (still waiting) or done' }).default('open'),
      /** A page of them (without limit: all of them, as the CSV needs). */
      offset: z.number({ error: 'offset is a whole number from 0' }).int().min(0).default(0),
      limit: z.number({ error: 'limit is a whole number from 1 to 500' }).int().min(1).max(500).optional(),
    }),
    z.array(followUp),
  ),
  'canvass.countFollowUps': query(
    ['coordinator', 'canvasser'],
    'How many electors who asked for something are still waiting and how many have been ticked off as done',
    z.strictObject({ areaId: id, request, pollingDistrict: pollingDistrictText.optional() }),
    z.object({ open: z.number(), done: z.number() }),
  ),
  'canvass.markFollowUpsDone': mutation(
    ['coordinator', 'canvasser'],
    'Tick requests off as done (literature posted, would-be member phoned); a later return asking again reopens them',
    z.strictObject({
      request,
      electorIds,
      doneOn: isoDate.refine((d) => d <= ukToday(), 'Give the day it was done: this date is still to come'),
      note: optionalText('Note', 500),
    }),
    z.object({ marked: z.number() }),
  ),
  'canvass.undoFollowUpsDone': mutation(
    ['coordinator', 'canvasser'],
    'Take back follow-ups ticked off by mistake: they are waiting again',
    z.strictObject({ request, electorIds }),
    z.object({ reopened: z.number() }),
  ),
};
