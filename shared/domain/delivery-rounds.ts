/**
 * Delivery rounds: a named list of streets, in walking order, with the households on each.
 * Pure rules for checking a round, estimating how long it takes to walk, and whether the rounds
 * still to do fit the time volunteers have planned before polling day.
 */
import { formatDateLong } from './working-days.ts';
import { plural } from './words.ts';

/** A problem with one field of an input; `field` is a dotted path such as `streets.2.households`. */
export interface FieldProblem {
  field: string;
  message: string;
}

interface StreetDraft {
  name: string;
  households: number;
}

export interface RoundDraft {
  name: string;
  streets: readonly StreetDraft[];
}

function isWholeCount(n: number): boolean {
  return Number.isInteger(n) && n >= 0;
}

export function validateRound(round: RoundDraft): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (round.name.trim() === '') problems.push({ field: 'name', message: 'Give the round a name, e.g. "Elm Road and Oak Close".' });
  if (round.streets.length === 0) {
    problems.push({ field: 'streets', message: 'A round needs at least one street: add the streets in the order they are walked.' });
    return problems;
  }
  round.streets.forEach((s, i) => {
    const where = `Street ${i + 1}`;
    if (s.name.trim() === '') problems.push({ field: `streets.${i}.name`, message: `${where} has no name.` });
    if (!isWholeCount(s.households)) {
      problems.push({
        field: `streets.${i}.households`,
        message: `${where}${s.name.trim() === '' ? '' : ` (${s.name.trim()})`}: households must be a whole number, 0 or more (got ${s.households}).`,
      });
    }
  });
  if (problems.length === 0 && roundHouseholds(round.streets) === 0) {
    problems.push({ field: 'streets', message: 'The round has no households: enter how many households each street has.' });
  }
  return problems;
}

export function roundHouseholds(streets: readonly { households: number }[]): number {
  return streets.reduce((n, s) => n + s.households, 0);
}

/** How fast a round is walked: letterboxes per hour plus time to get from one street to the next. */
export interface Pace {
  householdsPerHour: number;
  minutesPerStreet: number;
}

/**
 * A deliverer on foot manages about 100 letterboxes an hour across mixed housing (faster in
 * terraces, much slower where houses are spread out); the per-street time covers walking between
 * streets. Users can override a round's estimate.
 */
const DEFAULT_PACE: Pace = { householdsPerHour: 100, minutesPerStreet: 3 };

/** Estimated minutes to walk a round, rounded up to the next 5 minutes; 0 for an empty round. */
export function estimateRoundMinutes(streets: readonly { households: number }[], pace: Pace = DEFAULT_PACE): number {
  const households = roundHouseholds(streets);
  if (streets.length === 0 || households === 0) return 0;
  if (pace.householdsPerHour <= 0) throw new RangeError('householdsPerHour must be above 0');
  const minutes = (households / pace.householdsPerHour) * 60 + streets.length * pace.minutesPerStreet;
  return Math.ceil(minutes / 5) * 5;
}

/** "1 h 25 min", "40 min", "2 h". */
export function formatMinutes(minutes: number): string {
  const m = Math.max(0, Math.round(minutes));
  const h = Math.floor(m / 60);
  const rest = m % 60;
  if (h === 0) return `${rest} min`;
  return rest === 0 ? `${h} h` : `${h} h ${rest} min`;
}

/** A round still to be (fully) delivered for a leaflet. */
export interface RemainingRound<Id> {
  roundId: Id;
  name: string;
  households: number;
  /** Households on the round not yet reached by this leaflet. */
  leftHouseholds: number;
  /** Minutes to walk the whole round. */
  estimatedMinutes: number;
}

export interface RoundAssignment<Id> {
  roundId: Id;
  volunteerId: Id;
  volunteerName: string;
  /** 'YYYY-MM-DD', or null when the volunteer has not said when. */
  plannedOn: string | null;
  /** Time the volunteer has set aside; null means "as long as the round takes". */
  plannedMinutes: number | null;
}

