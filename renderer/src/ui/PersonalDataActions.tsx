import { useState } from 'react';
import { ApiCallError } from '../app/api.ts';
import { ConfirmDialog } from './ConfirmDialog.tsx';
import { downloadText } from './download.ts';
import { ErrorMessage } from './Page.tsx';
import { usePersonalDataExport } from './PersonalDataExport.tsx';

/**
 * A person's page offers both of their rights (docs/reliability.md §8): an export of everything
 * held about them, which says what the file holds before writing it, and erasure, which first
 * asks the server what it would remove (or why the law needs the data kept) and says so.
 *
 * `erase(false)` must answer needs_confirmation with that description; `erase(true)` erases.
 */
export function PersonalDataActions(props: {
  name: string;
  /** What the export holds, completing "This file holds personal data: …". */
  exportContents: string;
  exportFile(): Promise<{ filename: string; doc: unknown }>;
  erase(confirm: boolean): Promise<unknown>;
  onErased(): void;
  /** Short buttons for a table row; their accessible names still say whose data. */
  compact?: boolean;
  /** The id of a note on the page saying why the data cannot be erased now: Erase is then off. */
  eraseBlockedBy?: string;
}) {
  const exporting = usePersonalDataExport();
  const [question, setQuestion] = useState<string>();
  const [error, setError] = useState<string>();

  const save = async () => {
    setError(undefined);
    try {
      const { filename, doc } = await props.exportFile();
      downloadText(filename, JSON.stringify(doc, null, 2), 'application/json');
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const ask = async () => {
    setError(undefined);
    try {
      await props.erase(false);
    } catch (e) {
      if (e instanceof ApiCallError && e.code === 'needs_confirmation') setQuestion(e.message);
      else setError((e as Error).message);
    }
  };
  const erase = async () => {
    setQuestion(undefined);
    try {
      await props.erase(true);
      props.onErased();
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <>
      <button type="button" aria-label={props.compact ? `Export ${props.name}’s data` : undefined} onClick={() => exporting.ask(props.exportContents, save)}>
        {props.compact ? 'Export' : 'Export this person’s data'}
      </button>
      <button
        type="button"
        className="danger"
        aria-label={props.compact ? `Erase ${props.name}’s data` : undefined}
        disabled={props.eraseBlockedBy !== undefined}
        aria-describedby={props.eraseBlockedBy}
        onClick={() => void ask()}
      >
        {props.compact ? 'Erase' : 'Erase this person’s data'}
      </button>
      {error && (
        <div className="person-data-error">
          <ErrorMessage error={error} />
        </div>
      )}
      {exporting.dialog}
      <ConfirmDialog
        open={question !== undefined}
        title={`Erase ${props.name}’s data?`}
        message={question ?? ''}
        confirmLabel="Erase"
        onCancel={() => setQuestion(undefined)}
        onConfirm={() => void erase()}
      />
    </>
  );
}
