import { useParams } from 'react-router';
import { formatMinutes } from '../../../../shared/domain/delivery-rounds.ts';
import { useApi } from '../../app/api.ts';
import { formatDate, formatNumber } from '../../ui/format.ts';
import { Loaded } from '../../ui/Loaded.tsx';
import { PageHeader } from '../../ui/Page.tsx';
import { PdfDownload } from '../../ui/PdfDownload.tsx';
import { StreetsTable } from './tables.tsx';

/** A round sheet for the deliverer: A4, streets in walking order, a tick column and a return slip. */
export function RoundSheetPage() {
  const id = Number(useParams().id);
  const roundQuery = useApi('rounds.get', { id });
  const r = roundQuery.data;
  if (!r) return <Loaded of={roundQuery} />;
  const next = r.assignments.find((a) => a.plannedOn) ?? r.assignments[0];
  return (
    <article className="round-sheet">
      <PageHeader
        title={`Round sheet: ${r.name}`}
        back={{ to: `/rounds/${id}`, label: r.name }}
        actions={
          <>
            <PdfDownload className="primary" what={{ kind: 'roundSheet', roundId: id }}>
              Download PDF
            </PdfDownload>
            <button type="button" onClick={() => window.print()}>
              Print
            </button>
          </>
        }
      />
      <dl className="facts">
        {r.pollingDistrict && (
          <>
            <dt>Polling district</dt>
            <dd>{r.pollingDistrict}</dd>
          </>
        )}
        {r.areaName && (
          <>
            <dt>Area</dt>
            <dd>{r.areaName}</dd>
          </>
        )}
        <dt>Households</dt>
        <dd>{formatNumber(r.households)}</dd>
        <dt>Time</dt>
        <dd>about {formatMinutes(r.estimatedMinutes)}</dd>
        <dt>Deliverer</dt>
        <dd>{next ? `${next.volunteerName}${next.plannedOn ? `, ${formatDate(next.plannedOn)}` : ''}` : '______________________'}</dd>
        <dt>Leaflet</dt>
        <dd>{next?.leafletTitle ?? '______________________'}</dd>
      </dl>
      <StreetsTable round={r} tickColumn />
      <section className="return-slip" aria-labelledby="slip-heading">
        <h2 id="slip-heading">When you have finished</h2>
        <p>Date delivered: ____________ Copies delivered: ________ Streets or doors left: ______________________________</p>
        <p>Return this sheet to the campaign office so the drop can be logged.</p>
      </section>
    </article>
  );
}
