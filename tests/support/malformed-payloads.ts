/**
 * Malformed request bodies for a method, generated from its input JSON Schema (as served by
 * `GET /api/methods`). Every body returned is either not JSON at all or JSON that certainly
 * fails the schema (checked by the conservative judge), so a server that validates its input
 * must answer each one with a 4xx and write nothing.
 *
 * The kinds: bodies that are not JSON (NaN, Infinity, truncated, trailing commas, deep nesting,
 * a huge body); the wrong top-level type; each required field missing, all missing; unknown
 * fields (including `__proto__` and `constructor`) where the schema forbids them; for every
 * field, each wrong type, odd and huge strings, impossible dates, negative, fractional and
 * enormous numbers, values outside enums; and seeded random combinations of the above with odd
 * strings planted in the other fields.
 */
import { allowedTypes, definitelyInvalid, resolveRef, type JsonSchema } from './json-schema-judge.ts';

export interface MalformedPayload {
  /** What was done, e.g. `name: wrong type number` or `body: NaN literal`. */
  label: string;
  /** The raw HTTP body (may be invalid JSON on purpose). */
  body: string;
}

export interface GenerateOptions {
  /** Seed for the random combinations (same seed, same payloads). */
  seed?: number;
  /** Upper bound on the number of payloads. */
  max?: number;
  /** Size of the huge strings and the huge body, in characters. */
  hugeLength?: number;
  /** How many random combinations to add before selection (default: max). */
  randomCombinations?: number;
}

type Path = (string | number)[];
type SchemaObject = { [keyword: string]: unknown };

/** Small seeded PRNG (mulberry32). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Strings that break naive code: control and zero-width characters, lone surrogates, markup, SQL, paths. */
export const ODD_STRINGS: readonly string[] = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\t\r\n',
  '\uD800',
  '\uDFFF',
  '\u202Eevil\u202C',
  '\u200B\u200D\uFEFF',
  '🗳️👩🏽‍💼',
  'Ỳ̸̡̛̖̣̗̭̋̎̈́ͅ',
  "Robert'); DROP TABLE elections;--",
  "' OR 1=1 --",
  '<script>alert(1)</script>',
  '${7*7}{{7*7}}',
  '%s%s%n',
  '../../../../etc/passwd',
  'C:\\Windows\\System32',
  'null',
  'undefined',
  'NaN',
  '-1',
  '1e309',
  'true',
  '[]',
  '{}',
  '__proto__',
];

/** Strings that look like dates or instants but are not valid ones. */
export const BAD_DATES: readonly string[] = [
  '2026-02-30',
  '2025-02-29',
  '2026-13-01',
  '2026-00-10',
  '2026-04-31',
  '0000-00-00',
  '2026-5-7',
  '07/05/2026',
  '7 May 2026',
  '2026-05-07 ',
  '+2026-05-07',
  '20260507',
  '2026-05-07T25:00:00Z',
  '2026-05-07T12:60:00Z',
  '2026-05-07T12:00:00+25:00',
  '9999999-01-01',
  '1970-01-01T00:00:00',
];

/** Wrong-type stand-ins, one per JSON type. */
const TYPE_SAMPLES: readonly [string, unknown][] = [
  ['null', null],
  ['boolean', true],
  ['integer', 0],
  ['number', 1.5],
  ['string', 'text'],
  ['array', []],
  ['object', {}],
];

const RAW_MARK = '@@RAW@@';
/** JSON has no literal for these: the body becomes invalid JSON (or, for 1e400, Infinity). */
const RAW_TOKENS: readonly string[] = ['NaN', 'Infinity', '-Infinity', 'undefined', '1e400', '-1e400', '0x10', '01'];

function clone<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

function labelOf(path: Path): string {
  return path.length === 0
    ? '(input)'
    : path
        .map((p) => (typeof p === 'number' ? `[${p}]` : p))
        .join('.')
        .replace(/\.\[/g, '[');
}

/** Sets a value at a path, defining own properties so `__proto__` becomes a plain key. */
function setAt(root: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  let node = root as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) {
    const next = node?.[key];
    if (next === null || typeof next !== 'object') return root; // parent gone: leave as is
    node = next as Record<string | number, unknown>;
  }
  if (node === null || typeof node !== 'object') return root;
  Object.defineProperty(node, path[path.length - 1], { value, enumerable: true, writable: true, configurable: true });
  return root;
}

