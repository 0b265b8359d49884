import type { z } from 'zod';
import { AREA_KINDS, type Area, areaInput } from '../../../../shared/contract/areas.ts';
import { NATIONS, NATION_LABELS } from '../../../../shared/domain/election-types.ts';
import { Options } from '../../ui/Options.tsx';
import { Field } from '../../ui/Field.tsx';
import { textOrNull, wholeNumber } from '../../ui/fields.ts';
import { FormActions } from '../../ui/FormActions.tsx';
import { ErrorMessage } from '../../ui/Page.tsx';
import { type Edited, useApiForm } from '../../ui/useApiForm.ts';

/** The form's values; editing a saved area, with the version they came from. */
export type AreaValues = z.output<typeof areaInput> & Edited;

const KIND_LABELS: Record<(typeof AREA_KINDS)[number], string> = {
  constituency: 'Constituency',
  ward: 'Ward',
  division: 'Division',
  parish: 'Parish',
  region: 'Region',
  authority: 'Whole authority',
};

export function AreaForm(props: { initial?: Area; submitLabel: string; onSubmit(values: AreaValues): Promise<void>; onCancel?(): void }) {
  const i = props.initial;
  const form = useApiForm(
    areaInput,
    {
      name: i?.name ?? '',
      kind: i?.kind ?? 'ward',
      gssCode: i?.gssCode ?? '',
      electorate: i?.electorate ?? null,
      classification: i?.classification ?? null,
      nation: i?.nation ?? 'england',
      region: i?.region ?? '',
      notes: i?.notes ?? '',
    },
    { updatedAt: i?.updatedAt },
  );
  const { register } = form;
  return (
    <form className="form" onSubmit={form.submit(props.onSubmit)} noValidate>
      <ErrorMessage error={form.formError} />
      <div className="row">
        <Field label="Name" error={form.errorOf('name')}>
          {(a) => <input {...a} {...register('name')} autoFocus />}
        </Field>
        <Field label="Kind" error={form.errorOf('kind')}>
          {(a) => (
            <select {...a} {...register('kind')}>
              <Options values={AREA_KINDS} labels={KIND_LABELS} />
            </select>
          )}
        </Field>
        <Field label="Nation" error={form.errorOf('nation')}>
          {(a) => (
            <select {...a} {...register('nation')}>
              <Options values={NATIONS} labels={NATION_LABELS} />
            </select>
          )}
        </Field>
      </div>
      <div className="row">
        <Field label="GSS code (optional)" hint="e.g. E14001063" error={form.errorOf('gssCode')}>
          {(a) => <input {...a} {...register('gssCode')} spellCheck={false} />}
        </Field>
        <Field label="Electorate" hint="Registered electors; sets the spending limit" error={form.errorOf('electorate')}>
          {(a) => <input {...a} inputMode="numeric" {...register('electorate', { setValueAs: wholeNumber(null) })} />}
        </Field>
        <Field label="County or borough" hint="Parliamentary seats; “borough” covers Scottish burghs" error={form.errorOf('classification')}>
          {(a) => (
            <select {...a} {...register('classification', { setValueAs: textOrNull })}>
              <option value="">Not set</option>
              <option value="county">County</option>
              <option value="borough">Borough (burgh)</option>
            </select>
          )}
        </Field>
        <Field label="Region (optional)" hint="e.g. North East; imports set it for 2024 seats" error={form.errorOf('region')}>
          {(a) => <input {...a} {...register('region')} />}
        </Field>
      </div>
      <Field label="Notes (optional)" error={form.errorOf('notes')}>
        {(a) => <textarea {...a} rows={3} {...register('notes')} />}
      </Field>
      <FormActions submitLabel={props.submitLabel} submitting={form.formState.isSubmitting} onCancel={props.onCancel} />
    </form>
  );
}

export { KIND_LABELS };
