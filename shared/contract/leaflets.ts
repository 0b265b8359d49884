import { z } from 'zod';
import { LEAFLET_SIZES, LEAFLET_STATUSES } from '../domain/leaflets.ts';
import { confirmFlag, erasureResult, expectedUpdatedAt, id, idInput, isoDate, mention, optionalText, requiredText } from './common.ts';
import { EVERY_MEMBER, mutation, query } from './define.ts';

const count = (label: string) =>
  z
    .number({ error: `${label} must be a number` })
    .int(`${label} must be a whole number`)
    .min(0, `${label} cannot be negative`)
    .max(1_000_000, `${label} is more than any round or print run holds`);

const positiveCount = (label: string) => count(label).min(1, `${label} must be at least 1`);

// ---------------------------------------------------------------- volunteers

const roleLabel = z.string({ error: 'A role must be text' }).trim().min(1, 'A role cannot be blank').max(40, 'A role is at most 40 characters');

const volunteerFields = {
  name: requiredText('Name'),
  email: z
    .string({ error: 'Email must be text' })
    .trim()
    .max(200)
    .refine((v) => v === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), 'Write an email address like name@example.org')
    .default(''),
  phone: optionalText('Phone', 40),
  address: optionalText('Address', 500),
  roles: z.array(roleLabel).max(20, 'At most 20 roles').default([]),
  availability: optionalText('Availability', 1000),
  consentToContact: z.boolean({ error: 'Say whether they agreed to be contacted' }),
  consentRecordedOn: isoDate.nullable().default(null),
  notes: optionalText('Notes'),
};

const volunteer = z.object({
  id,
  name: z.string(),
  email: z.string(),
  phone: z.string(),
  address: z.string(),
  roles: z.array(z.string()),
  availability: z.string(),
  consentToContact: z.boolean(),
  consentRecordedOn: z.string().nullable(),
  notes: z.string(),
  /** Work done: drops logged and copies delivered; rounds assigned. */
  drops: z.number(),
  delivered: z.number(),
  assignments: z.number(),
  updatedAt: z.string(),
});
export type Volunteer = z.infer<typeof volunteer>;

export const volunteerInput = z.strictObject(volunteerFields);

/**
 * A member's offer of themselves (issue 13): what they can do and when, and how to reach them.
 * Their name is their account's; the coordinator's notes and their address are not theirs to set.
 */
export const offerInput = z.strictObject({
  email: volunteerFields.email,
  phone: volunteerFields.phone,
  roles: volunteerFields.roles.refine((roles) => roles.some((r) => r.trim() !== ''), 'Tick at least one thing you can do'),
  availability: volunteerFields.availability,
  consentToContact: volunteerFields.consentToContact,
});
const offer = volunteer.pick({ id: true, name: true, email: true, phone: true, roles: true, availability: true, consentToContact: true, updatedAt: true });
export type VolunteerOffer = z.infer<typeof offer>;

// ---------------------------------------------------------------- leaflets

const leafletSize = z.enum(LEAFLET_SIZES, { error: `Choose a size: ${LEAFLET_SIZES.join(', ')}` });
const leafletStatus = z.enum(LEAFLET_STATUSES, { error: 'Choose draft, ready or retired' });

const imprintFields = {
  printerName: optionalText("Printer's name", 200),
  printerAddress: optionalText("Printer's address", 500),
  promoterName: optionalText("Promoter's name", 200),
  promoterAddress: optionalText("Promoter's address", 500),
  onBehalfOfPromoter: z.boolean({ error: 'Say whether it is published on the promoter’s own behalf' }).default(false),
  onBehalfOfName: optionalText('Published on behalf of', 200),
  onBehalfOfAddress: optionalText('Address of who it is published for', 500),
};

const leafletFields = {
  title: requiredText('Title'),
  version: optionalText('Version', 40),
  size: leafletSize,
  contestIds: z.array(id).max(100).default([]),
  notes: optionalText('Notes'),
  ...imprintFields,
};

export const leafletInput = z.strictObject(leafletFields);

const stock = z.object({ printed: z.number(), delivered: z.number(), onHand: z.number() });

const leaflet = z.object({
  id,
  title: z.string(),
  version: z.string(),
  size: leafletSize,
  status: leafletStatus,
  contests: z.array(z.object({ id, name: z.string() })),
  notes: z.string(),
  printerName: z.string(),
  printerAddress: z.string(),
  promoterName: z.string(),
  promoterAddress: z.string(),
  onBehalfOfPromoter: z.boolean(),
  onBehalfOfName: z.string(),
  onBehalfOfAddress: z.string(),
  /** The imprint as printed, and what it still lacks (empty when complete). */
  imprintText: z.string(),
  imprintGaps: z.array(z.object({ field: z.string(), message: z.string() })),
  imprintWarnings: z.array(z.object({ field: z.string(), message: z.string() })),
  artwork: z.object({ name: z.string(), type: z.string(), bytes: z.number() }).nullable(),
  stock,
  drops: z.number(),
  updatedAt: z.string(),
});
export type Leaflet = z.infer<typeof leaflet>;

