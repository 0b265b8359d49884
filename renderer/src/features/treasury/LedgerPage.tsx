import { Link, useParams } from 'react-router';
import type { Ledger } from '../../../../shared/contract/treasury.ts';
import { formatPence } from '../../../../shared/domain/money.ts';
import { useApi } from '../../app/api.ts';
import { formatDate } from '../../ui/format.ts';
import { PageHeader } from '../../ui/Page.tsx';
import { Loaded } from '../../ui/Loaded.tsx';
import { DepositPanel } from './DepositPanel.tsx';
import { DonationsPanel } from './DonationsPanel.tsx';
import { ExpensesPanel } from './ExpensesPanel.tsx';
import { LimitSettingsForm } from './LimitSettingsForm.tsx';
import { SpendGauge } from './SpendGauge.tsx';
import { SourceFlag } from '../candidates/labels.tsx';
import '../candidates/candidates.css';
import './treasury.css';

/** One contest's money: the limit and spend against it, post-poll deadlines, deposit, donations, expenses. */
export function LedgerPage() {
  const contestId = Number(useParams().contestId);
  const ledger = useApi('treasury.getLedger', { contestId });
  const { data } = ledger;
  if (!data) return <Loaded of={ledger} />;
  return (
    <>
      <PageHeader
        title={`Money: ${data.title}`}
        back={{ to: '/treasury', label: 'Treasury' }}
        subtitle={
          <>
            {data.electionType} · <Link to={`/contests/${contestId}`}>the contest</Link>
          </>
        }
        actions={
          <Link className="button primary" to={`/treasury/${contestId}/return`}>
            The return of expenses
          </Link>
        }
      />
      <LimitPanel ledger={data} />
      <PostPollPanel ledger={data} />
      <DepositPanel ledger={data} />
      <DonationsPanel ledger={data} />
      <ExpensesPanel ledger={data} />
    </>
  );
}

/** A figure's source beside it: the instrument, the day it was checked, and a flag when no source confirms it. */
function LimitSource(props: {
  ruleLabel: string | null;
  instrument: string | null;
  checkedOn: string | null;
  confirmed: boolean;
  note: string | null;
  basis: string;
}) {
  if (!props.instrument) return null;
  return (
    <p className="muted limit-source">
      {props.ruleLabel}: set by {props.instrument}
      {props.checkedOn && <>; checked {formatDate(props.checkedOn)}</>}.{!props.confirmed && props.basis === 'rule' && <SourceFlag source="unconfirmed" />}{' '}
      {props.note}
      {!props.confirmed && props.basis === 'rule' && <strong> Check it against the returning officer’s notice and enter the figure below.</strong>}
    </p>
  );
}

function LimitPanel(props: { ledger: Ledger }) {
  const { limit, spend, periods } = props.ledger;
  return (
    <section className="panel" aria-labelledby="limit-heading">
      <h2 id="limit-heading">Spending limit</h2>
      <dl className="figures">
        <div>
          <dt>{periods.length > 1 ? `Limit (${periods[periods.length - 1].label.toLowerCase()})` : 'Limit'}</dt>
          <dd>
            {limit.limitPence === null ? 'Not set' : formatPence(limit.limitPence)}
            {!limit.confirmed && limit.basis === 'rule' && <SourceFlag source="unconfirmed" />}
          </dd>
        </div>
        <div>
          <dt>Spent so far</dt>
          <dd>{formatPence(spend.spentPence)}</dd>
        </div>
        <div>
          <dt>Left</dt>
          <dd>{spend.headroomPence === null ? '—' : formatPence(spend.headroomPence)}</dd>
        </div>
      </dl>
      <SpendGauge spend={spend} limitPence={limit.limitPence} />
      {limit.problem ? (
        <p className="error-banner">{limit.problem}</p>
      ) : (
        <p>
          Worked out as <span className="working">{limit.working}</span>
          {limit.electors !== null && limit.basis === 'rule' && (
            <span className="muted"> — {limit.electorsFrom === 'area' ? 'electors from the area record' : 'electors as entered below'}</span>
          )}
        </p>
      )}
      <LimitSource {...limit} />
      {limit.usesCouncils && (
        <p className="muted">
          {limit.councils === null
            ? 'The number of constituent councils is not entered yet: enter it with the nomination rules on a candidacy page.'
            : `${limit.councils} constituent councils, as entered with the nomination rules.`}
        </p>
      )}
      {periods.length > 1 && <PeriodsTable periods={periods} />}
      {periods.length === 1 && (
        <p className="muted">
          {periods[0].label}: {formatDate(periods[0].starts)} to {formatDate(periods[0].ends)}. {periods[0].basis}.
        </p>
      )}
      <LimitSettingsForm ledger={props.ledger} />
    </section>
  );
}

/** Each regulated period with its own limit and the spending dated in it. */
function PeriodsTable(props: { periods: Ledger['periods'] }) {
  return (
    <table className="periods">
      <caption>Each period is checked against its own limit; spending counts in the period of its invoice date (or date paid).</caption>
      <thead>
        <tr>
          <th scope="col">Period</th>
          <th scope="col">Dates</th>
          <th scope="col">Limit</th>
          <th scope="col">Spent</th>
          <th scope="col">State</th>
        </tr>
      </thead>
      <tbody>
        {props.periods.map((p) => (
          <tr key={p.key}>
            <th scope="row">{p.label}</th>
            <td>
              {formatDate(p.starts)} to {formatDate(p.ends)}
              <div className="muted">{p.basis}</div>
            </td>
            <td>
              {p.limitPence === null ? 'Not known' : formatPence(p.limitPence)}
              {p.limitBasis === 'rule' && !p.confirmed && <SourceFlag source="unconfirmed" />}
              {p.limitBasis === 'override' && <SourceFlag source="override" />}
              <div className="muted working-small">{p.working}</div>
              {p.instrument && p.limitBasis !== 'override' && <div className="muted">Set by {p.instrument}</div>}
            </td>
            <td>{formatPence(p.spend.spentPence)}</td>
            <td className={`spend-${p.spend.level}`}>{p.spend.message}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function PostPollPanel(props: { ledger: Ledger }) {
  const p = props.ledger.postPoll;
  return (
    <section className="panel" aria-labelledby="postpoll-heading">
      <h2 id="postpoll-heading">After the count</h2>
      {p ? (
        <>
          <p>
            Result declared {formatDate(p.declaredOn)}. These deadlines are also on the <Link to="/deadlines">Deadlines</Link> page.
          </p>
          <table>
            <caption>Post-poll deadlines</caption>
            <tbody>
              <tr>
                <th scope="row">Invoices must be received by</th>
                <td>{formatDate(p.invoicesBy)}</td>
              </tr>
              <tr>
                <th scope="row">Invoices must be paid by</th>
                <td>{formatDate(p.paidBy)}</td>
              </tr>
              <tr>
                <th scope="row">Return of expenses due</th>
                <td>
                  {formatDate(p.returnDue)}
                  {props.ledger.returnDeliveredOn && ` — delivered ${formatDate(props.ledger.returnDeliveredOn)}`}
                </td>
              </tr>
            </tbody>
          </table>
        </>
      ) : (
        <p>
          The deadlines for invoices, payments and the return count from the declaration of the result. Record the result on{' '}
          <Link to={`/contests/${props.ledger.contestId}`}>the contest’s page</Link> and they appear here.
        </p>
      )}
    </section>
  );
}
