import { Link } from 'react-router';
import { useApi } from '../../app/api.ts';
import { formatNumber } from '../../ui/format.ts';

/** Households reached by each leaflet of a contest, linking to the leaflet's page. */
export function LeafletCoverageCell(props: { contestId: number }) {
  const { data } = useApi('leaflets.list', { contestId: props.contestId });
  if (!data) return null;
  if (data.length === 0) return <span className="muted">No leaflet yet</span>;
  return (
    <ul className="plain">
      {data.map((l) => (
        <LeafletCoverage key={l.id} leafletId={l.id} contestId={props.contestId} title={l.title} />
      ))}
    </ul>
  );
}

function LeafletCoverage(props: { leafletId: number; contestId: number; title: string }) {
  const { data } = useApi('leaflets.coverage', { leafletId: props.leafletId, contestId: props.contestId });
  const total = data?.total;
  return (
    <li>
      <Link to={`/leaflets/${props.leafletId}`}>{props.title}</Link>
      {total && (
        <span className="muted">
          {' '}
          · {total.percent === null ? `${formatNumber(total.reached)} households reached` : `${total.percent}% of ${formatNumber(total.households)} households`}
        </span>
      )}
    </li>
  );
}

/** Electors contacted on the canvass in the contest's area, linking to its tallies. */
export function CanvassCell(props: { areaId: number; hasRegister: boolean }) {
  if (!props.hasRegister) return <span className="muted">No register imported</span>;
  return <CanvassContacts areaId={props.areaId} />;
}

function CanvassContacts(props: { areaId: number }) {
  const { data } = useApi('canvass.getTallies', { areaId: props.areaId });
  if (!data) return null;
  return (
    <Link to={`/canvass/tallies/${props.areaId}`}>
      {formatNumber(data.area.contacted)} contacted of {formatNumber(data.area.electors)} electors
    </Link>
  );
}
