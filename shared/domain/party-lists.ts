/**
 * Party lists in list elections (issue 14; domain notes §4, ../data/senedd-2026-notes.md): which
 * contests are fought by lists, how many names a list may hold, the list's papers, the figures
 * that are the list's own (deposit, party spending limit) and the seats a list wins.
 *
 * The Senedd figures here are NOT confirmed by a source for 2026; they are editable defaults,
 * kept behind small named functions so they can be pointed at the nomination and spending-limit
 * rule tables once those hold them.
 */
import type { DepositRule } from './deposits.ts';
import type { ElectionType } from './election-types.ts';
import { formatPence } from './money.ts';
import { type ChecklistInput, type ItemState, type PostKind, consentProblems, depositItem, itemStateProblem } from './nominations.ts';

/** Polls after 6 April 2026 are run under WSI 2025/864: six seats per constituency from closed lists. */
const SENEDD_LIST_SYSTEM_FROM = '2026-04-07';

export interface ListBallot {
  /** What the user reads, e.g. "Senedd constituency (closed lists)". */
  label: string;
  /** Seats filled from the lists in one contest. */
  seats: number;
  /** Most names one party list may hold; null where no limit is recorded. */
  maxNames: number | null;
  /**
   * `dhondt`: every list's votes divided by 1, 2, 3…; `additional-member`: the divisor also counts
   * the constituency seats a party already won (Scottish regions, London-wide list).
   */
  allocation: 'dhondt' | 'additional-member';
  /** Share of the list votes a party needs to take part in the allocation (basis points; 0 = none). */
  thresholdBasisPoints: number;
  source: string;
}

const SENEDD_2026: ListBallot = {
  label: 'Senedd constituency (closed party lists)',
  seats: 6,
  maxNames: 8,
  allocation: 'dhondt',
  thresholdBasisPoints: 0,
  source: "Senedd Cymru (Members and Elections) Act 2024 s.1 (6 seats) and GoWA 2006 s.7(3) as substituted (1 to 8 names); D'Hondt, s.9",
};

const SCOTTISH_REGION: ListBallot = {
  label: 'Scottish Parliament region (regional lists)',
  seats: 7,
  maxNames: null,
  allocation: 'additional-member',
  thresholdBasisPoints: 0,
  source: 'Scotland Act 1998 ss.6–8: 7 regional members per region, constituency seats counted',
};

const LONDON_WIDE: ListBallot = {
  label: 'London-wide Assembly list',
  seats: 11,
  maxNames: null,
  allocation: 'additional-member',
  thresholdBasisPoints: 500,
  source: 'Greater London Authority Act 1999 s.4 and Sch 2: 11 London members, 5% threshold, constituency seats counted',
};

/**
 * The list ballot of a contest, or null where candidates stand singly (a list there is refused).
 * A Scottish Parliament contest is a regional list when its area is a region.
 */
export function listBallotOf(c: { electionType: ElectionType; postKind: PostKind; areaKind: string; pollingDay: string }): ListBallot | null {
  if (c.electionType === 'senedd') return c.pollingDay >= SENEDD_LIST_SYSTEM_FROM ? SENEDD_2026 : null;
  if (c.electionType === 'scottish-parliament') return c.areaKind === 'region' ? SCOTTISH_REGION : null;
  if (c.electionType === 'gla') return c.postKind === 'gla-list' ? LONDON_WIDE : null;
  return null;
}

/**
 * The deposit for one Senedd party list (notes §3: a deposit is required per list and per
 * individual candidate; the 2026 amount was not found). 2021: £500, returned above 5%.
 * Used only while the nomination rules give no Senedd deposit.
 */
export function seneddListDeposit(): DepositRule {
  return { amountPence: 50_000, amountSource: 'unconfirmed', returnRule: { kind: 'share-above', basisPoints: 500 } };
}

export interface ListLimit {
  limitPence: number;
  working: string;
  label: string;
  instrument: string;
  confirmed: boolean;
  note: string;
}

/**
 * The party's spending limit for one Senedd list (notes §5, as proposed): £52,500 for a list of
 * one, £3,500 more for each further name, at most £70,000 (six names or more). Unconfirmed:
 * whether the regulations were made was not found.
 */
