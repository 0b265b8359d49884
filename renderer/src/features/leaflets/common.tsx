import { NavLink } from 'react-router';
import type { Leaflet } from '../../../../shared/contract/leaflets.ts';
import { parseMoney } from '../../../../shared/domain/money.ts';

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

/** Pence from what a user types as pounds ("89.5", "£1,200", "50p"); blank is nothing; NaN when it is not money. */
export function poundsToPence(text: unknown): number {
  const t = String(text ?? '').trim();
  if (t === '') return 0;
  const r = parseMoney(t, 'Cost');
  return r.ok ? r.pence : Number.NaN;
}

/** A whole number from a text input ("1,200" → 1200); NaN for anything else, null when blank if allowed. */
export function wholeNumber(blank: null | typeof Number.NaN = Number.NaN) {
  return (v: unknown): number | null => {
    const t = String(v ?? '').replace(/[,\s]/g, '');
    if (t === '') return blank;
    return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : Number.NaN;
  };
}

/** Blank select → null, else the id as a number. */
export const idOrNull = (v: unknown): number | null => (v === '' || v === null || v === undefined ? null : Number(v));

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
