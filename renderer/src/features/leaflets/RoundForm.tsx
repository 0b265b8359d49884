import { useFieldArray } from 'react-hook-form';
import type { z } from 'zod';
import { type Round, roundInput } from '../../../../shared/contract/leaflets.ts';
import { estimateRoundMinutes, formatMinutes } from '../../../../shared/domain/delivery-rounds.ts';
import { useApi } from '../../app/api.ts';
import { Field } from '../../ui/Field.tsx';
import { FormActions } from '../../ui/FormActions.tsx';
import { ErrorMessage } from '../../ui/Page.tsx';
import { useApiForm } from '../../ui/useApiForm.ts';
import { idOrNull, wholeNumber } from './common.tsx';

export type RoundValues = z.output<typeof roundInput>;

const blankStreet = { name: '', households: '' as unknown as number, householdsSource: 'entered' as const, notes: '' };

export function RoundForm(props: { initial?: Round; submitLabel: string; onSubmit(values: RoundValues): Promise<void>; onCancel?(): void }) {
  const i = props.initial;
  const { data: areas } = useApi('areas.list', {});
  const form = useApiForm(roundInput, {
    name: i?.name ?? '',
    areaId: i?.areaId ?? null,
    pollingDistrict: i?.pollingDistrict ?? '',
    streets: i?.streets.map((s) => ({ ...s, householdsSource: s.householdsSource === 'register' ? ('register' as const) : ('entered' as const) })) ?? [blankStreet],
    estimatedMinutes: i?.estimateIsOwn ? i.estimatedMinutes : null,
    notes: i?.notes ?? '',
  });
  const { register, control, watch } = form;
  const streets = useFieldArray({ control, name: 'streets' });
  const current = (watch('streets') ?? []).map((s) => ({ households: Number(s?.households) || 0 }));
  const worked = estimateRoundMinutes(current);
  // A problem with the list as a whole sits at `streets` from the server, at `streets.root` from the form.
  const streetsError = form.errorOf('streets.root') ?? form.errorOf('streets');
  return (
    <form className="form" noValidate onSubmit={form.submit(props.onSubmit)}>
      <ErrorMessage error={form.formError} />
      <div className="row">
        <Field label="Round name" hint="e.g. Elm Road and Oak Close" error={form.errorOf('name')}>
          {(a) => <input {...a} {...register('name')} autoFocus />}
        </Field>
        <Field label="Area (optional)" hint="Ties the round to contests in that area" error={form.errorOf('areaId')}>
          {(a) => (
            <select {...a} {...register('areaId', { setValueAs: idOrNull })}>
              <option value="">No area</option>
              {areas?.map((ar) => (
                <option key={ar.id} value={ar.id}>
                  {ar.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Polling district (optional)" hint="Its code, e.g. AB" error={form.errorOf('pollingDistrict')}>
          {(a) => <input {...a} {...register('pollingDistrict')} spellCheck={false} />}
        </Field>
      </div>
      <fieldset className="panel">
        <legend>
          <strong>Streets, in walking order</strong>
        </legend>
        <p className="hint muted">Households per street: enter them, or take them from the register once it is loaded.</p>
        {streetsError && (
          <p className="error" role="alert">
            {streetsError}
          </p>
        )}
        <ol className="streets">
          {streets.fields.map((f, n) => (
            <li key={f.id} className="row street">
              <Field label={`Street ${n + 1}`} error={form.errorOf(`streets.${n}.name`)}>
                {(a) => <input {...a} {...register(`streets.${n}.name`)} />}
              </Field>
              <Field label={`Households on street ${n + 1}`} error={form.errorOf(`streets.${n}.households`)}>
                {(a) => <input {...a} inputMode="numeric" {...register(`streets.${n}.households`, { setValueAs: wholeNumber() })} />}
              </Field>
              <Field label={`Notes for street ${n + 1} (optional)`} error={form.errorOf(`streets.${n}.notes`)}>
                {(a) => <input {...a} {...register(`streets.${n}.notes`)} placeholder="e.g. odd numbers only" />}
              </Field>
              <div className="actions street-actions">
                <button type="button" aria-label={`Move street ${n + 1} up`} disabled={n === 0} onClick={() => streets.move(n, n - 1)}>
                  ↑
                </button>
                <button
                  type="button"
                  aria-label={`Move street ${n + 1} down`}
                  disabled={n === streets.fields.length - 1}
                  onClick={() => streets.move(n, n + 1)}
                >
                  ↓
                </button>
                <button type="button" aria-label={`Remove street ${n + 1}`} onClick={() => streets.remove(n)}>
                  Remove
                </button>
              </div>
            </li>
          ))}
        </ol>
        <button type="button" onClick={() => streets.append(blankStreet)}>
          Add a street
        </button>
      </fieldset>
      <div className="row">
        <Field
          label="Your own time estimate in minutes (optional)"
          hint={`Worked out from the streets: about ${formatMinutes(worked)}. Leave blank to use that.`}
          error={form.errorOf('estimatedMinutes')}
        >
          {(a) => <input {...a} inputMode="numeric" {...register('estimatedMinutes', { setValueAs: wholeNumber(null) })} />}
        </Field>
        <Field label="Notes (optional)" error={form.errorOf('notes')}>
          {(a) => <textarea {...a} rows={2} {...register('notes')} />}
        </Field>
      </div>
      <FormActions submitLabel={props.submitLabel} submitting={form.formState.isSubmitting} onCancel={props.onCancel} />
    </form>
  );
}
