/**
 * Canvass codes (domain notes §9). What a canvasser writes on the paper return — `I3L`: in,
 * support 3, wants literature — is the user's own shorthand. The meanings are fixed (contact
 * outcomes and requests the app can act on), the codes and labels are the user's, and support is
 * either a 1–5 scale or party letters, with whatever labels the party uses.
 */

export const OUTCOMES = ['in', 'not_in', 'refused', 'moved', 'deceased', 'inaccessible', 'do_not_contact'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const REQUESTS = ['literature', 'poster', 'postal_vote', 'join', 'visit'] as const;
export type Request = (typeof REQUESTS)[number];

export const OUTCOME_LABELS: Record<Outcome, string> = {
  in: 'In',
  not_in: 'Not in',
  refused: 'Refused',
  moved: 'Moved',
  deceased: 'Deceased',
  inaccessible: 'Inaccessible',
  do_not_contact: 'Do not contact',
};

export const REQUEST_LABELS: Record<Request, string> = {
  literature: 'Wants literature',
  poster: 'Wants a poster',
  postal_vote: 'Wants a postal vote',
  join: 'Wants to join',
  visit: 'Wants a visit',
};

/** Someone answered the door (counts towards the contact rate). */
export const CONTACT_OUTCOMES: ReadonlySet<Outcome> = new Set<Outcome>(['in', 'refused']);
/** Nobody to canvass here any more: left off walk sheets and follow-up lists. */
export const REMOVAL_OUTCOMES: ReadonlySet<Outcome> = new Set<Outcome>(['moved', 'deceased', 'do_not_contact']);

export interface CodeConfig {
  outcomes: Record<Outcome, string>;
  support: {
    kind: 'scale' | 'parties';
    /** In display order; `code` is what is typed, `label` what is shown. */
    options: { code: string; label: string }[];
  };
  requests: Record<Request, string>;
}

export const DEFAULT_CODES: CodeConfig = {
  outcomes: { in: 'I', not_in: 'N', refused: 'R', moved: 'M', deceased: 'D', inaccessible: 'X', do_not_contact: 'Z' },
  support: {
    kind: 'scale',
    options: [
      { code: '1', label: 'Certain to support us' },
      { code: '2', label: 'Leaning to us' },
      { code: '3', label: 'Undecided' },
      { code: '4', label: 'Leaning elsewhere' },
      { code: '5', label: 'Certain elsewhere' },
    ],
  },
  requests: { literature: 'L', poster: 'P', postal_vote: 'V', join: 'J', visit: 'W' },
};

/** Party letters as a starting point for `kind: 'parties'`; the user edits them. */
export const EXAMPLE_PARTY_SUPPORT: CodeConfig['support'] = {
  kind: 'parties',
  options: [
    { code: 'U', label: 'Us' },
    { code: 'A', label: 'Party A' },
    { code: 'B', label: 'Party B' },
    { code: 'G', label: 'Green' },
    { code: 'O', label: 'Other' },
    { code: 'K', label: "Won't say" },
  ],
};

const CODE = /^[A-Z0-9]{1,3}$/;

export function normaliseCode(code: string): string {
  return code.trim().toUpperCase();
}

export interface ConfigProblem {
  /** Dotted path of the field, e.g. `outcomes.in` or `support.options.2.code`. */
  path: string;
  message: string;
}

/**
 * Checks codes are 1–3 letters or digits, none repeated, and none the start of another (so a
 * typed return reads one way only: with `D` and `DN` both defined, `DN` would be ambiguous).
 */
export function configProblems(config: CodeConfig): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const all: { path: string; code: string; what: string }[] = [];
  for (const o of OUTCOMES) all.push({ path: `outcomes.${o}`, code: normaliseCode(config.outcomes[o] ?? ''), what: OUTCOME_LABELS[o] });
  for (const r of REQUESTS) all.push({ path: `requests.${r}`, code: normaliseCode(config.requests[r] ?? ''), what: REQUEST_LABELS[r] });
  if (config.support.options.length === 0) problems.push({ path: 'support.options', message: 'Define at least one support code' });
  if (config.support.options.length > 20) problems.push({ path: 'support.options', message: 'At most 20 support codes' });
  config.support.options.forEach((opt, i) => {
    all.push({ path: `support.options.${i}.code`, code: normaliseCode(opt.code), what: `support “${opt.label}”` });
    if (opt.label.trim() === '') problems.push({ path: `support.options.${i}.label`, message: 'Give this support code a label' });
  });
  if (config.support.kind === 'scale') {
    config.support.options.forEach((opt, i) => {
      if (!/^[0-9]$/.test(normaliseCode(opt.code))) {
        problems.push({ path: `support.options.${i}.code`, message: 'A support scale uses single digits (1–5); choose party letters otherwise' });
      }
    });
  }
  for (const a of all) {
    if (!CODE.test(a.code)) problems.push({ path: a.path, message: `The code for ${a.what} must be 1 to 3 letters or digits` });
  }
  for (let i = 0; i < all.length; i++) {
    for (let j = 0; j < all.length; j++) {
      if (i === j || !CODE.test(all[i].code) || !CODE.test(all[j].code)) continue;
      if (all[i].code === all[j].code) {
        problems.push({ path: all[i].path, message: `${all[i].code} is also the code for ${all[j].what}` });
      } else if (all[i].code !== all[j].code && all[j].code.startsWith(all[i].code)) {
        problems.push({
          path: all[j].path,
          message: `${all[j].code} (${all[j].what}) starts with ${all[i].code} (${all[i].what}), so typed returns would be ambiguous`,
        });
      }
    }
  }
  return problems;
}

