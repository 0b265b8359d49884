import { electionInput, type Election } from '../../../../shared/contract/elections.ts';
import { ELECTION_TYPES, ELECTION_TYPE_INFO, NATIONS, NATION_LABELS } from '../../../../shared/domain/election-types.ts';
import { Options } from '../../ui/Options.tsx';
import { Field } from '../../ui/Field.tsx';
import { FormActions } from '../../ui/FormActions.tsx';
import { ErrorMessage } from '../../ui/Page.tsx';
import { type Edited, useApiForm } from '../../ui/useApiForm.ts';
import type { z } from 'zod';

/** The form's values; editing a saved election, with the version they came from. */
export type ElectionValues = z.output<typeof electionInput> & Edited;

const TYPE_LABELS: Record<string, string> = { local: 'Principal council (the nation picks whose rules)' };

export function ElectionForm(props: { initial?: Election; submitLabel: string; onSubmit(values: ElectionValues): Promise<void>; onCancel?(): void }) {
  const i = props.initial;
  const form = useApiForm(
    electionInput,
    {
      name: i?.name ?? '',
      type: i?.type ?? 'local',
      pollingDay: i?.pollingDay ?? '',
      nation: i?.nation ?? 'england',
      dcId: i?.dcId ?? '',
      notes: i?.notes ?? '',
    },
    { updatedAt: i?.updatedAt },
  );
  const { register } = form;
  return (
    <form className="form" onSubmit={form.submit(props.onSubmit)} noValidate>
      <ErrorMessage error={form.formError} />
      <Field label="Name" hint="As your members know it, e.g. “Leeds City Council 2026”" error={form.errorOf('name')}>
        {(a) => <input {...a} {...register('name')} autoFocus />}
      </Field>
      <div className="row">
        <Field label="Type of election" error={form.errorOf('type')}>
          {(a) => (
            <select {...a} {...register('type')}>
              {ELECTION_TYPES.map((t) => (
                <option key={t} value={t}>
                  {TYPE_LABELS[t] ?? ELECTION_TYPE_INFO[t].label}
                </option>
              ))}
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
        <Field label="Polling day" error={form.errorOf('pollingDay')}>
          {(a) => <input {...a} type="date" {...register('pollingDay')} />}
        </Field>
      </div>
      <Field label="Democracy Club election id (optional)" hint="e.g. local.leeds.2026-05-07 or parl.2024-07-04" error={form.errorOf('dcId')}>
        {(a) => <input {...a} {...register('dcId')} spellCheck={false} />}
      </Field>
      <Field label="Notes (optional)" error={form.errorOf('notes')}>
        {(a) => <textarea {...a} rows={3} {...register('notes')} />}
      </Field>
      <FormActions submitLabel={props.submitLabel} submitting={form.formState.isSubmitting} onCancel={props.onCancel} />
    </form>
  );
}
