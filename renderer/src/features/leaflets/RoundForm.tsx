import { useState } from 'react';
import { useFieldArray } from 'react-hook-form';
import type { z } from 'zod';
import { type Round, roundInput } from '../../../../shared/contract/leaflets.ts';
import { estimateRoundMinutes, fillFromRegister, formatMinutes } from '../../../../shared/domain/delivery-rounds.ts';
import { api, useApi } from '../../app/api.ts';
import { Field } from '../../ui/Field.tsx';
import { FormActions } from '../../ui/FormActions.tsx';
import { ErrorMessage } from '../../ui/Page.tsx';
import { type Edited, useApiForm } from '../../ui/useApiForm.ts';
import { EMPTY_NUMBER, numberOrNull, wholeNumber } from '../../ui/fields.ts';

/** The form's values; editing a saved record, with the version they came from. */
export type RoundValues = z.output<typeof roundInput> & Edited;

const blankStreet = { name: '', households: EMPTY_NUMBER, householdsSource: 'entered' as const, notes: '' };

export function RoundForm(props: { initial?: Round; submitLabel: string; onSubmit(values: RoundValues): Promise<void>; onCancel?(): void }) {
  const i = props.initial;
  const { data: areas } = useApi('areas.list', {});
  const form = useApiForm(
    roundInput,
    {
      name: i?.name ?? '',
      areaId: i?.areaId ?? null,
      pollingDistrict: i?.pollingDistrict ?? '',
      streets: i?.streets.map((s) => ({ ...s, householdsSource: s.householdsSource === 'register' ? ('register' as const) : ('entered' as const) })) ?? [
        blankStreet,
      ],
      estimatedMinutes: i?.estimateIsOwn ? i.estimatedMinutes : null,
      notes: i?.notes ?? '',
    },
    { updatedAt: i?.updatedAt },
  );
  const { register, control, watch } = form;
  const streets = useFieldArray({ control, name: 'streets' });
  const current = (watch('streets') ?? []).map((s) => ({ households: Number(s?.households) || 0 }));
  const worked = estimateRoundMinutes(current);
  // A problem with the list as a whole sits at `streets` from the server, at `streets.root` from the form.
  const streetsError = form.errorOf('streets.root') ?? form.errorOf('streets');
  const [registerNote, setRegisterNote] = useState<string>();
  const areaId = watch('areaId');
  const fromRegister = async () => {
    setRegisterNote(undefined);
    if (areaId === null || areaId === undefined) {
      setRegisterNote('Choose the area first: household counts come from its register.');
      return;
    }
    const district = (watch('pollingDistrict') ?? '').trim();
    const register = await api('rounds.registerStreets', { areaId: Number(areaId), ...(district ? { pollingDistrict: district } : {}) });
    if (register.length === 0) {
      setRegisterNote(
        `No register with households is loaded for this area${district ? ` in polling district ${district.toUpperCase()}` : ''}; enter the counts by hand.`,
      );
      return;
    }
    const current = (watch('streets') ?? []).map((s) => ({
      name: s?.name ?? '',
      households: Number(s?.households) || 0,
      householdsSource: s?.householdsSource === 'register' ? ('register' as const) : ('entered' as const),
      notes: s?.notes ?? '',
    }));
    const r = fillFromRegister(current, register);
    streets.replace(r.streets);
    setRegisterNote(
      `Took households for ${r.matched} street${r.matched === 1 ? '' : 's'} from the register.` +
        (r.missing.length ? ` Not on the register, so kept as entered: ${r.missing.join(', ')}.` : ''),
    );
  };
  return (
    <form className="form" noValidate onSubmit={form.submit(props.onSubmit)}>
      <ErrorMessage error={form.formError} />
      <div className="row">
        <Field label="Round name" hint="e.g. Elm Road and Oak Close" error={form.errorOf('name')}>
          {(a) => <input {...a} {...register('name')} autoFocus />}
        </Field>
        <Field label="Area (optional)" hint="Ties the round to contests in that area" error={form.errorOf('areaId')}>
          {(a) => (
            <select {...a} {...register('areaId', { setValueAs: numberOrNull })}>
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
              <Field
                label={`Households on street ${n + 1}`}
                hint={watch(`streets.${n}.householdsSource`) === 'register' ? 'From the register' : undefined}
                error={form.errorOf(`streets.${n}.households`)}
              >
                {(a) => (
                  <input
                    {...a}
                    inputMode="numeric"
                    {...register(`streets.${n}.households`, {
                      setValueAs: wholeNumber(),
                      onChange: () => form.setValue(`streets.${n}.householdsSource`, 'entered'),
                    })}
                  />
                )}
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
        <div className="actions">
          <button type="button" onClick={() => streets.append(blankStreet)}>
            Add a street
          </button>
          <button type="button" onClick={() => void fromRegister().catch((e: Error) => setRegisterNote(e.message))}>
            Take households from the register
          </button>
        </div>
        {registerNote && (
          <p className="muted" role="status">
            {registerNote}
          </p>
        )}
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
