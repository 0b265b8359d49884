import { useState } from 'react';
import { type VolunteerOffer, offerInput } from '../../../../shared/contract/leaflets.ts';
import { VOLUNTEER_ROLE_LABELS, roleLabel } from '../../../../shared/domain/volunteers.ts';
import { api, useApi } from '../../app/api.ts';
import { Field } from '../../ui/Field.tsx';
import { FormActions } from '../../ui/FormActions.tsx';
import { Loaded } from '../../ui/Loaded.tsx';
import { ErrorMessage, PageHeader } from '../../ui/Page.tsx';
import { useApiForm } from '../../ui/useApiForm.ts';

/** What a member may offer: the work volunteers do (a treasurer or coordinator is a role the branch gives). */
const OFFERED = ['deliver', 'canvass', 'tell', 'drive'] as const;

/** A member offers themselves as a volunteer from their own account, and sees only that offer. */
export function OfferPage() {
  const mine = useApi('volunteers.getMyOffer', {});
  const [saved, setSaved] = useState(false);
  return (
    <>
      <PageHeader title="Offer to help" subtitle="Tell the campaign what you can do and when: the coordinators see your offer among the volunteers." />
      <Loaded of={mine}>
        {(offer) => (
          <>
            {offer && (
              <section className="card" aria-labelledby="offer-now">
                <h2 id="offer-now">Your offer</h2>
                <p>
                  {offer.name} can help with: {offer.roles.map(roleLabel).join(', ')}.{offer.availability && ` When: ${offer.availability}.`}
                </p>
                {saved && (
                  <p className="success" role="status">
                    Saved: the coordinators can see your offer.
                  </p>
                )}
              </section>
            )}
            <OfferForm key={offer?.id ?? 'new'} offer={offer} onSaved={() => setSaved(true)} />
          </>
        )}
      </Loaded>
    </>
  );
}

function OfferForm(props: { offer: VolunteerOffer | null; onSaved(): void }) {
  const o = props.offer;
  const form = useApiForm(offerInput, {
    email: o?.email ?? '',
    phone: o?.phone ?? '',
    roles: o?.roles ?? [],
    availability: o?.availability ?? '',
    consentToContact: o?.consentToContact ?? false,
  });
  const { register } = form;
  return (
    <form
      className="form"
      noValidate
      aria-label={o ? 'Change your offer' : 'Your offer'}
      onSubmit={form.submit(async (values) => {
        await api('volunteers.offerMyself', values);
        form.reset(values);
        props.onSaved();
      })}
    >
      <ErrorMessage error={form.formError} />
      <fieldset className="field">
        <legend>
          <strong>What you can do</strong> <span className="muted">(tick any)</span>
        </legend>
        {OFFERED.map((r) => (
          <label key={r} className="choice">
            <input type="checkbox" value={r} {...register('roles')} />
            {VOLUNTEER_ROLE_LABELS[r]}
          </label>
        ))}
        {form.errorOf('roles') && <p className="error">{form.errorOf('roles')}</p>}
      </fieldset>
      <Field label="When you are free (optional)" hint="e.g. weekday evenings, Saturday mornings, not Sundays" error={form.errorOf('availability')}>
        {(a) => <textarea {...a} rows={2} {...register('availability')} />}
      </Field>
      <div className="row">
        <Field label="Email (optional)" error={form.errorOf('email')}>
          {(a) => <input {...a} type="email" {...register('email')} autoComplete="email" />}
        </Field>
        <Field label="Phone (optional)" error={form.errorOf('phone')}>
          {(a) => <input {...a} type="tel" {...register('phone')} autoComplete="tel" />}
        </Field>
      </div>
      <div className="field">
        <label className="choice">
          <input type="checkbox" {...register('consentToContact')} />I agree to the campaign contacting me about helping
        </label>
      </div>
      <FormActions submitLabel={o ? 'Save my offer' : 'Offer to help'} submitting={form.formState.isSubmitting} />
    </form>
  );
}
