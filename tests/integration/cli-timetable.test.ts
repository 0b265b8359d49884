/** The timetable and deadlines commands (the CLI contract); spawns the CLI, so on the SLOW list. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseIcs } from '../../shared/domain/ics.ts';
import { MILESTONE_KEYS } from '../../shared/domain/timetable.ts';

describe('the timetable command (CLI contract)', () => {
  function hustings(...args: string[]) {
    const r = spawnSync(process.execPath, ['bin/hustings.js', 'timetable', ...args], { encoding: 'utf8' });
    return { code: r.status, out: r.stdout, err: r.stderr };
  }

  it('prints the JSON array sorted by date', () => {
    const r = hustings('--type', 'local', '--poll', '2024-05-02', '--nation', 'england', '--json');
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.out);
    expect(rows[0]).toEqual({ key: 'notice_of_election', label: 'Notice of election', date: '2024-03-26' });
    // statutory order, up to polling day (no post-poll dates without --declared)
    expect(rows.map((x: { key: string }) => x.key)).toEqual(MILESTONE_KEYS.slice(0, MILESTONE_KEYS.indexOf('polling_day') + 1));
  });

  it('derives type and date from --election-id, and adds post-poll dates with --declared', () => {
    const r = hustings('--election-id', 'parl.2024-07-04', '--declared', '2024-07-04', '--json');
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.out);
    expect(rows.at(-1)).toEqual({ key: 'expense_return', label: 'Return of election expenses', date: '2024-08-08' });
    expect(rows.find((x: { key: string }) => x.key === 'close_of_nominations')).toEqual({
      key: 'close_of_nominations',
      label: 'Close of nominations (and withdrawals)',
      date: '2024-06-07',
      time: '16:00',
    });
  });

  it.each([
    [['--type', 'euro', '--poll', '2024-05-02', '--json'], /Unknown election type "euro"/],
    [['--type', 'local', '--poll', '2024-02-30', '--json'], /2024-02-30 is not a real calendar date/],
    [['--type', 'local', '--json'], /Missing --poll/],
    [['--poll', '2024-05-02', '--json'], /Missing --type/],
    [['--type', 'uk-parliament-by', '--poll', '2025-05-01', '--json'], /Missing --close/],
    [['--type', 'senedd', '--poll', '2026-05-07', '--nation', 'scotland', '--json'], /not held in scotland/],
    [['--election-id', 'parl.2024-13-04', '--json'], /not a Democracy Club election id|not a real calendar date/],
  ])('exits non-zero naming the problem: %j', (args, message) => {
    const r = hustings(...args);
    expect(r.code).not.toBe(0);
    expect(r.err).toMatch(message);
    expect(r.out).toBe('');
  });

  it('writes an .ics file of deadlines', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hustings-ics-'));
    try {
      const db = join(dir, 'h.sqlite');
      const file = join(dir, 'deadlines.ics');
      const r = spawnSync(process.execPath, ['bin/hustings.js', 'deadlines', '--db', db, '--ics', file], { encoding: 'utf8' });
      expect(r.status).toBe(0);
      expect(parseIcs(readFileSync(file, 'utf8')).events).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
