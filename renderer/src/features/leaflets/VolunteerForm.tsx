import { useState } from 'react';
import type { z } from 'zod';
import { type Volunteer, volunteerInput } from '../../../../shared/contract/leaflets.ts';
import { VOLUNTEER_ROLES, VOLUNTEER_ROLE_LABELS, normaliseRoles } from '../../../../shared/domain/volunteers.ts';
import { Field } from '../../ui/Field.tsx';
import { textOrNull } from '../../ui/fields.ts';
import { FormActions } from '../../ui/FormActions.tsx';
import { ErrorMessage } from '../../ui/Page.tsx';
import { type Edited, useApiForm } from '../../ui/useApiForm.ts';

/** The form's values; editing a saved volunteer, with the version they came from. */
export type VolunteerValues = z.output<typeof volunteerInput> & Edited;

const STANDARD = new Set<string>(VOLUNTEER_ROLES);

export function VolunteerForm(props: { initial?: Volunteer; submitLabel: string; onSubmit(values: VolunteerValues): Promise<void>; onCancel?(): void }) {
  const i = props.initial;
  const form = useApiForm(
    volunteerInput,
    {
      name: i?.name ?? '',
      email: i?.email ?? '',
      phone: i?.phone ?? '',
      address: i?.address ?? '',
      roles: i?.roles.filter((r) => STANDARD.has(r)) ?? [],
      availability: i?.availability ?? '',
      consentToContact: i?.consentToContact ?? false,
      consentRecordedOn: i?.consentRecordedOn ?? null,
      notes: i?.notes ?? '',
    },
    { updatedAt: i?.updatedAt },
  );
  const [otherRoles, setOtherRoles] = useState((i?.roles ?? []).filter((r) => !STANDARD.has(r)).join(', '));
  const { register } = form;
  return (
    <form
      className="form"
      noValidate
      onSubmit={form.submit((values) => props.onSubmit({ ...values, roles: normaliseRoles([...values.roles, ...otherRoles.split(',')]) }))}
    >
      <ErrorMessage error={form.formError} />
      <div className="row">
        <Field label="Name" error={form.errorOf('name')}>
          {(a) => <input {...a} {...register('name')} autoFocus autoComplete="off" />}
        </Field>
        <Field label="Email (optional)" error={form.errorOf('email')}>
          {(a) => <input {...a} type="email" {...register('email')} autoComplete="off" />}
        </Field>
        <Field label="Phone (optional)" error={form.errorOf('phone')}>
          {(a) => <input {...a} type="tel" {...register('phone')} autoComplete="off" />}
        </Field>
      </div>
      <fieldset className="field">
        <legend>
          <strong>What they do</strong> <span className="muted">(labels, not ranks; tick any)</span>
        </legend>
        {VOLUNTEER_ROLES.map((r) => (
          <label key={r} className="choice">
            <input type="checkbox" value={r} {...register('roles')} />
            {VOLUNTEER_ROLE_LABELS[r]}
          </label>
        ))}
      </fieldset>
      <Field label="Other roles (optional)" hint="Separate with commas, e.g. posters, social media" error={form.errorOf('roles')}>
        {(a) => <input {...a} value={otherRoles} onChange={(e) => setOtherRoles(e.target.value)} />}
      </Field>
      <div className="row">
        <Field label="Address (optional)" error={form.errorOf('address')}>
          {(a) => <textarea {...a} rows={2} {...register('address')} />}
        </Field>
        <Field label="Availability (optional)" hint="e.g. weekday evenings, not Sundays" error={form.errorOf('availability')}>
          {(a) => <textarea {...a} rows={2} {...register('availability')} />}
        </Field>
      </div>
      <div className="row">
        <div className="field">
          <label className="choice">
            <input type="checkbox" {...register('consentToContact')} />
            Agreed to be contacted by the campaign
          </label>
        </div>
        <Field label="Consent recorded on (optional)" error={form.errorOf('consentRecordedOn')}>
          {(a) => <input {...a} type="date" {...register('consentRecordedOn', { setValueAs: textOrNull })} />}
        </Field>
      </div>
      <Field label="Notes (optional)" error={form.errorOf('notes')}>
        {(a) => <textarea {...a} rows={2} {...register('notes')} />}
      </Field>
      <FormActions submitLabel={props.submitLabel} submitting={form.formState.isSubmitting} onCancel={props.onCancel} />
    </form>
  );
}
