import { api } from '../app/api.ts';
import { type JobEvent, jobPercent } from '../app/jobs.ts';

/** A labelled progress bar; without a percentage it shows as busy. */
export function ProgressBar(props: { label: string; percent?: number; message?: string }) {
  return (
    <div className="progress">
      <label>
        {props.label}
        <progress max={100} value={props.percent}>
          {props.percent === undefined ? 'Working…' : `${props.percent}%`}
        </progress>
      </label>
      {props.message && (
        <p className="muted" role="status" aria-live="polite">
          {props.message}
          {props.percent !== undefined ? ` (${props.percent}%)` : ''}
        </p>
      )}
    </div>
  );
}

/** A running job's panel: its heading, progress bar with message, and Cancel. */
export function JobProgress(props: { heading: string; label: string; job: JobEvent }) {
  const { job } = props;
  return (
    <section className="panel" aria-labelledby={`progress-${job.jobId}`}>
      <h2 id={`progress-${job.jobId}`}>{props.heading}</h2>
      <ProgressBar label={props.label} percent={jobPercent(job)} message={job.message} />
      <div className="actions">
        <button type="button" onClick={() => void api('jobs.cancel', { jobId: job.jobId })}>
          Cancel
        </button>
      </div>
    </section>
  );
}
