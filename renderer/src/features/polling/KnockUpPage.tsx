import { useEffect, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import type { KnockUpRow } from '../../../../shared/contract/telling.ts';
import { api, useApi } from '../../app/api.ts';
import { Field } from '../../ui/Field.tsx';
import { plural } from '../../ui/format.ts';
import { Loaded } from '../../ui/Loaded.tsx';
import { EmptyState, ErrorMessage, PageHeader } from '../../ui/Page.tsx';
import { votedInText } from '../../../../shared/domain/voting-columns.ts';
import { pollingDayBack } from './links.ts';
import { type VotedIn, VotedInFilter, votedInFromParams } from './VotedInFilter.tsx';

/**
 * Numbers typed in this browser (any tab) reload the list at once (app/api.ts); numbers entered
 * on other devices arrive when it is read again: every half minute, or on demand.
 */
const REFRESH_MS = 30_000;
const clock = (at: Date) => at.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit' });

function streets(rows: readonly KnockUpRow[]): { heading: string; rows: KnockUpRow[] }[] {
  const out: { heading: string; rows: KnockUpRow[] }[] = [];
  for (const r of rows) {
    const heading = `${r.street || r.house} (${r.pollingDistrict})`;
    if (out.at(-1)?.heading !== heading) out.push({ heading, rows: [] });
    out.at(-1)!.rows.push(r);
  }
  return out;
}

/**
 * Knock-up list of a committee room: its promises who have not voted yet, street by street in
 * walk order; people leave the list as their numbers come in. Tick who was called in this round;
 * print the round's sheets for the knockers-up.
 */
export function KnockUpPage() {
  const contestId = Number(useParams().id);
  const contest = useApi('contests.get', { id: contestId });
  const rooms = useApi('knockUp.rooms', { contestId });
  const [roomId, setRoomId] = useState<number | undefined>();
  const [round, setRound] = useState(1);
  const [error, setError] = useState<string>();
  // The voting-history filter lives in the address, as on the walk sheet: a link keeps it.
  const [params, setParams] = useSearchParams();
  const votedIn = votedInFromParams(params);
  const setVotedIn = (v: VotedIn | undefined) => setParams(v ? { voted: String(v.n), of: String(v.m) } : {});
  const room = roomId ?? rooms.data?.rooms[0]?.id;
  const list = useApi('knockUp.list', room === undefined ? null : { contestId, roomId: room, votedIn });
  const reload = list.reload;
  useEffect(() => {
    const timer = setInterval(reload, REFRESH_MS);
    return () => clearInterval(timer);
  }, [reload]);
  // When the list on screen was last read, whatever asked for it.
  const [readAt, setReadAt] = useState<Date>();
  useEffect(() => {
    if (list.data) setReadAt(new Date());
  }, [list.data]);

  if (!contest.data || !rooms.data) return <Loaded of={[contest, rooms]} />;
  const c = contest.data;
  const header = (
    <PageHeader
      title="Knock-up lists"
      back={pollingDayBack(contestId, c.areaName)}
      subtitle="Promises who have not voted yet, street by street. They leave the list as tellers’ numbers come in."
    />
  );
  const setUp = <Link to={`/contests/${contestId}/polling-day`}>Set it up on the polling day page</Link>;
  if (rooms.data.rooms.length === 0) {
    return (
      <>
        {header}
        <EmptyState title="No committee rooms yet">
          <p>A knock-up list belongs to a committee room: add the rooms and the polling districts each one knocks up. {setUp}.</p>
        </EmptyState>
      </>
    );
  }
  if (rooms.data.rule === null) {
    return (
      <>
        {header}
        <EmptyState title="No promise rule yet">
          <p>The list shows promises who have not voted: first say which support codes count as a promise. {setUp}.</p>
        </EmptyState>
      </>
    );
  }

  const knock = async (row: KnockUpRow, done: boolean) => {
    setError(undefined);
    try {
      await api(done ? 'knockUp.record' : 'knockUp.unrecord', { contestId, roomId: room!, round, electorIds: [row.electorId] });
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const pdf = `/api/pdf/knock-up?${new URLSearchParams({
    contest: String(contestId),
    room: String(room),
    round: String(round),
    ...(votedIn ? { voted: String(votedIn.n), of: String(votedIn.m) } : {}),
  })}`;
  return (
    <>
      {header}
      <div className="row filters">
        <Field label="Committee room" className="fit">
          {(a) => (
            <select {...a} value={room} onChange={(e) => setRoomId(Number(e.target.value))}>
              {rooms.data!.rooms.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name} ({r.districts.join(', ') || 'no districts'}): {r.left.toLocaleString('en-GB')} left
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Round">
          {(a) => (
            <input
              {...a}
              type="number"
              min={1}
              max={20}
              className="code-input"
              value={round}
              onChange={(e) => setRound(Math.max(1, Math.min(20, Number(e.target.value) || 1)))}
            />
          )}
        </Field>
        <VotedInFilter areaId={c.areaId} exclude={c.electionId} value={votedIn} onChange={setVotedIn} />
        <div className="actions">
          <button type="button" onClick={reload}>
            Refresh
          </button>
          <a className="button" href={pdf} download>
            Print round {round} (PDF)
          </a>
        </div>
      </div>
      <ErrorMessage error={error} />
      {/* A failed reload leaves the list last read on screen, with its time; not another room's list. */}
      <Loaded key={`${room}:${votedIn?.n}:${votedIn?.m}`} of={list} keep>
        {(l) => (
          <>
            <p role="status" data-testid="knock-up-count">
              {votedIn ? (
                <>
                  <strong>{plural(l.electors.length, 'promise')} still to vote</strong> who {votedInText(votedIn)} before this one, of{' '}
                  {(l.promises - l.voted).toLocaleString('en-GB')} still to vote in {l.districts.join(', ')} ({l.promises.toLocaleString('en-GB')} promises,{' '}
                  {l.voted.toLocaleString('en-GB')} voted; promises: support {l.rule.join(', ')}).
                </>
              ) : (
                <>
                  <strong>{plural(l.electors.length, 'promise')} still to vote</strong> of {l.promises.toLocaleString('en-GB')} in {l.districts.join(', ')} (
                  {l.voted.toLocaleString('en-GB')} voted; promises: support {l.rule.join(', ')}).
                </>
              )}
            </p>
            {readAt && (
              <p className="muted" data-testid="knock-up-read-at">
                Read at {clock(readAt)}: numbers typed in this browser take people off at once; others’ arrive within half a minute, or press Refresh.
              </p>
            )}
            {l.electors.length === 0 &&
              (l.promises === l.voted ? (
                <p className="success">Every promise of this room has voted.</p>
              ) : (
                <p>No promise still to vote has this voting history: choose another, or Anyone.</p>
              ))}
            {streets(l.electors).map((s) => (
              <section key={s.heading} className="knock-street">
                <h2>{s.heading}</h2>
                <table>
                  <thead>
                    <tr>
                      <th>House</th>
                      <th>Name</th>
                      <th>Number</th>
                      <th>Called</th>
                      <th className="tick-col">Round {round}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {s.rows.map((r) => (
                      <tr key={r.electorId}>
                        <td>{r.house}</td>
                        <td>{r.fullName}</td>
                        <td className="nowrap">{r.electorNumber}</td>
                        <td>{r.knocked.map((k) => `R${k}`).join(' ')}</td>
                        <td className="tick-col">
                          <input
                            type="checkbox"
                            aria-label={`${r.fullName} called in round ${round}`}
                            checked={r.knocked.includes(round)}
                            onChange={(e) => void knock(r, e.target.checked)}
                          />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </section>
            ))}
          </>
        )}
      </Loaded>
    </>
  );
}
