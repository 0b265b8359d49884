import { useState } from 'react';
import { type CandidacyDetail, candidatesContract } from '../../../../shared/contract/candidates.ts';
import { poundsOrBlank, wholeNumberOrBlank } from '../../../../shared/contract/form-fields.ts';
import { formatPence, penceToDecimal } from '../../../../shared/domain/money.ts';
import { POST_KIND_LABELS } from '../../../../shared/domain/nominations.ts';
import { api } from '../../app/api.ts';
import { Field } from '../../ui/Field.tsx';
import { Options } from '../../ui/Options.tsx';
import { ErrorMessage } from '../../ui/Page.tsx';
import { formatDate } from '../../ui/format.ts';
import { useApiForm } from '../../ui/useApiForm.ts';
import { SourceFlag } from './labels.tsx';

const setRules = candidatesContract['nominations.setRules'].input;
// Counts and the deposit are typed as text; blank means "use the default".
const rulesForm = setRules.extend({
  subscribersRequired: wholeNumberOrBlank('Subscribers required', setRules.shape.subscribersRequired),
  depositPence: poundsOrBlank('Deposit'),
  councils: wholeNumberOrBlank('Constituent councils', setRules.shape.councils),
});

/** A contest's nomination requirements, and the form that corrects a default from the returning officer's pack. */
export function RulesPanel(props: { k: CandidacyDetail }) {
  const r = props.k.rules;
  const req = r.requirements;
  const hasCouncils = req.subscribers.spread?.includes('constituent council') ?? false;
  const form = useApiForm(rulesForm, {
    contestId: r.contestId,
    postKind: r.postKind,
    seats: r.seats,
    subscribersRequired: r.subscribersRequired === null ? '' : String(r.subscribersRequired),
    depositPence: r.depositPence === null ? '' : penceToDecimal(r.depositPence),
    councils: r.councils === null ? '' : String(r.councils),
  });
  const [saved, setSaved] = useState(false);
  const save = form.submit(async ({ councils, ...v }) => {
    setSaved(false);
    // Left out, the number of councils already saved is kept.
    await api('nominations.setRules', { ...v, ...(hasCouncils ? { councils } : {}) });
    setSaved(true);
  });
  return (
    <section className="panel" aria-labelledby="rules-heading">
      <h2 id="rules-heading">Nomination rules for this contest</h2>
      <dl className="facts">
        <dt>Rules</dt>
        <dd>{req.label}</dd>
        <dt>Subscribers</dt>
        <dd>
          {req.subscribers.required} ({req.subscribers.roles}) <SourceFlag source={req.subscribers.source} />
        </dd>
        <dt>Deposit</dt>
        <dd>
          {req.deposit ? (
            <>
              {formatPence(req.deposit.amountPence, { wholePounds: true })}, {req.deposit.returnRuleText} <SourceFlag source={req.deposit.amountSource} />
            </>
          ) : (
            'None'
          )}
        </dd>
      </dl>
      {req.notes.map((n) => (
        <p key={n} className="muted">
          {n}
        </p>
      ))}
      <p className="muted">
        Set by {req.instrument}; checked {formatDate(req.checkedOn)}.
      </p>
      <form className="form" noValidate onSubmit={save} aria-label="Correct the rules">
        <p className="muted">Correct a default from the returning officer's nomination pack; leave a field empty to use the default.</p>
        <div className="row">
          {r.postKinds.length > 1 && (
            <Field label="Post" error={form.errorOf('postKind')}>
              {(a) => (
                <select {...a} {...form.register('postKind')}>
                  <Options values={r.postKinds} labels={POST_KIND_LABELS} />
                </select>
              )}
            </Field>
          )}
          <Field label="Seats" hint="For a quota (NI) and multi-member wards" error={form.errorOf('seats')}>
            {(a) => <input {...a} type="number" min={1} max={20} {...form.register('seats', { valueAsNumber: true })} />}
          </Field>
          <Field label="Subscribers required" error={form.errorOf('subscribersRequired')}>
            {(a) => <input {...a} inputMode="numeric" placeholder={String(req.subscribers.required)} {...form.register('subscribersRequired')} />}
          </Field>
          {hasCouncils && (
            <Field
              label="Constituent councils"
              hint="The limit’s fixed sum is multiplied by them; more than 10 need 10 subscribers from each"
              error={form.errorOf('councils')}
            >
              {(a) => <input {...a} inputMode="numeric" {...form.register('councils')} />}
            </Field>
          )}
          <Field label="Deposit (£)" error={form.errorOf('depositPence')}>
            {(a) => (
              <input {...a} inputMode="decimal" placeholder={req.deposit ? penceToDecimal(req.deposit.amountPence) : '0'} {...form.register('depositPence')} />
            )}
          </Field>
        </div>
        <ErrorMessage error={form.formError} />
        <div className="actions">
          <button type="submit">Save rules</button>
          {saved && <span role="status">Saved.</span>}
        </div>
      </form>
    </section>
  );
}
