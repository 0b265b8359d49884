import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { definitelyInvalid, type JsonSchema } from '../support/json-schema-judge.ts';
import { exampleFor, isMalformed, malformedPayloads } from '../support/malformed-payloads.ts';

// Schemas shaped like the contract's: strict objects, dates, enums, ids, nullable and optional
// fields, nested arrays, a discriminated union, a method without input.
const samples: Record<string, z.ZodType> = {
  'elections.create': z.strictObject({
    name: z.string().trim().min(1).max(200),
    type: z.enum(['parl.general', 'parl.by', 'local.principal']),
    pollingDay: z.iso.date(),
    nation: z.enum(['england', 'scotland', 'wales', 'northern-ireland']),
    democracyClubId: z
      .string()
      .regex(/^[a-z]+(\.[a-z0-9-]+)*\.\d{4}-\d{2}-\d{2}$/)
      .nullable()
      .optional(),
  }),
  'areas.import': z.strictObject({
    rows: z
      .array(
        z.strictObject({
          name: z.string().min(1).max(120),
          gss: z
            .string()
            .regex(/^[ENSWK]\d{8}$/)
            .nullable(),
          electorate: z.int().min(0).max(10_000_000),
        }),
      )
      .min(1)
      .max(5000),
    onDuplicate: z.enum(['skip', 'replace']).default('skip'),
  }),
  'contests.update': z.strictObject({
    id: z.int().positive(),
    status: z.enum(['considering', 'contesting', 'not-contesting']),
    reason: z.string().max(500).optional(),
    depositPence: z.int().nonnegative().multipleOf(100).optional(),
    decidedAt: z.iso.datetime().optional(),
  }),
  'elections.list': z.strictObject({ nation: z.enum(['england', 'wales']).optional(), limit: z.int().min(1).max(500).optional() }),
  'audit.list': z.object({ entity: z.string().optional(), from: z.iso.date().optional() }),
  'tasks.move': z.strictObject({
    change: z.discriminatedUnion('kind', [
      z.strictObject({ kind: z.literal('date'), due: z.iso.date() }),
      z.strictObject({ kind: z.literal('owner'), ownerId: z.int().positive().nullable() }),
    ]),
  }),
  'app.info': z.strictObject({}),
};

function jsonSchemaOf(schema: z.ZodType): JsonSchema {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
}

function rejectedByZod(schema: z.ZodType, body: string): boolean {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return true;
  }
  return !schema.safeParse(parsed).success;
}

