import { Link, useNavigate, useParams } from 'react-router';
import { formatPence } from '../../../../shared/domain/money.ts';
import { api, useApi } from '../../app/api.ts';
import { formatDate } from '../../ui/format.ts';
import { Loaded } from '../../ui/Loaded.tsx';
import { PageHeader } from '../../ui/Page.tsx';
import { PersonalDataActions } from '../../ui/PersonalDataActions.tsx';
import { DONATION_STATUS_LABELS } from './labels.ts';

/** A donor: every donation recorded with their name and address, and their rights over that data. */
export function DonorPage() {
  const donationId = Number(useParams().donationId);
  const navigate = useNavigate();
  const donorQuery = useApi('treasury.getDonor', { donationId });
  const d = donorQuery.data;
  if (!d) return <Loaded of={donorQuery} />;
  const ledger = `/treasury/${d.donations.find((x) => x.id === donationId)?.contestId ?? d.donations[0].contestId}`;
  return (
    <>
      <PageHeader
        title={d.name}
        back={{ to: ledger, label: 'Ledger' }}
        subtitle={`Donor · ${d.donations.length === 1 ? 'one donation' : `${d.donations.length} donations`} recorded with this name and address`}
        actions={
          <PersonalDataActions
            name={d.name}
            exportContents={`everything Hustings holds about ${d.name}: name, address, elector or company number, their donations, where they are named and activity`}
            exportFile={async () => ({ filename: `donor-${donationId}.json`, doc: await api('treasury.getDonorExport', { donationId }) })}
            erase={(confirm) => api('treasury.eraseDonor', { donationId, confirm })}
            onErased={() => navigate(ledger, { replace: true })}
            eraseBlockedBy={d.erasureRefusal ? 'donor-kept' : undefined}
          />
        }
      />
      <dl className="facts">
        <dt>Address</dt>
        <dd className="pre">{d.address || '—'}</dd>
        {d.electorNumbers.length > 0 && (
          <>
            <dt>Elector number</dt>
            <dd>{d.electorNumbers.join(', ')}</dd>
          </>
        )}
        {d.companyNumbers.length > 0 && (
          <>
            <dt>Company number</dt>
            <dd>{d.companyNumbers.join(', ')}</dd>
          </>
        )}
      </dl>
      {d.erasureRefusal && (
        <p className="warning" role="note" id="donor-kept">
          {d.erasureRefusal.replace(/ Nothing was changed\.$/, '')}
        </p>
      )}
      <table>
        <caption>Their donations, and how long the law needs their details kept</caption>
        <thead>
          <tr>
            <th scope="col">Contest</th>
            <th scope="col" className="num">
              Value
            </th>
            <th scope="col">Received</th>
            <th scope="col">Decision</th>
            <th scope="col">Details kept</th>
          </tr>
        </thead>
        <tbody>
          {d.donations.map((x) => (
            <tr key={x.id}>
              <td>
                <Link to={`/treasury/${x.contestId}`}>{x.contestName}</Link>
              </td>
              <td className="num">{formatPence(x.valuePence)}</td>
              <td>{formatDate(x.receivedOn)}</td>
              <td>{DONATION_STATUS_LABELS[x.status]}</td>
              <td>{x.mustKeep ? (x.keptUntil ? `Until ${formatDate(x.keptUntil)}` : 'Until two years after the return') : 'No longer needed'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
