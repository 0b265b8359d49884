import { z } from 'zod';
import { confirmFlag, id, idInput } from './common.ts';
import { mutation, query } from './define.ts';
import { fileId, jobEvent } from './jobs.ts';
import { REGISTER_FIELDS, type RegisterField } from '../domain/register-columns.ts';
import { OUTCOMES, REQUESTS } from '../domain/canvass-codes.ts';
import { DISTRICT_CODE } from '../domain/elector-number.ts';

const column = z.number().int().min(0).max(500).nullable();
const columnMapping = z.strictObject(
  Object.fromEntries(REGISTER_FIELDS.map((f) => [f, column.default(null)])) as Record<RegisterField, z.ZodDefault<typeof column>>,
);

export const outcome = z.enum(OUTCOMES);
export const request = z.enum(REQUESTS, { error: `Choose one of ${REQUESTS.join(', ')}` });

export const electorSummary = z.object({
  id,
  areaId: id,
  pollingDistrict: z.string(),
  electorNumber: z.string(),
  fullName: z.string(),
  surname: z.string(),
  forenames: z.string(),
  markers: z.string(),
  householdId: z.number().nullable(),
  address: z.string(),
  postcode: z.string(),
  street: z.string(),
  latestOutcome: outcome.nullable(),
  latestSupport: z.string().nullable(),
});
export type ElectorSummaryOut = z.infer<typeof electorSummary>;

