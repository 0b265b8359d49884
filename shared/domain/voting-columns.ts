/**
 * Columns of the two lists a council hands a campaign about voting: the absent voters list
 * (who votes by post or by proxy) and the marked register (who voted, in person or by post).
 * Both are read by elector number, as on the register: a number column holding `AB-123/1`, or a
 * prefix column with the number (and an optional suffix column).
 */
import { canonicalElectorNumber } from './elector-number.ts';
import { normaliseHeading, recogniseHeading } from './register-columns.ts';

export const VOTING_LIST_FIELDS = ['pollingDistrict', 'electorNumber', 'suffix', 'mark'] as const;
export type VotingListField = (typeof VOTING_LIST_FIELDS)[number];
export type VotingListMapping = Record<VotingListField, number | null>;

export const VOTING_LIST_LABELS: Record<'absent' | 'marked', Record<VotingListField, string>> = {
  absent: {
    pollingDistrict: 'Elector number prefix (polling district)',
    electorNumber: 'Elector number',
    suffix: 'Elector number suffix',
    mark: 'Absent vote type (postal, proxy, postal proxy)',
  },
  marked: {
    pollingDistrict: 'Elector number prefix (polling district)',
    electorNumber: 'Elector number',
    suffix: 'Elector number suffix',
    mark: 'How they voted (postal / in person)',
  },
};

const MARK_HEADINGS = new Set([
  'absentvote',
  'absentvotetype',
  'avtype',
  'avcategory',
  'absentvotertype',
  'votetype',
  'type',
  'category',
  'method',
  'votingmethod',
  'howvoted',
  'voted',
  'mark',
  'marked',
  'marker',
  'postalproxy',
]);

/** The mapping suggested from a file's headings (the first column naming a field wins). */
export function recogniseVotingList(headings: readonly string[]): VotingListMapping {
  const mapping: VotingListMapping = { pollingDistrict: null, electorNumber: null, suffix: null, mark: null };
  headings.forEach((h, col) => {
    const key = normaliseHeading(h);
    const field: VotingListField | null = MARK_HEADINGS.has(key)
      ? 'mark'
      : ((f) => (f === 'pollingDistrict' || f === 'electorNumber' || f === 'suffix' ? f : null))(recogniseHeading(h));
    if (field && mapping[field] === null) mapping[field] = col;
  });
  return mapping;
}

/** What is missing or doubled in a mapping, as messages naming the field. */
export function votingMappingProblems(
  mapping: VotingListMapping,
  columnCount: number,
  list: 'absent' | 'marked',
): { field: VotingListField; message: string }[] {
  const problems: { field: VotingListField; message: string }[] = [];
  if (mapping.electorNumber === null) problems.push({ field: 'electorNumber', message: 'Choose the column holding the elector number' });
  const seen = new Map<number, VotingListField>();
  for (const field of VOTING_LIST_FIELDS) {
    const col = mapping[field];
    if (col === null) continue;
    const label = VOTING_LIST_LABELS[list][field];
    if (col >= columnCount) problems.push({ field, message: `${label}: column ${col + 1} is not in the file` });
    else if (seen.has(col))
      problems.push({ field, message: `${label} and ${VOTING_LIST_LABELS[list][seen.get(col)!]} both read column ${col + 1}; choose one` });
    else seen.set(col, field);
  }
  return problems;
}

/**
 * The canonical elector number of a row, or why not. A bare number is read in `district` when
 * the file has no prefix column (a list for one polling district).
 */
export function rowElectorNumber(
  cells: readonly string[],
  mapping: VotingListMapping,
  district?: string,
): { ok: true; value: string } | { ok: false; reason: string } {
  const at = (c: number | null) => (c === null ? '' : (cells[c] ?? '').trim());
  const number = at(mapping.electorNumber);
  const prefix = at(mapping.pollingDistrict) || (/^\d/.test(number) ? (district ?? '') : '');
  const suffix = at(mapping.suffix);
  if (number === '') return { ok: false, reason: 'the elector number is empty' };
  if (/^\d/.test(number) && prefix === '')
    return { ok: false, reason: `elector number ${number} has no polling-district prefix: map the prefix column or choose the district` };
  let written = /^\d/.test(number) ? `${prefix}-${number}` : number;
  if (suffix !== '' && suffix !== '0') written += `/${suffix}`;
  const canonical = canonicalElectorNumber(written);
  return canonical === null ? { ok: false, reason: `"${written}" is not an elector number (e.g. AB-123 or AB-123/1)` } : { ok: true, value: canonical };
}

export type AbsentVote = 'postal' | 'proxy' | 'postal_proxy';
export const ABSENT_VOTE_LABELS: Record<AbsentVote, string> = { postal: 'Postal', proxy: 'Proxy', postal_proxy: 'Postal proxy' };

/** An absent voters list's type cell: P / postal, Q / PX / proxy, PP / postal proxy. */
export function readAbsentVote(text: string): AbsentVote | null {
  const t = text
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ');
  if (['p', 'pv', 'postal', 'postal vote', 'postal voter', 'a', 'av'].includes(t)) return 'postal';
  if (['q', 'px', 'proxy', 'proxy vote', 'proxy voter'].includes(t)) return 'proxy';
  if (['pp', 'ppx', 'postal proxy', 'proxy postal', 'postal proxy vote'].includes(t)) return 'postal_proxy';
  return null;
}

export type VoteMethod = 'in_person' | 'postal' | 'proxy';
export const VOTE_METHOD_LABELS: Record<VoteMethod, string> = { in_person: 'in person', postal: 'postal', proxy: 'by proxy' };

/**
 * A marked register's mark: blank, X, V, Y or "in person" voted in person; P, A or "postal"
 * by post; Q / PX / "proxy" by proxy; N / "no" / "did not vote" is a row of someone who did not
 * vote (skipped). Anything else is null (the line is refused).
 */
export function readVoteMark(text: string): VoteMethod | 'not_voted' | null {
  const t = text
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ');
  if (['', 'x', 'v', 'y', 'yes', 'voted', 'in person', 'ip', 'polling station', 'ps'].includes(t)) return 'in_person';
  if (['p', 'pv', 'a', 'av', 'postal', 'postal vote', 'post'].includes(t)) return 'postal';
  if (['q', 'px', 'proxy'].includes(t)) return 'proxy';
  if (['n', 'no', 'did not vote', 'not voted', '0'].includes(t)) return 'not_voted';
  return null;
}

/** The voting-history filter in words: "voted in at least 2 of the last 3 elections". */
export function votedInText(v: { n: number; m: number }): string {
  if (v.m === 1) return v.n === 1 ? 'voted in the last election' : 'any voting history';
  return v.n === v.m ? `voted in all of the last ${v.m} elections` : `voted in at least ${v.n} of the last ${v.m} elections`;
}

/**
 * The filter as typed outside the screens (`?voted=2&of=3`, `--voted 2 --of 3`): undefined when
 * neither is given, null when the pair is not "N of the last M" (N from 0, M from 1 to 20, N no more than M).
 */
export function parseVotedIn(voted: string | undefined, of: string | undefined): { n: number; m: number } | undefined | null {
  if (voted === undefined && of === undefined) return undefined;
  const n = /^\d{1,2}$/.test(voted ?? '') ? Number(voted) : -1;
  const m = /^\d{1,2}$/.test(of ?? '') ? Number(of) : 0;
  return n < 0 || m < 1 || m > 20 || n > m ? null : { n, m };
}
