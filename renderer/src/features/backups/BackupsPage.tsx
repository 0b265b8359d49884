import { useEffect, useState } from 'react';
import type { BackupInfoView, ListedBackupView } from '../../../../shared/contract/backups.ts';
import { DAY_MS, isAutomatic } from '../../../../shared/domain/backups.ts';
import { api, useApi } from '../../app/api.ts';
import { type JobEvent, useJob } from '../../app/jobs.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { JobProgress } from '../../ui/Progress.tsx';
import { EmptyState, ErrorMessage, Loading, PageHeader } from '../../ui/Page.tsx';
import { OffMachineCopy } from './OffMachineCopy.tsx';
import { RetentionForm } from './RetentionForm.tsx';
import { UnlockDialog } from './UnlockDialog.tsx';

const REASONS: Record<BackupInfoView['reason'], string> = {
  manual: 'Taken by hand',
  daily: 'Daily, at start-up',
  migration: 'Before an upgrade',
  restore: 'Before a restore',
  copy: 'Copy for taking off the machine',
};

function keyOf(b: BackupInfoView): string {
  if (b.reason === 'copy') return 'Encrypted with its backup passphrase';
  return b.encrypted ? 'Encrypted with this database’s key' : 'Not encrypted';
}

type Verdict = { ok: boolean; problems: string[]; schemaVersion: number | null; locked: boolean };

