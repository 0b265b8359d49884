import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { type Leaflet, type Round, dropInput } from '../../../../shared/contract/leaflets.ts';
import { ukToday } from '../../../../shared/domain/working-days.ts';
import { ApiCallError, api, useApi } from '../../app/api.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { Field } from '../../ui/Field.tsx';
import { FormActions } from '../../ui/FormActions.tsx';
import { formatNumber } from '../../ui/format.ts';
import { EmptyState, ErrorMessage, Loading, PageHeader } from '../../ui/Page.tsx';
import { useApiForm } from '../../ui/useApiForm.ts';
import { EMPTY_NUMBER, numberOrNull, wholeNumber } from '../../ui/fields.ts';
import { LeafletingNav, leafletLabel } from './common.tsx';
import { DropsTable } from './tables.tsx';

export function DropsPage() {
  const [params] = useSearchParams();
  const { data: leaflets } = useApi('leaflets.list', {});
  const { data: rounds } = useApi('rounds.list', {});
  const { data: drops, error } = useApi('drops.list', {});
  const ready = leaflets && rounds;
  return (
    <>
      <PageHeader title="Drops" subtitle="A round delivered with a leaflet, in full or in part. Stock goes down as drops are logged." />
      <LeafletingNav />
      <ErrorMessage error={error} />
      {ready && (leaflets.length === 0 || rounds.length === 0) ? (
        <EmptyState title="Nothing to log yet">
          <p>
            A drop needs a leaflet and a round: {leaflets.length === 0 && <Link to="/leaflets/new">add a leaflet</Link>}
            {leaflets.length === 0 && rounds.length === 0 && ' and '}
            {rounds.length === 0 && <Link to="/rounds/new">add a round</Link>} first.
          </p>
        </EmptyState>
      ) : (
        ready && (
          <DropForm
            leaflets={leaflets}
            rounds={rounds}
            initialLeaflet={Number(params.get('leaflet')) || leaflets[0].id}
            initialRound={Number(params.get('round')) || rounds[0].id}
          />
        )
      )}
      {!drops ? (
        !error && <Loading />
      ) : drops.length === 0 ? (
        <p className="muted">No drops logged yet.</p>
      ) : (
        <DropsTable drops={drops} caption="Drops, newest first" deletable />
      )}
    </>
  );
}

function DropForm(props: { leaflets: Leaflet[]; rounds: Round[]; initialLeaflet: number; initialRound: number }) {
  const { data: volunteers } = useApi('volunteers.list', {});
  const form = useApiForm(dropInput, {
    leafletId: props.initialLeaflet,
    roundId: props.initialRound,
    volunteerId: null,
    droppedOn: ukToday(),
    delivered: EMPTY_NUMBER,
    complete: true,
    leftNote: '',
    notes: '',
  });
  const [pending, setPending] = useState<{ message: string; values: Parameters<typeof api<'drops.create'>>[1] }>();
  const [saved, setSaved] = useState<string>();
  const { register, watch } = form;
  const complete = watch('complete');
  const leaflet = props.leaflets.find((l) => l.id === Number(watch('leafletId')));
  const round = props.rounds.find((r) => r.id === Number(watch('roundId')));

  const log = async (values: Parameters<typeof api<'drops.create'>>[1]) => {
    const d = await api('drops.create', values);
    setSaved(`Logged ${formatNumber(d.delivered)} of “${d.leafletTitle}” on ${d.roundName}.`);
    form.reset({ ...values, delivered: EMPTY_NUMBER, leftNote: '', notes: '', complete: true, confirm: undefined });
  };

  return (
    <section className="panel" aria-labelledby="new-drop">
      <h2 id="new-drop">Log a drop</h2>
      <form
        className="form"
        noValidate
        onSubmit={form.submit(async (values) => {
          setSaved(undefined);
          try {
            await log(values);
          } catch (e) {
            if (e instanceof ApiCallError && e.code === 'needs_confirmation') setPending({ message: e.message, values });
            else throw e;
          }
        })}
      >
        <ErrorMessage error={form.formError} />
        {saved && (
          <p className="success" role="status">
            {saved}
          </p>
        )}
        <div className="row">
          <Field label="Leaflet" hint={leaflet && `${formatNumber(leaflet.stock.onHand)} in stock`} error={form.errorOf('leafletId')}>
            {(a) => (
              <select {...a} {...register('leafletId', { setValueAs: Number })}>
                {props.leaflets.map((l) => (
                  <option key={l.id} value={l.id}>
                    {leafletLabel(l)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Round" hint={round && `${formatNumber(round.households)} households`} error={form.errorOf('roundId')}>
            {(a) => (
              <select {...a} {...register('roundId', { setValueAs: Number })}>
                {props.rounds.map((r) => (
                  <option key={r.id} value={r.id}>
                    {r.name}
                    {r.pollingDistrict && ` (${r.pollingDistrict})`}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Delivered by (optional)" error={form.errorOf('volunteerId')}>
            {(a) => (
              <select {...a} {...register('volunteerId', { setValueAs: numberOrNull })}>
                <option value="">Not recorded</option>
                {volunteers?.map((v) => (
                  <option key={v.id} value={v.id}>
                    {v.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <div className="row">
          <Field label="Date delivered" error={form.errorOf('droppedOn')}>
            {(a) => <input {...a} type="date" {...register('droppedOn')} />}
          </Field>
          <Field label="Copies delivered" error={form.errorOf('delivered')}>
            {(a) => <input {...a} inputMode="numeric" {...register('delivered', { setValueAs: wholeNumber() })} />}
          </Field>
          <fieldset className="field">
            <legend>
              <strong>Round delivered</strong>
            </legend>
            <label className="choice">
              <input type="radio" name="complete" checked={complete === true} onChange={() => form.setValue('complete', true)} />
              In full
            </label>
            <label className="choice">
              <input type="radio" name="complete" checked={complete === false} onChange={() => form.setValue('complete', false)} />
              In part
            </label>
          </fieldset>
        </div>
        {complete === false && (
          <Field label="What is left" hint="e.g. the flats at the end of Station Road" error={form.errorOf('leftNote')}>
            {(a) => <input {...a} {...register('leftNote')} />}
          </Field>
        )}
        <Field label="Notes (optional)" error={form.errorOf('notes')}>
          {(a) => <input {...a} {...register('notes')} />}
        </Field>
        <FormActions submitLabel="Log drop" submitting={form.formState.isSubmitting} />
      </form>
      <ConfirmDialog
        open={pending !== undefined}
        title="More copies than households?"
        message={pending?.message ?? ''}
        confirmLabel="Log it anyway"
        onCancel={() => setPending(undefined)}
        onConfirm={async () => {
          const p = pending;
          setPending(undefined);
          if (!p) return;
          try {
            await log({ ...p.values, confirm: true });
          } catch (e) {
            setSaved(undefined);
            form.setError('root', { message: (e as Error).message });
          }
        }}
      />
      {form.formState.errors.root?.message && <ErrorMessage error={form.formState.errors.root.message} />}
    </section>
  );
}
