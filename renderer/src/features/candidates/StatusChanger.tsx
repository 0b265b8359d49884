import { type CandidacyDetail, candidatesContract } from '../../../../shared/contract/candidates.ts';
import { CANDIDACY_STATUS_LABELS, type CandidacyStatus } from '../../../../shared/domain/nominations.ts';
import { ukToday } from '../../../../shared/domain/working-days.ts';
import { Field } from '../../ui/Field.tsx';
import { Options } from '../../ui/Options.tsx';
import { ErrorMessage } from '../../ui/Page.tsx';
import { formatDate } from '../../ui/format.ts';
import { useApiForm } from '../../ui/useApiForm.ts';
import { CandidacyStatusBadge } from './labels.tsx';

// The same fields move a candidacy or a party list along.
const statusForm = candidatesContract['candidacies.setStatus'].input.omit({ id: true });

/**
 * The status history of a candidacy or a party list, and the form that moves it on. A move made
 * against a version someone has since changed is refused (`updatedAt`, as every edit form), and
 * what was chosen stays in the form beside the message.
 */
export function StatusChanger(props: {
  history: CandidacyDetail['history'];
  allowedNext: readonly CandidacyStatus[];
  closed: string;
  updatedAt: string;
  save: (v: { status: CandidacyStatus; onDate: string; reason: string; expectedUpdatedAt?: string }) => Promise<unknown>;
}) {
  const k = props;
  const form = useApiForm(statusForm, { status: undefined, onDate: ukToday(), reason: '' }, { updatedAt: props.updatedAt });
  const save = form.submit(async (v) => {
    const saved = await props.save(v);
    form.reset({ ...v, status: undefined, reason: '' });
    return saved;
  });
  return (
    <section className="panel" aria-labelledby="status-heading">
      <h2 id="status-heading">Status</h2>
      <ol className="plain" aria-label="Status history">
        {k.history.map((h) => (
          <li key={h.at}>
            {formatDate(h.onDate)}: <CandidacyStatusBadge status={h.status} />
            {h.reason && ` — ${h.reason}`}
          </li>
        ))}
      </ol>
      {k.allowedNext.length === 0 ? (
        <p className="muted">{props.closed}</p>
      ) : (
        <form className="form inline-form" noValidate onSubmit={save} aria-label="Change status">
          <ErrorMessage error={form.formError} />
          <div className="row">
            <Field label="New status" error={form.errorOf('status')}>
              {(a) => (
                <select {...a} {...form.register('status')}>
                  <option value="">Choose…</option>
                  <Options values={k.allowedNext} labels={CANDIDACY_STATUS_LABELS} />
                </select>
              )}
            </Field>
            <Field label="Date of the change" error={form.errorOf('onDate')}>
              {(a) => <input {...a} type="date" {...form.register('onDate')} />}
            </Field>
            <Field label="Reason" hint="Required for a rejection: the returning officer's reason" error={form.errorOf('reason')}>
              {(a) => <input {...a} {...form.register('reason')} />}
            </Field>
          </div>
          <div className="actions">
            <button type="submit">Change status</button>
          </div>
        </form>
      )}
    </section>
  );
}