/** Base64 makes it a third bigger; browser mode takes requests up to 25 MB. */
export const ARTWORK_MAX_BYTES = 18 * 1024 * 1024;

// ---------------------------------------------------------------- print runs

const printRunFields = {
  leafletId: id,
  contestId: id.nullable().default(null),
  printedOn: isoDate,
  quantity: positiveCount('Quantity'),
  printer: optionalText('Printer', 200),
  costPence: z
    .number({ error: 'Cost must be an amount of money, e.g. 89.50' })
    .int('Cost must be in pounds and pence, e.g. 89.50')
    .min(0, 'Cost cannot be negative')
    .max(100_000_000, 'Cost is over £1,000,000: check the amount'),
  notes: optionalText('Notes'),
};

export const printRunInput = z.strictObject(printRunFields);

const printRun = z.object({
  id,
  leafletId: id,
  leafletTitle: z.string(),
  contestId: id.nullable(),
  contestName: z.string().nullable(),
  printedOn: z.string(),
  quantity: z.number(),
  printer: z.string(),
  costPence: z.number(),
  notes: z.string(),
});
export type PrintRun = z.infer<typeof printRun>;

// ---------------------------------------------------------------- rounds

const streetInput = z.strictObject({
  name: requiredText('Street'),
  households: count('Households'),
  householdsSource: z.enum(['entered', 'register']).default('entered'),
  notes: optionalText('Street notes', 200),
});

const roundFields = {
  name: requiredText('Round name'),
  areaId: id.nullable().default(null),
  pollingDistrict: z
    .string({ error: 'Polling district must be text' })
    .trim()
    .toUpperCase()
    .max(20, 'A polling district code is a few letters, e.g. AB')
    .default(''),
  streets: z.array(streetInput).min(1, 'A round needs at least one street: add the streets in the order they are walked').max(500),
  estimatedMinutes: z
    .number({ error: 'Estimated time must be minutes' })
    .int('Estimated time must be whole minutes')
    .min(1, 'Estimated time must be at least a minute')
    .max(24 * 60, 'Estimated time is over a day: split the round')
    .nullable()
    .default(null),
  notes: optionalText('Notes'),
};

export const roundInput = z.strictObject(roundFields);

const assignment = z.object({
  id,
  roundId: id,
  volunteerId: id,
  volunteerName: z.string(),
  leafletId: id.nullable(),
  leafletTitle: z.string().nullable(),
  plannedOn: z.string().nullable(),
  plannedMinutes: z.number().nullable(),
  notes: z.string(),
});
export type Assignment = z.infer<typeof assignment>;

const round = z.object({
  id,
  name: z.string(),
  areaId: id.nullable(),
  areaName: z.string().nullable(),
  pollingDistrict: z.string(),
  streets: z.array(z.object({ name: z.string(), households: z.number(), householdsSource: z.string(), notes: z.string() })),
  households: z.number(),
  /** The user's estimate when given, else the worked-out one. */
  estimatedMinutes: z.number(),
  estimateIsOwn: z.boolean(),
  notes: z.string(),
  assignments: z.array(assignment),
  drops: z.number(),
  updatedAt: z.string(),
});
export type Round = z.infer<typeof round>;

const assignmentFields = {
  roundId: id,
  volunteerId: id,
  leafletId: id.nullable().default(null),
  plannedOn: isoDate.nullable().default(null),
  plannedMinutes: z
    .number({ error: 'Planned time must be minutes' })
    .int('Planned time must be whole minutes')
    .min(1, 'Planned time must be at least a minute')
    .max(24 * 60, 'Planned time is over a day')
    .nullable()
    .default(null),
  notes: optionalText('Notes', 500),
};

export const assignmentInput = z.strictObject(assignmentFields);

// ---------------------------------------------------------------- drops

const dropFields = {
  leafletId: id,
  roundId: id,
  volunteerId: id.nullable().default(null),
  droppedOn: isoDate,
  delivered: z.number({ error: 'Copies delivered must be a number' }).int('Copies delivered must be a whole number'),
  complete: z.boolean({ error: 'Say whether the round was delivered in full' }),
  leftNote: optionalText('What is left', 500),
  notes: optionalText('Notes', 500),
  confirm: confirmFlag,
};

export const dropInput = z.strictObject(dropFields);

