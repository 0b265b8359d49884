import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { Field } from '../../ui/Field.tsx';

/**
 * Asks for what opens a backup whose key is not this database's: the backup passphrase of a copy
 * taken off the machine, or the recovery key of the database the backup came from.
 */
export function UnlockDialog(props: { open: boolean; taken: string; error?: string; busy: boolean; onUnlock(passphrase: string): void; onCancel(): void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [text, setText] = useState('');
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (props.open && !d.open) {
      setText('');
      d.showModal();
    }
    if (!props.open && d.open) d.close();
  }, [props.open]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    props.onUnlock(text);
  };

  return (
    <dialog ref={ref} className="confirm" aria-labelledby={titleId} onCancel={props.onCancel}>
      <form onSubmit={submit} noValidate>
        <h2 id={titleId}>This backup has its own key</h2>
        <p>
          The backup of {props.taken} does not open with this database’s key. If it is a copy taken off the machine, type its backup passphrase; if it came from
          another Hustings database, type that database’s recovery key.
        </p>
        <Field label="Backup passphrase or recovery key" error={props.error}>
          {(a) => <input {...a} type="password" autoComplete="off" autoFocus value={text} onChange={(e) => setText(e.target.value)} />}
        </Field>
        <div className="actions">
          <button type="button" onClick={props.onCancel}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={props.busy || text.trim() === ''}>
            Unlock
          </button>
        </div>
      </form>
    </dialog>
  );
}
