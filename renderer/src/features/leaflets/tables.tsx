import { Link } from 'react-router';
import type { Drop, PrintRun, Round } from '../../../../shared/contract/leaflets.ts';
import { api } from '../../app/api.ts';
import { DeleteButton } from '../../ui/DeleteButton.tsx';
import { formatDate, formatNumber } from '../../ui/format.ts';
import { formatPence } from '../../../../shared/domain/money.ts';

function dropDone(d: Drop): string {
  return d.complete ? 'In full' : `In part${d.leftNote ? `: ${d.leftNote} left` : ''}`;
}

/** Drops, newest first; columns the page already names (its leaflet, round or volunteer) are left out. */
export function DropsTable(props: { drops: Drop[]; caption?: string; hide?: ('leaflet' | 'round' | 'volunteer')[]; deletable?: boolean }) {
  const show = (c: 'leaflet' | 'round' | 'volunteer') => !props.hide?.includes(c);
  return (
    <table>
      {props.caption && <caption>{props.caption}</caption>}
      <thead>
        <tr>
          <th scope="col">Date</th>
          {show('leaflet') && <th scope="col">Leaflet</th>}
          {show('round') && <th scope="col">Round</th>}
          {show('volunteer') && <th scope="col">Volunteer</th>}
          <th scope="col" className="num">
            Copies
          </th>
          <th scope="col">Round done</th>
          {props.deletable && (
            <th scope="col">
              <span className="sr-only">Actions</span>
            </th>
          )}
        </tr>
      </thead>
      <tbody>
        {props.drops.map((d) => (
          <tr key={d.id}>
            <td>{formatDate(d.droppedOn)}</td>
            {show('leaflet') && (
              <td>
                <Link to={`/leaflets/${d.leafletId}`}>{d.leafletTitle}</Link>
              </td>
            )}
            {show('round') && (
              <td>
                <Link to={`/rounds/${d.roundId}`}>{d.roundName}</Link>
              </td>
            )}
            {show('volunteer') && <td>{d.volunteerName ?? '—'}</td>}
            <td className="num">{formatNumber(d.delivered)}</td>
            <td>{dropDone(d)}</td>
            {props.deletable && (
              <td>
                <DeleteButton
                  what={`the drop of ${formatNumber(d.delivered)} on “${d.roundName}” (${formatDate(d.droppedOn)})`}
                  remove={async () => void (await api('drops.delete', { id: d.id }))}
                />
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function PrintRunsTable(props: { runs: PrintRun[]; caption?: string; showLeaflet?: boolean; deletable?: boolean }) {
  return (
    <table>
      {props.caption && <caption>{props.caption}</caption>}
      <thead>
        <tr>
          <th scope="col">Printed</th>
          {props.showLeaflet && <th scope="col">Leaflet</th>}
          <th scope="col" className="num">
            Copies
          </th>
          <th scope="col">Printer</th>
          <th scope="col" className="num">
            Cost
          </th>
          <th scope="col">Charged to</th>
          {props.deletable && (
            <th scope="col">
              <span className="sr-only">Actions</span>
            </th>
          )}
        </tr>
      </thead>
      <tbody>
        {props.runs.map((r) => (
          <tr key={r.id}>
            <td>{formatDate(r.printedOn)}</td>
            {props.showLeaflet && (
              <td>
                <Link to={`/leaflets/${r.leafletId}`}>{r.leafletTitle}</Link>
              </td>
            )}
            <td className="num">{formatNumber(r.quantity)}</td>
            <td>{r.printer || '—'}</td>
            <td className="num">{formatPence(r.costPence)}</td>
            <td>{r.contestName ?? 'No contest'}</td>
            {props.deletable && (
              <td>
                <DeleteButton
                  what={`the print run of ${formatNumber(r.quantity)} “${r.leafletTitle}” on ${formatDate(r.printedOn)}`}
                  remove={async () => void (await api('printRuns.delete', { id: r.id }))}
                />
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A round's streets in walking order; on the round sheet, with an empty box to tick per street. */
export function StreetsTable(props: { round: Round; caption?: string; tickColumn?: boolean }) {
  const r = props.round;
  return (
    <table className={props.tickColumn ? 'sheet' : undefined}>
      {props.caption && <caption>{props.caption}</caption>}
      <thead>
        <tr>
          <th scope="col" className="num">
            #
          </th>
          <th scope="col">Street</th>
          <th scope="col" className="num">
            Households
          </th>
          <th scope="col">Notes</th>
          {props.tickColumn && (
            <th scope="col" className="tick">
              Done
            </th>
          )}
        </tr>
      </thead>
      <tbody>
        {r.streets.map((s, n) => (
          <tr key={n}>
            <td className="num">{n + 1}</td>
            <td>{s.name}</td>
            <td className="num">
              {formatNumber(s.households)}
              {!props.tickColumn && s.householdsSource === 'register' && <span className="muted"> (register)</span>}
            </td>
            <td>{s.notes}</td>
            {props.tickColumn && (
              <td className="tick">
                <span className="tick-box" aria-label={`Tick when ${s.name} is done`} role="img" />
              </td>
            )}
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row" colSpan={2}>
            Total
          </th>
          <td className="num">{formatNumber(r.households)}</td>
          <td colSpan={props.tickColumn ? 2 : 1} />
        </tr>
      </tfoot>
    </table>
  );
}
