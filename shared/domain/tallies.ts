/**
 * Canvass tallies. An elector's standing is folded from their returns (latest outcome, latest
 * support, every open request); the tallies of an area count electors by that standing, so
 * calling on someone twice never counts them twice.
 */
import {
  CONTACT_OUTCOMES,
  OUTCOMES,
  OUTCOME_LABELS,
  REMOVAL_OUTCOMES,
  REQUESTS,
  REQUEST_LABELS,
  type CodeConfig,
  type Outcome,
  type Request,
  normaliseCode,
} from './canvass-codes.ts';

export interface ReturnFact {
  outcome: Outcome;
  support: string | null;
  requests: readonly Request[];
}

export interface ElectorStanding {
  /** Outcome of the latest return, or null when never canvassed. */
  outcome: Outcome | null;
  /** Support from the latest return that recorded one. */
  support: string | null;
  /** Requests made on any return, unless a later return removed the elector (moved, deceased, do not contact). */
  requests: Request[];
}

/** Folds returns given oldest first. */
export function foldReturns(returns: readonly ReturnFact[]): ElectorStanding {
  let outcome: Outcome | null = null;
  let support: string | null = null;
  let requests = new Set<Request>();
  for (const r of returns) {
    outcome = r.outcome;
    if (r.support !== null) support = r.support;
    if (REMOVAL_OUTCOMES.has(r.outcome)) {
      requests = new Set();
      support = null;
    }
    for (const q of r.requests) requests.add(q);
  }
  return { outcome, support, requests: REQUESTS.filter((q) => requests.has(q)) };
}

/** Raw counts over a set of electors, as the database returns them. */
export interface TallyCounts {
  electors: number;
  /** Electors by their latest outcome (electors never canvassed are absent). */
  byOutcome: Partial<Record<Outcome, number>>;
  /** Electors by latest support code. */
  bySupport: Record<string, number>;
  /** Electors with each open request. */
  byRequest: Partial<Record<Request, number>>;
}

export function emptyCounts(): TallyCounts {
  return { electors: 0, byOutcome: {}, bySupport: {}, byRequest: {} };
}

export function addCounts(a: TallyCounts, b: TallyCounts): TallyCounts {
  const sum = <K extends string>(x: Partial<Record<K, number>>, y: Partial<Record<K, number>>) => {
    const out: Partial<Record<K, number>> = { ...x };
    for (const [k, v] of Object.entries(y) as [K, number][]) out[k] = (out[k] ?? 0) + v;
    return out;
  };
  return {
    electors: a.electors + b.electors,
    byOutcome: sum(a.byOutcome, b.byOutcome),
    bySupport: sum(a.bySupport, b.bySupport) as Record<string, number>,
    byRequest: sum(a.byRequest, b.byRequest),
  };
}

/** Adds one elector's standing to the counts (for computing tallies without a database). */
export function countStanding(counts: TallyCounts, s: ElectorStanding): void {
  counts.electors += 1;
  if (s.outcome !== null) counts.byOutcome[s.outcome] = (counts.byOutcome[s.outcome] ?? 0) + 1;
  if (s.support !== null) counts.bySupport[s.support] = (counts.bySupport[s.support] ?? 0) + 1;
  for (const q of s.requests) counts.byRequest[q] = (counts.byRequest[q] ?? 0) + 1;
}

/**
 * Whole percentages that add up to exactly 100 (largest remainder), so a chart's bars and the
 * table agree. All zero when the total is zero.
 */
export function percentages(counts: readonly number[]): number[] {
  const total = counts.reduce((a, b) => a + b, 0);
  if (total === 0) return counts.map(() => 0);
  const exact = counts.map((c) => (c * 100) / total);
  const floors = exact.map(Math.floor);
  let left = 100 - floors.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => ({ i, r: e - floors[i] })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    floors[i] += 1;
    left -= 1;
  }
  return floors;
}

/** A ratio as a percentage with one decimal; 0 when the denominator is 0. */
export function rate(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part * 1000) / whole) / 10;
}

export interface Tallies {
  electors: number;
  /** Electors with at least one return. */
  canvassed: number;
  /** canvassed / electors, percent. */
  coverage: number;
  /** Electors whose latest outcome is a contact (in or refused). */
  contacted: number;
  /** contacted / canvassed, percent. */
  contactRate: number;
  outcomes: { outcome: Outcome; label: string; count: number; percent: number }[];
  /** In the configuration's order, then any codes no longer configured. */
  support: { code: string; label: string; count: number; percent: number }[];
  /** Electors whose latest return states support. */
  supportGiven: number;
  requests: { request: Request; label: string; count: number }[];
}

export function computeTallies(counts: TallyCounts, config: CodeConfig): Tallies {
  const canvassed = OUTCOMES.reduce((n, o) => n + (counts.byOutcome[o] ?? 0), 0);
  const contacted = OUTCOMES.filter((o) => CONTACT_OUTCOMES.has(o)).reduce((n, o) => n + (counts.byOutcome[o] ?? 0), 0);
  const outcomeCounts = OUTCOMES.map((o) => counts.byOutcome[o] ?? 0);
  const outcomePct = percentages(outcomeCounts);

  const codes = config.support.options.map((o) => ({ code: normaliseCode(o.code), label: o.label }));
  for (const code of Object.keys(counts.bySupport)) {
    if (!codes.some((c) => c.code === code)) codes.push({ code, label: `${code} (no longer a code)` });
  }
  const supportCounts = codes.map((c) => counts.bySupport[c.code] ?? 0);
  const supportPct = percentages(supportCounts);

  return {
    electors: counts.electors,
    canvassed,
    coverage: rate(canvassed, counts.electors),
    contacted,
    contactRate: rate(contacted, canvassed),
    outcomes: OUTCOMES.map((o, i) => ({ outcome: o, label: OUTCOME_LABELS[o], count: outcomeCounts[i], percent: outcomePct[i] })),
    support: codes.map((c, i) => ({ ...c, count: supportCounts[i], percent: supportPct[i] })),
    supportGiven: supportCounts.reduce((a, b) => a + b, 0),
    requests: REQUESTS.map((q) => ({ request: q, label: REQUEST_LABELS[q], count: counts.byRequest[q] ?? 0 })),
  };
}
