import type { CanvassReturnOut } from '../../../../shared/contract/register.ts';
import { REQUEST_LABELS } from '../../../../shared/domain/canvass-codes.ts';
import { formatDate } from '../../ui/format.ts';
import { outcomeLabel } from './labels.ts';

/** Canvass history, newest first; `who` adds the elector column (household view). */
export function ReturnsTable(props: { returns: (CanvassReturnOut & { electorNumber?: string; fullName?: string })[]; who?: boolean; caption: string }) {
  if (props.returns.length === 0) return <p className="muted">No canvass returns yet.</p>;
  const rows = [...props.returns].sort((a, b) => (a.canvassedOn < b.canvassedOn ? 1 : a.canvassedOn > b.canvassedOn ? -1 : b.id - a.id));
  return (
    <table>
      <caption>{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">Date</th>
          {props.who && <th scope="col">Elector</th>}
          <th scope="col">Codes</th>
          <th scope="col">Outcome</th>
          <th scope="col">Support</th>
          <th scope="col">Requests</th>
          <th scope="col">Note</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id}>
            <td>{formatDate(r.canvassedOn)}</td>
            {props.who && (
              <td>
                {r.electorNumber} {r.fullName}
              </td>
            )}
            <td>
              <code>{r.codes}</code>
            </td>
            <td>{outcomeLabel(r.outcome)}</td>
            <td>{r.support ?? '—'}</td>
            <td>{r.requests.map((q) => REQUEST_LABELS[q]).join(', ') || '—'}</td>
            <td>{r.note || '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
