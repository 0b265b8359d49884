import { useEffect, useState } from 'react';
import type { BackupInfoView, ListedBackupView } from '../../../../shared/contract/backups.ts';
import { erasedAgainSentence } from '../../../../shared/domain/erasure.ts';
import { api, useApi } from '../../app/api.ts';
import { type JobEvent, useJob } from '../../app/jobs.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { JobProgress } from '../../ui/Progress.tsx';
import { EmptyState, ErrorMessage, Loading, PageHeader } from '../../ui/Page.tsx';

const REASONS: Record<BackupInfoView['reason'], string> = {
  manual: 'Taken by hand',
  daily: 'Daily, at start-up',
  migration: 'Before an upgrade',
  restore: 'Before a restore',
};

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
  const [checks, setChecks] = useState<Record<string, { ok: boolean; problems: string[]; schemaVersion: number | null }>>({});
  const [restoring, setRestoring] = useState<ListedBackupView>();

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

  /** The verification step: a restore is offered only for a backup that checks out. */
  const check = (b: ListedBackupView, thenRestore: boolean) =>
    run(async () => {
      const verdict = await api('backups.verify', { file: b.file });
      setChecks((c) => ({ ...c, [b.file]: verdict }));
      if (verdict.ok && thenRestore) setRestoring(b);
    });

  const restore = (b: ListedBackupView) =>
    run(async () => {
      setRestoring(undefined);
      const r = await api('backups.restore', { file: b.file, confirm: true });
      const erased = r.erasuresReapplied > 0 ? ` ${erasedAgainSentence(r.erasuresReapplied)}` : '';
      setMessage(`Restored the backup of ${when(b.takenAt)}.${erased} The data as it was just before is kept in ${r.safetyBackup}, so this can be undone.`);
      reload();
    });

  return (
    <>
      <PageHeader
        title="Backups"
        subtitle={
          data
            ? `Hustings backs up the database each day you open it and before every upgrade, keeping the newest ${data.keep} of those. They are in ${data.folder}.`
            : undefined
        }
        actions={
          <button type="button" className="primary" onClick={takeNow} disabled={busy || backingUp}>
            Take a backup now
          </button>
        }
      />
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
            Hustings takes one automatically the next day you open it, and before each upgrade. Take one now before a big change such as
            importing a register.
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
                  <td>{REASONS[b.reason]}</td>
                  <td className="num">{size(b.size)}</td>
                  <td>
                    {verdict === undefined ? (
                      <span className="muted">Not checked</span>
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
                      <button type="button" className="danger" onClick={() => check(b, true)} disabled={busy || backingUp} aria-label={`Restore the backup of ${when(b.takenAt)}`}>
                        Restore…
                      </button>
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
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
