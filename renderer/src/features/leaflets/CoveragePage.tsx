import { Link, useSearchParams } from 'react-router';
import type { CoverageReport } from '../../../../shared/contract/leaflets.ts';
import { formatPercent } from '../../../../shared/domain/delivery-coverage.ts';
import { formatMinutes } from '../../../../shared/domain/delivery-rounds.ts';
import { useApi } from '../../app/api.ts';
import { Field } from '../../ui/Field.tsx';
import { formatDate, formatNumber } from '../../ui/format.ts';
import { EmptyState, ErrorMessage, Loading, PageHeader } from '../../ui/Page.tsx';
import { Loaded } from '../../ui/Loaded.tsx';
import { COVERAGE_LABELS, LeafletingNav, leafletLabel } from './common.tsx';

export function CoveragePage() {
  const [params, setParams] = useSearchParams();
  const { data: leaflets, error } = useApi('leaflets.list', {});
  const leafletId = Number(params.get('leaflet')) || leaflets?.[0]?.id;
  const leaflet = leaflets?.find((l) => l.id === leafletId);
  const contestParam = params.get('contest');
  const contestId = contestParam === 'all' ? null : Number(contestParam) || leaflet?.contests[0]?.id || null;
  const choose = (next: { leaflet?: number; contest?: number | 'all' }) => {
    const p = new URLSearchParams(params);
    if (next.leaflet !== undefined) {
      p.set('leaflet', String(next.leaflet));
      p.delete('contest');
    }
    if (next.contest !== undefined) p.set('contest', String(next.contest));
    setParams(p, { replace: true });
  };
  return (
    <>
      <PageHeader title="Coverage" subtitle="Households reached by a leaflet, by polling district, and the rounds still to do before polling day." />
      <LeafletingNav />
      <ErrorMessage error={error} />
      {!leaflets ? (
        !error && <Loading />
      ) : leaflets.length === 0 || !leaflet ? (
        <EmptyState title="No leaflets yet">
          <p>
            Coverage counts the households a leaflet has reached. <Link to="/leaflets/new">Add a leaflet</Link>, its rounds and its drops first.
          </p>
        </EmptyState>
      ) : (
        <>
          <div className="row">
            <Field label="Leaflet">
              {(a) => (
                <select {...a} value={leaflet.id} onChange={(e) => choose({ leaflet: Number(e.target.value) })}>
                  {leaflets.map((l) => (
                    <option key={l.id} value={l.id}>
                      {leafletLabel(l)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label="Contest" hint="Rounds in the contest’s area, checked against its polling day">
              {(a) => (
                <select {...a} value={contestId ?? 'all'} onChange={(e) => choose({ contest: e.target.value === 'all' ? 'all' : Number(e.target.value) })}>
                  <option value="all">All rounds, any contest</option>
                  {leaflet.contests.map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
          <Report leafletId={leaflet.id} contestId={contestId} />
        </>
      )}
    </>
  );
}

function Report(props: { leafletId: number; contestId: number | null }) {
  const coverage = useApi('leaflets.coverage', { leafletId: props.leafletId, contestId: props.contestId });
  const c = coverage.data;
  if (!c) return <Loaded of={coverage} />;
  if (c.rounds.length === 0) {
    return (
      <EmptyState title="No rounds here yet">
        <p>
          Coverage is worked out over delivery rounds{props.contestId !== null && ' in the contest’s area'}. <Link to="/rounds/new">Add the rounds</Link>, with
          their households, then log drops on them.
        </p>
      </EmptyState>
    );
  }
  return (
    <>
      <dl className="facts" aria-label="Coverage summary">
        <dt>Households reached</dt>
        <dd data-testid="coverage-total">
          {formatNumber(c.total.reached)} of {formatNumber(c.total.households)} ({formatPercent(c.total.percent)})
        </dd>
        <dt>Rounds delivered</dt>
        <dd>
          {c.total.roundsComplete} of {c.total.rounds}
        </dd>
        <dt>In stock</dt>
        <dd>
          {formatNumber(c.stock.onHand)} of {formatNumber(c.stock.printed)} printed
          {c.stock.onHand < c.notCovered.reduce((n, r) => n + r.left, 0) && <strong className="warn-text"> — fewer than the households still to reach</strong>}
        </dd>
        {c.pollingDay && (
          <>
            <dt>Polling day</dt>
            <dd>{formatDate(c.pollingDay)}</dd>
          </>
        )}
      </dl>
      <section className="panel" aria-labelledby="by-district">
        <h2 id="by-district">By polling district</h2>
        <CoverageChart districts={c.districts} />
        <table>
          <thead>
            <tr>
              <th scope="col">Polling district</th>
              <th scope="col" className="num">
                Households
              </th>
              <th scope="col" className="num">
                Reached
              </th>
              <th scope="col" className="num">
                Coverage
              </th>
              <th scope="col" className="num">
                Rounds delivered
              </th>
            </tr>
          </thead>
          <tbody>
            {c.districts.map((d) => (
              <tr key={d.district ?? '(none)'}>
                <th scope="row">{d.district ?? 'No district'}</th>
                <td className="num">{formatNumber(d.households)}</td>
                <td className="num">{formatNumber(d.reached)}</td>
                <td className="num">{formatPercent(d.percent)}</td>
                <td className="num">
                  {d.roundsComplete} of {d.rounds}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="panel" aria-labelledby="not-covered">
        <h2 id="not-covered">Rounds not yet covered</h2>
        {c.notCovered.length === 0 ? (
          <p>Every round has had this leaflet.</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">Round</th>
                <th scope="col">District</th>
                <th scope="col" className="num">
                  Households
                </th>
                <th scope="col" className="num">
                  Left to reach
                </th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {c.notCovered.map((r) => (
                <tr key={r.roundId}>
                  <td>
                    <Link to={`/rounds/${r.roundId}`}>{r.name}</Link>
                  </td>
                  <td>{r.pollingDistrict ?? '—'}</td>
                  <td className="num">{formatNumber(r.households)}</td>
                  <td className="num">{formatNumber(r.left)}</td>
                  <td>{COVERAGE_LABELS[r.status]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <h3>Time before polling day</h3>
        <p className={c.plan.fits ? 'success' : 'warning'} role="status">
          {c.plan.summary}
          {c.plan.neededMinutes > 0 && ` Needed: ${formatMinutes(c.plan.neededMinutes)}; planned: ${formatMinutes(c.plan.plannedMinutes)}.`}
        </p>
        {c.plan.rounds.length > 0 && (
          <ul className="plain">
            {c.plan.rounds.map((r) => (
              <li key={r.roundId} className={r.status === 'planned' ? '' : 'warn-text'}>
                {r.message}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

/** Horizontal bars, one per district; the table below holds the same numbers for screen readers. */
function CoverageChart(props: { districts: CoverageReport['districts'] }) {
  const rowHeight = 30;
  const labelWidth = 120;
  const width = 640;
  const barWidth = width - labelWidth - 70;
  const height = props.districts.length * rowHeight + 24;
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${width} ${height}`} width="100%" role="img" aria-labelledby="coverage-chart-title">
        <title id="coverage-chart-title">
          {`Coverage by polling district: ${props.districts.map((d) => `${d.district ?? 'no district'} ${formatPercent(d.percent)}`).join(', ')}`}
        </title>
        {[0, 25, 50, 75, 100].map((p) => (
          <g key={p}>
            <line x1={labelWidth + (barWidth * p) / 100} x2={labelWidth + (barWidth * p) / 100} y1={0} y2={height - 20} className="grid" />
            <text x={labelWidth + (barWidth * p) / 100} y={height - 6} textAnchor="middle" className="axis">
              {p}%
            </text>
          </g>
        ))}
        {props.districts.map((d, n) => {
          const y = n * rowHeight + 4;
          const w = (barWidth * Math.min(100, d.percent ?? 0)) / 100;
          return (
            <g key={d.district ?? '(none)'}>
              <text x={labelWidth - 8} y={y + 16} textAnchor="end" className="label">
                {d.district ?? 'No district'}
              </text>
              <rect x={labelWidth} y={y} width={barWidth} height={rowHeight - 10} className="track" />
              <rect x={labelWidth} y={y} width={w} height={rowHeight - 10} className="bar" />
              <text x={labelWidth + barWidth + 8} y={y + 16} className="value">
                {formatPercent(d.percent)}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="muted">Share of households reached in each polling district.</figcaption>
    </figure>
  );
}
