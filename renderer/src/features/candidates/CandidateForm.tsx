import type { z } from 'zod';
import { type Candidate, candidateInput } from '../../../../shared/contract/candidates.ts';
import { Field } from '../../ui/Field.tsx';
import { FormActions } from '../../ui/FormActions.tsx';
import { ErrorMessage } from '../../ui/Page.tsx';
import { type Edited, useApiForm } from '../../ui/useApiForm.ts';

/** The form's values; editing a saved candidate, with the version they came from. */
export type CandidateValues = z.output<typeof candidateInput> & Edited;

export function CandidateForm(props: { initial?: Candidate; submitLabel: string; onSubmit(values: CandidateValues): Promise<void>; onCancel?(): void }) {
  const i = props.initial;
  const form = useApiForm(
    candidateInput,
    {
      ballotName: i?.ballotName ?? '',
      commonName: i?.commonName ?? '',
      homeAddress: i?.homeAddress ?? '',
      email: i?.email ?? '',
      phone: i?.phone ?? '',
      partyCandidate: i?.partyCandidate ?? true,
      partyDescription: i?.partyDescription ?? '',
      emblem: i?.emblem ?? '',
      notes: i?.notes ?? '',
    },
    { updatedAt: i?.updatedAt },
  );
  const { register } = form;
  return (
    <form className="form" onSubmit={form.submit(props.onSubmit)} noValidate>
      <ErrorMessage error={form.formError} />
      <div className="row">
        <Field label="Name as on the ballot paper" hint="Surname and forenames in full" error={form.errorOf('ballotName')}>
          {(a) => <input {...a} {...register('ballotName')} autoFocus={!i} />}
        </Field>
        <Field label="Commonly-used name (optional)" error={form.errorOf('commonName')}>
          {(a) => <input {...a} {...register('commonName')} />}
        </Field>
      </div>
      <Field label="Home address" error={form.errorOf('homeAddress')}>
        {(a) => <textarea {...a} rows={2} {...register('homeAddress')} />}
      </Field>
      <div className="row">
        <Field label="Email (optional)" error={form.errorOf('email')}>
          {(a) => <input {...a} type="email" {...register('email')} />}
        </Field>
        <Field label="Phone (optional)" error={form.errorOf('phone')}>
          {(a) => <input {...a} type="tel" {...register('phone')} />}
        </Field>
      </div>
      <div className="field">
        <label className="choice">
          <input type="checkbox" {...register('partyCandidate')} /> Standing for the party (needs a certificate of authorisation)
        </label>
      </div>
      <div className="row">
        <Field label="Party description on the ballot (optional)" error={form.errorOf('partyDescription')}>
          {(a) => <input {...a} {...register('partyDescription')} />}
        </Field>
        <Field label="Emblem (optional)" hint="Which registered emblem to request" error={form.errorOf('emblem')}>
          {(a) => <input {...a} {...register('emblem')} />}
        </Field>
      </div>
      <Field label="Notes (optional)" error={form.errorOf('notes')}>
        {(a) => <textarea {...a} rows={2} {...register('notes')} />}
      </Field>
      <FormActions submitLabel={props.submitLabel} submitting={form.formState.isSubmitting} onCancel={props.onCancel} />
    </form>
  );
}
