import { useState } from 'react';
import { ConfirmDialog } from './ConfirmDialog.tsx';
import { ErrorMessage } from './Page.tsx';

/** What a deletion takes with it, and why it cannot happen now if it cannot. */
export interface DeleteImpact {
  items: string[];
  blockedBy?: string | null;
}

/**
 * Delete that asks first and says what goes with the record. `impact` lists what would also be
 * deleted; or `describe` says it in a sentence of its own. With neither, or nothing listed, it
 * still asks (unless `blockedBy` says why it cannot happen), since a deletion cannot be undone from the app.
 */
export function DeleteButton(props: {
  what: string;
  impact?(): Promise<string[] | DeleteImpact>;
  impactNoun?: string;
  describe?(): Promise<string>;
  remove(): Promise<void>;
}) {
  const [question, setQuestion] = useState<string>();
  const [error, setError] = useState<string>();
  const ask = async () => {
    setError(undefined);
    try {
      if (props.describe) {
        setQuestion(`${await props.describe()} This cannot be undone (a backup can restore it).`);
        return;
      }
      const impact = (await props.impact?.()) ?? [];
      const { items, blockedBy } = Array.isArray(impact) ? { items: impact, blockedBy: null } : impact;
      if (blockedBy) {
        setError(blockedBy);
        return;
      }
      const noun = props.impactNoun ?? 'record';
      setQuestion(
        items.length === 0
          ? `Delete ${props.what}? This cannot be undone (a backup can restore it).`
          : `Delete ${props.what}? Its ${items.length} ${noun}${items.length === 1 ? '' : 's'} (${items.join(', ')}) and everything recorded for ${items.length === 1 ? 'it' : 'them'} will be deleted too.`,
      );
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <>
      <button type="button" className="danger" onClick={ask}>
        Delete
      </button>
      <ErrorMessage error={error} />
      <ConfirmDialog
        open={question !== undefined}
        title={`Delete ${props.what}?`}
        message={question ?? ''}
        confirmLabel="Delete"
        onCancel={() => setQuestion(undefined)}
        onConfirm={async () => {
          setQuestion(undefined);
          try {
            await props.remove();
          } catch (e) {
            setError((e as Error).message);
          }
        }}
      />
    </>
  );
}