function deleteAt(root: unknown, path: Path): unknown {
  if (path.length === 0) return undefined;
  let node = root as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) {
    if (node === null || typeof node !== 'object') return root;
    node = node[key] as Record<string | number, unknown>;
  }
  if (node === null || typeof node !== 'object') return root;
  delete node[path[path.length - 1]];
  return root;
}

/** A plausible valid value for a schema (best effort: the judge, not this, guarantees invalidity). */
export function exampleFor(schema: JsonSchema, root: JsonSchema, depth = 0): unknown {
  const s = resolveRef(schema, root);
  if (typeof s === 'boolean' || depth > 8) return null;
  if ('const' in s) return s.const;
  if (Array.isArray(s.enum) && s.enum.length > 0) return s.enum[0];
  if ('default' in s) return s.default;
  for (const key of ['anyOf', 'oneOf']) {
    if (Array.isArray(s[key])) {
      const branches = s[key] as JsonSchema[];
      const preferred = branches.find((b) => allowedTypes(b, root)?.has('null') !== true) ?? branches[0];
      return preferred === undefined ? null : exampleFor(preferred, root, depth + 1);
    }
  }
  const types = allowedTypes(s, root);
  const type = types === null ? 'object' : ['object', 'string', 'integer', 'number', 'boolean', 'array', 'null'].find((t) => types.has(t));
  switch (type) {
    case 'string':
      return exampleString(s);
    case 'integer':
    case 'number': {
      let n = 1;
      if (typeof s.minimum === 'number') n = Math.max(n, s.minimum);
      if (typeof s.exclusiveMinimum === 'number') n = Math.max(n, s.exclusiveMinimum + 1);
      if (typeof s.maximum === 'number') n = Math.min(n, s.maximum);
      return type === 'integer' ? Math.ceil(n) : n;
    }
    case 'boolean':
      return true;
    case 'array': {
      const count = typeof s.minItems === 'number' ? s.minItems : 1;
      return Array.from({ length: Math.min(count, 3) }, () => exampleFor((s.items ?? {}) as JsonSchema, root, depth + 1));
    }
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [key, sub] of Object.entries((s.properties ?? {}) as Record<string, JsonSchema>)) {
        setAt(out, [key], exampleFor(sub, root, depth + 1));
      }
      return out;
    }
    default:
      return null;
  }
}

const STRING_EXAMPLES = [
  'Example',
  '2026-05-07',
  '2026-05-07T12:00:00.000Z',
  'agent@example.org',
  '00000000-0000-4000-8000-000000000000',
  'parl.2026-05-07',
  'E14000530',
  'AB-123',
  'SW1A 1AA',
  '+441234567890',
  'https://example.org',
];

function exampleString(s: SchemaObject): string {
  const fits = (x: string) => !definitelyInvalid(s, x);
  const known = STRING_EXAMPLES.find(fits);
  if (known !== undefined) return known;
  const min = typeof s.minLength === 'number' ? s.minLength : 1;
  return 'x'.repeat(Math.max(min, 1));
}

interface Candidate {
  label: string;
  value: unknown;
  /** Raw token substituted for the RAW_MARK string, making the body invalid JSON. */
  raw?: string;
  essential?: boolean;
}

/**
 * Every node of the input schema reachable through objects, arrays and unions, with the whole
 * base payload to mutate there (for a union branch, the base holds an example of that branch).
 */
function walk(schema: JsonSchema, root: JsonSchema, path: Path, base: unknown, visit: (s: SchemaObject, path: Path, base: unknown) => void, depth = 0): void {
  const s = resolveRef(schema, root);
  if (typeof s === 'boolean' || depth > 8) return;
  visit(s, path, base);
  const union = (Array.isArray(s.anyOf) ? s.anyOf : Array.isArray(s.oneOf) ? s.oneOf : null) as JsonSchema[] | null;
  if (union !== null) {
    for (const branch of union) {
      const t = allowedTypes(branch, root);
      if (t !== null && t.size === 1 && t.has('null')) continue;
      walk(branch, root, path, setAt(clone(base), path, exampleFor(branch, root)), visit, depth + 1);
    }
    return;
  }
  for (const [key, sub] of Object.entries((s.properties ?? {}) as Record<string, JsonSchema>)) walk(sub, root, [...path, key], base, visit, depth + 1);
  if (s.items !== undefined && typeof s.items === 'object') walk(s.items as JsonSchema, root, [...path, 0], base, visit, depth + 1);
}

