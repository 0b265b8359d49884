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
