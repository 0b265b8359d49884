/**
 * Which spending limit a contest has, once the facts are gathered: a figure entered by hand from
 * the returning officer's notice wins, then a list's own limit, then the election rules' figure;
 * otherwise the limit is unknown and the reason says what is missing. Pure, so the treasury's
 * handler only gathers the facts.
 */
import { formatPence } from './money.ts';

export interface LimitFacts {
  /** The figure entered by hand, and where it came from. */
  override: { pence: number; source: string } | null;
  /** A party list's limit (its own rule), if the contest is for a list. */
  list: { limitPence: number; working: string; label: string; instrument: string | null; confirmed: boolean; note: string | null } | null;
  /** Why no rule applies yet before the rules are asked (a GLA contest whose post is not chosen). */
  notYet: string | null;
  /** The election rules' answer: the figure (null if it needs more inputs) and its working, or why the rules refused. */
  rules: { limitPence: number | null; working: string } | { refusal: string };
}

export type LimitChoice =
  | { basis: 'override'; limitPence: number; working: string; confirmed: true; problem: null }
  | { basis: 'rule'; limitPence: number; working: string; problem: null; fromList?: LimitFacts['list'] & object }
  | { basis: 'unknown'; limitPence: null; working: string; problem: string };

export function chooseLimit(f: LimitFacts): LimitChoice {
  if (f.override) {
    const from = f.override.source ? ` from ${f.override.source}` : '';
    return {
      basis: 'override',
      limitPence: f.override.pence,
      working: `Entered by hand${from}: ${formatPence(f.override.pence)}`,
      confirmed: true,
      problem: null,
    };
  }
  if (f.list) return { basis: 'rule', limitPence: f.list.limitPence, working: f.list.working, problem: null, fromList: f.list };
  if (f.notYet) return { basis: 'unknown', limitPence: null, working: f.notYet, problem: f.notYet };
  if ('refusal' in f.rules) return { basis: 'unknown', limitPence: null, working: f.rules.refusal, problem: f.rules.refusal };
  if (f.rules.limitPence === null) return { basis: 'unknown', limitPence: null, working: f.rules.working, problem: f.rules.working };
  return { basis: 'rule', limitPence: f.rules.limitPence, working: f.rules.working, problem: null };
}

/**
 * Each regulated period's limit: the last period (the short campaign) has the contest's limit,
 * earlier ones their own rule's figure; a figure entered by hand replaces either.
 */
export function periodLimits<P extends { limitPence: number | null; working: string }>(
  periods: readonly P[],
  entered: { last: number | null; earlier: number | null },
  limit: { limitPence: number | null; working: string },
): (P & { limitBasis: 'override' | 'rule' | 'unknown'; confirmed?: true })[] {
  return periods.map((p, i) => {
    const last = i === periods.length - 1;
    const byHand = last ? entered.last : entered.earlier;
    if (byHand !== null) return { ...p, limitBasis: 'override', limitPence: byHand, working: `Entered by hand: ${formatPence(byHand)}`, confirmed: true };
    const limitPence = last ? limit.limitPence : p.limitPence;
    return { ...p, limitBasis: limitPence === null ? 'unknown' : 'rule', limitPence, working: last ? limit.working : p.working };
  });
}