export function seneddPartyListLimit(names: number): ListLimit {
  const counted = Math.min(Math.max(names, 1), 6);
  const limitPence = 5_250_000 + (counted - 1) * 350_000;
  const working =
    counted === 1
      ? `Party limit for a list of one: ${formatPence(limitPence, { wholePounds: true })}`
      : `£52,500 + ${counted - 1} × £3,500 for a list of ${names} name${names === 1 ? '' : 's'}${names > 6 ? ' (counted up to 6)' : ''} = ${formatPence(limitPence, { wholePounds: true })}`;
  return {
    limitPence,
    working,
    label: 'Senedd party list (party spending in the constituency)',
    instrument: 'Welsh Government written statement of 17 April 2025 on the Electoral Commission’s recommendation (regulations under PPERA not confirmed)',
    confirmed: false,
    note: 'Party spending is reported by the party to the Electoral Commission; list candidates each make a declaration as to personal expenses. Check the limit and correct it from the returning officer’s or the Commission’s figure.',
  };
}

// ---------------------------------------------------------------------------------------------
// The list's papers

export const LIST_ITEM_IDS = ['party-nomination-paper', 'certificate-of-authorisation', 'emblem-request', 'deposit', 'election-agent'] as const;
export type ListItemId = (typeof LIST_ITEM_IDS)[number];

interface ListItemDef {
  id: ListItemId;
  label: string;
  description: string;
  applies: boolean;
  optional: boolean;
  skippable: boolean;
}

function listChecklist(deposit: DepositRule | null): ListItemDef[] {
  const def = (id: ListItemId, label: string, description: string, extra: Partial<ListItemDef> = {}): ListItemDef => ({
    id,
    label,
    description,
    applies: true,
    optional: false,
    skippable: false,
    ...extra,
  });
  return [
    def('party-nomination-paper', 'Party nomination paper', 'The party’s nomination paper naming the list in order, delivered by hand.'),
    def(
      'certificate-of-authorisation',
      'Certificate of authorisation',
      'From the party’s nominating officer, allowing the party name or description. May be posted, not emailed.',
    ),
    def('emblem-request', 'Emblem request', 'Asks for the party emblem on the ballot paper. Optional.', { optional: true, skippable: true }),
    def(
      'deposit',
      'Deposit',
      deposit
        ? `One deposit for the whole list: ${formatPence(deposit.amountPence, { wholePounds: true })}, paid to the returning officer by close of nominations (a treasury record).`
        : 'No deposit for this list.',
      { applies: deposit !== null },
    ),
    def(
      'election-agent',
      'Election agent',
      'One agent for the whole list; if none is named, the first candidate on the list is the agent. Mark it not needed to leave it so.',
      { skippable: true },
    ),
  ];
}

export interface ListMemberPapers {
  name: string;
  consentSignedOn: string | null;
  consentWitnessedBy: string;
  homeAddressFormOn: string | null;
}

export interface ListItemState {
  state: ItemState;
  doneOn: string | null;
  note: string;
}

export interface ListEvaluation {
  items: (ListItemDef & ListItemState & { problems: string[] })[];
  /** Per member, in list order. */
  members: { problems: string[] }[];
  problems: string[];
  complete: boolean;
}

/** The list's papers with their problems: the list items, then each name's consent and home address form. */
export function evaluateList(input: {
  ballot: ListBallot;
  deposit: DepositRule | null;
  items: Partial<Record<ListItemId, ListItemState>>;
  members: readonly ListMemberPapers[];
  closeOfNominations: string | null;
  deliveredOn: string | null;
  today: string;
  /** The deposit the treasury holds for the list's contest: the deposit item follows it. */
  depositPaid: ChecklistInput['depositPaid'];
}): ListEvaluation {
  const overdue = (done: boolean) =>
    !done && input.closeOfNominations && input.today > input.closeOfNominations ? [`Overdue: nominations closed on ${input.closeOfNominations}`] : [];
  const items = listChecklist(input.deposit).map((def) => {
    const saved = input.items[def.id];
    let state: ItemState = def.applies ? (saved?.state ?? 'todo') : 'not-needed';
    let doneOn = saved?.doneOn ?? null;
    const problems: string[] = [];
    if (def.applies && def.id === 'deposit' && input.deposit) {
      const linked = depositItem(input.deposit.amountPence, input.depositPaid, state, input.closeOfNominations);
      state = linked.state;
      doneOn = linked.doneOn ?? doneOn;
      problems.push(...linked.problems);
    }
    if (def.applies) {
      const bad = itemStateProblem(def, state);
      if (bad) problems.push(bad);
      if (!def.optional) problems.push(...overdue(state === 'done' || state === 'not-needed'));
    }
    return { ...def, state, doneOn, note: saved?.note ?? '', problems };
  });
  const members = input.members.map((m) => {
    const c = consentProblems({
      signedOn: m.consentSignedOn,
      witnessedBy: m.consentWitnessedBy,
      closeOfNominations: input.closeOfNominations,
      deliveredOn: input.deliveredOn,
      today: input.today,
    });
    const problems = [...c.refusals, ...(m.consentSignedOn ? c.warnings : ['Consent to nomination not yet signed'])];
    if (!m.homeAddressFormOn) problems.push('Home address form not yet received');
    problems.push(...overdue(m.consentSignedOn !== null && m.homeAddressFormOn !== null));
    return { problems };
  });
  const problems = [
    ...listSizeProblems(input.ballot, input.members.length),
    ...items.flatMap((i) => i.problems.map((p) => `${i.label}: ${p}`)),
    ...members.flatMap((m, i) => m.problems.map((p) => `${i + 1}. ${input.members[i].name}: ${p}`)),
  ];
  const itemsDone = items.every((i) => !i.applies || i.optional || i.state === 'done' || (i.skippable && i.state === 'not-needed'));
  return { items, members, problems, complete: itemsDone && problems.length === 0 };
}

