/**
 * Walk sheets as PDF, for one polling district or a whole area (every district, one after
 * another, each with its own page numbers so a district's pack can be handed out on its own).
 * Data comes through the dispatcher one district at a time, so the same checks apply as on
 * screen and memory holds one district, never the area. Used by GET /api/pdf/walk-sheets
 * (browser mode) and `hustings register walk-sheets` (CLI).
 */
import type { Writable } from 'node:stream';
import { AppError } from '../../shared/contract/result.ts';
import { type CodeConfig, OUTCOMES, OUTCOME_LABELS, REQUESTS, REQUEST_LABELS } from '../../shared/domain/canvass-codes.ts';
import { markerMeaning, markersIn } from '../../shared/domain/register-markers.ts';
import { lastResult, sectionHeading, walkRoute } from '../../shared/domain/walk-route.ts';
import { votedInText } from '../../shared/domain/voting-columns.ts';
import type { Dispatch } from '../api/dispatcher.ts';
import { call, slug } from './dispatch-call.ts';
import { type BoxGroup, type Line, type SheetFrame, type Section, CONTENT_WIDTH, boxesWidth, openSheet } from './sheet-layout.ts';

interface SheetHousehold {
  street: string;
  houseNumber: number | null;
  house: string;
  flat: string;
  address: string;
  postcode: string;
  electors: { electorNumber: string; fullName: string; markers: string; latestOutcome: string | null; latestSupport: string | null }[];
}

export interface WalkSheetPlan {
  areaName: string;
  districts: string[];
  codes: CodeConfig;
  /** Only electors who voted in at least n of the last m elections (voting history). */
  votedIn?: { n: number; m: number };
}

/** Checks the request and gathers what every page needs; refuses (AppError) before a byte is written. */
export async function planWalkSheets(dispatch: Dispatch, areaId: number, district?: string, votedIn?: { n: number; m: number }): Promise<WalkSheetPlan> {
  const area = await call<{ name: string }>(dispatch, 'areas.get', { id: areaId });
  const all = (await call<{ pollingDistrict: string }[]>(dispatch, 'register.listDistricts', { areaId })).map((d) => d.pollingDistrict);
  if (all.length === 0) throw new AppError('not_found', `${area.name} has no register yet: import it first`);
  if (district !== undefined && !all.includes(district)) {
    throw new AppError('not_found', `Polling district ${district} is not in ${area.name}’s register (its districts: ${all.join(', ')})`);
  }
  const codes = await call<CodeConfig>(dispatch, 'canvass.getCodes', {});
  return { areaName: area.name, districts: district === undefined ? all : [district], codes, ...(votedIn ? { votedIn } : {}) };
}

/** The user's codes as tick boxes, as many as fit beside the text columns. */
function boxGroups(codes: CodeConfig, room: number): BoxGroup[] {
  const outcomes = OUTCOMES.filter((o) => o !== 'deceased' && o !== 'do_not_contact').map((o) => codes.outcomes[o]);
  const groups: BoxGroup[] = [
    { title: 'Outcome', codes: outcomes },
    { title: 'Support', codes: codes.support.options.map((o) => o.code) },
    { title: 'Requests', codes: REQUESTS.map((q) => codes.requests[q]) },
  ];
  // Too many support codes to fit: keep the first ones (the legend still lists them all).
  while (boxesWidth(groups) > room && groups[1].codes.length > 1) groups[1].codes.pop();
  return groups;
}

function legend(codes: CodeConfig, markers: string[]): string {
  const outcome = OUTCOMES.map((o) => `${codes.outcomes[o]} ${OUTCOME_LABELS[o]}`).join(' · ');
  const support = codes.support.options.map((o) => `${o.code} ${o.label}`).join(' · ');
  const requests = REQUESTS.map((q) => `${codes.requests[q]} ${REQUEST_LABELS[q]}`).join(' · ');
  const markerText = markers.length > 0 ? markers.map((m) => `${m} ${markerMeaning(m)}`).join('; ') : 'none in this district';
  return (
    `Codes. Outcome: ${outcome}. Support: ${support}. Requests: ${requests}.\n` +
    `Register markers (in brackets after a name): ${markerText}. Last: the latest return recorded. ` +
    'Electors who moved, died or asked not to be contacted are left off.'
  );
}

function sections(households: SheetHousehold[], codes: CodeConfig): Section[] {
  const route = walkRoute(households.map((h) => ({ ...h, electorNumbers: h.electors.map((e) => e.electorNumber) })));
  return route.map((s) => {
    return {
      heading: sectionHeading(s),
      groups: s.households.map((h) =>
        h.electors.map((e, i) => [
          i === 0 ? [h.flat, h.house].filter(Boolean).join(', ') || h.address.split('\n')[0] : '',
          i === 0 ? h.postcode : '',
          e.electorNumber,
          e.markers ? `${e.fullName} (${e.markers})` : e.fullName,
          lastResult(e.latestOutcome, e.latestSupport, codes),
        ]),
      ),
    };
  });
}

/** Writes the planned walk sheets to `out` (a file or an HTTP response) and ends it. */
export async function writeWalkSheets(dispatch: Dispatch, areaId: number, plan: WalkSheetPlan, out: Writable): Promise<{ pages: number; electors: number }> {
  const sheet = openSheet(out, `Walk sheets: ${plan.areaName}`);
  const textColumns = [
    { title: 'House', width: 74 },
    { title: 'Postcode', width: 44 },
    { title: 'Number', width: 46 },
    { title: 'Name', width: 118 },
    { title: 'Last', width: 76 },
  ];
  const boxes = boxGroups(plan.codes, CONTENT_WIDTH - textColumns.reduce((w, c) => w + c.width, 0));
  let pages = 0;
  let electors = 0;
  for (const district of plan.districts) {
    const sheetData = await call<{ households: SheetHousehold[] }>(dispatch, 'register.getWalkSheet', {
      areaId,
      pollingDistrict: district,
      ...(plan.votedIn ? { votedIn: plan.votedIn } : {}),
    });
    // The filter goes in the legend: the title line has no room for it.
    const only = plan.votedIn ? `\nOnly electors who ${votedInText(plan.votedIn)} on record for the area.` : '';
    const markers = markersIn(sheetData.households.flatMap((h) => h.electors.map((e) => e.markers)));
    const frame: SheetFrame = {
      columns: textColumns,
      boxes,
      fillIn: 'Canvasser ________________   Date __________',
      pageSummary: (lines: Line[]) => `Polling district ${district}. Streets: ${pageStreets(lines).join(', ')}`,
      footer: legend(plan.codes, markers) + only,
    };
    electors += sheetData.households.reduce((n, h) => n + h.electors.length, 0);
    pages += sheet.run(frame, { title: `Walk sheet: ${plan.areaName}, polling district ${district}`, sections: sections(sheetData.households, plan.codes) });
  }
  await sheet.end();
  return { pages, electors };
}

/** The streets a page covers, from its headings ("High Street — odd side…"). */
function pageStreets(lines: Line[]): string[] {
  const streets: string[] = [];
  for (const l of lines) {
    if (l.kind !== 'heading') continue;
    const street = l.text.split(' — ')[0];
    if (!streets.includes(street)) streets.push(street);
  }
  return streets;
}

/** A file name for the download: `walk-sheets-newtown-east-AA.pdf`. */
export function walkSheetsFileName(plan: WalkSheetPlan, district?: string): string {
  return `walk-sheets-${slug(plan.areaName, 'area')}${district ? `-${district.replace(/[^A-Za-z0-9]+/g, '')}` : ''}.pdf`;
}
