/**
 * A deliberately conservative JSON-Schema judge for the fuzz tests: `definitelyInvalid` answers
 * true only when a keyword it understands is violated. Unknown keywords never make a value
 * invalid, so a payload it passes as "invalid" really is invalid for any validator that follows
 * the schema. It covers what zod's `toJSONSchema` emits: type, enum, const, properties, required,
 * additionalProperties, items, prefixItems, min/maxItems, min/maxLength, pattern, format (date),
 * minimum/maximum (and exclusive), multipleOf, anyOf/oneOf/allOf and local $ref.
 */
export type JsonSchema = boolean | { [keyword: string]: unknown };

type SchemaObject = { [keyword: string]: unknown };

export function jsonTypeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/** Resolves `#/$defs/x` and `#/definitions/x` style references against the root schema. */
export function resolveRef(schema: JsonSchema, root: JsonSchema): JsonSchema {
  let current = schema;
  for (let hops = 0; hops < 32 && typeof current === 'object' && typeof current.$ref === 'string'; hops++) {
    const ref = current.$ref as string;
    if (!ref.startsWith('#')) return true; // remote reference: unknown, so judge nothing
    let target: unknown = root;
    for (const raw of ref
      .slice(1)
      .split('/')
      .filter((p) => p !== '')) {
      const part = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
      target = target !== null && typeof target === 'object' ? (target as SchemaObject)[part] : undefined;
    }
    if (target === undefined) return true;
    current = target as JsonSchema;
  }
  return current;
}

/** Types a schema admits, or null when it does not restrict types. */
export function allowedTypes(schema: JsonSchema, root: JsonSchema): Set<string> | null {
  const s = resolveRef(schema, root);
  if (typeof s === 'boolean') return s ? null : new Set();
  let result: Set<string> | null = null;
  const narrow = (types: Set<string>) => {
    result = result === null ? types : new Set([...result].filter((t) => types.has(t)));
  };
  if (typeof s.type === 'string' || Array.isArray(s.type)) {
    const declared = new Set<string>(Array.isArray(s.type) ? (s.type as string[]) : [s.type as string]);
    if (declared.has('number')) declared.add('integer');
    narrow(declared);
  }
  if (Array.isArray(s.enum)) narrow(new Set((s.enum as unknown[]).map(jsonTypeOf)));
  if ('const' in s) narrow(new Set([jsonTypeOf(s.const)]));
  for (const key of ['anyOf', 'oneOf']) {
    if (!Array.isArray(s[key])) continue;
    const union = new Set<string>();
    for (const branch of s[key] as JsonSchema[]) {
      const t = allowedTypes(branch, root);
      if (t === null) return result; // one branch admits anything
      for (const x of t) union.add(x);
    }
    narrow(union);
  }
  return result;
}

function typeAllowed(value: unknown, types: Set<string>): boolean {
  const t = jsonTypeOf(value);
  return types.has(t) || (t === 'integer' && types.has('number'));
}

function codePoints(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

function compilePattern(pattern: string): RegExp | null {
  try {
    return new RegExp(pattern);
  } catch {
    try {
      return new RegExp(pattern, 'u');
    } catch {
      return null;
    }
  }
}

export function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

function deepEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** True only when the value certainly fails the schema. */
export function definitelyInvalid(schema: JsonSchema, value: unknown, root: JsonSchema = schema): boolean {
  const s = resolveRef(schema, root);
  if (s === true) return false;
  if (s === false) return true;
  if (value === undefined) return false;
  if (typeof value === 'number' && !Number.isFinite(value)) return true; // not representable in JSON

  const types = allowedTypes(s, root);
  if (types !== null && !typeAllowed(value, types)) return true;
  if (Array.isArray(s.enum) && !(s.enum as unknown[]).some((e) => deepEqual(e, value))) return true;
  if ('const' in s && !deepEqual(s.const, value)) return true;

  if (typeof value === 'string') {
    if (typeof s.maxLength === 'number' && codePoints(value) > s.maxLength) return true;
    if (typeof s.minLength === 'number' && value.length < s.minLength) return true;
    if (typeof s.pattern === 'string') {
      const re = compilePattern(s.pattern);
      if (re !== null && !re.test(value)) return true;
    }
    if (s.format === 'date' && !isCalendarDate(value)) return true;
  }

  if (typeof value === 'number') {
    if (typeof s.minimum === 'number' && value < s.minimum) return true;
    if (typeof s.maximum === 'number' && value > s.maximum) return true;
    if (typeof s.exclusiveMinimum === 'number' && value <= s.exclusiveMinimum) return true;
    if (typeof s.exclusiveMaximum === 'number' && value >= s.exclusiveMaximum) return true;
    if (typeof s.multipleOf === 'number' && s.multipleOf > 0 && Number.isInteger(s.multipleOf)) {
      if (!Number.isInteger(value) || value % s.multipleOf !== 0) return true;
    }
  }

  if (Array.isArray(value)) {
    if (typeof s.minItems === 'number' && value.length < s.minItems) return true;
    if (typeof s.maxItems === 'number' && value.length > s.maxItems) return true;
    const prefix = Array.isArray(s.prefixItems) ? (s.prefixItems as JsonSchema[]) : [];
    for (let i = 0; i < value.length; i++) {
      const itemSchema = i < prefix.length ? prefix[i] : (s.items as JsonSchema | undefined);
      if (itemSchema !== undefined && definitelyInvalid(itemSchema, value[i], root)) return true;
    }
  }

  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const obj = value as Record<string, unknown>;
    const props = (s.properties ?? {}) as Record<string, JsonSchema>;
    if (Array.isArray(s.required) && (s.required as string[]).some((k) => !Object.hasOwn(obj, k))) return true;
    for (const key of Object.keys(obj)) {
      if (Object.hasOwn(props, key)) {
        if (definitelyInvalid(props[key], obj[key], root)) return true;
      } else if (s.patternProperties === undefined && s.additionalProperties !== undefined) {
        if (definitelyInvalid(s.additionalProperties as JsonSchema, obj[key], root)) return true;
      }
    }
  }

  if (Array.isArray(s.allOf) && (s.allOf as JsonSchema[]).some((b) => definitelyInvalid(b, value, root))) return true;
  for (const key of ['anyOf', 'oneOf']) {
    if (Array.isArray(s[key]) && (s[key] as JsonSchema[]).every((b) => definitelyInvalid(b, value, root))) return true;
  }
  return false;
}
