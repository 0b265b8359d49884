import { describe, expect, it } from 'vitest';
import {
  backupFileName,
  backupsToPrune,
  isStartupBackupDue,
  parseBackupFileName,
  sortNewestFirst,
  verifyBackup,
  type BackupEntry,
  type BackupReason,
} from '../../shared/domain/backups.ts';

function entry(takenAt: string, reason: BackupReason = 'daily'): BackupEntry {
  return { file: backupFileName('hustings', new Date(takenAt), reason), takenAt, reason, schemaVersion: null };
}

describe('backup file names', () => {
  it('round-trips the instant, reason and schema version', () => {
    const name = backupFileName('hustings', new Date('2026-11-24T14:55:59.123Z'), 'migration', 3);
    expect(name).toBe('hustings-20261124T145559123Z-migration-v3.sqlite');
    expect(parseBackupFileName('hustings', name)).toEqual({ file: name, takenAt: '2026-11-24T14:55:59.123Z', reason: 'migration', schemaVersion: 3 });
    expect(parseBackupFileName('hustings', backupFileName('hustings', new Date('2026-01-02T03:04:05.006Z'), 'manual'))).toMatchObject({
      reason: 'manual',
      schemaVersion: null,
    });
  });

  it('has no characters that Windows refuses in file names', () => {
    expect(backupFileName('hustings', new Date(), 'daily')).not.toMatch(/[<>:"/\\|?*]/);
  });

  it('names a copy for taking off the machine', () => {
    const name = backupFileName('hustings', new Date('2026-11-24T14:55:59.123Z'), 'copy', 15);
    expect(parseBackupFileName('hustings', name)).toMatchObject({ reason: 'copy', schemaVersion: 15 });
  });

  it.each([
    'hustings.sqlite',
    'hustings-20261124T145559123Z-weekly.sqlite',
    '.hustings-20261124T145559123Z-daily.sqlite.partial',
    'hustings-20260230T000000000Z-daily.sqlite',
    'hustings-20261124T145559123Z-daily.sqlite-wal',
    'notes.txt',
  ])('ignores %s', (name) => {
    expect(parseBackupFileName('hustings', name)).toBeNull();
  });

  it('keeps the backups of two databases in one folder apart', () => {
    const ofB = backupFileName('campaign-b', new Date('2026-11-24T00:00:00.000Z'), 'daily');
    expect(parseBackupFileName('campaign', ofB)).toBeNull();
    expect(parseBackupFileName('campaign-b', ofB)).toMatchObject({ reason: 'daily' });
  });

  it('refuses an invalid date', () => {
    expect(() => backupFileName('hustings', new Date('nope'), 'daily')).toThrow(RangeError);
  });
});

describe('retention', () => {
  const daily = ['2026-11-01', '2026-11-02', '2026-11-03', '2026-11-04', '2026-11-05'].map((d) => entry(`${d}T08:00:00.000Z`));

  it('keeps the newest N automatic backups and prunes the rest, oldest included', () => {
    const pruned = backupsToPrune(daily, 3).map((e) => e.takenAt.slice(0, 10));
    expect(pruned.sort()).toEqual(['2026-11-01', '2026-11-02']);
  });

  it('prunes nothing while there are N or fewer', () => {
    expect(backupsToPrune(daily, 5)).toEqual([]);
    expect(backupsToPrune([], 1)).toEqual([]);
  });

  it('never prunes backups the user took by hand, and they do not use up the N', () => {
    const manual = entry('2026-10-01T08:00:00.000Z', 'manual');
    const newestManual = entry('2026-11-06T08:00:00.000Z', 'manual');
    const pruned = backupsToPrune([manual, ...daily, newestManual], 2);
    expect(pruned).not.toContainEqual(manual);
    expect(pruned).not.toContainEqual(newestManual);
    expect(pruned).toHaveLength(3);
  });

  it('counts migration and pre-restore backups as automatic', () => {
    const mixed = [entry('2026-11-01T08:00:00.000Z', 'migration'), entry('2026-11-02T08:00:00.000Z', 'restore'), entry('2026-11-03T08:00:00.000Z', 'daily')];
    expect(
      backupsToPrune(mixed, 1)
        .map((e) => e.reason)
        .sort(),
    ).toEqual(['migration', 'restore']);
  });

  it('does not depend on the order the files were listed in', () => {
    const reversed = [...daily].reverse();
    expect(
      backupsToPrune(reversed, 2)
        .map((e) => e.file)
        .sort(),
    ).toEqual(
      backupsToPrune(daily, 2)
        .map((e) => e.file)
        .sort(),
    );
  });

  it('orders backups taken in the same millisecond by name', () => {
    const a = { ...entry('2026-11-01T08:00:00.000Z', 'migration'), file: 'a' };
    const b = { ...entry('2026-11-01T08:00:00.000Z', 'migration'), file: 'b' };
    expect(sortNewestFirst([a, b]).map((e) => e.file)).toEqual(['b', 'a']);
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses to keep %s backups', (keep) => {
    expect(() => backupsToPrune(daily, keep)).toThrow(RangeError);
  });

  it('prunes automatic backups older than the retention, never those taken by hand or copies', () => {
    const now = new Date('2026-11-30T12:00:00.000Z');
    const entries = [
      entry('2026-11-29T09:00:00.000Z', 'daily'),
      entry('2026-11-20T09:00:00.000Z', 'restore'),
      entry('2026-10-30T11:59:59.000Z', 'migration'), // 31 days old
      entry('2026-10-31T12:00:00.000Z', 'daily'), // exactly 30 days: kept
      entry('2026-01-01T09:00:00.000Z', 'manual'),
      entry('2026-01-02T09:00:00.000Z', 'copy'),
    ];
    expect(backupsToPrune(entries, 10, { days: 30, now }).map((e) => e.takenAt.slice(0, 10))).toEqual(['2026-10-30']);
    expect(backupsToPrune(entries, 10, { days: 7, now }).map((e) => e.reason)).toEqual(['restore', 'daily', 'migration']);
    expect(backupsToPrune(entries, 1, { days: 365, now }).map((e) => e.reason)).toEqual(['restore', 'daily', 'migration']);
  });
});

describe('start-up backup', () => {
  const now = new Date('2026-11-24T12:00:00.000Z');

  it('is due when there is none', () => {
    expect(isStartupBackupDue([], now)).toBe(true);
  });

  it('is due when the newest is more than a day old', () => {
    expect(isStartupBackupDue([entry('2026-11-23T11:59:59.999Z')], now)).toBe(true);
  });

  it('is not due when one was taken within the day, of any kind', () => {
    expect(isStartupBackupDue([entry('2026-11-20T12:00:00.000Z'), entry('2026-11-23T12:00:00.000Z')], now)).toBe(false);
    expect(isStartupBackupDue([entry('2026-11-24T11:00:00.000Z', 'manual')], now)).toBe(false);
    expect(isStartupBackupDue([entry('2026-11-24T12:03:00.000Z', 'migration')], now)).toBe(false);
  });

  it('is due when the newest claims to come from the future (clock was wrong)', () => {
    expect(isStartupBackupDue([entry('2027-01-01T00:00:00.000Z')], now)).toBe(true);
  });
});

describe('restore verification', () => {
  it('accepts a healthy file of a known schema version', () => {
    expect(verifyBackup({ integrity: ['ok'], schemaVersion: 3, appSchemaVersion: 3 })).toEqual({ ok: true });
    expect(verifyBackup({ integrity: ['ok'], schemaVersion: 1, appSchemaVersion: 7 })).toEqual({ ok: true });
  });

  it('refuses a damaged file, quoting the integrity check', () => {
    const lines = ['*** in database main ***', 'Page 5: btreeInitPage() returns error code 11', 'row 3 missing from index x', 'more', 'and more'];
    const verdict = verifyBackup({ integrity: lines, schemaVersion: 3, appSchemaVersion: 3 });
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) {
      expect(verdict.problems[0]).toMatch(/damaged/);
      expect(verdict.problems[0]).toMatch(/Page 5/);
      expect(verdict.problems[0]).toMatch(/2 more problems/);
    }
  });

  it('refuses a file from a newer version, saying what to do', () => {
    const verdict = verifyBackup({ integrity: ['ok'], schemaVersion: 9, appSchemaVersion: 7 });
    expect(verdict).toEqual({
      ok: false,
      problems: [expect.stringMatching(/newer version of Hustings \(schema 9; this version knows up to 7\)\. Update Hustings/)],
    });
  });

  it('refuses a file without a schema version and lists every problem', () => {
    const verdict = verifyBackup({ integrity: ['malformed'], schemaVersion: 0, appSchemaVersion: 7 });
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) expect(verdict.problems).toHaveLength(2);
  });
});