type RoundPlanStatus =
  | 'planned' // assigned, dated before polling day, enough time set aside
  | 'unassigned' // nobody has taken it
  | 'undated' // assigned but with no date
  | 'overdue' // its planned date has passed and it is still not delivered
  | 'too-late' // planned for polling day or after
  | 'short' // less time set aside than the round needs
  | 'overbooked'; // the volunteer has more planned that day than a day holds

interface RoundPlan<Id> {
  roundId: Id;
  name: string;
  /** Minutes still needed: the estimate scaled to the households left. */
  neededMinutes: number;
  /** Minutes volunteers have set aside on usable dates (today up to the day before polling day). */
  plannedMinutes: number;
  status: RoundPlanStatus;
  message: string;
}

export interface PlanFit<Id> {
  fits: boolean;
  neededMinutes: number;
  plannedMinutes: number;
  /** Needed minutes not matched by planned time (0 when everything fits). */
  shortfallMinutes: number;
  rounds: RoundPlan<Id>[];
  summary: string;
}

export interface PlanFitOptions {
  today: string;
  pollingDay: string;
  /** A volunteer's planned rounds on one day beyond this are flagged; default 6 hours. */
  maxMinutesPerVolunteerDay?: number;
}

export function neededMinutes(round: { households: number; leftHouseholds: number; estimatedMinutes: number }): number {
  if (round.leftHouseholds <= 0 || round.households <= 0) return 0;
  if (round.leftHouseholds >= round.households) return round.estimatedMinutes;
  return Math.ceil((round.estimatedMinutes * round.leftHouseholds) / round.households / 5) * 5;
}

/**
 * Whether the rounds not yet delivered fit the time volunteers have planned before polling day.
 * Every remaining round must be assigned, dated from today up to the day before polling day,
 * with at least the time it needs, and no volunteer may have more than a day's walking planned
 * on one day.
 */
export function planFit<Id>(remaining: readonly RemainingRound<Id>[], assignments: readonly RoundAssignment<Id>[], options: PlanFitOptions): PlanFit<Id> {
  const { today, pollingDay } = options;
  const maxDay = options.maxMinutesPerVolunteerDay ?? 360;
  const usable = (a: RoundAssignment<Id>) => a.plannedOn !== null && a.plannedOn >= today && a.plannedOn < pollingDay;
  const todo = remaining.filter((r) => r.leftHouseholds > 0);
  const need = new Map<Id, number>(todo.map((r) => [r.roundId, neededMinutes(r)]));

  // Load per volunteer per day, counting each assignment at its planned minutes (or the need).
  const load = new Map<string, number>();
  const dayKey = (a: RoundAssignment<Id>) => `${String(a.volunteerId)}|${a.plannedOn}`;
  for (const a of assignments) {
    if (!usable(a) || !need.has(a.roundId)) continue;
    load.set(dayKey(a), (load.get(dayKey(a)) ?? 0) + (a.plannedMinutes ?? need.get(a.roundId)!));
  }

  const rounds: RoundPlan<Id>[] = todo.map((r) => {
    const needed = need.get(r.roundId)!;
    const mine = assignments.filter((a) => a.roundId === r.roundId);
    const good = mine.filter(usable);
    const planned = good.reduce((n, a) => n + (a.plannedMinutes ?? needed), 0);
    const base = { roundId: r.roundId, name: r.name, neededMinutes: needed, plannedMinutes: Math.min(planned, needed) };
    if (mine.length === 0) return { ...base, status: 'unassigned', message: `${r.name} is not assigned to anyone.` };
    if (good.length === 0) {
      const dated = mine.filter((a) => a.plannedOn !== null);
      if (dated.length === 0) return { ...base, status: 'undated', message: `${r.name} is assigned to ${names(mine)} with no planned date.` };
      if (dated.some((a) => a.plannedOn! >= pollingDay)) {
        return {
          ...base,
          status: 'too-late',
          message: `${r.name} is planned for ${formatDateLong(
            dated
              .map((a) => a.plannedOn)
              .sort()
              .at(-1),
          )}, not before polling day (${formatDateLong(pollingDay)}).`,
        };
      }
      return {
        ...base,
        status: 'overdue',
        message: `${r.name} was planned for ${dated
          .map((a) => a.plannedOn)
          .sort()
          .at(-1)} and is not yet delivered.`,
      };
    }
    const busy = good.find((a) => (load.get(dayKey(a)) ?? 0) > maxDay);
    if (busy) {
      return {
        ...base,
        status: 'overbooked',
        message: `${busy.volunteerName} has ${formatMinutes(load.get(dayKey(busy))!)} of rounds planned on ${formatDateLong(busy.plannedOn)}, more than ${formatMinutes(maxDay)}.`,
      };
    }
    if (planned < needed) {
      return { ...base, status: 'short', message: `${r.name} needs about ${formatMinutes(needed)}; ${formatMinutes(planned)} is planned.` };
    }
    const first = good.map((a) => a.plannedOn!).sort()[0];
    return { ...base, status: 'planned', message: `${r.name}: ${names(good)} on ${first}.` };
  });

  const neededTotal = rounds.reduce((n, r) => n + r.neededMinutes, 0);
  const plannedTotal = rounds.reduce((n, r) => n + r.plannedMinutes, 0);
  const fits = rounds.every((r) => r.status === 'planned');
  return {
    fits,
    neededMinutes: neededTotal,
    plannedMinutes: plannedTotal,
    shortfallMinutes: Math.max(0, neededTotal - plannedTotal),
    rounds,
    summary: summarise(rounds, fits, neededTotal, pollingDay, today),
  };
}

