import { Link, useSearchParams } from 'react-router';
import { printRunInput } from '../../../../shared/contract/leaflets.ts';
import { ukToday } from '../../../../shared/domain/working-days.ts';
import { api, useApi } from '../../app/api.ts';
import { Field } from '../../ui/Field.tsx';
import { FormActions } from '../../ui/FormActions.tsx';
import { EmptyState, ErrorMessage, Loading, PageHeader } from '../../ui/Page.tsx';
import { useApiForm } from '../../ui/useApiForm.ts';
import { PrintRunsTable } from './tables.tsx';
import { formatPence } from '../../../../shared/domain/money.ts';
import { EMPTY_NUMBER, numberOrNull, wholeNumber } from '../../ui/fields.ts';
import { poundsOrBlank } from '../../../../shared/contract/form-fields.ts';
import { LeafletingNav, leafletLabel } from './common.tsx';
import { plural } from '../../ui/format.ts';

export function PrintRunsPage() {
  const [params] = useSearchParams();
  const { data: leaflets } = useApi('leaflets.list', {});
  const { data: runs, error } = useApi('printRuns.list', {});
  const total = (runs ?? []).reduce((n, r) => n + r.costPence, 0);
  return (
    <>
      <PageHeader title="Print runs" subtitle="Copies in from the printer. Each run’s cost counts as spending of the contest it is charged to." />
      <LeafletingNav />
      <ErrorMessage error={error} />
      {leaflets && leaflets.length === 0 ? (
        <EmptyState title="No leaflets yet">
          <p>
            A print run is of a leaflet: <Link to="/leaflets/new">add the leaflet first</Link>.
          </p>
        </EmptyState>
      ) : (
        leaflets && <PrintRunForm leaflets={leaflets} initialLeaflet={Number(params.get('leaflet')) || leaflets[0].id} />
      )}
      {!runs ? (
        !error && <Loading />
      ) : runs.length === 0 ? (
        <p className="muted">No print runs logged yet.</p>
      ) : (
        <PrintRunsTable runs={runs} caption={`${plural(runs.length, 'print run')}, ${formatPence(total)} in all`} showLeaflet deletable />
      )}
    </>
  );
}

// The cost is typed in pounds; blank is nothing spent.
const printRunForm = printRunInput.extend({
  costPence: poundsOrBlank('Cost')
    .transform((pence) => pence ?? 0)
    .pipe(printRunInput.shape.costPence),
});

function PrintRunForm(props: { leaflets: { id: number; title: string; version: string; contests: { id: number; name: string }[] }[]; initialLeaflet: number }) {
  const first = props.leaflets.find((l) => l.id === props.initialLeaflet) ?? props.leaflets[0];
  const form = useApiForm(printRunForm, {
    leafletId: first.id,
    contestId: first.contests[0]?.id ?? null,
    printedOn: ukToday(),
    quantity: EMPTY_NUMBER,
    printer: '',
    costPence: '',
    notes: '',
  });
  const { register, watch } = form;
  const leaflet = props.leaflets.find((l) => l.id === Number(watch('leafletId'))) ?? first;
  return (
    <section className="panel" aria-labelledby="new-run">
      <h2 id="new-run">Log a print run</h2>
      <form
        className="form"
        noValidate
        onSubmit={form.submit(async (values) => {
          await api('printRuns.create', values);
          form.reset({ ...values, quantity: EMPTY_NUMBER, costPence: '', notes: '' });
        })}
      >
        <ErrorMessage error={form.formError} />
        <div className="row">
          <Field label="Leaflet" error={form.errorOf('leafletId')}>
            {(a) => (
              <select
                {...a}
                {...register('leafletId', {
                  setValueAs: Number,
                  onChange: (e) => form.setValue('contestId', props.leaflets.find((l) => l.id === Number(e.target.value))?.contests[0]?.id ?? null),
                })}
              >
                {props.leaflets.map((l) => (
                  <option key={l.id} value={l.id}>
                    {leafletLabel(l)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Charged to contest" hint="Where the cost lands as an expense" error={form.errorOf('contestId')}>
            {(a) => (
              <select {...a} {...register('contestId', { setValueAs: numberOrNull })}>
                <option value="">No contest (party spending)</option>
                {leaflet.contests.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <div className="row">
          <Field label="Printed on" error={form.errorOf('printedOn')}>
            {(a) => <input {...a} type="date" {...register('printedOn')} />}
          </Field>
          <Field label="Copies" error={form.errorOf('quantity')}>
            {(a) => <input {...a} inputMode="numeric" {...register('quantity', { setValueAs: wholeNumber() })} />}
          </Field>
          <Field label="Printer (optional)" error={form.errorOf('printer')}>
            {(a) => <input {...a} {...register('printer')} />}
          </Field>
          <Field label="Cost in £" hint="e.g. 89.50" error={form.errorOf('costPence')}>
            {(a) => <input {...a} inputMode="decimal" {...register('costPence')} />}
          </Field>
        </div>
        <FormActions submitLabel="Log print run" submitting={form.formState.isSubmitting} />
      </form>
    </section>
  );
}
