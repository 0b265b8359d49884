import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CODES,
  EXAMPLE_PARTY_SUPPORT,
  configProblems,
  formatReturnCodes,
  parseReturnCodes,
  supportLabel,
  type CodeConfig,
} from '../../shared/domain/canvass-codes.ts';

function parsed(text: string, config: CodeConfig = DEFAULT_CODES) {
  const r = parseReturnCodes(text, config);
  if (!r.ok) throw new Error(r.message);
  return r.value;
}
function refusal(text: string, config: CodeConfig = DEFAULT_CODES) {
  const r = parseReturnCodes(text, config);
  if (r.ok) throw new Error(`expected ${text} to be refused`);
  return r.message;
}

describe('canvass code configuration', () => {
  it('accepts the defaults and the party-letter example', () => {
    expect(configProblems(DEFAULT_CODES)).toEqual([]);
    // Party letters collide with default outcome/request letters only where they overlap.
    const parties: CodeConfig = { ...DEFAULT_CODES, support: EXAMPLE_PARTY_SUPPORT };
    expect(configProblems(parties)).toEqual([]);
  });

  it('refuses a code used twice, saying which meaning has it', () => {
    const c: CodeConfig = { ...DEFAULT_CODES, requests: { ...DEFAULT_CODES.requests, poster: 'I' } };
    const problems = configProblems(c);
    expect(problems).toEqual([
      { path: 'outcomes.in', message: 'I is also the code for Wants a poster' },
      { path: 'requests.poster', message: 'I is also the code for In' },
    ]);
  });

  it('refuses a code that starts another (ambiguous typing), empty codes, and bad scale codes', () => {
    const c: CodeConfig = {
      ...DEFAULT_CODES,
      outcomes: { ...DEFAULT_CODES.outcomes, do_not_contact: 'DN', not_in: '' },
      support: {
        kind: 'scale',
        options: [
          { code: 'A', label: 'Ay' },
          { code: '2', label: '' },
        ],
      },
    };
    const messages = configProblems(c).map((p) => `${p.path}: ${p.message}`);
    expect(messages).toContain('outcomes.do_not_contact: DN (Do not contact) starts with D (Deceased), so typed returns would be ambiguous');
    expect(messages).toContain('outcomes.not_in: The code for Not in must be 1 to 3 letters or digits');
    expect(messages).toContain('support.options.0.code: A support scale uses single digits (1–5); choose party letters otherwise');
    expect(messages).toContain('support.options.1.label: Give this support code a label');
  });

  it('needs at least one support code', () => {
    const c: CodeConfig = { ...DEFAULT_CODES, support: { kind: 'parties', options: [] } };
    expect(configProblems(c)).toEqual([{ path: 'support.options', message: 'Define at least one support code' }]);
  });
});

describe('typed returns', () => {
  it('reads I3L as in, support 3, wants literature', () => {
    expect(parsed('I3L')).toEqual({ outcome: 'in', support: '3', requests: ['literature'] });
  });

  it('ignores case and spaces, and takes support or requests alone to mean in', () => {
    expect(parsed(' i 3 l ')).toEqual({ outcome: 'in', support: '3', requests: ['literature'] });
    expect(parsed('1JP')).toEqual({ outcome: 'in', support: '1', requests: ['join', 'poster'] });
    expect(parsed('V')).toEqual({ outcome: 'in', support: null, requests: ['postal_vote'] });
  });

  it.each([
    ['N', 'not_in'],
    ['R', 'refused'],
    ['M', 'moved'],
    ['D', 'deceased'],
    ['X', 'inaccessible'],
    ['Z', 'do_not_contact'],
    ['I', 'in'],
  ])('reads the outcome %s', (code, outcome) => {
    expect(parsed(code)).toEqual({ outcome, support: null, requests: [] });
  });

  it.each([
    ['', /Type the codes/],
    ['I3Q', /“Q” is not one of your canvass codes/],
    ['IN', /Two contact outcomes/],
    ['35', /Two support codes/],
    ['ILL', /L \(Wants literature\) is typed twice/],
    ['N3', /Not in cannot carry support or requests/],
    ['ML', /Moved cannot carry/],
  ])('refuses %j', (text, message) => {
    expect(refusal(text)).toMatch(message);
  });

  it('uses the user’s own codes, including several-letter ones', () => {
    const c: CodeConfig = {
      outcomes: { in: 'Y', not_in: 'NI', refused: 'RF', moved: 'MV', deceased: 'DC', inaccessible: 'NA', do_not_contact: 'DNC' },
      support: EXAMPLE_PARTY_SUPPORT,
      requests: { literature: 'LIT', poster: 'P', postal_vote: 'PV', join: 'J', visit: 'V' },
    };
    // P and PV: P is a prefix of PV, which the configuration check refuses.
    expect(configProblems(c).map((p) => p.path)).toEqual(['requests.postal_vote']);
    const fixed: CodeConfig = { ...c, requests: { ...c.requests, postal_vote: 'Q' } };
    expect(configProblems(fixed)).toEqual([]);
    expect(parsed('YGLIT', fixed)).toEqual({ outcome: 'in', support: 'G', requests: ['literature'] });
    expect(parsed('dnc', fixed)).toEqual({ outcome: 'do_not_contact', support: null, requests: [] });
    expect(refusal('I', fixed)).toMatch(/“I” is not one of your canvass codes/);
    expect(supportLabel('G', fixed)).toBe('Green');
    expect(supportLabel('Q', fixed)).toBe('Q');
  });

  it('writes a return back in its shortest typing', () => {
    expect(formatReturnCodes({ outcome: 'in', support: '3', requests: ['literature', 'join'] }, DEFAULT_CODES)).toBe('3LJ');
    expect(formatReturnCodes({ outcome: 'in', support: null, requests: [] }, DEFAULT_CODES)).toBe('I');
    expect(formatReturnCodes({ outcome: 'not_in', support: null, requests: [] }, DEFAULT_CODES)).toBe('N');
    for (const text of ['3LJ', 'I', 'N', 'VW', '5']) {
      expect(parsed(formatReturnCodes(parsed(text), DEFAULT_CODES))).toEqual(parsed(text));
    }
  });
});