const drop = z.object({
  id,
  leafletId: id,
  leafletTitle: z.string(),
  roundId: id,
  roundName: z.string(),
  volunteerId: id.nullable(),
  volunteerName: z.string().nullable(),
  droppedOn: z.string(),
  delivered: z.number(),
  complete: z.boolean(),
  leftNote: z.string(),
  notes: z.string(),
});
export type Drop = z.infer<typeof drop>;

// ---------------------------------------------------------------- coverage

const roundCoverage = z.object({
  roundId: id,
  name: z.string(),
  pollingDistrict: z.string().nullable(),
  households: z.number(),
  delivered: z.number(),
  reached: z.number(),
  left: z.number(),
  over: z.number(),
  status: z.enum(['not-started', 'partial', 'complete']),
});

const districtCoverage = z.object({
  district: z.string().nullable(),
  households: z.number(),
  roundHouseholds: z.number(),
  reached: z.number(),
  percent: z.number().nullable(),
  rounds: z.number(),
  roundsComplete: z.number(),
});

const coverageReport = z.object({
  leafletId: id,
  contestId: id.nullable(),
  pollingDay: z.string().nullable(),
  stock,
  rounds: z.array(roundCoverage),
  districts: z.array(districtCoverage),
  total: districtCoverage.omit({ district: true }),
  notCovered: z.array(roundCoverage),
  plan: z.object({
    fits: z.boolean(),
    neededMinutes: z.number(),
    plannedMinutes: z.number(),
    shortfallMinutes: z.number(),
    summary: z.string(),
    rounds: z.array(
      z.object({
        roundId: id,
        name: z.string(),
        neededMinutes: z.number(),
        plannedMinutes: z.number(),
        status: z.string(),
        message: z.string(),
      }),
    ),
  }),
});
export type CoverageReport = z.infer<typeof coverageReport>;

const deleteImpact = z.object({ drops: z.number(), printRuns: z.number(), assignments: z.number(), message: z.string() });

