/**
 * Coverage of one leaflet: households reached vs households in the area, round by round and by
 * polling district. A round counts as reached in full once a drop is marked complete (some
 * doors have no letterbox) or the copies delivered reach its households; copies beyond a round's
 * households never count as extra households reached.
 */
export interface CoverageRound<Id> {
  roundId: Id;
  name: string;
  /** Polling district code, or null for a round not tied to one. */
  pollingDistrict: string | null;
  households: number;
}

export interface CoverageDrop<Id> {
  roundId: Id;
  delivered: number;
  complete: boolean;
}

type RoundCoverageStatus = 'not-started' | 'partial' | 'complete';

export interface RoundCoverage<Id> extends CoverageRound<Id> {
  /** Copies delivered on this round (all drops of the leaflet). */
  delivered: number;
  /** Households reached: at most the round's households. */
  reached: number;
  /** Households still to reach. */
  left: number;
  /** Copies delivered beyond the round's households. */
  over: number;
  status: RoundCoverageStatus;
}

export function roundCoverage<Id>(round: CoverageRound<Id>, drops: readonly CoverageDrop<Id>[]): RoundCoverage<Id> {
  const mine = drops.filter((d) => d.roundId === round.roundId);
  const delivered = mine.reduce((n, d) => n + d.delivered, 0);
  const complete = mine.some((d) => d.complete) || (round.households > 0 && delivered >= round.households);
  const reached = complete ? round.households : Math.min(delivered, round.households);
  const status: RoundCoverageStatus = complete ? 'complete' : mine.length === 0 ? 'not-started' : 'partial';
  return { ...round, delivered, reached, left: round.households - reached, over: Math.max(0, delivered - round.households), status };
}

interface DistrictCoverage {
  /** Polling district code, or null for rounds with none. */
  district: string | null;
  /** Households in the district: the register's count when given, else the rounds' total. */
  households: number;
  /** Households on this district's rounds. */
  roundHouseholds: number;
  reached: number;
  /** 0–100, or null when the district has no households. */
  percent: number | null;
  rounds: number;
  roundsComplete: number;
}

export interface Coverage<Id> {
  rounds: RoundCoverage<Id>[];
  districts: DistrictCoverage[];
  total: Omit<DistrictCoverage, 'district'>;
  /** Rounds this leaflet has not reached in full, in the order given. */
  notCovered: RoundCoverage<Id>[];
}

export function percentOf(part: number, whole: number): number | null {
  return whole > 0 ? (part / whole) * 100 : null;
}

/**
 * "62.5%", "—" for no households. Rounded down to one decimal place so a district one household
 * short never reads as 100%.
 */
export function formatPercent(percent: number | null): string {
  if (percent === null) return '—';
  const down = Math.floor(percent * 10 + 1e-9) / 10;
  return `${Number.isInteger(down) ? down.toFixed(0) : down.toFixed(1)}%`;
}

/**
 * Coverage of one leaflet over the given rounds (usually those in its contest's area).
 * `districtHouseholds` holds households per polling district from the register when it is loaded;
 * a district missing from it, or counted lower than its rounds, uses the rounds' total.
 */
export function coverage<Id>(
  rounds: readonly CoverageRound<Id>[],
  drops: readonly CoverageDrop<Id>[],
  districtHouseholds: Readonly<Record<string, number>> = {},
): Coverage<Id> {
  const perRound = rounds.map((r) => roundCoverage(r, drops));
  const byDistrict = new Map<string | null, RoundCoverage<Id>[]>();
  for (const r of perRound) {
    const key = r.pollingDistrict === null || r.pollingDistrict.trim() === '' ? null : r.pollingDistrict.trim().toUpperCase();
    byDistrict.set(key, [...(byDistrict.get(key) ?? []), r]);
  }
  for (const code of Object.keys(districtHouseholds)) {
    const key = code.trim().toUpperCase();
    if (!byDistrict.has(key)) byDistrict.set(key, []);
  }
  const registered = new Map(Object.entries(districtHouseholds).map(([k, v]) => [k.trim().toUpperCase(), v]));

  const districts: DistrictCoverage[] = [...byDistrict.entries()]
    .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b)))
    .map(([district, rs]) => {
      const roundHouseholds = rs.reduce((n, r) => n + r.households, 0);
      const households = Math.max(roundHouseholds, district === null ? 0 : (registered.get(district) ?? 0));
      const reached = rs.reduce((n, r) => n + r.reached, 0);
      return {
        district,
        households,
        roundHouseholds,
        reached,
        percent: percentOf(reached, households),
        rounds: rs.length,
        roundsComplete: rs.filter((r) => r.status === 'complete').length,
      };
    });

  const households = districts.reduce((n, d) => n + d.households, 0);
  const reached = districts.reduce((n, d) => n + d.reached, 0);
  return {
    rounds: perRound,
    districts,
    total: {
      households,
      roundHouseholds: districts.reduce((n, d) => n + d.roundHouseholds, 0),
      reached,
      percent: percentOf(reached, households),
      rounds: perRound.length,
      roundsComplete: perRound.filter((r) => r.status === 'complete').length,
    },
    notCovered: perRound.filter((r) => r.status !== 'complete'),
  };
}
