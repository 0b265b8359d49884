import { Link, useNavigate, useParams } from 'react-router';
import { canvassContract, type CanvassSessionOut } from '../../../../shared/contract/canvass.ts';
import { api, useApi } from '../../app/api.ts';
import { Field } from '../../ui/Field.tsx';
import { FormActions } from '../../ui/FormActions.tsx';
import { formatDate, plural } from '../../ui/format.ts';
import { ErrorMessage } from '../../ui/Page.tsx';
import { RecordPage } from '../../ui/RecordPage.tsx';
import { Loaded } from '../../ui/Loaded.tsx';
import { useApiForm } from '../../ui/useApiForm.ts';

/** A canvass session's date, district, canvassers and notes, changed or deleted with its returns. */
export function SessionEditPage() {
  const id = Number(useParams().id);
  const session = useApi('canvass.getSession', { id });
  if (!session.data) return <Loaded of={session} />;
  return <WithDistricts key={session.data.id} session={session.data} />;
}

/** The form starts once the area's districts are there, so the select shows the session's own. */
function WithDistricts(props: { session: CanvassSessionOut }) {
  const districts = useApi('register.listDistricts', { areaId: props.session.areaId });
  if (!districts.data) return <Loaded of={districts} />;
  return <SessionForm session={props.session} districts={districts.data.map((d) => d.pollingDistrict)} />;
}

function SessionForm(props: { session: CanvassSessionOut; districts: string[] }) {
  const s = props.session;
  const navigate = useNavigate();
  const form = useApiForm(
    canvassContract['canvass.updateSession'].input,
    {
      id: s.id,
      areaId: s.areaId,
      pollingDistrict: s.pollingDistrict,
      heldOn: s.heldOn,
      canvassers: s.canvassers,
      notes: s.notes,
    },
    { updatedAt: s.updatedAt },
  );
  const { register } = form;
  const what = `the canvass session of ${formatDate(s.heldOn)}`;

  return (
    <>
      <RecordPage
        title="Change the session"
        subtitle={`${s.areaName} · ${formatDate(s.heldOn)} · ${plural(s.returnCount, 'return')}`}
        back={{ to: `/canvass/sessions/${s.id}`, label: 'Enter returns' }}
        remove={{
          what,
          impactNoun: 'return',
          impact: async () => {
            const returns = await api('canvass.listRecent', { sessionId: s.id, limit: 8 });
            return {
              items: returns.map((r) => `${r.electorNumber} ${r.fullName}`),
              total: s.returnCount,
              note: s.returnCount > 0 ? 'The standing of each elector they were for is worked out again from their other returns.' : undefined,
            };
          },
          remove: async () => {
            await api('canvass.deleteSession', { id: s.id, confirm: true });
            navigate('/canvass');
          },
        }}
      />
      <form
        className="panel form"
        noValidate
        aria-label="Session"
        onSubmit={form.submit(async (values) => {
          await api('canvass.updateSession', values);
          navigate(`/canvass/sessions/${s.id}`);
        })}
      >
        <ErrorMessage error={form.formError} />
        <div className="row">
          <Field label="Polling district" error={form.errorOf('pollingDistrict')}>
            {(a) => (
              <select {...a} {...register('pollingDistrict')}>
                <option value="">Whole area</option>
                {props.districts.map((d) => (
                  <option key={d} value={d}>
                    {d}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Date" hint="Its returns take this date too" error={form.errorOf('heldOn')}>
            {(a) => <input {...a} type="date" {...register('heldOn')} />}
          </Field>
          <Field label="Canvassers" hint="Who went out" error={form.errorOf('canvassers')}>
            {(a) => <input {...a} {...register('canvassers')} />}
          </Field>
        </div>
        <Field label="Notes" error={form.errorOf('notes')}>
          {(a) => <textarea {...a} rows={3} {...register('notes')} />}
        </Field>
        <FormActions submitLabel="Save changes" submitting={form.formState.isSubmitting} onCancel={() => navigate(`/canvass/sessions/${s.id}`)} />
        <p className="muted">
          Area: {s.areaName}. A session stays in its area; <Link to="/canvass">start a new session</Link> for another.
        </p>
      </form>
    </>
  );
}
