import { z } from 'zod';
import { confirmFlag, expectedUpdatedAt, id, idInput, optionalText, requiredText } from './common.ts';
import { EVERY_MEMBER, mutation, query } from './define.ts';
import { deleteImpact, nation } from './elections.ts';
import type { ImportDecision } from '../domain/area-import.ts';

export const AREA_KINDS = ['constituency', 'ward', 'division', 'parish', 'region', 'authority'] as const;
const areaKind = z.enum(AREA_KINDS, { error: 'Choose constituency, ward, division, parish, region or authority' });
const CLASSIFICATIONS = ['county', 'borough'] as const;
const classification = z.enum(CLASSIFICATIONS, { error: 'Choose county or borough (burgh)' }).nullable();

const gssCode = z
  .string({ error: 'GSS code must be text' })
  .trim()
  .toUpperCase()
  .refine((v) => v === '' || /^[EWSNK]\d{8}$/.test(v), 'A GSS code is a letter and eight digits, e.g. E14001063')
  .default('');

const electorate = z
  .number({ error: 'Electorate must be a number' })
  .int('Electorate must be a whole number')
  .min(0, 'Electorate cannot be negative')
  .max(10_000_000, 'Electorate is larger than any UK area')
  .nullable();

const areaFields = {
  name: requiredText('Name'),
  kind: areaKind,
  gssCode,
  electorate,
  classification,
  nation,
  region: optionalText('Region', 100),
  notes: optionalText('Notes'),
};

export const areaInput = z.strictObject(areaFields);
const area = z.object({
  id,
  name: z.string(),
  kind: areaKind,
  gssCode: z.string(),
  electorate: z.number().nullable(),
  classification,
  nation,
  region: z.string(),
  notes: z.string(),
  contestCount: z.number(),
  updatedAt: z.string(),
});
export type Area = z.infer<typeof area>;

const csvText = z.string({ error: 'The CSV file must be text' }).min(1, 'The file is empty').max(20_000_000, 'The file is over 20 MB');
const columnName = z.string().max(200);
const areaMapping = z.strictObject({
  name: columnName,
  gssCode: columnName.default(''),
  electorate: columnName.default(''),
  classification: columnName.default(''),
  nation: columnName.default(''),
  region: columnName.default(''),
});
export type AreaMapping = z.infer<typeof areaMapping>;

const importDecision = z.enum(['import', 'skip', 'import-without-code'] satisfies readonly ImportDecision[], {
  error: 'Choose import, skip or import without its code',
});

const importOptions = {
  csv: csvText,
  kind: areaKind,
  defaultNation: nation,
};

const importProblem = z.object({
  line: z.number(),
  kind: z.enum(['duplicate-row', 'duplicate-code', 'invalid', 'already-present']),
  message: z.string(),
  relatedLines: z.array(z.number()),
  choices: z.array(importDecision),
});
export type ImportProblem = z.infer<typeof importProblem>;

const importPreview = z.object({
  headers: z.array(z.string()),
  mapping: areaMapping,
  rowCount: z.number(),
  readyCount: z.number(),
  problems: z.array(importProblem),
  sample: z.array(z.object({ line: z.number(), name: z.string(), gssCode: z.string(), electorate: z.number().nullable() })),
});
export type ImportPreview = z.infer<typeof importPreview>;

export const areasContract = {
  'areas.list': query(EVERY_MEMBER, 'All areas by name', z.strictObject({ search: z.string().max(200).optional() }), z.array(area)),
  // The area's name heads a canvasser's register and walk sheet pages.
  'areas.get': query(['member', 'coordinator', 'treasurer', 'canvasser'], 'One area', idInput, area),
  'areas.create': mutation(['coordinator'], 'Create an area', areaInput, area),
  'areas.update': mutation(['coordinator'], 'Change an area', z.strictObject({ id, ...areaFields, expectedUpdatedAt }), area),
  'areas.deleteImpact': query(['coordinator'], 'What deleting an area would also delete', idInput, deleteImpact),
  'areas.delete': mutation(
    ['coordinator'],
    'Delete an area; with contests it needs confirm: true and deletes them too',
    z.strictObject({ id, confirm: confirmFlag }),
    z.object({ deletedContests: z.number() }),
  ),
  'areas.importPreview': query(
    ['coordinator'],
    'Read an areas CSV: its columns, the suggested mapping and every problem row with its line number',
    z.strictObject({ ...importOptions, mapping: areaMapping.optional() }),
    importPreview,
  ),
  'areas.import': mutation(
    ['coordinator'],
    'Import an areas CSV; every problem row needs a decision (by line number)',
    z.strictObject({
      ...importOptions,
      mapping: areaMapping,
      decisions: z.record(z.string().regex(/^\d+$/, 'Decisions are keyed by line number'), importDecision).default({}),
    }),
    z.object({ imported: z.number(), skipped: z.number() }),
  ),
};