/** Why a list of this size cannot be nominated, if it cannot. */
export function listSizeProblems(ballot: Pick<ListBallot, 'maxNames'>, names: number): string[] {
  if (names === 0) return ['The list has no names yet: a list needs at least one'];
  if (ballot.maxNames !== null && names > ballot.maxNames) return [`The list has ${names} names; a list may hold at most ${ballot.maxNames}`];
  return [];
}

// ---------------------------------------------------------------------------------------------
// Seats won: D'Hondt

export interface AllocationEntry {
  /** Identifies the row in the answer, e.g. the result row's index. */
  key: string;
  name: string;
  votes: number;
  /** Names on the list: a list cannot win more seats than it has names (an individual: 1). */
  maxSeats: number;
  /** Constituency seats already won (additional-member systems only). */
  priorSeats?: number;
}

export interface Allocation {
  seats: Record<string, number>;
  /** The order seats were given, as keys: seat 1 first. */
  order: string[];
  /** Where two quotients were equal for a seat: the returning officer decides it by lot. */
  ties: string[];
  /** Entries left out for polling below the threshold. */
  belowThreshold: string[];
}

/**
 * Seats by the D'Hondt method: each seat goes to the entry with the highest votes ÷ (seats it
 * already holds + 1), comparing in integers (a × d₂ against b × d₁) so nothing is rounded. With
 * `priorSeats` (additional-member systems) the constituency seats count in the divisor. A tie is
 * given provisionally to the entry with more votes (then the one listed first) and reported.
 */
export function allocateSeats(entries: readonly AllocationEntry[], seats: number, opts: { thresholdBasisPoints?: number } = {}): Allocation {
  if (!Number.isSafeInteger(seats) || seats < 1) throw new RangeError(`seats must be 1 or more (got ${seats})`);
  for (const e of entries) {
    if (!Number.isSafeInteger(e.votes) || e.votes < 0) throw new RangeError(`votes for ${e.name} must be a whole number of 0 or more`);
  }
  const total = entries.reduce((a, e) => a + e.votes, 0);
  const threshold = opts.thresholdBasisPoints ?? 0;
  const belowThreshold = threshold > 0 ? entries.filter((e) => e.votes * 10_000 < threshold * total).map((e) => e.key) : [];
  const won: Record<string, number> = Object.fromEntries(entries.map((e) => [e.key, 0]));
  const order: string[] = [];
  const ties: string[] = [];
  for (let seat = 1; seat <= seats; seat++) {
    let best: AllocationEntry | null = null;
    let tied: AllocationEntry[] = [];
    for (const e of entries) {
      if (e.votes === 0 || won[e.key] >= e.maxSeats || belowThreshold.includes(e.key)) continue;
      if (!best) {
        best = e;
        tied = [e];
        continue;
      }
      const cmp = e.votes * divisor(best, won) - best.votes * divisor(e, won);
      if (cmp > 0 || (cmp === 0 && e.votes > best.votes)) {
        tied = cmp === 0 ? [...tied, e] : [e];
        best = e;
      } else if (cmp === 0) tied.push(e);
    }
    if (!best) break;
    if (tied.length > 1)
      ties.push(`Seat ${seat}: ${tied.map((t) => t.name).join(' and ')} tie; the returning officer decides by lot (shown here for ${best.name})`);
    won[best.key] += 1;
    order.push(best.key);
  }
  return { seats: won, order, ties, belowThreshold };
}

function divisor(e: AllocationEntry, won: Record<string, number>): number {
  return (e.priorSeats ?? 0) + won[e.key] + 1;
}