function size(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function when(iso: string): string {
  return new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}

/** Why a backup is marked: people were erased after it was taken, and what a restore does about it. */
function heldErased(people: number): string {
  const who = people === 1 ? '1 person' : `${people} people`;
  return `Taken before ${who} asked to be erased; restoring it erases them again.`;
}

export function BackupsPage() {
  const { data, error, reload } = useApi('backups.list', {});
  const [busy, setBusy] = useState(false);
  const [started, setStarted] = useState<JobEvent>();
  const job = useJob(started);
  const [message, setMessage] = useState<string>();
  const [failure, setFailure] = useState<string>();
  const [checks, setChecks] = useState<Record<string, Verdict>>({});
  const [restoring, setRestoring] = useState<ListedBackupView>();
  const [copying, setCopying] = useState(false);
  /** A backup with its own key waiting for its passphrase, and what the last try said. */
  const [unlocking, setUnlocking] = useState<{ backup: ListedBackupView; error?: string }>();
  /** Passphrases that opened backups, kept in memory for the restore that follows. */
  const [passphrases, setPassphrases] = useState<Record<string, string>>({});
  const [deleting, setDeleting] = useState<ListedBackupView>();

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setMessage(undefined);
    setFailure(undefined);
    try {
      await work();
    } catch (e) {
      setFailure((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  /** A backup of a large database takes a while: it runs as a job with a progress bar and Cancel. */
  const takeNow = () =>
    run(async () => {
      setStarted(await api('backups.start', {}));
    });
  const backingUp = job?.state === 'running';

  useEffect(() => {
    if (!job || job.state === 'running') return;
    if (job.state === 'done') {
      const b = job.result as BackupInfoView;
      setMessage(`Backup taken at ${when(b.takenAt)} (${size(b.size)}). Backups taken by hand are kept until you delete them.`);
    } else if (job.state === 'cancelled') {
      setMessage('Backup cancelled: no file was written.');
    } else {
      setFailure(job.message);
    }
    setStarted(undefined);
    reload();
  }, [job, reload]);

  /**
   * The verification step: a restore is offered only for a backup that checks out. A backup with
   * its own key first asks for its passphrase or recovery key.
   */
  const check = (b: ListedBackupView, thenRestore: boolean) =>
    run(async () => {
      const verdict = await api('backups.verify', { file: b.file, passphrase: passphrases[b.file] });
      setChecks((c) => ({ ...c, [b.file]: verdict }));
      if (verdict.locked && thenRestore) setUnlocking({ backup: b });
      else if (verdict.ok && thenRestore) setRestoring(b);
    });

  const unlock = (b: ListedBackupView, passphrase: string) =>
    run(async () => {
      const verdict = await api('backups.verify', { file: b.file, passphrase });
      if (verdict.locked) return setUnlocking({ backup: b, error: verdict.problems.join(' ') });
      setUnlocking(undefined);
      setPassphrases((p) => ({ ...p, [b.file]: passphrase }));
      setChecks((c) => ({ ...c, [b.file]: verdict }));
      if (verdict.ok) setRestoring(b);
    });

  const restore = (b: ListedBackupView) =>
    run(async () => {
      setRestoring(undefined);
      const r = await api('backups.restore', { file: b.file, confirm: true, passphrase: passphrases[b.file] });
      setMessage(
        [`Restored the backup of ${when(b.takenAt)}. The data as it was just before is kept in ${r.safetyBackup}, so this can be undone.`, ...r.notes].join(
          ' ',
        ),
      );
      reload(); // the backup just taken before it, and which backups hold people erased since
    });

  const remove = (b: ListedBackupView) =>
    run(async () => {
      setDeleting(undefined);
      await api('backups.delete', { file: b.file, confirm: true });
      setMessage(`Deleted the backup of ${when(b.takenAt)}.`);
    });

  const copyTaken = (copy: BackupInfoView) => {
    setCopying(false);
    setMessage(
      `Copy taken: ${copy.file} in ${data?.folder ?? 'the backups folder'}. Copy that file to the drive you take away; it opens only with the passphrase you chose.`,
    );
    reload();
  };

  if (data?.teamDatabase) return <TeamDatabaseBackups />;

  return (
    <>
      <PageHeader
        title="Backups"
        subtitle={
          data
            ? `Hustings backs up the database each day you open it and before every upgrade, keeping those for ${data.retentionDays} days (at most the newest ${data.keep}). Backups you take by hand and copies are kept until you delete them. ${data.encrypted ? 'Backups are encrypted with this database’s key.' : 'This database is not encrypted, so neither are its backups, except copies for taking off the machine.'} They are in ${data.folder}.`
            : undefined
        }
        actions={
          <>
            <button type="button" className="primary" onClick={takeNow} disabled={busy || backingUp}>
              Take a backup now
            </button>
            <button type="button" onClick={() => setCopying(true)} disabled={busy || backingUp || copying}>
              Take a copy for taking off the machine…
            </button>
          </>
        }
      />
      {copying && data && <OffMachineCopy folder={data.folder} onTaken={copyTaken} onCancel={() => setCopying(false)} />}
      {job && backingUp && <JobProgress heading="Backing up" label="Backup progress" job={job} />}
      {message && (
        <p className="success" role="status">
          {message}
        </p>
      )}
      <ErrorMessage error={failure ?? error} />
      {!data ? (
        !error && <Loading />
      ) : data.backups.length === 0 ? (
        <EmptyState title="No backups yet">
          <p>
            Hustings takes one automatically the next day you open it, and before each upgrade. Take one now before a big change such as importing a register.
          </p>
        </EmptyState>
      ) : (
        <table>
          <caption>Newest first. Checking a backup runs SQLite’s integrity check on it and reads its version.</caption>
          <thead>
            <tr>
              <th scope="col">Taken</th>
              <th scope="col">Kind</th>
              <th scope="col" className="num">
                Size
              </th>
              <th scope="col">Check</th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {data.backups.map((b) => {
              const verdict = checks[b.file];
              return (
                <tr key={b.file}>
                  <td>
                    <time dateTime={b.takenAt}>{when(b.takenAt)}</time>
                    <div className="muted small">{b.file}</div>
                    {b.holdsErased > 0 && (
                      <p className="small" role="note">
                        <span className="badge status-considering">Holds erased people</span> {heldErased(b.holdsErased)}
                      </p>
                    )}
                  </td>
                  <td>
                    {REASONS[b.reason]}
                    <div className="muted small">{keyOf(b)}</div>
                    {!isAutomatic(b.reason) && Date.now() - Date.parse(b.takenAt) > data.retentionDays * DAY_MS && (
                      <div className="small warn-text">Older than {data.retentionDays} days: delete it once you no longer need it</div>
                    )}
                  </td>
                  <td className="num nowrap">{size(b.size)}</td>
                  <td>
                    {verdict === undefined ? (
                      <span className="muted">Not checked</span>
                    ) : verdict.locked && !verdict.ok ? (
                      <span className="badge status-not-contesting">Needs its passphrase</span>
                    ) : verdict.ok ? (
                      <span className="badge status-contesting">Sound (version {verdict.schemaVersion})</span>
                    ) : (
                      <div role="alert">
                        <span className="badge status-considering">Cannot be restored</span>
                        <ul className="plain">
                          {verdict.problems.map((p) => (
                            <li key={p}>{p}</li>
                          ))}
                        </ul>
                      </div>
                    )}
                  </td>
                  <td>
                    <div className="actions">
                      <button type="button" onClick={() => check(b, false)} disabled={busy || backingUp} aria-label={`Check the backup of ${when(b.takenAt)}`}>
                        Check
                      </button>
                      <button
                        type="button"
                        className="danger"
                        onClick={() => check(b, true)}
                        disabled={busy || backingUp}
                        aria-label={`Restore the backup of ${when(b.takenAt)}`}
                      >
                        Restore…
                      </button>
                      <button type="button" onClick={() => setDeleting(b)} disabled={busy || backingUp} aria-label={`Delete the backup of ${when(b.takenAt)}`}>
                        Delete…
                      </button>
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {data && <RetentionForm key={data.retentionDays} retentionDays={data.retentionDays} onSaved={(m) => setMessage(m)} />}
      <UnlockDialog
        open={unlocking !== undefined}
        taken={unlocking ? when(unlocking.backup.takenAt) : ''}
        error={unlocking?.error}
        busy={busy}
        onCancel={() => setUnlocking(undefined)}
        onUnlock={(p) => unlocking && void unlock(unlocking.backup, p)}
      />
      <ConfirmDialog
        open={deleting !== undefined}
        title="Delete this backup?"
        message={
          deleting
            ? `The backup of ${when(deleting.takenAt)} (${REASONS[deleting.reason].toLowerCase()}) is deleted for good: its data can no longer be restored from it.`
            : ''
        }
        confirmLabel="Delete"
        onCancel={() => setDeleting(undefined)}
        onConfirm={() => deleting && void remove(deleting)}
      />
      <ConfirmDialog
        open={restoring !== undefined}
        title="Restore this backup?"
        message={
          restoring
            ? `The backup of ${when(restoring.takenAt)} checked out. Restoring replaces all of the current data with it; everything changed since then is set aside in a new backup first, so you can go back.${
                restoring.holdsErased > 0 ? ` ${heldErased(restoring.holdsErased)}` : ''
              }`
            : ''
        }
        confirmLabel="Restore"
        onCancel={() => setRestoring(undefined)}
        onConfirm={() => restoring && void restore(restoring)}
      />
    </>
  );
}

/** A team database is backed up by its server's administrator, with PostgreSQL's own tools. */
function TeamDatabaseBackups() {
  return (
    <>
      <PageHeader title="Backups" subtitle="This campaign is kept in a team database on PostgreSQL, shared by your team." />
      <section className="card">
        <h2>Backing up a team database</h2>
        <p>
          Hustings backs up a campaign file on one computer by itself. A team database is backed up by whoever runs its server, with PostgreSQL’s own tools, so
          that everyone’s work is in the one copy:
        </p>
        <pre>pg_dump --format=custom --file=campaign.dump postgres://USER@HOST:5432/DATABASE</pre>
        <p>and restored, into an empty database, with:</p>
        <pre>pg_restore --dbname=postgres://USER@HOST:5432/DATABASE campaign.dump</pre>
        <p>
          To keep a copy as a campaign file instead, <code>hustings copy --from postgres://… --to campaign.sqlite</code> writes the whole campaign into a new
          file, which Hustings then backs up and encrypts as any other.
        </p>
      </section>
    </>
  );
}
