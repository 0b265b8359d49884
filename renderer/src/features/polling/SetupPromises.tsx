import { type PollingOverview, promiseRuleInput } from '../../../../shared/contract/polling-setup.ts';
import { api, useApi } from '../../app/api.ts';
import { FormActions } from '../../ui/FormActions.tsx';
import { ErrorMessage } from '../../ui/Page.tsx';
import { plural } from '../../ui/format.ts';
import { useApiForm } from '../../ui/useApiForm.ts';

/** Who counts as a promise: support codes ticked, with the count worked out as they change. */
export function PromisesPanel(props: { overview: PollingOverview }) {
  const { overview } = props;
  const saved = overview.rule?.supports ?? [];
  const form = useApiForm(promiseRuleInput, { contestId: overview.contest.id, supports: saved });
  const supports = form.watch('supports') ?? [];
  const live = useApi('polling.countPromises', { contestId: overview.contest.id, supports });
  const count = live.data?.count ?? (supports.join() === saved.join() ? overview.promises.count : undefined);
  const changed = supports.join() !== saved.join();
  const toggle = (code: string, on: boolean) => {
    const next = on ? [...supports, code] : supports.filter((c) => c !== code);
    form.setValue(
      'supports',
      overview.promises.bySupport.map((s) => s.code).filter((c) => next.includes(c)),
      { shouldDirty: true },
    );
  };
  return (
    <section className="panel" aria-labelledby="promises-heading">
      <h2 id="promises-heading">Promises</h2>
      <p className="muted">Tick the support codes to knock up on polling day. Electors who moved, died or asked not to be contacted are never counted.</p>
      <form
        className="form"
        noValidate
        aria-label="Promise rule"
        onSubmit={form.submit(async (values) => {
          const r = await api('polling.setPromiseRule', values);
          form.reset({ contestId: overview.contest.id, supports: r.supports });
        })}
      >
        <ErrorMessage error={form.formError} />
        <fieldset className={form.errorOf('supports') ? 'field-invalid' : undefined}>
          <legend>Count as a promise</legend>
          {overview.promises.bySupport.map((s) => (
            <label key={s.code} className="choice">
              <input type="checkbox" checked={supports.includes(s.code)} onChange={(e) => toggle(s.code, e.target.checked)} />
              {s.code} {s.label} <span className="muted">&nbsp;({s.count.toLocaleString('en-GB')})</span>
            </label>
          ))}
          {form.errorOf('supports') && (
            <p className="error" role="alert">
              {form.errorOf('supports')}
            </p>
          )}
        </fieldset>
        <p className="promise-count" role="status" aria-live="polite">
          {count === undefined ? 'Counting…' : `${plural(count, 'promise')} in ${overview.contest.areaName}`}
          {overview.rule && !changed && <span className="muted"> · saved rule</span>}
          {changed && <span className="muted"> · not saved yet</span>}
        </p>
        <ErrorMessage error={live.error} />
        <FormActions submitLabel="Save the promise rule" submitting={form.formState.isSubmitting} />
      </form>
    </section>
  );
}
