import { useNavigate, useParams } from 'react-router';
import type { TalliesOut } from '../../../../shared/contract/canvass.ts';
import { REQUESTS, REQUEST_LABELS } from '../../../../shared/domain/canvass-codes.ts';
import { useApi } from '../../app/api.ts';
import { Field } from '../../ui/Field.tsx';
import { formatNumber } from '../../ui/format.ts';
import { ErrorMessage, Loading, PageHeader } from '../../ui/Page.tsx';
import { FollowUpsPanel } from './FollowUpsPanel.tsx';

/** Support distribution as horizontal bars (SVG, with the figures as text for screen readers). */
function SupportChart(props: { tallies: TalliesOut }) {
  const rows = props.tallies.support;
  const max = Math.max(1, ...rows.map((r) => r.count));
  const height = rows.length * 28 + 8;
  return (
    <figure className="support-chart">
      <svg role="img" aria-labelledby="support-chart-title" viewBox={`0 0 600 ${height}`} width="100%" height={height}>
        <title id="support-chart-title">Support: {rows.map((r) => `${r.label} ${r.count} (${r.percent}%)`).join(', ')}</title>
        {rows.map((r, i) => (
          <g key={r.code} transform={`translate(0 ${i * 28 + 4})`}>
            <text x={0} y={16} fontSize={13} fill="#1d2433">
              {r.code} {r.label.slice(0, 22)}
            </text>
            <rect x={190} y={2} height={18} width={Math.max(1, (r.count / max) * 330)} fill="#b3202a" />
            <text x={196 + (r.count / max) * 330} y={16} fontSize={13} fill="#1d2433">
              {r.count} ({r.percent}%)
            </text>
          </g>
        ))}
      </svg>
      <figcaption>Support among the {formatNumber(props.tallies.supportGiven)} electors who said</figcaption>
    </figure>
  );
}

export function TalliesPage() {
  const params = useParams();
  const navigate = useNavigate();
  const areaId = Number(params.areaId) || 0;
  // Asked in this order (the server answers one call at a time): the follow-ups' lists (the panel's
  // effects run first), the tallies, then the other areas for the select.
  const tallies = useApi('canvass.getTallies', areaId ? { areaId } : null);
  const registers = useApi('register.list', {});
  const t = tallies.data;

  return (
    <>
      <PageHeader title="Tallies and follow-ups" subtitle="Each elector counts once, by their latest return." back={{ to: '/canvass', label: 'Canvass' }} />
      <Field label="Area">
        {(a) => (
          <select {...a} value={areaId || ''} onChange={(e) => navigate(`/canvass/tallies/${e.target.value}`)}>
            <option value="">Choose an area…</option>
            {registers.data?.map((r) => (
              <option key={r.areaId} value={r.areaId}>
                {r.areaName}
              </option>
            ))}
          </select>
        )}
      </Field>
      <ErrorMessage error={tallies.error} />
      {areaId > 0 && !t && !tallies.error && <Loading />}
      {t && (
        <>
          <dl className="facts">
            <dt>Electors</dt>
            <dd>{formatNumber(t.area.electors)}</dd>
            <dt>Canvassed</dt>
            <dd>
              {formatNumber(t.area.canvassed)} ({t.area.coverage}%)
            </dd>
            <dt>Contact rate</dt>
            <dd>
              {t.area.contactRate}% ({formatNumber(t.area.contacted)} spoken to)
            </dd>
          </dl>
          <SupportChart tallies={t.area} />
          <table>
            <caption>By polling district</caption>
            <thead>
              <tr>
                <th scope="col">District</th>
                <th scope="col" className="num">
                  Electors
                </th>
                <th scope="col" className="num">
                  Canvassed
                </th>
                <th scope="col" className="num">
                  Contact rate
                </th>
                {t.area.support.map((s) => (
                  <th key={s.code} scope="col" className="num">
                    {s.code}
                  </th>
                ))}
                {REQUESTS.map((q) => (
                  <th key={q} scope="col" className="num">
                    {REQUEST_LABELS[q].replace(/^Wants (a |to )?/, '')}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {[...t.districts, { pollingDistrict: 'All', tallies: t.area }].map((d) => (
                <tr key={d.pollingDistrict}>
                  <th scope="row">{d.pollingDistrict}</th>
                  <td className="num">{formatNumber(d.tallies.electors)}</td>
                  <td className="num">{formatNumber(d.tallies.canvassed)}</td>
                  <td className="num">{d.tallies.contactRate}%</td>
                  {t.area.support.map((s) => (
                    <td key={s.code} className="num">
                      {d.tallies.support.find((x) => x.code === s.code)?.count ?? 0}
                    </td>
                  ))}
                  {REQUESTS.map((q) => (
                    <td key={q} className="num">
                      {d.tallies.requests.find((x) => x.request === q)?.count ?? 0}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {/* Not behind the tallies: its lists are asked for at once, not after the tallies' answer. */}
      {areaId > 0 && <FollowUpsPanel key={areaId} areaId={areaId} districts={t?.districts ?? []} />}
    </>
  );
}
