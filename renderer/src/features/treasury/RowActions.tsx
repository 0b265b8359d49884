import { api } from '../../app/api.ts';
import { DeleteButton } from '../../ui/DeleteButton.tsx';
import { EntryHistory } from './EntryHistory.tsx';

/** Change, delete (asking first) and the history of one ledger entry. */
export function RowActions(props: {
  /** What the entry is, for labels: "the donation from Ann Elector". */
  what: string;
  changeText: string;
  onChange(): void;
  remove: Parameters<typeof api>;
  history: { entity: string; entityId: number };
}) {
  return (
    <>
      <div className="actions no-print">
        <button type="button" onClick={props.onChange} aria-label={`${props.changeText}: ${props.what}`}>
          {props.changeText}
        </button>
        <DeleteButton what={props.what} remove={async () => void (await api(...props.remove))} />
      </div>
      <EntryHistory entity={props.history.entity} entityId={props.history.entityId} label={props.what} />
    </>
  );
}
