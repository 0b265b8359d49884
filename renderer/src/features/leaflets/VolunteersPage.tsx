import { Link, useNavigate } from 'react-router';
import { roleLabel } from '../../../../shared/domain/volunteers.ts';
import { api, useApi } from '../../app/api.ts';
import { formatNumber } from '../../ui/format.ts';
import { EmptyState, ErrorMessage, Loading, PageHeader } from '../../ui/Page.tsx';
import { VolunteerForm } from './VolunteerForm.tsx';

export function VolunteersPage() {
  const { data, error } = useApi('volunteers.list', {});
  const add = (
    <Link className="button primary" to="/volunteers/new">
      Add a volunteer
    </Link>
  );
  return (
    <>
      <PageHeader title="Volunteers" subtitle="Who helps, what they do, and the work they have done." actions={data && data.length > 0 && add} />
      <ErrorMessage error={error} />
      {!data ? (
        !error && <Loading />
      ) : data.length === 0 ? (
        <EmptyState title="No volunteers yet">
          <p>Add the people who deliver, canvass, tell or drive, so you can assign rounds to them and see what they have done.</p>
          {add}
        </EmptyState>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">What they do</th>
              <th scope="col">Contact</th>
              <th scope="col">Consent to contact</th>
              <th scope="col" className="num">
                Drops
              </th>
              <th scope="col" className="num">
                Leaflets delivered
              </th>
            </tr>
          </thead>
          <tbody>
            {data.map((v) => (
              <tr key={v.id}>
                <td>
                  <Link to={`/volunteers/${v.id}`}>{v.name}</Link>
                </td>
                <td>{v.roles.map(roleLabel).join(', ') || '—'}</td>
                <td>{[v.email, v.phone].filter(Boolean).join(' · ') || '—'}</td>
                <td>{v.consentToContact ? 'Yes' : 'No'}</td>
                <td className="num">{formatNumber(v.drops)}</td>
                <td className="num">{formatNumber(v.delivered)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
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
