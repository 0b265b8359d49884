import { Fragment } from 'react';
import { Link, useParams } from 'react-router';
import { DEPOSIT_METHOD_LABELS, type ElectionReturnView } from '../../../../shared/contract/treasury.ts';
import { DONATION_KIND_LABELS, PERMISSIBLE_SOURCE_LABELS } from '../../../../shared/domain/donations.ts';
import { returnCsvRows } from '../../../../shared/domain/election-return.ts';
import { formatPence } from '../../../../shared/domain/money.ts';
import { useApi } from '../../app/api.ts';
import { downloadCsv } from '../../ui/download.ts';
import { formatDate } from '../../ui/format.ts';
import { Loaded } from '../../ui/Loaded.tsx';
import { PageHeader } from '../../ui/Page.tsx';
import { PdfDownload } from '../../ui/PdfDownload.tsx';
import { OUTCOME_LABELS } from './labels.ts';
import { usePersonalDataExport } from '../../ui/PersonalDataExport.tsx';
import './treasury.css';

/** The return of election expenses, laid out for A4: spending by category, donations, deposit. */
export function ReturnPage() {
  const contestId = Number(useParams().contestId);
  const retQuery = useApi('treasury.getReturn', { contestId });
  const ret = retQuery.data;
  const exporting = usePersonalDataExport();
  if (!ret) return <Loaded of={retQuery} />;
  return (
    <article className="return-doc">
      <PageHeader
        title="Return of election expenses"
        back={{ to: `/treasury/${contestId}`, label: 'Back to the ledger' }}
        subtitle={
          <>
            {ret.title}
            {ret.returnDue && <> · due {formatDate(ret.returnDue)}</>}
            {ret.returnDeliveredOn && <> · delivered {formatDate(ret.returnDeliveredOn)}</>}
          </>
        }
        actions={
          <>
            <PdfDownload className="primary" what={{ kind: 'expensesReturn', contestId }}>
              Download PDF
            </PdfDownload>
            <button type="button" onClick={() => window.print()}>
              Print the return
            </button>
            <button
              type="button"
              onClick={() =>
                exporting.ask('the names and addresses of donors', () => downloadCsv(`return-of-expenses-contest-${ret.contestId}.csv`, returnCsvRows(ret)))
              }
            >
              Download CSV
            </button>
            {exporting.dialog}
          </>
        }
      />
      <dl className="facts">
        {ret.candidates.length === 0 ? (
          <>
            <dt>Candidate</dt>
            <dd>No candidate entered for this contest: add one on the Candidates page</dd>
          </>
        ) : (
          ret.candidates.map((c) => (
            <Fragment key={c.name}>
              <dt>Candidate</dt>
              <dd>{c.name}</dd>
              <dt>Election agent</dt>
              <dd>{c.agentName || `${c.name} (acting as their own agent)`}</dd>
            </Fragment>
          ))
        )}
      </dl>
      {ret.problems.length > 0 && (
        <section className="panel no-print" aria-labelledby="check-heading">
          <h2 id="check-heading">Check before you file</h2>
          <ul>
            {ret.problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </section>
      )}
      {ret.nil ? (
        <section aria-labelledby="nil-heading">
          <h2 id="nil-heading">Nil return</h2>
          <p className="nil-return">No election expenses were incurred and no donations were received. A nil return must still be delivered.</p>
        </section>
      ) : (
        <Spending ret={ret} />
      )}
      <Donations ret={ret} />
      <DepositSection ret={ret} />
      <section aria-labelledby="limit-summary-heading">
        <h2 id="limit-summary-heading">Spending limit</h2>
        <p>
          {ret.limit.limitPence === null ? (
            ret.limit.working
          ) : (
            <>
              Limit {formatPence(ret.limit.limitPence)}: {ret.limit.working}.
            </>
          )}{' '}
          Total spending against it: <strong>{formatPence(ret.totalSpendPence)}</strong>.
        </p>
      </section>
      <div className="signature">
        <p>Signed (election agent)</p>
        <p>Date</p>
      </div>
      <p className="muted no-print">
        <Link to={`/treasury/${contestId}`}>Back to the ledger</Link>
      </p>
    </article>
  );
}

function Spending(props: { ret: ElectionReturnView }) {
  const { ret } = props;
  return (
    <section aria-labelledby="spending-heading">
      <h2 id="spending-heading">Spending by category</h2>
      {ret.categories.map((c) => (
        <table key={c.category}>
          <caption>{c.label}</caption>
          <thead>
            <tr>
              <th scope="col">Supplier</th>
              <th scope="col">Description</th>
              <th scope="col">Invoice</th>
              <th scope="col">Paid</th>
              <th scope="col" className="num">
                Amount
              </th>
            </tr>
          </thead>
          <tbody>
            {c.lines.length === 0 && (
              <tr>
                <td colSpan={5} className="muted">
                  Nothing in this category
                </td>
              </tr>
            )}
            {c.lines.map((l) => (
              <tr key={l.ref}>
                <td>{l.supplier}</td>
                <td>
                  {l.description}
                  {l.kind === 'refund' && ' (refund)'}
                  {l.notional && ' (notional)'}
                </td>
                <td>{formatDate(l.invoiceOn)}</td>
                <td>{l.notional ? 'Notional' : l.kind === 'refund' ? '—' : formatDate(l.paidOn)}</td>
                <td className="num">{l.kind === 'refund' ? `−${formatPence(l.amountPence)}` : formatPence(l.amountPence)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <td colSpan={4}>
                Total: {c.label}
                {(c.notionalPence > 0 || c.refundsPence > 0 || c.unpaidPence > 0) && (
                  <span className="muted">
                    {' '}
                    (paid {formatPence(c.paidPence)}
                    {c.unpaidPence > 0 && `, unpaid ${formatPence(c.unpaidPence)}`}
                    {c.notionalPence > 0 && `, notional ${formatPence(c.notionalPence)}`}
                    {c.refundsPence > 0 && `, less refunds ${formatPence(c.refundsPence)}`})
                  </span>
                )}
              </td>
              <td className="num">{formatPence(c.totalPence)}</td>
            </tr>
          </tfoot>
        </table>
      ))}
      <table>
        <caption>Totals</caption>
        <tbody>
          <tr>
            <th scope="row">Paid</th>
            <td className="num">{formatPence(ret.totalPaidPence)}</td>
          </tr>
          <tr>
            <th scope="row">Incurred, not yet paid</th>
            <td className="num">{formatPence(ret.totalUnpaidPence)}</td>
          </tr>
          <tr>
            <th scope="row">Notional</th>
            <td className="num">{formatPence(ret.totalNotionalPence)}</td>
          </tr>
          <tr>
            <th scope="row">Less refunds</th>
            <td className="num">{ret.totalRefundsPence > 0 ? `−${formatPence(ret.totalRefundsPence)}` : formatPence(0)}</td>
          </tr>
          <tr className="total">
            <th scope="row">Total election spending</th>
            <td className="num">{formatPence(ret.totalSpendPence)}</td>
          </tr>
        </tbody>
      </table>
    </section>
  );
}

function Donations(props: { ret: ElectionReturnView }) {
  const { ret } = props;
  return (
    <section aria-labelledby="donations-schedule-heading">
      <h2 id="donations-schedule-heading">Donations over £50</h2>
      {ret.donationsSchedule.length === 0 ? (
        <p>No donations over £50 were accepted.</p>
      ) : (
        <table>
          <caption>Donations accepted</caption>
          <thead>
            <tr>
              <th scope="col">Donor and address</th>
              <th scope="col">Permissible as</th>
              <th scope="col">Kind</th>
              <th scope="col">Received</th>
              <th scope="col">Accepted</th>
              <th scope="col" className="num">
                Value
              </th>
            </tr>
          </thead>
          <tbody>
            {ret.donationsSchedule.map((d) => (
              <tr key={d.id}>
                <td>
                  {d.donorName}
                  <br />
                  {d.donorAddress}
                </td>
                <td>
                  {d.permissibleSource ? PERMISSIBLE_SOURCE_LABELS[d.permissibleSource] : 'Not yet checked'}
                  {d.electorNumber && ` (${d.electorNumber})`}
                  {d.companyNumber && ` (${d.companyNumber})`}
                </td>
                <td>
                  {DONATION_KIND_LABELS[d.kind]}
                  {d.description && `: ${d.description}`}
                </td>
                <td>{formatDate(d.receivedOn)}</td>
                <td>{d.acceptedOn ? formatDate(d.acceptedOn) : 'Not decided'}</td>
                <td className="num">{formatPence(d.valuePence)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <td colSpan={5}>Total donations</td>
              <td className="num">{formatPence(ret.totalDonationsPence)}</td>
            </tr>
          </tfoot>
        </table>
      )}
      {ret.returnedDonations.length > 0 && (
        <table>
          <caption>Impermissible donations returned</caption>
          <thead>
            <tr>
              <th scope="col">Donor and address</th>
              <th scope="col">Received</th>
              <th scope="col">Returned</th>
              <th scope="col">Why</th>
              <th scope="col" className="num">
                Value
              </th>
            </tr>
          </thead>
          <tbody>
            {ret.returnedDonations.map((d) => (
              <tr key={d.id}>
                <td>
                  {d.donorName}
                  <br />
                  {d.donorAddress}
                </td>
                <td>{formatDate(d.receivedOn)}</td>
                <td>{formatDate(d.returnedOn)}</td>
                <td>{d.reason}</td>
                <td className="num">{formatPence(d.valuePence)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function DepositSection(props: { ret: ElectionReturnView }) {
  const d = props.ret.deposit;
  const r = d.recorded;
  return (
    <section aria-labelledby="deposit-summary-heading">
      <h2 id="deposit-summary-heading">Deposit</h2>
      {r ? (
        <p>
          {formatPence(r.amountPence)} paid to the returning officer on {formatDate(r.paidOn)} by {DEPOSIT_METHOD_LABELS[r.method].toLowerCase()}
          {r.receipt && ` (receipt ${r.receipt})`}. {OUTCOME_LABELS[d.outcome]}
          {d.outcome === 'returned' && d.refundDue && ` — due back by ${formatDate(d.refundDue)}`}
          {r.refundedOn && `, refunded ${formatDate(r.refundedOn)}`}. A deposit is not an election expense.
        </p>
      ) : (
        <p>{d.outcome === 'no-deposit' ? 'No deposit is required for this election.' : 'No deposit recorded.'}</p>
      )}
    </section>
  );
}