const elector = electorSummary.extend({
  number: z.number(),
  suffix: z.number().nullable(),
  title: z.string(),
  dateOfAttainment: z.string().nullable(),
  walkSeq: z.number(),
  requests: z.array(request),
  lastCanvassedOn: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ElectorOut = z.infer<typeof elector>;

const household = z.object({
  id,
  areaId: id,
  pollingDistrict: z.string(),
  street: z.string(),
  houseNumber: z.number().nullable(),
  house: z.string(),
  flat: z.string(),
  address: z.string(),
  postcode: z.string(),
  walkSeq: z.number(),
});
export type HouseholdOut = z.infer<typeof household>;

export const canvassReturn = z.object({
  id,
  electorId: id,
  sessionId: id,
  outcome,
  support: z.string().nullable(),
  requests: z.array(request),
  codes: z.string(),
  note: z.string(),
  canvassedOn: z.string(),
  enteredAt: z.string(),
  enteredBy: z.string(),
});
export type CanvassReturnOut = z.infer<typeof canvassReturn>;

/** A request ticked off as done (canvass follow-ups); reopened when a later return asked again. */
const followUpDone = z.object({
  electorId: id,
  request,
  doneOn: z.string(),
  note: z.string(),
  doneBy: z.string(),
  doneAt: z.string(),
  reopenedByReturnId: z.number().nullable(),
});

/** What a register import job ends with: jobs.get's `result`, which the contract leaves unchecked (`z.unknown()`). */
export interface ImportReport {
  fileName: string;
  electors: number;
  households: number;
  pollingDistricts: string[];
  matched: number;
  added: number;
  left: number;
  reimport: boolean;
  /** `alterations`: matched = changed, added = added, left = deleted by the notices. */
  mode: 'replace' | 'alterations';
}

const areaId = id;
/** A polling-district code as typed (any case, spaces around allowed; '' for none), read as upper case. */
export const pollingDistrictText = z
  .string({ error: 'A polling district is text' })
  .transform((s) => s.trim())
  .refine((s) => s === '' || DISTRICT_CODE.test(s), 'A polling district is letters and digits starting with a letter, e.g. AB or GB1')
  .transform((s) => s.toUpperCase());
const districtText = pollingDistrictText.optional();
/** "Voted in at least n of the last m elections" known for the area (voting history). */
export const votedInFilter = z
  .strictObject({
    n: z.number({ error: 'n is how many elections (a whole number)' }).int().min(0).max(20),
    m: z.number({ error: 'm is how many of the last elections (a whole number)' }).int().min(1).max(20),
  })
  .refine((v) => v.n <= v.m, { error: 'Voted in n of the last m: n cannot be more than m', path: ['n'] });

export const registerContract = {
  // The register is personal data: the coordinator's and the canvassers' (to be limited to the
  // districts assigned to them once assignments exist). Subject access and erasure are the
  // team secretary's.
  'register.list': query(
    ['coordinator', 'canvasser'],
    'Areas that have a register, with elector, household and district counts',
    z.strictObject({}),
    z.array(z.object({ areaId: id, areaName: z.string(), electors: z.number(), households: z.number(), districts: z.number() })),
  ),
  'register.listDistricts': query(
    ['coordinator', 'canvasser'],
    'Polling districts of an area’s register with their household and elector counts',
    z.strictObject({ areaId }),
    z.array(z.object({ pollingDistrict: z.string(), households: z.number(), electors: z.number() })),
  ),
  'register.importPreview': query(
    ['coordinator'],
    'Read the headings and first rows of an uploaded register file and suggest the column mapping (the user’s last choices first)',
    z.strictObject({ fileId }),
    z.object({
      headers: z.array(z.string()),
      mapping: columnMapping,
      sample: z.array(z.array(z.string())),
      remembered: z.boolean(),
      problems: z.array(z.object({ field: z.string(), message: z.string() })),
      /** How the file's characters were read, e.g. "Western European (Windows-1252 / Latin-1)". */
      encoding: z.string(),
    }),
  ),
  'register.importStart': query(
    ['coordinator'],
    'Start importing an uploaded register (or notices of alteration) into an area (a long job: one transaction, nothing changes if it fails or is cancelled; electors are removed only with confirmRemovals, else it ends needs_confirmation saying how many)',
    z.strictObject({
      fileId,
      areaId,
      mapping: columnMapping,
      remember: z.boolean().default(true),
      mode: z.enum(['replace', 'alterations'], { error: 'mode is replace (the whole register) or alterations (notices of alteration)' }).default('replace'),
      confirmRemovals: z.boolean({ error: 'confirmRemovals must be true or false' }).default(false),
    }),
    jobEvent,
  ),
  'register.listElectors': query(
    ['coordinator', 'canvasser'],
    'A page of an area’s electors in walk order, searchable by name, address or postcode (each word the start of a word) or the start of an elector number; with the number that match, and the cursor of the next page',
    z.strictObject({
      areaId,
      pollingDistrict: districtText,
      search: z.string().max(200).optional(),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(500).default(100),
      /** The previous page's nextCursor: the page starts just after it (offset is then ignored). */
      after: z.number({ error: 'after is the nextCursor of the previous page' }).int().min(0).optional(),
      votedIn: votedInFilter.optional(),
    }),
    z.object({ total: z.number(), items: z.array(electorSummary), nextCursor: z.number().nullable() }),
  ),
  'register.getElector': query(
    ['coordinator', 'canvasser'],
    'One elector with their household, the others living there and every canvass return',
    idInput,
    z.object({
      elector,
      household: household.nullable(),
      members: z.array(electorSummary),
      returns: z.array(canvassReturn),
      followUpsDone: z.array(followUpDone),
    }),
  ),
  'register.getByNumber': query(
    ['coordinator', 'canvasser'],
    'The elector with this number in an area, or null; a bare number is read in the given polling district',
    z.strictObject({ areaId, electorNumber: z.string().max(40), pollingDistrict: districtText }),
    electorSummary.nullable(),
  ),
  'register.listNames': query(
    ['coordinator', 'canvasser'],
    'The number, id and name of every elector of one polling district (or an area), in walk order, as [number, id, name] triples: what the entry screen looks a typed number up in before the server answers',
    z.strictObject({ areaId, pollingDistrict: districtText }),
    z.array(z.tuple([z.string(), z.number(), z.string()])),
  ),
  'register.getNeighbour': query(
    ['coordinator', 'canvasser'],
    'The next (or previous) elector in walk order, within a polling district if given',
    z.strictObject({ electorId: id, pollingDistrict: districtText, direction: z.union([z.literal(1), z.literal(-1)]).default(1) }),
    electorSummary.nullable(),
  ),
  'register.firstInWalk': query(
    ['coordinator', 'canvasser'],
    'The first elector in walk order of an area, or of one of its polling districts; null when there is none',
    z.strictObject({ areaId, pollingDistrict: districtText }),
    electorSummary.nullable(),
  ),
  'register.getHousehold': query(
    ['coordinator', 'canvasser'],
    'A household with its electors and their canvass history',
    idInput,
    z.object({ household, members: z.array(electorSummary), returns: z.array(canvassReturn.extend({ electorNumber: z.string(), fullName: z.string() })) }),
  ),
  'register.findHouseholds': query(
    ['coordinator', 'canvasser'],
    'Households of an area (or one polling district) whose address or postcode contains every word typed, with their electors; a house number typed first comes first',
    z.strictObject({
      areaId,
      pollingDistrict: districtText,
      search: z.string({ error: 'Type part of the address' }).max(200, 'At most 200 characters'),
      limit: z.number().int().min(1).max(50).default(10),
    }),
    z.object({ total: z.number(), items: z.array(household.extend({ members: z.array(electorSummary) })) }),
  ),
  'register.getWalkSheet': query(
    ['coordinator', 'canvasser'],
    'Households of an area (or one polling district) in street and house-number order with their electors (optionally only those who voted in n of the last m elections); with page, one screen page of them in the order a canvasser walks, and where it sits in the whole (paging)',
    z.strictObject({
      areaId,
      pollingDistrict: districtText,
      votedIn: votedInFilter.optional(),
      /** One page of the sheet in walk order (without it: every household, as the PDF needs). */
      page: z.number({ error: 'page is a whole number from 1' }).int().min(1).optional(),
      /** Elector rows a page holds at most (with page). */
      pageRows: z.number({ error: 'pageRows is a whole number from 10 to 1000' }).int().min(10).max(1000).default(200),
      /** With page: also every elector of the sheet called (name contains it) or numbered so, with their page. */
      find: z.string().max(200).optional(),
    }),
    z.object({
      areaName: z.string(),
      pollingDistrict: z.string(),
      /** With page in the input only. */
      paging: z
        .object({
          page: z.number(),
          pages: z.number(),
          pageRows: z.number(),
          households: z.number(),
          electors: z.number(),
          parts: z.array(z.object({ heading: z.string(), continued: z.boolean(), section: z.number(), households: z.number() })),
          streets: z.array(z.object({ section: z.number(), heading: z.string(), page: z.number() })),
          found: z.array(z.object({ electorId: z.number(), page: z.number() })).optional(),
        })
        .optional(),
      households: z.array(
        household.extend({
          electors: z.array(
            z.object({
              id,
              electorNumber: z.string(),
              fullName: z.string(),
              markers: z.string(),
              latestOutcome: z.string().nullable(),
              latestSupport: z.string().nullable(),
            }),
          ),
        }),
      ),
    }),
  ),
  'register.getPersonExport': query(
    ['admin'],
    'Everything Hustings holds about one elector (subject access), as one JSON document',
    idInput,
    z.object({
      exportedAt: z.string(),
      elector,
      household: household.nullable(),
      returns: z.array(canvassReturn),
      followUpsDone: z.array(followUpDone),
      audit: z.array(z.unknown()),
      /** Their postal or proxy vote and whether they voted in each election on record. */
      voting: z.object({
        absentVote: z.string().nullable(),
        history: z.array(
          z.object({ electionId: id, label: z.string(), electionName: z.string(), pollingDay: z.string(), voted: z.boolean(), method: z.string().nullable() }),
        ),
      }),
    }),
  ),
  'register.erasePerson': mutation(
    ['admin'],
    'Erase one elector: their register entry, canvass returns, absent vote and voting history, and the copies in the audit trail (needs confirm: true)',
    z.strictObject({ id, confirm: confirmFlag }),
    z.object({ erased: z.boolean(), returns: z.number(), auditRows: z.number() }),
  ),
};