function names<Id>(as: readonly RoundAssignment<Id>[]): string {
  return [...new Set(as.map((a) => a.volunteerName))].join(' and ');
}

function summarise<Id>(rounds: readonly RoundPlan<Id>[], fits: boolean, needed: number, pollingDay: string, today: string): string {
  if (rounds.length === 0) return 'Every round has been delivered.';
  const count = `${plural(rounds.length, 'round')} (${formatMinutes(needed)})`;
  if (today >= pollingDay) return `${count} still to deliver and polling day (${formatDateLong(pollingDay)}) has come.`;
  if (fits) return `${count} to deliver; all fit the time volunteers have planned before polling day (${formatDateLong(pollingDay)}).`;
  const notOk = rounds.filter((r) => r.status !== 'planned').length;
  return `${count} to deliver; ${notOk} do${notOk === 1 ? 'es' : ''} not fit the time volunteers have planned before polling day (${formatDateLong(pollingDay)}).`;
}

/** A street's name for matching: case, punctuation and spacing do not count ("St." is "St"). */
function streetKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export interface RoundStreet {
  name: string;
  households: number;
  householdsSource: 'entered' | 'register';
  notes: string;
}

/**
 * Household counts from the register for a round's streets, matched by name. A round with no
 * named street yet takes every register street, in walk order. Streets the register does not know
 * keep what was entered.
 */
export function fillFromRegister(
  streets: readonly RoundStreet[],
  register: readonly { street: string; households: number }[],
): { streets: RoundStreet[]; matched: number; missing: string[] } {
  const named = streets.filter((s) => s.name.trim() !== '');
  if (named.length === 0) {
    return {
      streets: register.map((r) => ({ name: r.street, households: r.households, householdsSource: 'register', notes: '' })),
      matched: register.length,
      missing: [],
    };
  }
  const counts = new Map<string, number>();
  for (const r of register) counts.set(streetKey(r.street), (counts.get(streetKey(r.street)) ?? 0) + r.households);
  const missing: string[] = [];
  let matched = 0;
  const filled = named.map((s): RoundStreet => {
    const n = counts.get(streetKey(s.name));
    if (n === undefined) {
      missing.push(s.name.trim());
      return s;
    }
    matched += 1;
    return { ...s, households: n, householdsSource: 'register' };
  });
  return { streets: filled, matched, missing };
}
