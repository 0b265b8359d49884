import { NavLink } from 'react-router';
import type { Leaflet } from '../../../../shared/contract/leaflets.ts';

/** The leafleting pages, one tab each. */
export function LeafletingNav() {
  const tabs = [
    ['/leaflets', 'Leaflets'],
    ['/print-runs', 'Print runs'],
    ['/rounds', 'Rounds'],
    ['/drops', 'Drops'],
    ['/coverage', 'Coverage'],
  ] as const;
  return (
    <nav className="tabs" aria-label="Leafleting">
      <ul>
        {tabs.map(([to, label]) => (
          <li key={to}>
            <NavLink to={to}>{label}</NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function LeafletStatusBadge(props: { leaflet: Pick<Leaflet, 'status' | 'imprintGaps'> }) {
  const { status, imprintGaps } = props.leaflet;
  return (
    <>
      <span className={`badge leaflet-${status}`}>{status === 'ready' ? 'Ready' : status === 'retired' ? 'Retired' : 'Draft'}</span>
      {imprintGaps.length > 0 && (
        <>
          {' '}
          <span className="badge imprint-missing">Imprint incomplete</span>
        </>
      )}
    </>
  );
}

export const COVERAGE_LABELS = { 'not-started': 'Not started', partial: 'Partly delivered', complete: 'Delivered' } as const;

export function leafletLabel(l: Pick<Leaflet, 'title' | 'version'>): string {
  return l.version ? `${l.title} (${l.version})` : l.title;
}
