import { Link, useParams } from 'react-router';
import type { Ledger } from '../../../../shared/contract/treasury.ts';
import { formatPence } from '../../../../shared/domain/money.ts';
import { useApi } from '../../app/api.ts';
import { formatDate } from '../../ui/format.ts';
import { ErrorMessage, Loading, PageHeader } from '../../ui/Page.tsx';
import { DepositPanel } from './DepositPanel.tsx';
import { DonationsPanel } from './DonationsPanel.tsx';
import { ExpensesPanel } from './ExpensesPanel.tsx';
import { LimitSettingsForm } from './LimitSettingsForm.tsx';
import { SpendGauge } from './SpendGauge.tsx';
import './treasury.css';

/** One contest's money: the limit and spend against it, post-poll deadlines, deposit, donations, expenses. */
export function LedgerPage() {
  const contestId = Number(useParams().contestId);
  const { data, error } = useApi('treasury.getLedger', { contestId });
  if (error) return <ErrorMessage error={error} />;
  if (!data) return <Loading />;
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

function LimitPanel(props: { ledger: Ledger }) {
  const { limit, spend } = props.ledger;
  return (
    <section className="panel" aria-labelledby="limit-heading">
      <h2 id="limit-heading">Spending limit</h2>
      <dl className="figures">
        <div>
          <dt>Limit</dt>
          <dd>{limit.limitPence === null ? 'Not set' : formatPence(limit.limitPence)}</dd>
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
      {limit.instrument && (
        <p className="muted">
          {limit.ruleLabel}: set by {limit.instrument}.{!limit.confirmed && limit.basis === 'rule' && <strong> Unconfirmed figure: check it.</strong>}{' '}
          {limit.note}
        </p>
      )}
      <LimitSettingsForm ledger={props.ledger} />
    </section>
  );
}

function PostPollPanel(props: { ledger: Ledger }) {
  const p = props.ledger.postPoll;
  return (
    <section className="panel" aria-labelledby="postpoll-heading">
      <h2 id="postpoll-heading">After the count</h2>
      {p ? (
        <>
          <p>Result declared {formatDate(p.declaredOn)}. These deadlines are also on the <Link to="/deadlines">Deadlines</Link> page.</p>
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
