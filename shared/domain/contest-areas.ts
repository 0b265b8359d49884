/**
 * Which areas an election is fought in: a Westminster election in constituencies, a principal
 * council in wards or divisions, and so on (../domain notes §2). Offered when adding a contest and
 * used by "consider all areas", so a district-council election never lists Westminster seats.
 */
import type { ElectionType, Nation } from './election-types.ts';

/** The kinds of area (as areas record them) each type of election is contested in. */
export const CONTEST_AREA_KINDS: Record<ElectionType, readonly string[]> = {
  'uk-parliament': ['constituency'],
  'uk-parliament-by': ['constituency'],
  local: ['ward', 'division'],
  parish: ['parish'],
  mayor: ['authority'],
  'combined-authority-mayor': ['authority', 'region'],
  pcc: ['authority', 'region'],
  gla: ['constituency', 'region'],
  'scottish-parliament': ['constituency', 'region'],
  senedd: ['constituency'],
  'ni-assembly': ['constituency'],
};

/** Westminster elections span the UK; every other election is held under one nation's rules. */
const UK_WIDE: readonly ElectionType[] = ['uk-parliament', 'uk-parliament-by'];

export function areaFitsElection(area: { kind: string; nation: Nation }, election: { type: ElectionType; nation: Nation }): boolean {
  if (!CONTEST_AREA_KINDS[election.type].includes(area.kind)) return false;
  return UK_WIDE.includes(election.type) || area.nation === election.nation;
}

/** The filter of "consider all areas": one nation (or all), one region (or all), and text the name contains. */
export interface AreaFilter {
  nation: Nation | null;
  region: string | null;
  nameContains: string;
}

export function matchesAreaFilter(area: { name: string; nation: Nation; region: string }, filter: AreaFilter): boolean {
  if (filter.nation !== null && area.nation !== filter.nation) return false;
  const region = filter.region?.trim().toLocaleLowerCase('en-GB');
  if (region && area.region.toLocaleLowerCase('en-GB') !== region) return false;
  return area.name.toLocaleLowerCase('en-GB').includes(filter.nameContains.trim().toLocaleLowerCase('en-GB'));
}

/** The regions recorded among some areas, in alphabetical order, to offer as a filter. */
export function regionsOf(areas: { region: string }[]): string[] {
  return [...new Set(areas.map((a) => a.region).filter(Boolean))].sort((a, b) => a.localeCompare(b, 'en-GB'));
}
