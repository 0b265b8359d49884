import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { assignmentInput, type Round } from '../../../../shared/contract/leaflets.ts';
import { formatMinutes } from '../../../../shared/domain/delivery-rounds.ts';
import { api, useApi } from '../../app/api.ts';
import { Field } from '../../ui/Field.tsx';
import { FormActions } from '../../ui/FormActions.tsx';
import { formatDate, formatNumber } from '../../ui/format.ts';
import { Loaded } from '../../ui/Loaded.tsx';
import { RecordPage } from '../../ui/RecordPage.tsx';
import { ErrorMessage } from '../../ui/Page.tsx';
import { useApiForm } from '../../ui/useApiForm.ts';
import { idOrNaN, numberOrNull, textOrNull, wholeNumber } from '../../ui/fields.ts';
import { LeafletingNav, leafletLabel } from './common.tsx';
import { RoundForm } from './RoundForm.tsx';
import { StreetsTable } from './tables.tsx';

export function RoundPage() {
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const roundQuery = useApi('rounds.get', { id });
  const r = roundQuery.data;
  const { data: drops } = useApi('drops.list', { roundId: id });
  const [editing, setEditing] = useState(false);
  if (!r) return <Loaded of={roundQuery} />;
  return (
    <>
      <RecordPage
        title={r.name}
        back={{ to: '/rounds', label: 'Rounds' }}
        subtitle={[
          r.pollingDistrict && `Polling district ${r.pollingDistrict}`,
          r.areaName,
          `${formatNumber(r.households)} households`,
          `about ${formatMinutes(r.estimatedMinutes)}${r.estimateIsOwn ? ' (your estimate)' : ''}`,
        ]
          .filter(Boolean)
          .join(' · ')}
        editing={editing}
        onEdit={() => setEditing(true)}
        remove={{
          what: `round “${r.name}”`,
          describe: async () => (await api('rounds.deleteImpact', { id })).message,
          remove: async () => {
            await api('rounds.delete', { id, confirm: true });
            navigate('/rounds');
          },
        }}
        actions={
          <>
            <Link className="button" to={`/rounds/${id}/sheet`}>
              Round sheet
            </Link>
          </>
        }
      />
      <LeafletingNav />
      {editing ? (
        <RoundForm
          initial={r}
          submitLabel="Save changes"
          onSubmit={async (values) => {
            await api('rounds.update', { id, ...values });
            setEditing(false);
          }}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <StreetsTable round={r} caption="Streets in walking order" />
      )}
      <Assignments round={r} />
      <section className="panel" aria-labelledby="round-drops">
        <h2 id="round-drops">Drops on this round</h2>
        {drops && drops.length === 0 && (
          <p className="muted">
            Nothing delivered yet. <Link to={`/drops?round=${id}`}>Log a drop</Link> once it is walked.
          </p>
        )}
        <ul className="plain">
          {drops?.map((d) => (
            <li key={d.id}>
              {formatDate(d.droppedOn)} · <Link to={`/leaflets/${d.leafletId}`}>{d.leafletTitle}</Link> · {formatNumber(d.delivered)} copies ·{' '}
              {d.complete ? 'in full' : `in part${d.leftNote ? ` (${d.leftNote} left)` : ''}`}
              {d.volunteerName && ` · ${d.volunteerName}`}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

function Assignments(props: { round: Round }) {
  const r = props.round;
  const { data: volunteers } = useApi('volunteers.list', {});
  const { data: leaflets } = useApi('leaflets.list', {});
  const form = useApiForm(assignmentInput, {
    roundId: r.id,
    volunteerId: undefined,
    leafletId: null,
    plannedOn: null,
    plannedMinutes: null,
    notes: '',
  });
  const { register } = form;
  return (
    <section className="panel" aria-labelledby="round-assign">
      <h2 id="round-assign">Who is delivering it</h2>
      {r.assignments.length === 0 ? (
        <p className="muted">Nobody yet.</p>
      ) : (
        <ul className="plain">
          {r.assignments.map((a) => (
            <li key={a.id}>
              <Link to={`/volunteers/${a.volunteerId}`}>{a.volunteerName}</Link> · {a.plannedOn ? formatDate(a.plannedOn) : 'no date yet'}
              {a.plannedMinutes !== null && ` · ${formatMinutes(a.plannedMinutes)} set aside`}
              {a.leafletTitle && ` · ${a.leafletTitle}`}{' '}
              <button type="button" onClick={() => api('rounds.unassign', { id: a.id })} aria-label={`Unassign ${a.volunteerName}`}>
                Unassign
              </button>
            </li>
          ))}
        </ul>
      )}
      {volunteers && volunteers.length === 0 ? (
        <p>
          <Link to="/volunteers/new">Add a volunteer</Link> to assign this round.
        </p>
      ) : (
        <form
          className="form inline-form"
          noValidate
          onSubmit={form.submit(async (values) => {
            await api('rounds.assign', values);
            form.reset();
          })}
        >
          <ErrorMessage error={form.formError} />
          <div className="row">
            <Field label="Volunteer" error={form.errorOf('volunteerId')}>
              {(a) => (
                <select {...a} {...register('volunteerId', { setValueAs: idOrNaN })}>
                  <option value="">Choose…</option>
                  {volunteers?.map((v) => (
                    <option key={v.id} value={v.id}>
                      {v.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label="Planned date" error={form.errorOf('plannedOn')}>
              {(a) => <input {...a} type="date" {...register('plannedOn', { setValueAs: textOrNull })} />}
            </Field>
            <Field
              label="Time set aside, minutes (optional)"
              hint={`The round takes about ${formatMinutes(r.estimatedMinutes)}`}
              error={form.errorOf('plannedMinutes')}
            >
              {(a) => <input {...a} inputMode="numeric" {...register('plannedMinutes', { setValueAs: wholeNumber(null) })} />}
            </Field>
            <Field label="Leaflet to take (optional)" error={form.errorOf('leafletId')}>
              {(a) => (
                <select {...a} {...register('leafletId', { setValueAs: numberOrNull })}>
                  <option value="">Not decided</option>
                  {leaflets?.map((l) => (
                    <option key={l.id} value={l.id}>
                      {leafletLabel(l)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
          <FormActions submitLabel="Assign round" submitting={form.formState.isSubmitting} />
        </form>
      )}
    </section>
  );
}