export const leafletsContract = {
  'volunteers.list': query(
    ['coordinator'],
    'Volunteers by name, optionally with one role',
    z.strictObject({ role: z.string().max(40).optional() }),
    z.array(volunteer),
  ),
  'volunteers.get': query(['coordinator'], 'One volunteer with the work they have done', idInput, volunteer),
  'volunteers.create': mutation(['coordinator'], 'Add a volunteer', volunteerInput, volunteer),
  // A member offers themselves from their account and sees only that offer, no one else's.
  'volunteers.getMyOffer': query(EVERY_MEMBER, 'Their own offer to volunteer, or null when they have made none', z.strictObject({}), offer.nullable()),
  'volunteers.offerMyself': mutation(
    EVERY_MEMBER,
    'Offer themselves as a volunteer, or change their offer: what they can do and when (on a team server, from their own account)',
    offerInput,
    offer,
  ),
  'volunteers.update': mutation(['coordinator'], 'Change a volunteer', z.strictObject({ id, ...volunteerFields, expectedUpdatedAt }), volunteer),
  'volunteers.deleteImpact': query(['coordinator'], 'What deleting a volunteer would touch', idInput, deleteImpact),
  'volunteers.delete': mutation(
    ['coordinator'],
    'Delete a volunteer (their personal data); their drops stay, unattributed. With drops or assignments it needs confirm: true',
    z.strictObject({ id, confirm: confirmFlag }),
    z.object({ deleted: z.boolean() }),
  ),
  'volunteers.getPersonExport': query(
    ['admin'],
    'Everything Hustings holds about one volunteer (subject access), as one JSON document',
    idInput,
    z.object({
      exportedAt: z.string(),
      volunteer,
      assignments: z.array(assignment),
      drops: z.array(drop),
      mentions: z.array(mention),
      audit: z.array(z.unknown()),
    }),
  ),
  'volunteers.erasePerson': mutation(
    ['admin'],
    'Erase one volunteer: their details and assignments, their name on drops and wherever else it is written, and the copies in the audit trail, leaving a record that an erasure happened (needs confirm: true)',
    z.strictObject({ id, confirm: confirmFlag }),
    erasureResult,
  ),

  'leaflets.list': query(EVERY_MEMBER, 'Leaflets with stock and imprint status', z.strictObject({ contestId: id.optional() }), z.array(leaflet)),
  'leaflets.get': query(EVERY_MEMBER, 'One leaflet', idInput, leaflet),
  'leaflets.create': mutation(['coordinator'], 'Add a leaflet (as a draft)', leafletInput, leaflet),
  'leaflets.update': mutation(
    ['coordinator'],
    'Change a leaflet; a ready leaflet whose imprint becomes incomplete goes back to draft',
    z.strictObject({ id, ...leafletFields, expectedUpdatedAt }),
    leaflet,
  ),
  'leaflets.setStatus': mutation(
    ['coordinator'],
    'Mark a leaflet draft, ready (needs a complete imprint) or retired',
    z.strictObject({ id, status: leafletStatus, expectedUpdatedAt }),
    leaflet,
  ),
  'leaflets.deleteImpact': query(['coordinator'], 'What deleting a leaflet would also delete', idInput, deleteImpact),
  'leaflets.delete': mutation(
    ['coordinator'],
    'Delete a leaflet with its print runs and drops; with any it needs confirm: true',
    z.strictObject({ id, confirm: confirmFlag }),
    z.object({ deletedDrops: z.number(), deletedPrintRuns: z.number() }),
  ),
  'leaflets.attachArtwork': mutation(
    ['coordinator'],
    'Attach the artwork file (copied into the data folder), replacing any earlier one',
    z.strictObject({
      id,
      fileName: requiredText('File name', 255),
      type: z.string().max(200).default('application/octet-stream'),
      dataBase64: z
        .string({ error: 'The file content is missing' })
        .min(1, 'The file is empty')
        .max(Math.ceil((ARTWORK_MAX_BYTES * 4) / 3) + 4, 'The file is over 18 MB'),
    }),
    leaflet,
  ),
  'leaflets.removeArtwork': mutation(['coordinator'], 'Detach the artwork and delete its copy', idInput, leaflet),
  'leaflets.artwork': query(
    EVERY_MEMBER,
    'The artwork file: its name, type and content (base64) for download',
    idInput,
    z.object({ name: z.string(), type: z.string(), dataBase64: z.string() }),
  ),
  'leaflets.openArtwork': mutation(
    EVERY_MEMBER,
    'Open the artwork with the system viewer (desktop app only)',
    idInput,
    z.object({ opened: z.boolean(), path: z.string() }),
  ),
  'leaflets.coverage': query(
    EVERY_MEMBER,
    'Households reached by a leaflet by polling district, rounds not yet covered, and whether they fit planned time before polling day',
    z.strictObject({ leafletId: id, contestId: id.nullable().default(null), today: isoDate.optional() }),
    coverageReport,
  ),

  'printRuns.list': query(EVERY_MEMBER, 'Print runs, newest first', z.strictObject({ leafletId: id.optional(), contestId: id.optional() }), z.array(printRun)),
  'printRuns.create': mutation(['coordinator'], 'Log a print run: copies in', printRunInput, printRun),
  'printRuns.update': mutation(['coordinator'], 'Change a print run', z.strictObject({ id, ...printRunFields }), printRun),
  'printRuns.delete': mutation(['coordinator'], 'Delete a print run', idInput, z.object({ deleted: z.boolean() })),

  // Rounds and drops name the volunteers doing them: every member sees who delivers where, as the
  // branch organises its deliveries together. Contact details stay in volunteers.*.
  'rounds.list': query(
    EVERY_MEMBER,
    'Delivery rounds by name',
    z.strictObject({ areaId: id.optional(), pollingDistrict: z.string().max(10).optional() }),
    z.array(round),
  ),
  'rounds.get': query(EVERY_MEMBER, 'One round with its streets in walking order', idInput, round),
  'rounds.create': mutation(['coordinator'], 'Add a delivery round', roundInput, round),
  'rounds.update': mutation(['coordinator'], 'Change a round', z.strictObject({ id, ...roundFields, expectedUpdatedAt }), round),
  'rounds.deleteImpact': query(['coordinator'], 'What deleting a round would also delete', idInput, deleteImpact),
  'rounds.delete': mutation(
    ['coordinator'],
    'Delete a round with its drops and assignments; with drops it needs confirm: true',
    z.strictObject({ id, confirm: confirmFlag }),
    z.object({ deletedDrops: z.number() }),
  ),
  'rounds.registerStreets': query(
    ['coordinator'],
    'Households per street from the loaded register of an area (optionally one polling district), in walk order',
    z.strictObject({ areaId: id, pollingDistrict: z.string().max(20).optional() }),
    z.array(z.object({ street: z.string(), pollingDistrict: z.string(), households: z.number() })),
  ),
  'rounds.assign': mutation(['coordinator'], 'Assign a round to a volunteer with a planned date', assignmentInput, assignment),
  'rounds.unassign': mutation(['coordinator'], 'Remove an assignment', idInput, z.object({ deleted: z.boolean() })),

  'drops.list': query(
    EVERY_MEMBER,
    'Drops, newest first',
    z.strictObject({ leafletId: id.optional(), roundId: id.optional(), volunteerId: id.optional() }),
    z.array(drop),
  ),
  'drops.create': mutation(
    ['coordinator'],
    'Log a drop: a round delivered with a leaflet; more copies than the round has households needs confirm: true',
    dropInput,
    drop,
  ),
  'drops.delete': mutation(['coordinator'], 'Delete a drop', idInput, z.object({ deleted: z.boolean() })),
};
