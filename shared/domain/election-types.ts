/**
 * The kinds of election Hustings knows (../domain notes §2). The keys are the CLI contract's
 * `--type` values; `local` covers every principal council and the nation picks whose rules apply.
 */
export const NATIONS = ['england', 'wales', 'scotland', 'northern-ireland'] as const;
export type Nation = (typeof NATIONS)[number];

export const NATION_LABELS: Record<Nation, string> = {
  england: 'England',
  wales: 'Wales',
  scotland: 'Scotland',
  'northern-ireland': 'Northern Ireland',
};

export const ELECTION_TYPES = [
  'uk-parliament',
  'uk-parliament-by',
  'local',
  'parish',
  'mayor',
  'combined-authority-mayor',
  'pcc',
  'gla',
  'scottish-parliament',
  'senedd',
  'ni-assembly',
] as const;
export type ElectionType = (typeof ELECTION_TYPES)[number];

export interface ElectionTypeInfo {
  label: string;
  /** Nations where this kind of election is held. */
  nations: readonly Nation[];
  /** Democracy Club id prefix (§8). */
  dcType: string;
}

const GB_EW: readonly Nation[] = ['england', 'wales'];

export const ELECTION_TYPE_INFO: Record<ElectionType, ElectionTypeInfo> = {
  'uk-parliament': { label: 'UK Parliament general election', nations: NATIONS, dcType: 'parl' },
  'uk-parliament-by': { label: 'UK Parliament by-election', nations: NATIONS, dcType: 'parl' },
  local: { label: 'Principal council', nations: NATIONS, dcType: 'local' },
  parish: { label: 'Parish or town council', nations: GB_EW, dcType: 'local' },
  mayor: { label: 'Local authority mayor', nations: ['england'], dcType: 'mayor' },
  'combined-authority-mayor': { label: 'Combined authority mayor', nations: ['england'], dcType: 'mayor' },
  pcc: { label: 'Police and crime commissioner', nations: GB_EW, dcType: 'pcc' },
  gla: { label: 'Greater London Authority', nations: ['england'], dcType: 'gla' },
  'scottish-parliament': { label: 'Scottish Parliament', nations: ['scotland'], dcType: 'sp' },
  senedd: { label: 'Senedd', nations: ['wales'], dcType: 'senedd' },
  'ni-assembly': { label: 'Northern Ireland Assembly', nations: ['northern-ireland'], dcType: 'nia' },
};

/** The label a user reads: a principal council is named for its nation's rules. */
export function electionTypeLabel(type: ElectionType, nation: Nation): string {
  if (type !== 'local') return ELECTION_TYPE_INFO[type].label;
  if (nation === 'scotland') return 'Scottish council';
  if (nation === 'northern-ireland') return 'Northern Ireland council';
  return 'English/Welsh principal council';
}

/** Democracy Club election id: type[.subtype][.organisation][.division][.by].YYYY-MM-DD (§8). */
export const DC_ELECTION_ID = /^(parl|nia|senedd|sp|gla|local|pcc|mayor|ref)(\.[a-z0-9]+(?:-[a-z0-9]+)*)*\.(\d{4}-\d{2}-\d{2})$/;
