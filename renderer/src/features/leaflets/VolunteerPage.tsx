import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { roleLabel } from '../../../../shared/domain/volunteers.ts';
import { api, useApi } from '../../app/api.ts';
import { formatDate, formatNumber } from '../../ui/format.ts';
import { Loaded } from '../../ui/Loaded.tsx';
import { RecordPage } from '../../ui/RecordPage.tsx';
import { PersonalDataActions } from '../../ui/PersonalDataActions.tsx';
import { DropsTable } from './tables.tsx';
import { VolunteerForm } from './VolunteerForm.tsx';

export function VolunteerPage() {
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const volunteerQuery = useApi('volunteers.get', { id });
  const v = volunteerQuery.data;
  const { data: drops } = useApi('drops.list', { volunteerId: id });
  const { data: rounds } = useApi('rounds.list', {});
  const [editing, setEditing] = useState(false);
  if (!v) return <Loaded of={volunteerQuery} />;
  const assignments = (rounds ?? []).flatMap((r) => r.assignments.filter((a) => a.volunteerId === id).map((a) => ({ ...a, roundName: r.name })));
  return (
    <>
      <RecordPage
        title={v.name}
        back={{ to: '/volunteers', label: 'Volunteers' }}
        subtitle={v.roles.map(roleLabel).join(' · ') || 'No roles yet'}
        editing={editing}
        onEdit={() => setEditing(true)}
        remove={{
          what: v.name,
          describe: async () => (await api('volunteers.deleteImpact', { id })).message,
          remove: async () => {
            await api('volunteers.delete', { id, confirm: true });
            navigate('/volunteers');
          },
        }}
        after={
          <>
            <PersonalDataActions
              name={v.name}
              exportContents={`everything Hustings holds about ${v.name}: contact details, address, availability, consent, rounds, drops, where they are named and activity`}
              exportFile={async () => ({ filename: `volunteer-${id}.json`, doc: await api('volunteers.getPersonExport', { id }) })}
              erase={(confirm) => api('volunteers.erasePerson', { id, confirm })}
              onErased={() => navigate('/volunteers', { replace: true })}
            />
          </>
        }
      />
      {editing ? (
        <VolunteerForm
          initial={v}
          submitLabel="Save changes"
          onSubmit={async (values) => {
            await api('volunteers.update', { id, ...values });
            setEditing(false);
          }}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <dl className="facts">
          <dt>Email</dt>
          <dd>{v.email || '—'}</dd>
          <dt>Phone</dt>
          <dd>{v.phone || '—'}</dd>
          <dt>Address</dt>
          <dd className="pre">{v.address || '—'}</dd>
          <dt>Availability</dt>
          <dd className="pre">{v.availability || '—'}</dd>
          <dt>Consent to contact</dt>
          <dd>
            {v.consentToContact ? `Yes${v.consentRecordedOn ? `, recorded ${formatDate(v.consentRecordedOn)}` : ''}` : 'No — do not contact about campaigning'}
          </dd>
          {v.notes && (
            <>
              <dt>Notes</dt>
              <dd className="pre">{v.notes}</dd>
            </>
          )}
        </dl>
      )}
      <section className="panel" aria-labelledby="v-rounds">
        <h2 id="v-rounds">Rounds assigned</h2>
        {assignments.length === 0 ? (
          <p className="muted">None. Assign a round from its page under Rounds.</p>
        ) : (
          <ul className="plain">
            {assignments.map((a) => (
              <li key={a.id}>
                <Link to={`/rounds/${a.roundId}`}>{a.roundName}</Link> · {a.plannedOn ? formatDate(a.plannedOn) : 'no date yet'}
                {a.leafletTitle && ` · ${a.leafletTitle}`}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="panel" aria-labelledby="v-work">
        <h2 id="v-work">Work done</h2>
        <p>
          {formatNumber(v.drops)} drops, {formatNumber(v.delivered)} leaflets delivered.
        </p>
        {drops && drops.length > 0 && <DropsTable drops={drops} hide={['volunteer']} />}
      </section>
    </>
  );
}
