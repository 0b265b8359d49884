/**
 * A delivery round's sheet as PDF, for the deliverer: the streets in walking order with their
 * households and a tick box each, who delivers what and when, and the return slip (in the footer,
 * so every page of a long round carries it). Read through `rounds.get`, as the screen reads it.
 */
import type { Writable } from 'node:stream';
import type { Round } from '../../shared/contract/leaflets.ts';
import { formatMinutes } from '../../shared/domain/delivery-rounds.ts';
import type { Dispatch } from '../api/dispatcher.ts';
import { call, slug } from './dispatch-call.ts';
import { type SheetFrame, openSheet } from './sheet-layout.ts';
import { formatDateLong } from '../../shared/domain/working-days.ts';

/** Checks the round exists (AppError otherwise) before a byte is written. */
export function planRoundSheet(dispatch: Dispatch, roundId: number): Promise<Round> {
  return call<Round>(dispatch, 'rounds.get', { id: roundId });
}

export function roundSheetFileName(r: Round): string {
  return `round-sheet-${slug(r.name, `round-${r.id}`)}.pdf`;
}

/** Writes the round's sheet to `out` and ends it. */
export async function writeRoundSheet(r: Round, out: Writable): Promise<{ pages: number }> {
  const next = r.assignments.find((a) => a.plannedOn) ?? r.assignments[0];
  const facts = [
    r.pollingDistrict && `Polling district ${r.pollingDistrict}`,
    r.areaName,
    `${r.households.toLocaleString('en-GB')} households`,
    `about ${formatMinutes(r.estimatedMinutes)}`,
    next ? `Deliverer: ${next.volunteerName}${next.plannedOn ? `, ${formatDateLong(next.plannedOn)}` : ''}` : '',
    next?.leafletTitle ? `Leaflet: ${next.leafletTitle}` : '',
  ].filter(Boolean);
  const frame: SheetFrame = {
    columns: [
      { title: '#', width: 24 },
      { title: 'Street', width: 230 },
      { title: 'Households', width: 60 },
      { title: 'Notes', width: 190 },
    ],
    boxes: [{ title: 'Done', codes: [''] }],
    fillIn: next ? '' : 'Deliverer ________________   Leaflet ________________',
    pageSummary: () => facts.join(' · '),
    footer:
      'When you have finished: Date delivered ____________  Copies delivered ________  Streets or doors left ______________________________\n' +
      'Return this sheet to the campaign office so the drop can be logged.',
  };
  const sheet = openSheet(out, `Round sheet: ${r.name}`);
  const rows = r.streets.map((s, i) => [[String(i + 1), s.name, s.households.toLocaleString('en-GB'), s.notes]]);
  const pages = sheet.run(frame, { title: `Round sheet: ${r.name}`, sections: [{ heading: 'Streets in walking order', groups: rows }] });
  await sheet.end();
  return { pages };
}
