import { useState } from 'react';
import { ConfirmDialog } from './ConfirmDialog.tsx';
import { ErrorMessage } from './Page.tsx';

/** What a deletion takes with it, and why it cannot happen now if it cannot. */
export interface DeleteImpact {
  items: string[];
  /** How many go with it, when `items` names only some of them. */
  total?: number;
  /** A sentence on what else follows, e.g. figures worked out again. */
  note?: string;
  blockedBy?: string | null;
}

/** Names listed in the question at most; the rest are counted. */
const LISTED = 8;

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
      const { items, total = items.length, note, blockedBy }: DeleteImpact = Array.isArray(impact) ? { items: impact } : impact;
      if (blockedBy) {
        setError(blockedBy);
        return;
      }
      const noun = props.impactNoun ?? 'record';
      const listed = items.slice(0, LISTED);
      const more = total - listed.length;
      const names = `${listed.join(', ')}${more > 0 ? `${listed.length ? ' and ' : ''}${more} more` : ''}`;
      setQuestion(
        [
          total === 0
            ? `Delete ${props.what}? This cannot be undone (a backup can restore it).`
            : `Delete ${props.what}? Its ${total} ${noun}${total === 1 ? '' : 's'} (${names}) and everything recorded for ${total === 1 ? 'it' : 'them'} will be deleted too.`,
          note,
        ]
          .filter(Boolean)
          .join(' '),
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