function nodeCandidates(s: SchemaObject, root: JsonSchema, path: Path, nodeBase: unknown, hugeLength: number): Candidate[] {
  const at = labelOf(path);
  const out: Candidate[] = [];
  const set = (label: string, value: unknown, essential = false) => out.push({ label: `${at}: ${label}`, value, essential });

  const types = allowedTypes(s, root);
  const admits = (t: string) => types === null || types.has(t) || (t === 'integer' && types.has('number'));
  let firstWrongType = true;
  for (const [name, sample] of TYPE_SAMPLES) {
    if (admits(name)) continue;
    set(`wrong type ${name}`, sample, firstWrongType);
    firstWrongType = false;
  }
  for (const token of RAW_TOKENS) out.push({ label: `${at}: ${token} literal`, value: RAW_MARK, raw: token });

  if (admits('string')) {
    const hasOptions = Array.isArray(s.enum) || 'const' in s;
    for (const odd of ODD_STRINGS) set(`odd string ${JSON.stringify(odd)}`, odd);
    if (!hasOptions || s.format === 'date' || s.format === 'date-time') {
      for (const bad of BAD_DATES) set(`bad date ${JSON.stringify(bad)}`, bad, s.format === 'date' && bad === '2026-02-30');
    }
    if (typeof s.maxLength === 'number') set(`one over maxLength ${s.maxLength}`, 'x'.repeat(s.maxLength + 1), true);
    if (typeof s.minLength === 'number' && s.minLength > 0) set(`under minLength ${s.minLength}`, 'x'.repeat(s.minLength - 1));
    set(`huge string (${hugeLength} chars)`, 'é'.repeat(hugeLength));
    const options = [...(Array.isArray(s.enum) ? s.enum : []), ...('const' in s ? [s.const] : [])].filter((v): v is string => typeof v === 'string');
    for (const option of options.slice(0, 3)) {
      set(`enum near-miss ${JSON.stringify(option.toUpperCase())}`, option.toUpperCase());
      set(`enum near-miss ${JSON.stringify(` ${option}`)}`, ` ${option}`);
    }
    if (options.length > 0) set('not one of the options', 'not-an-option', true);
  }
  if (admits('number') || admits('integer')) {
    const numbers: [string, number][] = [
      ['negative', -1],
      ['zero', 0],
      ['fraction', 0.5],
      ['enormous', 1e308],
      ['tiny', 5e-324],
      ['beyond safe integers', 2 ** 53 + 2],
      ['very negative', -(2 ** 53 + 2)],
    ];
    if (typeof s.minimum === 'number') numbers.push(['below minimum', s.minimum - 1]);
    if (typeof s.exclusiveMinimum === 'number') numbers.push(['at exclusive minimum', s.exclusiveMinimum]);
    if (typeof s.maximum === 'number') numbers.push(['above maximum', s.maximum + 1]);
    if (typeof s.exclusiveMaximum === 'number') numbers.push(['at exclusive maximum', s.exclusiveMaximum]);
    for (const [name, n] of numbers) set(`${name} ${n}`, n, name.startsWith('below') || name.startsWith('above'));
  }
  if (admits('array')) {
    if (typeof s.minItems === 'number' && s.minItems > 0) set('too few items', [], true);
    if (typeof s.maxItems === 'number')
      set(
        'too many items',
        Array.from({ length: s.maxItems + 1 }, () => exampleFor((s.items ?? {}) as JsonSchema, root)),
      );
  }
  if (admits('object')) {
    const props = (s.properties ?? {}) as Record<string, JsonSchema>;
    const here = getAt(nodeBase, path);
    const base = isPlainObject(here) ? here : (exampleFor(s, root) as Record<string, unknown>);
    const required = Array.isArray(s.required) ? (s.required as string[]) : [];
    for (const key of required) {
      const v = clone(base);
      deleteAt(v, [key]);
      set(`missing ${key}`, v, true);
    }
    if (required.length > 1) set('all required fields missing', {}, true);
    for (const key of required.slice(0, 4)) set(`${key} null`, setAt(clone(base), [key], null));
    if (s.additionalProperties === false) {
      for (const extra of ['unexpected', '__proto__', 'constructor', '', 'id '].filter((k) => !Object.hasOwn(props, k))) {
        set(`extra field ${JSON.stringify(extra)}`, setAt(clone(base), [extra], 1), true);
      }
      set('extra field with huge name', setAt(clone(base), ['k'.repeat(10_000)], 'v'), true);
      set('extra nested __proto__', setAt(clone(base), ['unexpected'], JSON.parse('{"__proto__":{"polluted":true}}')), true);
    }
  }
  return out;
}

