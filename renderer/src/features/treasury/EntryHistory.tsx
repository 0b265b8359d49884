import { useState } from 'react';
import { useApi } from '../../app/api.ts';
import { ErrorMessage } from '../../ui/Page.tsx';

/** The audit trail of one entry, newest first, loaded when opened. */
export function EntryHistory(props: { entity: string; entityId: number; label: string }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="history" onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
      <summary>
        History<span className="sr-only"> of {props.label}</span>
      </summary>
      {open && <HistoryList entity={props.entity} entityId={props.entityId} />}
    </details>
  );
}

function HistoryList(props: { entity: string; entityId: number }) {
  const { data, error } = useApi('audit.list', { entity: props.entity, entityId: props.entityId, limit: 100 });
  if (error) return <ErrorMessage error={error} />;
  if (!data) return <p className="loading">Loading…</p>;
  return (
    <ol>
      {data.map((a) => (
        <li key={a.id}>
          {new Date(a.at).toLocaleString('en-GB')} — {a.actor}: {a.summary}
        </li>
      ))}
    </ol>
  );
}
