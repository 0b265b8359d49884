import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ABSENT_VOTE_LABELS } from '../../../../shared/domain/voting-columns.ts';
import { supportLabel } from '../../../../shared/domain/canvass-codes.ts';
import { api, useApi } from '../../app/api.ts';
import { downloadText } from '../../ui/download.ts';
import { plural } from '../../ui/format.ts';
import { ErrorMessage, Loading, PageHeader } from '../../ui/Page.tsx';
import { oneLine } from '../register/labels.ts';
import { pollingDayBack } from './links.ts';

/**
 * Postal vote week: supporters holding a postal or proxy vote, to contact as the ballots land.
 * Supporters are the contest's promises when a rule is set; otherwise the user ticks support codes.
 */
export function PostalWeekPage() {
  const id = Number(useParams().id);
  const contest = useApi('contests.get', { id });
  const codes = useApi('canvass.getCodes', {});
  const [chosen, setChosen] = useState<string[]>();
  const list = useApi('voting.postalWeek', chosen ? { contestId: id, supports: chosen } : { contestId: id });
  const [error, setError] = useState<string>();
  const data = list.data;
  const supports = chosen ?? data?.supports ?? [];
  const toggle = (code: string) => setChosen(supports.includes(code) ? supports.filter((c) => c !== code) : [...supports, code]);
  const exportCsv = async () => {
    setError(undefined);
    try {
      const r = await api('voting.postalWeekCsv', { contestId: id, supports });
      downloadText(r.fileName, r.csv, 'text/csv;charset=utf-8');
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const absent = data ? data.counts.postal + data.counts.proxy + data.counts.postal_proxy : 0;

  return (
    <>
      <PageHeader
        title="Postal vote week"
        back={pollingDayBack(id, contest.data?.areaName)}
        subtitle="Supporters who vote by post or proxy: contact them when the postal ballots land, about a fortnight before polling day."
        actions={
          <>
            <Link className="button" to={`/contests/${id}/polling-day/absent-voters`}>
              Import absent voters
            </Link>
            <button type="button" className="primary" disabled={!data || data.items.length === 0} onClick={() => void exportCsv()}>
              Export CSV
            </button>
          </>
        }
      />
      <ErrorMessage error={error ?? list.error ?? contest.error} />
      {data && (
        <p className="muted">
          {absent === 0
            ? 'No postal or proxy voters are marked in this area yet: import the absent voters list first.'
            : `${plural(absent, 'elector')} in the area vote by post or proxy (${data.counts.postal} postal, ${data.counts.proxy} proxy, ${data.counts.postal_proxy} postal proxy).`}
        </p>
      )}
      <fieldset className="panel">
        <legend>Supporters are those whose latest support is</legend>
        {data?.fromRule && chosen === undefined && (
          <p className="muted">The contest’s promise rule, set in polling-day setup. Change the ticks to look wider.</p>
        )}
        {data && !data.fromRule && chosen === undefined && (
          <p className="muted">No promise rule is set for this contest yet: tick the support codes that count.</p>
        )}
        <div className="row">
          {codes.data?.support.options.map((o) => (
            <label key={o.code} className="choice">
              <input type="checkbox" checked={supports.includes(o.code)} onChange={() => toggle(o.code)} /> {o.code} {o.label}
            </label>
          ))}
        </div>
      </fieldset>
      {!data && !list.error && <Loading />}
      {data && (
        <table>
          <caption>{plural(data.items.length, 'supporter')} with a postal or proxy vote, in walk order</caption>
          <thead>
            <tr>
              <th scope="col">Number</th>
              <th scope="col">Name</th>
              <th scope="col">Address</th>
              <th scope="col">Vote</th>
              <th scope="col">Support</th>
            </tr>
          </thead>
          <tbody>
            {data.items.map((e) => (
              <tr key={e.id}>
                <td>
                  <code>{e.electorNumber}</code>
                </td>
                <td>
                  <Link to={`/electors/${e.id}`}>{e.fullName}</Link>
                </td>
                <td>{oneLine(e.address, e.postcode)}</td>
                <td>{ABSENT_VOTE_LABELS[e.absentVote]}</td>
                <td>{codes.data ? supportLabel(e.latestSupport, codes.data) : e.latestSupport}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
