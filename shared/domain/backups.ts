/**
 * Backup rules: how backup files are named, which automatic backups are kept, when the daily
 * start-up backup is due, and whether a file may be restored.
 *
 * - Automatic backups (before a migration, daily at start-up, before a restore) are kept to the
 *   newest N, and none older than the retention the user sets (default 30 days): old copies of
 *   the register are personal data kept for no purpose. Backups the user took by hand, and copies
 *   for taking off the machine, are deliberate: they are never deleted for the user, and the
 *   Backups page marks those older than the retention so the user can delete them.
 * - A start-up backup is due when there is no backup, the newest is more than a day old, or the
 *   newest claims to be from the future (the clock was wrong then or is wrong now).
 * - A backup may be restored only when SQLite's integrity check says `ok` and its schema version
 *   is one this version of Hustings knows (not newer, not zero).
 */

/** `copy` = a copy for taking off the machine, encrypted with its own backup passphrase. */
export type BackupReason = 'manual' | 'daily' | 'migration' | 'restore' | 'copy';

export const BACKUP_REASONS: readonly BackupReason[] = ['manual', 'daily', 'migration', 'restore', 'copy'];

/** Backups the user asked for: kept until the user deletes them. */
export function isAutomatic(reason: BackupReason): boolean {
  return reason !== 'manual' && reason !== 'copy';
}

export const DAY_MS = 24 * 60 * 60 * 1000;
/** A newest backup dated later than now plus this is treated as a wrong clock. */
const CLOCK_SKEW_MS = 5 * 60 * 1000;
export const DEFAULT_KEEP = 10;
export const DEFAULT_RETENTION_DAYS = 30;
/** The longest retention the setting accepts: ten years. */
export const MAX_RETENTION_DAYS = 3650;

export interface BackupEntry {
  file: string;
  /** ISO-8601 UTC instant the backup was taken. */
  takenAt: string;
  reason: BackupReason;
  /** Schema version of the database copied (known for migration backups from the name). */
  schemaVersion: number | null;
}

const STAMPED = /^-(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z-(manual|daily|migration|restore|copy)(?:-v(\d+))?\.sqlite$/;

/**
 * `<database>-20261124T145559123Z-migration-v3.sqlite` for the database `<database>.sqlite`:
 * sortable, no characters Windows refuses, and two databases in one folder keep apart.
 */
export function backupFileName(database: string, takenAt: Date, reason: BackupReason, schemaVersion: number | null = null): string {
  if (Number.isNaN(takenAt.getTime())) throw new RangeError('backupFileName: invalid date');
  const stamp = takenAt.toISOString().replace(/[-:.]/g, '');
  return `${database}-${stamp}-${reason}${schemaVersion === null ? '' : `-v${schemaVersion}`}.sqlite`;
}

/** The entry a file name describes, or null for files that are not backups of this database. */
export function parseBackupFileName(database: string, file: string): BackupEntry | null {
  if (!file.startsWith(database)) return null;
  const m = STAMPED.exec(file.slice(database.length));
  if (!m) return null;
  const [, y, mo, d, h, mi, s, ms, reason, version] = m;
  const takenAt = `${y}-${mo}-${d}T${h}:${mi}:${s}.${ms}Z`;
  const date = new Date(takenAt);
  if (Number.isNaN(date.getTime()) || date.toISOString() !== takenAt) return null;
  return { file, takenAt, reason: reason as BackupReason, schemaVersion: version === undefined ? null : Number(version) };
}

/** Newest first; ties broken by file name so the order is total. */
export function sortNewestFirst(entries: readonly BackupEntry[]): BackupEntry[] {
  return [...entries].sort((a, b) => (a.takenAt === b.takenAt ? b.file.localeCompare(a.file) : a.takenAt < b.takenAt ? 1 : -1));
}

/** Whether a backup was taken more than `days` days before `now`. */
function isOlderThan(entry: BackupEntry, days: number, now: Date): boolean {
  return now.getTime() - new Date(entry.takenAt).getTime() > days * DAY_MS;
}

/**
 * The automatic backups beyond the newest `keep`, and (given a retention) those older than it;
 * backups taken by hand and copies are never returned.
 */
export function backupsToPrune(entries: readonly BackupEntry[], keep: number = DEFAULT_KEEP, retention?: { days: number; now: Date }): BackupEntry[] {
  if (!Number.isInteger(keep) || keep < 1) throw new RangeError(`keep must be a whole number of at least 1, not ${keep}`);
  return sortNewestFirst(entries.filter((e) => isAutomatic(e.reason))).filter(
    (e, i) => i >= keep || (retention !== undefined && isOlderThan(e, retention.days, retention.now)),
  );
}

/** Whether a start-up backup should be taken now. */
export function isStartupBackupDue(entries: readonly BackupEntry[], now: Date): boolean {
  const newest = sortNewestFirst(entries)[0];
  if (newest === undefined) return true;
  const age = now.getTime() - new Date(newest.takenAt).getTime();
  return age > DAY_MS || age < -CLOCK_SKEW_MS;
}

export interface BackupCheck {
  /** Rows of `PRAGMA integrity_check` (a healthy file gives exactly `['ok']`). */
  integrity: readonly string[];
  /** `PRAGMA user_version` of the file. */
  schemaVersion: number;
  /** The newest schema version this build knows. */
  appSchemaVersion: number;
}

export type BackupVerdict = { ok: true } | { ok: false; problems: string[] };

/** Whether a file may be restored, with every reason it may not, in words for the user. */
export function verifyBackup(check: BackupCheck): BackupVerdict {
  const problems: string[] = [];
  if (check.integrity.length !== 1 || check.integrity[0] !== 'ok') {
    const shown = check.integrity.slice(0, 3).join('; ');
    problems.push(
      `The file is damaged: SQLite's integrity check reports ${shown || 'nothing'}${check.integrity.length > 3 ? ` and ${check.integrity.length - 3} more problems` : ''}.`,
    );
  }
  if (check.schemaVersion === 0) {
    problems.push('The file is not a Hustings database (it has no schema version).');
  } else if (check.schemaVersion > check.appSchemaVersion) {
    problems.push(
      `The file was made by a newer version of Hustings (schema ${check.schemaVersion}; this version knows up to ${check.appSchemaVersion}). Update Hustings, then restore it.`,
    );
  } else if (check.schemaVersion < 0 || !Number.isInteger(check.schemaVersion)) {
    problems.push(`The file has an impossible schema version (${check.schemaVersion}).`);
  }
  return problems.length === 0 ? { ok: true } : { ok: false, problems };
}
