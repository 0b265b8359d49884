import { Link, useNavigate } from 'react-router';
import { formatMinutes } from '../../../../shared/domain/delivery-rounds.ts';
import { api, useApi } from '../../app/api.ts';
import { formatDate, formatNumber } from '../../ui/format.ts';
import { EmptyState, ErrorMessage, Loading, PageHeader } from '../../ui/Page.tsx';
import { LeafletingNav } from './common.tsx';
import { RoundForm } from './RoundForm.tsx';

export function RoundsPage() {
  const { data, error } = useApi('rounds.list', {});
  const add = (
    <Link className="button primary" to="/rounds/new">
      Add a round
    </Link>
  );
  return (
    <>
      <PageHeader title="Delivery rounds" subtitle="Streets walked together, with their households and how long they take." actions={data && data.length > 0 && add} />
      <LeafletingNav />
      <ErrorMessage error={error} />
      {!data ? (
        !error && <Loading />
      ) : data.length === 0 ? (
        <EmptyState title="No rounds yet">
          <p>Split each polling district into rounds a volunteer can walk in an hour or two, with the streets in walking order.</p>
          {add}
        </EmptyState>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">Round</th>
              <th scope="col">Polling district</th>
              <th scope="col">Area</th>
              <th scope="col" className="num">
                Streets
              </th>
              <th scope="col" className="num">
                Households
              </th>
              <th scope="col" className="num">
                Time
              </th>
              <th scope="col">Assigned to</th>
            </tr>
          </thead>
          <tbody>
            {data.map((r) => (
              <tr key={r.id}>
                <td>
                  <Link to={`/rounds/${r.id}`}>{r.name}</Link>
                </td>
                <td>{r.pollingDistrict || '—'}</td>
                <td>{r.areaName ?? '—'}</td>
                <td className="num">{r.streets.length}</td>
                <td className="num">{formatNumber(r.households)}</td>
                <td className="num">{formatMinutes(r.estimatedMinutes)}</td>
                <td>
                  {r.assignments.map((a) => `${a.volunteerName}${a.plannedOn ? ` (${formatDate(a.plannedOn)})` : ''}`).join(', ') || (
                    <span className="muted">Nobody yet</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

export function NewRoundPage() {
  const navigate = useNavigate();
  return (
    <>
      <PageHeader title="New round" back={{ to: '/rounds', label: 'Rounds' }} />
      <RoundForm
        submitLabel="Add round"
        onSubmit={async (values) => {
          const r = await api('rounds.create', values);
          navigate(`/rounds/${r.id}`);
        }}
        onCancel={() => navigate('/rounds')}
      />
    </>
  );
}
