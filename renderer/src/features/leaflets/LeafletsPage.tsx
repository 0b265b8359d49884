import { Link, useNavigate } from 'react-router';
import { api, useApi } from '../../app/api.ts';
import { formatNumber } from '../../ui/format.ts';
import { EmptyState, ErrorMessage, Loading, PageHeader } from '../../ui/Page.tsx';
import { LeafletStatusBadge, LeafletingNav } from './common.tsx';
import { LeafletForm } from './LeafletForm.tsx';

export function LeafletsPage() {
  const { data, error } = useApi('leaflets.list', {});
  const add = (
    <Link className="button primary" to="/leaflets/new">
      Add a leaflet
    </Link>
  );
  return (
    <>
      <PageHeader title="Leaflets" subtitle="What you print, its imprint, and how many copies are left." actions={data && data.length > 0 && add} />
      <LeafletingNav />
      <ErrorMessage error={error} />
      {!data ? (
        !error && <Loading />
      ) : data.length === 0 ? (
        <EmptyState title="No leaflets yet">
          <p>Add a leaflet with its imprint, then log its print runs and the rounds it is delivered on.</p>
          {add}
        </EmptyState>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">Leaflet</th>
              <th scope="col">Size</th>
              <th scope="col">Contests</th>
              <th scope="col">Status</th>
              <th scope="col" className="num">
                Printed
              </th>
              <th scope="col" className="num">
                Delivered
              </th>
              <th scope="col" className="num">
                In stock
              </th>
            </tr>
          </thead>
          <tbody>
            {data.map((l) => (
              <tr key={l.id}>
                <td>
                  <Link to={`/leaflets/${l.id}`}>{l.title}</Link>
                  {l.version && <span className="muted"> · {l.version}</span>}
                </td>
                <td>{l.size}</td>
                <td>{l.contests.map((c) => c.name).join(', ') || '—'}</td>
                <td>
                  <LeafletStatusBadge leaflet={l} />
                </td>
                <td className="num">{formatNumber(l.stock.printed)}</td>
                <td className="num">{formatNumber(l.stock.delivered)}</td>
                <td className={`num${l.stock.onHand < 0 ? ' bad' : ''}`}>{formatNumber(l.stock.onHand)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

export function NewLeafletPage() {
  const navigate = useNavigate();
  return (
    <>
      <PageHeader title="New leaflet" back={{ to: '/leaflets', label: 'Leaflets' }} />
      <LeafletForm
        submitLabel="Add leaflet"
        onSubmit={async (values) => {
          const l = await api('leaflets.create', values);
          navigate(`/leaflets/${l.id}`);
        }}
        onCancel={() => navigate('/leaflets')}
      />
    </>
  );
}
