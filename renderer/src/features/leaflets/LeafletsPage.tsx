import { Link, useNavigate } from 'react-router';
import { api, useApi } from '../../app/api.ts';
import { formatNumber } from '../../ui/format.ts';
import { DataTable } from '../../ui/DataTable.tsx';
import { Loaded } from '../../ui/Loaded.tsx';
import { EmptyState, PageHeader } from '../../ui/Page.tsx';
import { LeafletStatusBadge, LeafletingNav } from './common.tsx';
import { LeafletForm } from './LeafletForm.tsx';

export function LeafletsPage() {
  const leaflets = useApi('leaflets.list', {});
  const data = leaflets.data;
  const add = (
    <Link className="button primary" to="/leaflets/new">
      Add a leaflet
    </Link>
  );
  return (
    <>
      <PageHeader title="Leaflets" subtitle="What you print, its imprint, and how many copies are left." actions={data && data.length > 0 && add} />
      <LeafletingNav />
      <Loaded of={leaflets}>
        {(data) => (
          <DataTable
            rows={data}
            rowKey={(l) => l.id}
            empty={
              <EmptyState title="No leaflets yet">
                <p>Add a leaflet with its imprint, then log its print runs and the rounds it is delivered on.</p>
                {add}
              </EmptyState>
            }
            columns={[
              {
                header: 'Leaflet',
                sort: (l) => l.title,
                cell: (l) => (
                  <>
                    <Link to={`/leaflets/${l.id}`}>{l.title}</Link>
                    {l.version && <span className="muted"> · {l.version}</span>}
                  </>
                ),
              },
              { header: 'Size', cell: (l) => l.size, sort: (l) => l.size },
              { header: 'Contests', cell: (l) => l.contests.map((c) => c.name).join(', ') || '—' },
              { header: 'Status', cell: (l) => <LeafletStatusBadge leaflet={l} />, sort: (l) => l.status },
              { header: 'Printed', num: true, cell: (l) => formatNumber(l.stock.printed), sort: (l) => l.stock.printed },
              { header: 'Delivered', num: true, cell: (l) => formatNumber(l.stock.delivered), sort: (l) => l.stock.delivered },
              {
                header: 'In stock',
                num: true,
                cell: (l) => formatNumber(l.stock.onHand),
                cellClass: (l) => (l.stock.onHand < 0 ? 'bad' : undefined),
                sort: (l) => l.stock.onHand,
              },
            ]}
          />
        )}
      </Loaded>
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
