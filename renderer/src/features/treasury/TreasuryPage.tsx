import { Link } from 'react-router';
import { formatPence } from '../../../../shared/domain/money.ts';
import { useApi } from '../../app/api.ts';
import { formatDate } from '../../ui/format.ts';
import { EmptyState, ErrorMessage, Loading, PageHeader } from '../../ui/Page.tsx';
import { LEVEL_LABELS, OUTCOME_LABELS } from './labels.ts';
import './treasury.css';

/** The party-wide view: every contest being fought, its spend against the limit, donations and deposit. */
export function TreasuryPage() {
  const { data, error } = useApi('treasury.listOverview', {});
  return (
    <>
      <PageHeader title="Treasury" subtitle="Deposits, donations and spending against the legal limit, for every contest you are fighting." />
      <ErrorMessage error={error} />
      {!data && !error && <Loading />}
      {data && data.length === 0 && (
        <EmptyState title="No contests to account for yet">
          <p>
            A contest appears here once it is marked <strong>contesting</strong> on its election’s page, or once money is recorded for it. Start from{' '}
            <Link to="/elections">Elections</Link>.
          </p>
        </EmptyState>
      )}
      {data && data.length > 0 && (
        <table>
          <caption>Money by contest</caption>
          <thead>
            <tr>
              <th scope="col">Contest</th>
              <th scope="col" className="num">
                Limit
              </th>
              <th scope="col" className="num">
                Spent
              </th>
              <th scope="col">Against the limit</th>
              <th scope="col" className="num">
                Donations
              </th>
              <th scope="col">To decide</th>
              <th scope="col">Deposit</th>
              <th scope="col">Return due</th>
            </tr>
          </thead>
          <tbody>
            {data.map((r) => (
              <tr key={r.contestId}>
                <td>
                  <Link to={`/treasury/${r.contestId}`}>{r.areaName}</Link>
                  <br />
                  <span className="muted">
                    {r.electionName} · {formatDate(r.pollingDay)}
                  </span>
                </td>
                <td className="num">{r.limitPence === null ? '—' : formatPence(r.limitPence)}</td>
                <td className="num">{formatPence(r.spend.spentPence)}</td>
                <td>
                  <span className={`badge level-${r.spend.level}`}>
                    {LEVEL_LABELS[r.spend.level]}
                    {r.spend.percent !== null && ` (${r.spend.percent}%)`}
                  </span>
                </td>
                <td className="num">{formatPence(r.donationsPence)}</td>
                <td>{r.undecidedDonations === 0 ? '—' : `${r.undecidedDonations} by ${formatDate(r.nextDonationDeadline)}`}</td>
                <td>
                  <span className={`badge outcome-${r.depositOutcome}`}>{OUTCOME_LABELS[r.depositOutcome]}</span>
                  {r.depositPence !== null && ` ${formatPence(r.depositPence)} paid`}
                </td>
                <td>{formatDate(r.returnDue)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
