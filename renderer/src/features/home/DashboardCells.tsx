import { Link } from 'react-router';
import { formatPercent, percentOf } from '../../../../shared/domain/delivery-coverage.ts';
import { HOUSEHOLD_SOURCE_LABELS, type HouseholdSource } from '../../../../shared/domain/planner.ts';
import { useApi } from '../../app/api.ts';
import { formatNumber } from '../../ui/format.ts';

/** The contest's households, as the planner counts them: by hand, from the register, or estimated. */
export interface ContestHouseholds {
  count: number | null;
  source: HouseholdSource | null;
}

/**
 * Households reached by each leaflet of a contest, against all the contest's households (not just
 * those on its rounds), linking to the leaflet's page.
 */
export function LeafletCoverageCell(props: { contestId: number; households: ContestHouseholds | null }) {
  const { data } = useApi('leaflets.list', { contestId: props.contestId });
  if (!data) return null;
  if (data.length === 0) return <span className="muted">No leaflet yet</span>;
  return (
    <ul className="plain">
      {data.map((l) => (
        <LeafletCoverage key={l.id} leafletId={l.id} contestId={props.contestId} title={l.title} households={props.households} />
      ))}
    </ul>
  );
}

function LeafletCoverage(props: { leafletId: number; contestId: number; title: string; households: ContestHouseholds | null }) {
  const { data } = useApi('leaflets.coverage', { leafletId: props.leafletId, contestId: props.contestId });
  const reached = data?.total.reached;
  const { count, source } = props.households ?? { count: null, source: null };
  return (
    <li>
      <Link to={`/leaflets/${props.leafletId}`}>{props.title}</Link>
      {reached !== undefined && (
        <span className="muted">
          {' '}
          ·{' '}
          {count === null || count === 0
            ? `${formatNumber(reached)} households reached (the contest’s households are not known)`
            : `${formatPercent(percentOf(Math.min(reached, count), count))} of ${formatNumber(count)} households${source ? ` (${HOUSEHOLD_SOURCE_LABELS[source]})` : ''}`}
        </span>
      )}
    </li>
  );
}

/** Electors contacted on the canvass in the contest's area, linking to its tallies. */
export function CanvassCell(props: { areaId: number }) {
  const { data } = useApi('canvass.countContacts', { areaId: props.areaId });
  if (!data) return null;
  if (data.electors === 0) return <span className="muted">No register imported</span>;
  return (
    <Link to={`/canvass/tallies/${props.areaId}`}>
      {formatNumber(data.contacted)} contacted of {formatNumber(data.electors)} electors
    </Link>
  );
}
