/**
 * Police and crime commissioner candidates' spending limits: a fixed maximum per police area
 * (PCC Elections Order 2012, SI 2012/1917, art.35(2) Table 2), uprated from 12 December 2023 by
 * SI 2023/1227 art.2. Only two uprated figures were found in a source; for the others the 2012
 * figure is the default, flagged unconfirmed (the current figure is higher) and editable per
 * contest. Data and provenance: ../data/pcc-spending-limits.json, ../data/README.md.
 */
import table from '../data/pcc-spending-limits.json' with { type: 'json' };

export interface PoliceArea {
  policeArea: string;
  country: string;
  limit2012Pounds: number;
  /** The SI 2023/1227 figure, where one was found. */
  currentPounds: number | null;
  note?: string;
}

export const POLICE_AREAS: readonly PoliceArea[] = table;

const PCC_2012 = 'the Police and Crime Commissioner Elections Order 2012 (SI 2012/1917) art.35(2) Table 2';
const PCC_2023 = 'SI 2023/1227 art.2, varying the Police and Crime Commissioner Elections Order 2012 art.35(2) Table 2';

const squash = (s: string) =>
  s
    .toLowerCase()
    .replace(/&/g, 'and')
    .replace(/[^a-z]/g, '');

/** The police area a name means ("Avon and Somerset", "avon & somerset"), or null. */
export function findPoliceArea(name: string): PoliceArea | null {
  const key = squash(name);
  if (key === '') return null;
  return POLICE_AREAS.find((a) => squash(a.policeArea) === key) ?? null;
}

export interface PccLimit {
  pence: number;
  instrument: string;
  confirmed: boolean;
  note: string;
}

export function pccLimit(area: PoliceArea): PccLimit {
  const extra = area.note ? ` ${area.note}` : '';
  if (area.currentPounds !== null) {
    return {
      pence: area.currentPounds * 100,
      instrument: PCC_2023,
      confirmed: true,
      note: `Fixed maximum for ${area.policeArea}; no per-elector element.${extra}`,
    };
  }
  return {
    pence: area.limit2012Pounds * 100,
    instrument: PCC_2012,
    confirmed: false,
    note: `This is the 2012 figure for ${area.policeArea}: SI 2023/1227 raised it from 12 December 2023 (by about 37% where the new figure is known), but the new figure was not found. Enter it from the returning officer's notice.${extra}`,
  };
}