export interface ParsedReturn {
  outcome: Outcome;
  /** The support option's code, or null. */
  support: string | null;
  requests: Request[];
}

export type ParseReturnResult = { ok: true; value: ParsedReturn } | { ok: false; message: string };

type Token = { kind: 'outcome'; value: Outcome } | { kind: 'support'; value: string } | { kind: 'request'; value: Request };

/** Code text → meaning, for a valid configuration. */
export function codeTable(config: CodeConfig): Map<string, Token> {
  const table = new Map<string, Token>();
  for (const o of OUTCOMES) table.set(normaliseCode(config.outcomes[o]), { kind: 'outcome', value: o });
  for (const r of REQUESTS) table.set(normaliseCode(config.requests[r]), { kind: 'request', value: r });
  for (const s of config.support.options) table.set(normaliseCode(s.code), { kind: 'support', value: normaliseCode(s.code) });
  return table;
}

/**
 * Reads a typed return such as `I3L` (case and spaces do not matter). Support or requests on
 * their own mean the elector was in, so `3L` is the same as `I3L`. At most one outcome and one
 * support code; support and requests only when the elector was in.
 */
export function parseReturnCodes(text: string, config: CodeConfig, table: Map<string, Token> = codeTable(config)): ParseReturnResult {
  const s = text.toUpperCase().replace(/\s+/g, '');
  if (s === '') return { ok: false, message: 'Type the codes for this return, e.g. I3L' };
  let outcome: Outcome | null = null;
  let support: string | null = null;
  const requests: Request[] = [];
  let i = 0;
  while (i < s.length) {
    let token: Token | undefined;
    let len = 0;
    for (let l = Math.min(3, s.length - i); l >= 1; l--) {
      token = table.get(s.slice(i, i + l));
      if (token) {
        len = l;
        break;
      }
    }
    if (!token) return { ok: false, message: `“${s[i]}” is not one of your canvass codes` };
    const code = s.slice(i, i + len);
    if (token.kind === 'outcome') {
      if (outcome !== null) return { ok: false, message: `Two contact outcomes (${config.outcomes[outcome]} and ${code}); type one` };
      outcome = token.value;
    } else if (token.kind === 'support') {
      if (support !== null) return { ok: false, message: `Two support codes (${support} and ${code}); type one` };
      support = token.value;
    } else {
      if (requests.includes(token.value)) return { ok: false, message: `${code} (${REQUEST_LABELS[token.value]}) is typed twice` };
      requests.push(token.value);
    }
    i += len;
  }
  if (outcome === null) {
    if (support === null && requests.length === 0) return { ok: false, message: 'No codes to record' };
    outcome = 'in';
  }
  if (outcome !== 'in' && (support !== null || requests.length > 0)) {
    return {
      ok: false,
      message: `${OUTCOME_LABELS[outcome]} cannot carry support or requests: those are recorded only when the elector was in`,
    };
  }
  return { ok: true, value: { outcome, support, requests } };
}

/** The shortest typing of a return under a configuration (outcome `in` left implicit). */
export function formatReturnCodes(r: ParsedReturn, config: CodeConfig): string {
  const parts: string[] = [];
  if (r.outcome !== 'in' || (r.support === null && r.requests.length === 0)) parts.push(normaliseCode(config.outcomes[r.outcome]));
  if (r.support !== null) parts.push(r.support);
  for (const q of REQUESTS) if (r.requests.includes(q)) parts.push(normaliseCode(config.requests[q]));
  return parts.join('');
}

/** The label of a support code, or the code itself when the configuration no longer has it. */
export function supportLabel(code: string, config: CodeConfig): string {
  return config.support.options.find((o) => normaliseCode(o.code) === code)?.label ?? code;
}
