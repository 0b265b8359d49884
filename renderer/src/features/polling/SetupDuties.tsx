import { type PollingOverview, knockerUpInput, tellerInput } from '../../../../shared/contract/polling-setup.ts';
import { POLLS_CLOSE, POLLS_OPEN } from '../../../../shared/domain/tellers-rota.ts';
import { api, useApi } from '../../app/api.ts';
import { Field } from '../../ui/Field.tsx';
import { FormActions } from '../../ui/FormActions.tsx';
import { wholeNumber } from '../../ui/fields.ts';
import { ErrorMessage } from '../../ui/Page.tsx';
import { useApiForm } from '../../ui/useApiForm.ts';

const chosenId = (v: string) => (v === '' ? undefined : Number(v));

/** Tellers by station and shift, knockers-up by room and round, and the forms to add them. */
export function DutiesPanel(props: { overview: PollingOverview }) {
  const { overview } = props;
  const volunteers = useApi('volunteers.list', {});
  const tellers = overview.duties.filter((d) => d.duty === 'teller');
  const knockers = overview.duties.filter((d) => d.duty === 'knocker_up');
  const desktop = Boolean(window.hustings);
  const off = async (id: number) => void (await api('polling.deleteDuty', { id }));
  return (
    <section className="panel" aria-labelledby="duties-heading">
      <h2 id="duties-heading">Tellers and knockers-up</h2>
      <ErrorMessage error={volunteers.error} />
      {volunteers.data?.length === 0 && <p className="warning">Add volunteers first (Leaflets → Volunteers), then put them on duty here.</p>}
      <h3>Tellers</h3>
      {tellers.length === 0 ? (
        <p className="muted">No tellers yet.</p>
      ) : (
        <table aria-label="Tellers">
          <thead>
            <tr>
              <th scope="col">Station</th>
              <th scope="col">Shift</th>
              <th scope="col">Teller</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {tellers.map((d) => (
              <tr key={d.id}>
                <td>{d.stationName}</td>
                <td>
                  {d.startsAt}–{d.endsAt}
                </td>
                <td>{d.volunteerName}</td>
                <td className="actions">
                  <button
                    type="button"
                    onClick={() => off(d.id)}
                    aria-label={`Take off ${d.volunteerName}, telling at ${d.stationName} ${d.startsAt}–${d.endsAt}`}
                  >
                    Take off
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {overview.stations.length > 0 && <TellerForm overview={overview} volunteers={volunteers.data ?? []} />}
      <div className="actions">
        {desktop ? (
          <p className="muted">To print the rota, run `hustings polling rota --contest {overview.contest.id} --pdf FILE`, or open Hustings in a browser.</p>
        ) : (
          <a className="button" href={`/api/pdf/tellers-rota?contest=${overview.contest.id}`} download>
            Download the tellers’ rota (PDF)
          </a>
        )}
      </div>
      <h3>Knockers-up</h3>
      {knockers.length === 0 ? (
        <p className="muted">No knockers-up yet.</p>
      ) : (
        <table aria-label="Knockers-up">
          <thead>
            <tr>
              <th scope="col">Committee room</th>
              <th scope="col">Round</th>
              <th scope="col">Knocker-up</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {knockers.map((d) => (
              <tr key={d.id}>
                <td>{d.roomName}</td>
                <td>{d.round}</td>
                <td>{d.volunteerName}</td>
                <td className="actions">
                  <button
                    type="button"
                    onClick={() => off(d.id)}
                    aria-label={`Take off ${d.volunteerName}, knocking up from ${d.roomName} in round ${d.round}`}
                  >
                    Take off
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {overview.rooms.length > 0 ? (
        <KnockerUpForm overview={overview} volunteers={volunteers.data ?? []} />
      ) : (
        <p className="muted">Add a committee room to put knockers-up on its rounds.</p>
      )}
    </section>
  );
}

type Volunteers = { id: number; name: string }[];

function VolunteerOptions(props: { volunteers: Volunteers }) {
  return (
    <>
      <option value="">Choose…</option>
      {props.volunteers.map((v) => (
        <option key={v.id} value={v.id}>
          {v.name}
        </option>
      ))}
    </>
  );
}

function TellerForm(props: { overview: PollingOverview; volunteers: Volunteers }) {
  const { overview } = props;
  const blank = { contestId: overview.contest.id, duty: 'teller' as const, startsAt: POLLS_OPEN, endsAt: '10:00' };
  const form = useApiForm(tellerInput, blank);
  return (
    <form
      className="form inline-form"
      noValidate
      aria-label="Add a teller"
      onSubmit={form.submit(async (values) => {
        await api('polling.saveDuty', values);
        form.reset({
          ...blank,
          stationId: values.stationId,
          startsAt: values.endsAt,
          endsAt: values.endsAt < '19:00' ? addHours(values.endsAt, 3) : POLLS_CLOSE,
        });
      })}
    >
      <ErrorMessage error={form.formError} />
      <div className="row">
        <Field label="Teller" error={form.errorOf('volunteerId')}>
          {(a) => (
            <select {...a} {...form.register('volunteerId', { setValueAs: chosenId })}>
              <VolunteerOptions volunteers={props.volunteers} />
            </select>
          )}
        </Field>
        <Field label="Polling station" error={form.errorOf('stationId')}>
          {(a) => (
            <select {...a} {...form.register('stationId', { setValueAs: chosenId })}>
              <option value="">Choose…</option>
              {overview.stations.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="From" error={form.errorOf('startsAt')}>
          {(a) => <input {...a} type="time" min={POLLS_OPEN} max={POLLS_CLOSE} {...form.register('startsAt')} />}
        </Field>
        <Field label="To" error={form.errorOf('endsAt')}>
          {(a) => <input {...a} type="time" min={POLLS_OPEN} max={POLLS_CLOSE} {...form.register('endsAt')} />}
        </Field>
      </div>
      <FormActions submitLabel="Add teller" submitting={form.formState.isSubmitting} />
    </form>
  );
}

function addHours(t: string, h: number): string {
  return `${String(Number(t.slice(0, 2)) + h).padStart(2, '0')}${t.slice(2)}`;
}

function KnockerUpForm(props: { overview: PollingOverview; volunteers: Volunteers }) {
  const { overview } = props;
  const blank = { contestId: overview.contest.id, duty: 'knocker_up' as const, round: 1 };
  const form = useApiForm(knockerUpInput, blank);
  return (
    <form
      className="form inline-form"
      noValidate
      aria-label="Add a knocker-up"
      onSubmit={form.submit(async (values) => {
        await api('polling.saveDuty', values);
        form.reset({ ...blank, roomId: values.roomId, round: values.round });
      })}
    >
      <ErrorMessage error={form.formError} />
      <div className="row">
        <Field label="Knocker-up" error={form.errorOf('volunteerId')}>
          {(a) => (
            <select {...a} {...form.register('volunteerId', { setValueAs: chosenId })}>
              <VolunteerOptions volunteers={props.volunteers} />
            </select>
          )}
        </Field>
        <Field label="Committee room" error={form.errorOf('roomId')}>
          {(a) => (
            <select {...a} {...form.register('roomId', { setValueAs: chosenId })}>
              <option value="">Choose…</option>
              {overview.rooms.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Round" error={form.errorOf('round')}>
          {(a) => <input {...a} type="number" min={1} max={20} {...form.register('round', { setValueAs: wholeNumber() })} />}
        </Field>
      </div>
      <FormActions submitLabel="Add knocker-up" submitting={form.formState.isSubmitting} />
    </form>
  );
}
