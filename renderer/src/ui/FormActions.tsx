/** A form's submit button (disabled while it saves) and an optional Cancel. */
export function FormActions(props: { submitLabel: string; submitting: boolean; onCancel?(): void }) {
  return (
    <div className="actions">
      <button type="submit" className="primary" disabled={props.submitting}>
        {props.submitLabel}
      </button>
      {props.onCancel && (
        <button type="button" onClick={props.onCancel}>
          Cancel
        </button>
      )}
    </div>
  );
}