describe('malformed payloads generated from a JSON schema', () => {
  for (const [method, schema] of Object.entries(samples)) {
    it(`${method}: every payload is one zod rejects, and there are plenty`, () => {
      const payloads = malformedPayloads(jsonSchemaOf(schema), { seed: 7, max: 300, hugeLength: 2000 });
      const accepted = payloads.filter((p) => !rejectedByZod(schema, p.body)).map((p) => p.label);
      expect(accepted).toEqual([]);
      expect(payloads.length).toBeGreaterThanOrEqual(method === 'app.info' ? 30 : 150);
      expect(payloads.length).toBeLessThanOrEqual(300);
      expect(new Set(payloads.map((p) => p.body)).size).toBe(payloads.length);
    });
  }

  it('covers each kind of malformation', () => {
    const labels = malformedPayloads(jsonSchemaOf(samples['elections.create']), { seed: 1, max: 5000, hugeLength: 2000, randomCombinations: 20 }).map(
      (p) => p.label,
    );
    const expectations = [
      /^body: empty body$/,
      /^body: NaN literal$/,
      /^body: truncated JSON$/,
      /^body: deeply nested arrays$/,
      /^body: huge body$/,
      /^body: string$/,
      /^\(input\): missing name$/,
      /^body: empty object$/,
      /^\(input\): extra field "unexpected"$/,
      /^\(input\): extra field "__proto__"$/,
      /^name: wrong type integer$/,
      /^name: one over maxLength 200$/,
      /^name: huge string/,
      /^name: NaN literal$/,
      /^pollingDay: bad date "2026-02-30"$/,
      /^pollingDay: bad date "2025-02-29"$/,
      /^pollingDay: odd string "\\u0000"$/,
      /^type: not one of the options$/,
      /^democracyClubId: odd string/,
      /^random: /,
    ];
    for (const re of expectations)
      expect(
        labels.some((l) => re.test(l)),
        String(re),
      ).toBe(true);
  });

  it('reaches numbers and nested arrays', () => {
    const labels = malformedPayloads(jsonSchemaOf(samples['areas.import']), { seed: 1, max: 5000, hugeLength: 2000, randomCombinations: 20 }).map(
      (p) => p.label,
    );
    for (const re of [
      /^rows: too few items$/,
      /^rows\[0\]\.electorate: (negative|below minimum) -1$/,
      /^rows\[0\]\.electorate: fraction 0\.5$/,
      /^rows\[0\]\.electorate: above maximum/,
      /^rows\[0\]\.gss: odd string/,
      /^rows\[0\]: missing name$/,
    ]) {
      expect(
        labels.some((l) => re.test(l)),
        String(re),
      ).toBe(true);
    }
    const contest = malformedPayloads(jsonSchemaOf(samples['contests.update']), { seed: 1, max: 5000, hugeLength: 2000, randomCombinations: 20 }).map(
      (p) => p.label,
    );
    for (const re of [
      /^id: zero 0$/,
      /^id: enormous 1e\+308$/,
      /^id: 1e400 literal$/,
      /^depositPence: fraction/,
      /^decidedAt: bad date "2026-05-07T25:00:00Z"$/,
    ]) {
      expect(
        contest.some((l) => re.test(l)),
        String(re),
      ).toBe(true);
    }
  });

  it('mutates inside each branch of a union', () => {
    const labels = malformedPayloads(jsonSchemaOf(samples['tasks.move']), { seed: 1, max: 5000, hugeLength: 100, randomCombinations: 20 }).map((p) => p.label);
    for (const re of [/^change\.due: bad date "2026-02-30"$/, /^change\.ownerId: zero 0$/, /^change: missing ownerId$/, /^change: extra field "unexpected"$/]) {
      expect(
        labels.some((l) => re.test(l)),
        String(re),
      ).toBe(true);
    }
  });

  it('plants __proto__ as a real key, not a prototype', () => {
    const payload = malformedPayloads(jsonSchemaOf(samples['elections.create']), { max: 5000, hugeLength: 100, randomCombinations: 20 }).find(
      (p) => p.label === '(input): extra field "__proto__"',
    );
    expect(payload?.body).toMatch(/"__proto__":1/);
  });

  it('is deterministic for a seed and varies between seeds', () => {
    const schema = jsonSchemaOf(samples['contests.update']);
    const a = malformedPayloads(schema, { seed: 3, hugeLength: 100 });
    expect(malformedPayloads(schema, { seed: 3, hugeLength: 100 })).toEqual(a);
    expect(malformedPayloads(schema, { seed: 4, hugeLength: 100 })).not.toEqual(a);
  });

  it('does not produce payloads for a non-strict object by adding unknown fields', () => {
    const payloads = malformedPayloads(jsonSchemaOf(samples['audit.list']), { max: 5000, hugeLength: 100, randomCombinations: 20 });
    expect(payloads.some((p) => p.label.includes('extra field'))).toBe(false);
    expect(payloads.every((p) => rejectedByZod(samples['audit.list'], p.body))).toBe(true);
  });
});

describe('the conservative schema judge', () => {
  it('passes valid examples and known-valid values', () => {
    for (const [method, schema] of Object.entries(samples)) {
      const json = jsonSchemaOf(schema);
      const example = exampleFor(json, json);
      // The example is only best effort, but where zod accepts it the judge must not object.
      if (schema.safeParse(example).success) expect(definitelyInvalid(json, example), method).toBe(false);
    }
    const json = jsonSchemaOf(samples['contests.update']);
    expect(definitelyInvalid(json, { id: 3, status: 'contesting', depositPence: 50_000, decidedAt: '2026-05-07T12:00:00Z' })).toBe(false);
  });

  it('finds the violations it understands', () => {
    const json = jsonSchemaOf(samples['contests.update']);
    expect(definitelyInvalid(json, { id: 3 })).toBe(true);
    expect(definitelyInvalid(json, { id: 3, status: 'won' })).toBe(true);
    expect(definitelyInvalid(json, { id: 0, status: 'contesting' })).toBe(true);
    expect(definitelyInvalid(json, { id: 3, status: 'contesting', depositPence: 50 })).toBe(true);
    expect(definitelyInvalid(json, { id: 3, status: 'contesting', extra: 1 })).toBe(true);
    expect(definitelyInvalid({ type: 'string', format: 'date' }, '2026-02-30')).toBe(true);
    expect(definitelyInvalid({ type: 'string', format: 'date' }, '2028-02-29')).toBe(false);
  });

  it('judges nothing it does not understand', () => {
    expect(definitelyInvalid({ not: { type: 'string' } }, 'text')).toBe(false);
    expect(definitelyInvalid({ $ref: 'https://example.org/s.json' }, 5)).toBe(false);
    expect(definitelyInvalid({ type: 'object', patternProperties: { '^x': { type: 'string' } }, additionalProperties: false }, { y: 1 })).toBe(false);
  });

  it('follows local references', () => {
    const schema = { $defs: { id: { type: 'integer', minimum: 1 } }, type: 'object', properties: { id: { $ref: '#/$defs/id' } } };
    expect(definitelyInvalid(schema, { id: 0 })).toBe(true);
    expect(definitelyInvalid(schema, { id: 2 })).toBe(false);
  });

  it('treats text that is not JSON as malformed', () => {
    expect(isMalformed({}, '{"a": NaN}')).toBe(true);
    expect(isMalformed({}, '{"a": 1}')).toBe(false);
  });
});
