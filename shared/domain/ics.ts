/**
 * iCalendar (RFC 5545) export of deadlines and tasks, and a small reader for it. Every deadline is
 * an all-day event on its date (the time of day is in the summary), with a UID that stays the
 * same across exports so a calendar that re-imports the file updates events instead of adding
 * duplicates. Lines end in CRLF and are folded at 75 octets without splitting a character.
 */

export interface CalendarEvent {
  /** Stable across exports, e.g. "milestone-12-close_of_nominations@hustings". */
  uid: string;
  /** YYYY-MM-DD */
  date: string;
  summary: string;
  description?: string;
  /** Task done: exported as a completed, transparent event. */
  done?: boolean;
  categories?: string[];
}

const PRODID = '-//Hustings//Deadlines//EN';

/** Escape a TEXT value (RFC 5545 §3.3.11). */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

/** UTF-8 length of one character (code point). */
function octets(ch: string): number {
  const cp = ch.codePointAt(0)!;
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

/** Fold a content line to at most 75 octets per line, continuing with CRLF + space. */
export function foldLine(line: string): string {
  if (line.length <= 75 && /^[\x00-\x7f]*$/.test(line)) return line;
  const parts: string[] = [];
  let current = '';
  let size = 0;
  for (const ch of line) {
    const n = octets(ch);
    const limit = parts.length === 0 ? 75 : 74; // continuation lines start with a space
    if (size + n > limit) {
      parts.push(current);
      current = '';
      size = 0;
    }
    current += ch;
    size += n;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

function basicDate(iso: string): string {
  return iso.replace(/-/g, '');
}

function nextDay(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** "2024-07-04T10:11:12.345Z" → "20240704T101112Z". */
function basicInstant(iso: string): string {
  return iso.replace(/[-:]/g, '').replace(/\.\d+/, '');
}

/** The whole calendar as text with CRLF line endings. `now` is the export instant (ISO UTC). */
export function buildIcs(events: readonly CalendarEvent[], now: string, calendarName = 'Hustings deadlines'): string {
  const stamp = basicInstant(now);
  const lines: string[] = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${PRODID}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(calendarName)}`,
  ];
  for (const e of events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${e.uid}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${basicDate(e.date)}`,
      `DTEND;VALUE=DATE:${basicDate(nextDay(e.date))}`,
      `SUMMARY:${escapeText(e.done ? `Done: ${e.summary}` : e.summary)}`,
    );
    if (e.description) lines.push(`DESCRIPTION:${escapeText(e.description)}`);
    if (e.categories?.length) lines.push(`CATEGORIES:${e.categories.map(escapeText).join(',')}`);
    lines.push(`TRANSP:${e.done ? 'TRANSPARENT' : 'OPAQUE'}`, 'END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

export interface ParsedIcsEvent {
  uid: string;
  date: string;
  summary: string;
  description?: string;
  properties: Record<string, string>;
}

/**
 * Read back the events of an iCalendar text (enough for our own files and simple others):
 * unfolds lines, unescapes text, and checks the calendar's structure. Throws on a malformed file.
 */
export function parseIcs(text: string): { properties: Record<string, string>; events: ParsedIcsEvent[] } {
  const unfolded = text.replace(/\r\n[ \t]/g, '').split('\r\n');
  if (unfolded[unfolded.length - 1] === '') unfolded.pop();
  if (unfolded[0] !== 'BEGIN:VCALENDAR' || unfolded[unfolded.length - 1] !== 'END:VCALENDAR') {
    throw new Error('not an iCalendar file: it must start with BEGIN:VCALENDAR and end with END:VCALENDAR');
  }
  const properties: Record<string, string> = {};
  const events: ParsedIcsEvent[] = [];
  let current: Record<string, string> | null = null;
  for (const [i, line] of unfolded.slice(1, -1).entries()) {
    const colon = line.indexOf(':');
    if (colon < 1) throw new Error(`line ${i + 2} is not a property: ${JSON.stringify(line)}`);
    const name = line.slice(0, colon).split(';')[0].toUpperCase();
    const value = line.slice(colon + 1);
    if (name === 'BEGIN' && value === 'VEVENT') {
      if (current) throw new Error(`line ${i + 2}: VEVENT inside VEVENT`);
      current = {};
    } else if (name === 'END' && value === 'VEVENT') {
      if (!current) throw new Error(`line ${i + 2}: END:VEVENT without BEGIN`);
      const { UID, DTSTART, SUMMARY, DESCRIPTION } = current;
      if (!UID || !DTSTART || !current.DTSTAMP) throw new Error(`line ${i + 2}: an event needs UID, DTSTAMP and DTSTART`);
      events.push({
        uid: UID,
        date: `${DTSTART.slice(0, 4)}-${DTSTART.slice(4, 6)}-${DTSTART.slice(6, 8)}`,
        summary: unescapeText(SUMMARY ?? ''),
        ...(DESCRIPTION !== undefined ? { description: unescapeText(DESCRIPTION) } : {}),
        properties: current,
      });
      current = null;
    } else if (current) {
      current[name] = value;
    } else {
      properties[name] = value;
    }
  }
  if (current) throw new Error('an event is not closed with END:VEVENT');
  if (properties.VERSION !== '2.0' || !properties.PRODID) throw new Error('an iCalendar file needs VERSION:2.0 and a PRODID');
  return { properties, events };
}
