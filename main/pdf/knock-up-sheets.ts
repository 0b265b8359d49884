/**
 * Knock-up sheets (Reading/Mikardo style) as an A4 PDF: a committee room's promises who have not
 * yet voted, street by street in walk order (the street heading repeated on each page it runs
 * over), house, name and elector number, a tick box per round. Data comes through the
 * dispatcher, so the same checks apply as on screen. Used by GET /api/pdf/knock-up (browser mode,
 * knock-up-http.ts) and `hustings polling knock-up` (CLI).
 */
import type { Writable } from 'node:stream';
import type { KnockUpRow } from '../../shared/contract/telling.ts';
import { AppError } from '../../shared/contract/result.ts';
import { votedInText } from '../../shared/domain/voting-columns.ts';
import type { Dispatch } from '../api/dispatcher.ts';
import { call } from './dispatch-call.ts';
import { type Line, type Section, type SheetFrame, openSheet } from './sheet-layout.ts';

export interface KnockUpRequest {
  contestId: number;
  roomId: number;
  round: number;
  /** Only promises who voted in at least n of the last m earlier elections (voting history). */
  votedIn?: { n: number; m: number };
}

interface KnockUpList {
  roomName: string;
  districts: string[];
  rule: string[];
  promises: number;
  voted: number;
  electors: KnockUpRow[];
}

/** Reads the list (refusing, before a byte is written, a room or contest that is not there). */
export async function planKnockUpSheets(dispatch: Dispatch, req: KnockUpRequest): Promise<KnockUpList> {
  if (!Number.isInteger(req.round) || req.round < 1 || req.round > 20)
    throw new AppError('invalid_input', 'A round is a whole number from 1 to 20', { round: 'From 1 to 20' });
  return call<KnockUpList>(dispatch, 'knockUp.list', { contestId: req.contestId, roomId: req.roomId, ...(req.votedIn ? { votedIn: req.votedIn } : {}) });
}

/** Streets in walk order, each a section; a household's electors stay together. */
function sections(electors: readonly KnockUpRow[]): Section[] {
  const out: Section[] = [];
  let section: Section | undefined;
  let lastHouse = '';
  for (const e of electors) {
    const street = e.street || e.house;
    const heading = `${street} (${e.pollingDistrict})`;
    if (section?.heading !== heading) {
      section = { heading, groups: [] };
      out.push(section);
      lastHouse = '';
    }
    const calls = e.knocked.map((r) => `R${r}`).join(' ');
    const row = [e.house === lastHouse ? '' : e.house, e.fullName, e.electorNumber, calls];
    if (e.house === lastHouse) section.groups[section.groups.length - 1].push(row);
    else section.groups.push([row]);
    lastHouse = e.house;
  }
  return out;
}

export async function writeKnockUpSheets(
  dispatch: Dispatch,
  req: KnockUpRequest,
  out: Writable,
  list?: KnockUpList,
): Promise<{ pages: number; electors: number }> {
  const l = list ?? (await planKnockUpSheets(dispatch, req));
  const rounds = Array.from({ length: Math.max(3, req.round) }, (_, i) => String(i + 1));
  const printed = new Date().toLocaleString('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit', day: 'numeric', month: 'short' });
  const history = req.votedIn && req.votedIn.n > 0 ? `only those who ${votedInText(req.votedIn)} before this one · ` : '';
  const frame: SheetFrame = {
    columns: [
      { title: 'House', width: 110 },
      { title: 'Name', width: 170 },
      { title: 'Number', width: 60 },
      { title: 'Called', width: 60 },
    ],
    boxes: [{ title: 'Round', codes: rounds }],
    fillIn: 'Knocker-up ________________   Out ______   Back ______',
    // The filter on every page's top line too: a knocker-up should not take the sheet for the whole list.
    pageSummary: (lines: Line[]) => `Round ${req.round} · districts ${l.districts.join(', ')} · ${history}${pageStreets(lines).join(', ')}`,
    footer: `${listed(l, req.votedIn, printed)} Tick round ${req.round} when you have called; note "V" for anyone who says they have voted. Called: rounds already recorded (R1 = round 1).`,
  };
  const sheet = openSheet(out, `Knock-up round ${req.round}: ${l.roomName}`);
  const pages = sheet.run(frame, { title: `Knock-up round ${req.round}: ${l.roomName}`, sections: sections(l.electors) });
  await sheet.end();
  return { pages, electors: l.electors.length };
}

/** Who is on the sheets, the voting-history filter first (the footer keeps four lines). */
function listed(l: KnockUpList, votedIn: KnockUpRequest['votedIn'], printed: string): string {
  const n = (x: number) => x.toLocaleString('en-GB');
  const who = `Promises (support ${l.rule.join(', ')}) who had not voted when printed (${printed})`;
  // "At least 0 of the last m" keeps everyone: the sheet is the whole list.
  if (!votedIn || votedIn.n === 0) return `${who}: ${n(l.electors.length)} of ${n(l.promises)}.`;
  return (
    `Only promises who ${votedInText(votedIn)} before this one on record for the area. ` +
    `${who} with that history: ${n(l.electors.length)}, of ${n(l.promises - l.voted)} still to vote (${n(l.promises)} promises).`
  );
}

function pageStreets(lines: Line[]): string[] {
  const streets: string[] = [];
  for (const line of lines) {
    if (line.kind !== 'heading') continue;
    const street = line.text.replace(/ \(continued\)$/, '').replace(/ \([^)]*\)$/, '');
    if (!streets.includes(street)) streets.push(street);
  }
  return streets;
}
