/**
 * Promises (issue 17): who is knocked up on polling day is the user's rule over canvass support
 * codes — e.g. support 1–2, or the party letter U. A rule is the list of support codes as stored
 * in electors.latest_support (normalised option codes of shared/domain/canvass-codes.ts), kept in
 * promise_rules.supports as a comma list ('1,2').
 */
import { REMOVAL_OUTCOMES, normaliseCode, type CodeConfig, type ConfigProblem } from './canvass-codes.ts';

/** promise_rules.supports → codes ('1,2' → ['1', '2']); blanks dropped. */
export function parseSupports(stored: string): string[] {
  return stored
    .split(',')
    .map(normaliseCode)
    .filter((c) => c !== '');
}

/** Codes → promise_rules.supports. */
export function formatSupports(supports: readonly string[]): string {
  return supports.join(',');
}

/**
 * Problems with a rule under the campaign's canvass codes, each naming the field (`supports`, or
 * `supports.N` for the Nth code): at least one code, each one of the campaign's support codes,
 * none twice.
 */
export function promiseRuleProblems(supports: readonly string[], config: CodeConfig): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  if (supports.length === 0) {
    problems.push({
      path: 'supports',
      message: 'Tick at least one support code to count as a promise',
    });
  }
  const known = config.support.options.map((o) => normaliseCode(o.code));
  const seen = new Set<string>();
  supports.forEach((raw, i) => {
    const code = normaliseCode(raw);
    if (!known.includes(code)) {
      problems.push({
        path: `supports.${i}`,
        message: `“${raw}” is not one of your support codes (${known.join(', ')})`,
      });
    } else if (seen.has(code)) {
      problems.push({
        path: `supports.${i}`,
        message: `Support code ${code} is ticked twice`,
      });
    }
    seen.add(code);
  });
  return problems;
}

/** A valid rule's codes, normalised and in the order the campaign lists its support codes. */
export function normaliseSupports(supports: readonly string[], config: CodeConfig): string[] {
  const wanted = new Set(supports.map(normaliseCode));
  return config.support.options.map((o) => normaliseCode(o.code)).filter((c) => wanted.has(c));
}

const ALIAS = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * SQL for "this elector is a promise": latest support in the rule and not removed (moved,
 * deceased, do not contact). `alias` is the electors table's alias in the caller's query; the
 * caller adds the contest's area. An empty rule matches nobody.
 */
export function promiseWhere(alias: string, supports: readonly string[]): { sql: string; params: string[] } {
  if (!ALIAS.test(alias)) throw new Error(`promiseWhere: bad table alias ${JSON.stringify(alias)}`);
  if (supports.length === 0) return { sql: 'FALSE', params: [] };
  const removals = [...REMOVAL_OUTCOMES];
  return {
    sql:
      `(${alias}.latest_support IN (${supports.map(() => '?').join(', ')})` +
      ` AND (${alias}.latest_outcome IS NULL OR ${alias}.latest_outcome NOT IN (${removals.map(() => '?').join(', ')})))`,
    params: [...supports.map(normaliseCode), ...removals],
  };
}
