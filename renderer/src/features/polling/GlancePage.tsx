import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useApi } from '../../app/api.ts';
import { Field } from '../../ui/Field.tsx';
import { ErrorMessage, Loading, PageHeader } from '../../ui/Page.tsx';
import { pollingDayBack } from './links.ts';

const percent = (part: number, whole: number) => (whole === 0 ? '—' : `${((part / whole) * 100).toFixed(1)}%`);
const count = (n: number) => n.toLocaleString('en-GB');
const clock = (iso: string) => new Date(iso).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });

/** Polling day at a glance: turnout by station and hour, silent stations, promises left per committee room. */
export function GlancePage() {
  const id = Number(useParams().id);
  const { data, error, reload } = useApi('voting.glance', { contestId: id });
  const [every, setEvery] = useState(0);
  useEffect(() => {
    if (every === 0) return;
    const t = setInterval(reload, every * 1000);
    return () => clearInterval(t);
  }, [every, reload]);

  if (error) return <ErrorMessage error={error} />;
  if (!data) return <Loading />;
  const t = data.total;
  const silent = data.stations.filter((s) => s.silent);
  const peak = Math.max(1, ...data.hours.map((h) => h.voted));
  return (
    <>
      <PageHeader
        title="The day at a glance"
        back={pollingDayBack(id, data.areaName)}
        subtitle={`Figures at ${clock(data.now)}. Turnout counts the numbers the tellers have sent in, not the official count.`}
        actions={
          <>
            <Field label="Refresh">
              {(a) => (
                <select {...a} value={every} onChange={(e) => setEvery(Number(e.target.value))}>
                  <option value={0}>When I ask</option>
                  <option value={60}>Every minute</option>
                  <option value={300}>Every 5 minutes</option>
                </select>
              )}
            </Field>
            <button type="button" className="primary" onClick={reload}>
              Refresh now
            </button>
          </>
        }
      />
      <dl className="facts">
        <dt>Turnout, everyone</dt>
        <dd>
          {percent(t.voted, t.electors)} ({count(t.voted)} of {count(t.electors)})
        </dd>
        <dt>Turnout, promises</dt>
        <dd>
          {data.supports === null ? (
            <>
              No promise rule yet: <Link to={`/contests/${id}/polling-day`}>say who counts as a promise</Link>.
            </>
          ) : (
            `${percent(t.promisesVoted, t.promises)} (${count(t.promisesVoted)} of ${count(t.promises)}; ${count(t.promises - t.promisesVoted)} still to vote)`
          )}
        </dd>
      </dl>
      {silent.length > 0 && (
        <p className="error-banner" role="alert">
          Not reported for an hour: {silent.map((s) => `${s.name} (${s.lastReport ? `last at ${clock(s.lastReport)}` : 'nothing yet'})`).join('; ')}. Check on
          the tellers.
        </p>
      )}
      <h2>By polling station</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">Station</th>
            <th scope="col">Districts</th>
            <th scope="col" className="num">
              Voted
            </th>
            <th scope="col" className="num">
              Turnout
            </th>
            <th scope="col" className="num">
              Promises voted
            </th>
            <th scope="col">Last numbers</th>
          </tr>
        </thead>
        <tbody>
          {data.stations.map((s) => (
            <tr key={s.id ?? 'none'} className={s.silent ? 'warning' : undefined}>
              <td>{s.name}</td>
              <td>{s.districts.join(', ') || '—'}</td>
              <td className="num">
                {count(s.voted)} of {count(s.electors)}
              </td>
              <td className="num">{percent(s.voted, s.electors)}</td>
              <td className="num">
                {data.supports === null ? '—' : `${count(s.promisesVoted)} of ${count(s.promises)} (${percent(s.promisesVoted, s.promises)})`}
              </td>
              <td>
                {s.lastReport ? clock(s.lastReport) : 'None yet'}
                {s.silent ? ' — silent for an hour' : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>By hour</h2>
      {data.hours.length === 0 ? (
        <p className="muted">No tellers’ numbers yet.</p>
      ) : (
        <table aria-label="Turnout by hour">
          <thead>
            <tr>
              <th scope="col">Hour</th>
              <th scope="col" className="num">
                Voted
              </th>
              <th scope="col" className="num">
                Promises voted
              </th>
              <th scope="col">
                <span className="visually-hidden">Bar</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {data.hours.map((h) => (
              <tr key={h.hour}>
                <td>
                  {clock(h.hour)}–{clock(new Date(new Date(h.hour).getTime() + 3_600_000).toISOString())}
                </td>
                <td className="num">{count(h.voted)}</td>
                <td className="num">{count(h.promisesVoted)}</td>
                <td style={{ width: '40%' }}>
                  <div aria-hidden="true" style={{ background: 'var(--accent, #2a6ebb)', height: '0.9em', width: `${(h.voted / peak) * 100}%` }} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>Promises left by committee room</h2>
      {data.rooms.length === 0 ? (
        <p className="muted">
          No committee rooms yet: <Link to={`/contests/${id}/polling-day`}>add them on the polling day page</Link>.
        </p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">Committee room</th>
              <th scope="col">Districts</th>
              <th scope="col" className="num">
                Promises
              </th>
              <th scope="col" className="num">
                Voted
              </th>
              <th scope="col" className="num">
                Left to knock up
              </th>
            </tr>
          </thead>
          <tbody>
            {data.rooms.map((r) => (
              <tr key={r.id ?? 'none'}>
                <td>{r.name}</td>
                <td>{r.districts.join(', ') || '—'}</td>
                <td className="num">{count(r.promises)}</td>
                <td className="num">{count(r.promisesVoted)}</td>
                <td className="num">
                  <strong>{count(r.left)}</strong>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
