import { type Ledger, settingsInput } from '../../../../shared/contract/treasury.ts';
import { penceToDecimal } from '../../../../shared/domain/money.ts';
import { AREA_KINDS, GLA_POSTS, GLA_POST_LABELS } from '../../../../shared/domain/spending-limits.ts';
import { POLICE_AREAS } from '../../../../shared/domain/pcc-limits.ts';
import { api } from '../../app/api.ts';
import { Field } from '../../ui/Field.tsx';
import { textOrNull, wholeNumber } from '../../ui/fields.ts';
import { ErrorMessage } from '../../ui/Page.tsx';
import { useApiForm } from '../../ui/useApiForm.ts';

/** What the limit is worked out from: electors, county/borough, joint candidates, or a figure entered by hand. */
export function LimitSettingsForm(props: { ledger: Ledger }) {
  const s = props.ledger.settings;
  const limit = props.ledger.limit;
  const isGla = props.ledger.type === 'gla';
  const early = props.ledger.periods.length > 1 ? props.ledger.periods[0] : null;
  const form = useApiForm(settingsInput, {
    contestId: s.contestId,
    electors: s.electors,
    areaKind: s.areaKind,
    glaPost: s.glaPost,
    jointCandidates: s.jointCandidates,
    limitOverride: s.limitOverridePence === null ? '' : penceToDecimal(s.limitOverridePence),
    limitSource: s.limitSource,
    returnDeliveredOn: s.returnDeliveredOn ?? '',
    policeArea: s.policeArea ?? '',
    earlyLimitOverride: s.earlyLimitOverridePence === null ? '' : penceToDecimal(s.earlyLimitOverridePence),
  });
  const { register } = form;
  return (
    <details className="settings" open={limit.problem !== null}>
      <summary>Change what the limit is worked out from</summary>
      <form className="form inline-form" noValidate onSubmit={form.submit(async (values) => void (await api('treasury.updateSettings', values)))}>
        <ErrorMessage error={form.formError} />
        <div className="row">
          {limit.usesElectors && (
            <Field label="Electors" hint="Leave empty to use the area’s electorate" error={form.errorOf('electors')}>
              {(a) => <input {...a} inputMode="numeric" {...register('electors', { setValueAs: wholeNumber(null) })} />}
            </Field>
          )}
          {limit.usesAreaKind && (
            <Field label="County or borough (burgh) seat" hint="Leave as the area says unless the notice differs" error={form.errorOf('areaKind')}>
              {(a) => (
                <select {...a} {...register('areaKind', { setValueAs: textOrNull })}>
                  <option value="">As the area record says</option>
                  {AREA_KINDS.map((k) => (
                    <option key={k} value={k}>
                      {k === 'county' ? 'County' : 'Borough (burgh in Scotland)'}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          )}
          {limit.jointReductions && (
            <Field label="Joint candidates" hint="1 if not joint; 2 cuts the limit by a quarter, 3 or more by a third" error={form.errorOf('jointCandidates')}>
              {(a) => <input {...a} type="number" min={1} max={50} {...register('jointCandidates', { valueAsNumber: true })} />}
            </Field>
          )}
          {limit.usesPoliceArea && (
            <Field label="Police area" hint="Each police area has its own fixed limit" error={form.errorOf('policeArea')}>
              {(a) => (
                <select {...a} {...register('policeArea')}>
                  <option value="">{limit.policeArea && !s.policeArea ? `As the area’s name says (${limit.policeArea})` : 'Choose the police area'}</option>
                  {POLICE_AREAS.map((p) => (
                    <option key={p.policeArea} value={p.policeArea}>
                      {p.policeArea}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          )}
          {isGla && (
            <Field label="Greater London Authority post" error={form.errorOf('glaPost')}>
              {(a) => (
                <select {...a} {...register('glaPost', { setValueAs: textOrNull })}>
                  <option value="">Choose the post</option>
                  {GLA_POSTS.map((p) => (
                    <option key={p} value={p}>
                      {GLA_POST_LABELS[p]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          )}
        </div>
        <div className="row">
          <Field
            label="Limit entered by hand (optional)"
            hint="Replaces the worked-out limit, e.g. from the returning officer’s notice"
            error={form.errorOf('limitOverride')}
          >
            {(a) => <input {...a} inputMode="decimal" {...register('limitOverride')} />}
          </Field>
          <Field label="Where that figure comes from" error={form.errorOf('limitSource')}>
            {(a) => <input {...a} {...register('limitSource')} />}
          </Field>
          {early && (
            <Field
              label={`${early.label} limit entered by hand (optional)`}
              hint="Replaces the worked-out figure for the earlier period"
              error={form.errorOf('earlyLimitOverride')}
            >
              {(a) => <input {...a} inputMode="decimal" {...register('earlyLimitOverride')} />}
            </Field>
          )}
          <Field label="Return delivered on (optional)" hint="Nothing on the return may be dated after it" error={form.errorOf('returnDeliveredOn')}>
            {(a) => <input {...a} type="date" {...register('returnDeliveredOn')} />}
          </Field>
        </div>
        <div className="actions">
          <button type="submit" className="primary" disabled={form.formState.isSubmitting}>
            Save limit settings
          </button>
          {form.formState.isSubmitSuccessful && !form.formState.isDirty && <span role="status">Saved.</span>}
        </div>
      </form>
    </details>
  );
}
