import { Link, useNavigate } from 'react-router';
import { roleLabel } from '../../../../shared/domain/volunteers.ts';
import { api, useApi } from '../../app/api.ts';
import { formatNumber } from '../../ui/format.ts';
import { DataTable } from '../../ui/DataTable.tsx';
import { Loaded } from '../../ui/Loaded.tsx';
import { EmptyState, PageHeader } from '../../ui/Page.tsx';
import { VolunteerForm } from './VolunteerForm.tsx';

export function VolunteersPage() {
  const volunteers = useApi('volunteers.list', {});
  const data = volunteers.data;
  const add = (
    <Link className="button primary" to="/volunteers/new">
      Add a volunteer
    </Link>
  );
  return (
    <>
      <PageHeader title="Volunteers" subtitle="Who helps, what they do, and the work they have done." actions={data && data.length > 0 && add} />
      <Loaded of={volunteers}>
        {(data) => (
          <DataTable
            rows={data}
            rowKey={(v) => v.id}
            empty={
              <EmptyState title="No volunteers yet">
                <p>Add the people who deliver, canvass, tell or drive, so you can assign rounds to them and see what they have done.</p>
                {add}
              </EmptyState>
            }
            columns={[
              { header: 'Name', cell: (v) => <Link to={`/volunteers/${v.id}`}>{v.name}</Link>, sort: (v) => v.name },
              { header: 'What they do', cell: (v) => v.roles.map(roleLabel).join(', ') || '—' },
              { header: 'Contact', cell: (v) => [v.email, v.phone].filter(Boolean).join(' · ') || '—' },
              { header: 'Consent to contact', cell: (v) => (v.consentToContact ? 'Yes' : 'No') },
              { header: 'Drops', num: true, cell: (v) => formatNumber(v.drops), sort: (v) => v.drops },
              { header: 'Leaflets delivered', num: true, cell: (v) => formatNumber(v.delivered), sort: (v) => v.delivered },
            ]}
          />
        )}
      </Loaded>
    </>
  );
}

export function NewVolunteerPage() {
  const navigate = useNavigate();
  return (
    <>
      <PageHeader title="New volunteer" back={{ to: '/volunteers', label: 'Volunteers' }} />
      <VolunteerForm
        submitLabel="Add volunteer"
        onSubmit={async (values) => {
          const v = await api('volunteers.create', values);
          navigate(`/volunteers/${v.id}`);
        }}
        onCancel={() => navigate('/volunteers')}
      />
    </>
  );
}
