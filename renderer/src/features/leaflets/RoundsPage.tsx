import { Link, useNavigate } from 'react-router';
import { formatMinutes } from '../../../../shared/domain/delivery-rounds.ts';
import { api, useApi } from '../../app/api.ts';
import { formatDate, formatNumber } from '../../ui/format.ts';
import { DataTable } from '../../ui/DataTable.tsx';
import { Loaded } from '../../ui/Loaded.tsx';
import { EmptyState, PageHeader } from '../../ui/Page.tsx';
import { LeafletingNav } from './common.tsx';
import { RoundForm } from './RoundForm.tsx';

export function RoundsPage() {
  const rounds = useApi('rounds.list', {});
  const data = rounds.data;
  const add = (
    <Link className="button primary" to="/rounds/new">
      Add a round
    </Link>
  );
  return (
    <>
      <PageHeader
        title="Delivery rounds"
        subtitle="Streets walked together, with their households and how long they take."
        actions={data && data.length > 0 && add}
      />
      <LeafletingNav />
      <Loaded of={rounds}>
        {(data) => (
          <DataTable
            rows={data}
            rowKey={(r) => r.id}
            empty={
              <EmptyState title="No rounds yet">
                <p>Split each polling district into rounds a volunteer can walk in an hour or two, with the streets in walking order.</p>
                {add}
              </EmptyState>
            }
            columns={[
              { header: 'Round', cell: (r) => <Link to={`/rounds/${r.id}`}>{r.name}</Link>, sort: (r) => r.name },
              { header: 'Polling district', cell: (r) => r.pollingDistrict || '—', sort: (r) => r.pollingDistrict },
              { header: 'Area', cell: (r) => r.areaName ?? '—', sort: (r) => r.areaName },
              { header: 'Streets', num: true, cell: (r) => r.streets.length, sort: (r) => r.streets.length },
              { header: 'Households', num: true, cell: (r) => formatNumber(r.households), sort: (r) => r.households },
              { header: 'Time', num: true, cell: (r) => formatMinutes(r.estimatedMinutes), sort: (r) => r.estimatedMinutes },
              {
                header: 'Assigned to',
                cell: (r) =>
                  r.assignments.map((a) => `${a.volunteerName}${a.plannedOn ? ` (${formatDate(a.plannedOn)})` : ''}`).join(', ') || (
                    <span className="muted">Nobody yet</span>
                  ),
              },
            ]}
          />
        )}
      </Loaded>
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
