import { describe, expect, it } from 'vitest';
import { buildIcs, escapeText, foldLine, parseIcs } from '../../shared/domain/ics.ts';
import type { CalendarEvent } from '../../shared/domain/ics.ts';

const events: CalendarEvent[] = [
  {
    uid: 'milestone-1-close_of_nominations@hustings',
    date: '2024-06-07',
    summary: 'Close of nominations, 4pm — Bristol Central',
    description: 'Rule: 19 working days before polling day; 4pm\nSource: RPA 1983, Sch 1',
  },
  { uid: 'task-7@hustings', date: '2024-12-31', summary: 'Order leaflets; check imprint', done: true, categories: ['Task', 'Leaflets'] },
];

describe('iCalendar export', () => {
  const text = buildIcs(events, '2024-06-01T10:11:12.345Z');

  it('ends every line with CRLF and has no bare LF', () => {
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('keeps every line within 75 octets', () => {
    for (const line of text.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
  });

  it('folds without splitting a multi-byte character', () => {
    const long = `SUMMARY:${'é'.repeat(100)}`;
    const folded = foldLine(long);
    expect(folded.split('\r\n ').join('')).toBe(long);
    for (const part of folded.split('\r\n')) expect(new TextEncoder().encode(part).length).toBeLessThanOrEqual(75);
  });

  it('escapes text values', () => {
    expect(escapeText('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne');
  });

  it('parses back to the same events, all-day, with stable UIDs', () => {
    const parsed = parseIcs(text);
    expect(parsed.properties).toMatchObject({ VERSION: '2.0', PRODID: '-//Hustings//Deadlines//EN', CALSCALE: 'GREGORIAN' });
    expect(parsed.events.map((e) => [e.uid, e.date, e.summary, e.description])).toEqual([
      [
        'milestone-1-close_of_nominations@hustings',
        '2024-06-07',
        'Close of nominations, 4pm — Bristol Central',
        'Rule: 19 working days before polling day; 4pm\nSource: RPA 1983, Sch 1',
      ],
      ['task-7@hustings', '2024-12-31', 'Done: Order leaflets; check imprint', undefined],
    ]);
    expect(parsed.events[0].properties).toMatchObject({ DTSTAMP: '20240601T101112Z', DTSTART: '20240607', DTEND: '20240608' });
    expect(parsed.events[1].properties.DTEND).toBe('20250101');
    const again = parseIcs(buildIcs(events, '2024-07-01T00:00:00.000Z'));
    expect(again.events.map((e) => e.uid)).toEqual(parsed.events.map((e) => e.uid));
  });

  it('refuses malformed calendars', () => {
    expect(() => parseIcs('hello')).toThrow(/BEGIN:VCALENDAR/);
    expect(() => parseIcs('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nUID:a\r\nEND:VCALENDAR\r\n')).toThrow(/END:VEVENT/);
    expect(() => parseIcs('BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTART:20240101\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n')).toThrow(/DTSTAMP/);
  });
});
