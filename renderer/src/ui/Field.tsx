import { type ReactNode, useId } from 'react';

/**
 * A labelled form control with its hint and error. The child receives the id and
 * aria attributes through the render function so screen readers link all three.
 */
export function Field(props: {
  label: string;
  error?: string;
  hint?: string;
  /** `fit`: as wide as its control's content (a select of long names), not a share of the row. */
  className?: string;
  children: (a: { id: string; 'aria-invalid': boolean; 'aria-describedby'?: string }) => ReactNode;
}) {
  const id = useId();
  const hintId = props.hint ? `${id}-hint` : undefined;
  const errorId = props.error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={['field', props.className, props.error && 'field-invalid'].filter(Boolean).join(' ')}>
      <label htmlFor={id}>{props.label}</label>
      {props.hint && (
        <p className="hint" id={hintId}>
          {props.hint}
        </p>
      )}
      {props.children({ id, 'aria-invalid': Boolean(props.error), 'aria-describedby': describedBy })}
      {props.error && (
        <p className="error" id={errorId} role="alert">
          {props.error}
        </p>
      )}
    </div>
  );
}
