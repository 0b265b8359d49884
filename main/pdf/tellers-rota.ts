/**
 * The tellers' rota as an A4 PDF: each polling station (its districts and address) with its
 * tellers' shifts in time order, and the hours of polling no teller covers shown where they fall.
 * Data comes through the dispatcher (polling.get), so the same checks apply as on screen. Used by
 * GET /api/pdf/tellers-rota (browser mode) and `hustings polling rota` (CLI).
 */
import type { Writable } from 'node:stream';
import type { PollingOverview } from '../../shared/contract/polling-setup.ts';
import { AppError } from '../../shared/contract/result.ts';
import { POLLS_CLOSE, POLLS_OPEN } from '../../shared/domain/tellers-rota.ts';
import type { Dispatch } from '../api/dispatcher.ts';
import { type Line, type Section, type SheetFrame, openSheet } from './sheet-layout.ts';

const NO_TELLER = 'NO TELLER: gap in cover';

/** Checks the contest and reads the rota; refuses (AppError) before a byte is written. */
export async function planTellersRota(dispatch: Dispatch, contestId: number): Promise<{ overview: PollingOverview; phones: Map<number, string> }> {
  const r = await dispatch('polling.get', { contestId });
  if (!r.ok) throw new AppError(r.error.code, r.error.message, r.error.fields);
  const overview = r.value as PollingOverview;
  if (overview.stations.length === 0)
    throw new AppError('not_found', `${overview.contest.areaName} has no polling stations yet: add them on the polling day page first`);
  const v = await dispatch('volunteers.list', {});
  const phones = new Map(v.ok ? (v.value as { id: number; phone: string }[]).map((x) => [x.id, x.phone]) : []);
  return { overview, phones };
}

/** One section per station: shifts and gaps in time order. */
function rotaSections(overview: PollingOverview, phones: Map<number, string>): Section[] {
  return overview.stations.map((s) => {
    const shifts = overview.duties
      .filter((d) => d.duty === 'teller' && d.stationId === s.id)
      .map((d) => ({
        from: d.startsAt ?? '',
        cells: [`${d.startsAt}–${d.endsAt}`, d.volunteerName, phones.get(d.volunteerId) ?? '', ''],
      }));
    const gaps = s.gaps.map((g) => ({
      from: g.from,
      cells: [`${g.from}–${g.to}`, NO_TELLER, '', ''],
    }));
    const rows = [...shifts, ...gaps].sort((a, b) => a.from.localeCompare(b.from));
    const where = [s.districts.length > 0 ? `districts ${s.districts.join(', ')}` : 'no districts', s.address.replace(/\s*\n\s*/g, ', ')]
      .filter(Boolean)
      .join(' · ');
    return {
      heading: `${s.name} — ${where}`,
      groups: rows.map((r) => [r.cells]),
    };
  });
}

export async function writeTellersRota(
  plan: { overview: PollingOverview; phones: Map<number, string> },
  out: Writable,
): Promise<{ pages: number; shifts: number; gaps: number }> {
  const { overview } = plan;
  const sheet = openSheet(out, `Tellers’ rota: ${overview.contest.areaName}`);
  const frame: SheetFrame = {
    columns: [
      { title: 'Shift', width: 80 },
      { title: 'Teller', width: 190 },
      { title: 'Phone', width: 110 },
      { title: 'Arrived / notes', width: 159 },
    ],
    boxes: [],
    fillIn: 'Coordinator ________________   Phone ______________',
    pageSummary: (lines: Line[]) =>
      `Polling day ${longDate(overview.contest.pollingDay)} · ${overview.contest.electionName} · stations: ${lines.filter((l) => l.kind === 'heading' && !l.text.endsWith('(continued)')).length}`,
    footer: `Polls are open ${POLLS_OPEN} to ${POLLS_CLOSE}. “${NO_TELLER}” marks the hours of polling with no teller at that station: find someone for them. Tellers stand outside the station, ask for numbers politely and never hold up a voter.`,
  };
  const pages = sheet.run(frame, {
    title: `Tellers’ rota: ${overview.contest.areaName}`,
    sections: rotaSections(overview, plan.phones),
  });
  await sheet.end();
  return {
    pages,
    shifts: overview.duties.filter((d) => d.duty === 'teller').length,
    gaps: overview.stations.reduce((n, s) => n + s.gaps.length, 0),
  };
}

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** '2026-05-07' → 'Thursday 7 May 2026' (built here: the runtime's locale data varies). */
function longDate(iso: string): string {
  const d = new Date(`${iso}T12:00:00Z`);
  return `${DAYS[d.getUTCDay()]} ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** `tellers-rota-newtown-east.pdf` */
export function tellersRotaFileName(overview: PollingOverview): string {
  const slug =
    overview.contest.areaName
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'contest';
  return `tellers-rota-${slug}.pdf`;
}