/** Whole bodies that are not JSON, or JSON of the wrong shape. */
function bodyCandidates(schema: JsonSchema, base: unknown, hugeLength: number): MalformedPayload[] {
  const valid = JSON.stringify(base) ?? 'null';
  const bodies: [string, string][] = [
    ['empty body', ''],
    ['whitespace body', ' \n'],
    ['truncated JSON', valid.slice(0, Math.max(1, Math.floor(valid.length / 2)))],
    ['unclosed object', '{'],
    ['unclosed string', '{"'],
    ['trailing comma', valid.endsWith('}') && valid !== '{}' ? `${valid.slice(0, -1)},}` : '[1,]'],
    ['single quotes', "{'a':1}"],
    ['comment', `/* c */${valid}`],
    ['two documents', `${valid}${valid}`],
    ['NaN literal', 'NaN'],
    ['undefined literal', 'undefined'],
    ['byte order mark', `\uFEFF${valid}`],
    ['control character in string', '{"a":"\u0001"}'],
    ['deeply nested arrays', `${'['.repeat(20_000)}${']'.repeat(20_000)}`],
    ['deeply nested objects', `${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}`],
    ['huge body', `{"a":"${'x'.repeat(hugeLength * 4)}"}`],
    ['null', 'null'],
    ['true', 'true'],
    ['zero', '0'],
    ['negative number', '-1'],
    ['string', '"text"'],
    ['empty array', '[]'],
    ['array of input', `[${valid}]`],
    ['empty object', '{}'],
    ['duplicate key, last wrong', valid.startsWith('{"') ? valid.replace(/^\{("[^"]+"):/, '{$1:[[]],$1:') : '{"a":1,"a":[[]]}'],
  ];
  return bodies.filter(([, body]) => isMalformed(schema, body)).map(([label, body]) => ({ label: `body: ${label}`, body }));
}

/** True when the body is not JSON, or is JSON that certainly fails the schema. */
export function isMalformed(schema: JsonSchema, body: string): boolean {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return true;
  }
  return definitelyInvalid(schema, parsed);
}

function render(c: Candidate): string {
  const text = JSON.stringify(c.value) ?? '';
  return c.raw === undefined ? text : text.replace(JSON.stringify(RAW_MARK), c.raw);
}

export function malformedPayloads(schema: JsonSchema, options: GenerateOptions = {}): MalformedPayload[] {
  const max = options.max ?? 300;
  const hugeLength = options.hugeLength ?? 100_000;
  const random = seededRandom(options.seed ?? 1);
  const base = exampleFor(schema, schema);

  // Keyed by body: the same body reached two ways is sent once, as essential if either was.
  const kept = new Map<string, { payload: MalformedPayload; important: boolean }>();
  const keep = (p: MalformedPayload, important: boolean) => {
    const earlier = kept.get(p.body);
    if (earlier !== undefined) {
      if (important && !earlier.important) kept.set(p.body, { payload: p, important });
      return;
    }
    if (isMalformed(schema, p.body)) kept.set(p.body, { payload: p, important });
  };

  for (const p of bodyCandidates(schema, base, hugeLength)) keep(p, true);

  // Single mutations at every node.
  const nodes: { schema: SchemaObject; path: Path; base: unknown; candidates: Candidate[] }[] = [];
  walk(schema, schema, [], base, (s, path, nodeBase) =>
    nodes.push({ schema: s, path, base: nodeBase, candidates: nodeCandidates(s, schema, path, nodeBase, hugeLength) }),
  );
  const singles: (Candidate & { path: Path; base: unknown })[] = [];
  for (const { path, base: nodeBase, candidates } of nodes) {
    for (const c of candidates) {
      const whole = { ...c, path, base: nodeBase, value: setAt(clone(nodeBase), path, c.value) };
      singles.push(whole);
      keep({ label: c.label, body: render(whole) }, c.essential === true);
    }
  }

  // Random combinations: odd and huge strings planted in the string fields of a node's base,
  // unknown fields with odd names, then one or two of the single mutations; kept only when the
  // result certainly fails the schema.
  const strictObjects = nodes.filter(({ schema: s, path, base: b }) => s.additionalProperties === false && isPlainObject(getAt(b, path)));
  const combinations = options.randomCombinations ?? max;
  let made = 0;
  for (let i = 0; i < combinations * 4 && made < combinations && singles.length > 0; i++) {
    const pick = singles[Math.floor(random() * singles.length)];
    let value = clone(pick.base);
    const parts: string[] = [];
    for (const { path } of nodes) {
      if (typeof getAt(value, path) !== 'string' || random() < 0.5) continue;
      const odd = random() < 0.1 ? 'Ω'.repeat(hugeLength) : ODD_STRINGS[Math.floor(random() * ODD_STRINGS.length)];
      value = setAt(value, path, odd);
      parts.push(`${labelOf(path)}=${odd.length > 40 ? `${odd.length} chars` : JSON.stringify(odd)}`);
    }
    if (strictObjects.length > 0 && random() < 0.3) {
      const { path } = strictObjects[Math.floor(random() * strictObjects.length)];
      const key = random() < 0.5 ? ODD_STRINGS[Math.floor(random() * ODD_STRINGS.length)] : `x${Math.floor(random() * 1e9).toString(36)}`;
      const extra = TYPE_SAMPLES[Math.floor(random() * TYPE_SAMPLES.length)][1];
      value = setAt(value, [...path, key], clone(extra));
      parts.push(`extra field ${JSON.stringify(key)} at ${labelOf(path)}`);
    }
    let raw: string | undefined;
    const second = random() < 0.4 ? singles[Math.floor(random() * singles.length)] : null;
    for (const m of second === null || second.base !== pick.base ? [pick] : [second, pick]) {
      const { path, mutated } = diffPath(m.base, m.value);
      if (m.raw !== undefined) raw = m.raw;
      value = mutated === DELETED ? deleteAt(value, path) : setAt(value, path, clone(mutated));
      parts.push(m.label);
    }
    const before = kept.size;
    keep({ label: `random: ${parts.join('; ')}`, body: render({ label: '', value, raw }) }, false);
    if (kept.size > before) made++;
  }

  // Deterministic selection: all essential payloads, then a seeded shuffle of the rest.
  const essential = [...kept.values()].filter((k) => k.important).map((k) => k.payload);
  const others = [...kept.values()].filter((k) => !k.important).map((k) => k.payload);
  for (let i = others.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [others[i], others[j]] = [others[j], others[i]];
  }
  return [...essential, ...others].slice(0, Math.max(max, essential.length));
}

function getAt(root: unknown, path: Path): unknown {
  let node = root;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}

const DELETED = Symbol('deleted');

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The single place where a mutated copy differs from the base (the mutation's path and value). */
function diffPath(base: unknown, mutated: unknown, path: Path = []): { path: Path; mutated: unknown } {
  if (base !== null && typeof base === 'object' && mutated !== null && typeof mutated === 'object' && Array.isArray(base) === Array.isArray(mutated)) {
    const b = base as Record<string, unknown>;
    const m = mutated as Record<string, unknown>;
    for (const key of new Set([...Object.keys(b), ...Object.keys(m)])) {
      if (!Object.hasOwn(m, key)) return { path: [...path, key], mutated: DELETED };
      if (!Object.hasOwn(b, key)) return { path: [...path, key], mutated: m[key] };
      if (JSON.stringify(b[key]) !== JSON.stringify(m[key])) return diffPath(b[key], m[key], [...path, Array.isArray(base) ? Number(key) : key]);
    }
  }
  return { path, mutated };
}
