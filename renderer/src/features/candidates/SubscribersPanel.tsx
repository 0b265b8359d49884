import { useRef, useState } from 'react';
import { type CandidacyDetail, candidatesContract } from '../../../../shared/contract/candidates.ts';
import { ApiCallError, api } from '../../app/api.ts';
import { Field } from '../../ui/Field.tsx';
import { ErrorMessage } from '../../ui/Page.tsx';
import { PersonalDataActions } from '../../ui/PersonalDataActions.tsx';
import { useApiForm } from '../../ui/useApiForm.ts';
import { SourceFlag } from './labels.tsx';
import { errorText } from './errorText.ts';

interface Refused {
  electorNumber: string;
  name: string;
  reason: string;
}

/** The nomination form's subscribers: typed in from the signed paper, in signing order. */
export function SubscribersPanel(props: { k: CandidacyDetail }) {
  const { k } = props;
  const required = k.checklist.subscribers.required;
  const count = k.subscribers.length;
  const blank = { candidacyId: k.id, electorNumber: '', name: '' };
  const form = useApiForm(candidatesContract['subscribers.add'].input, blank);
  const [refused, setRefused] = useState<Refused[]>([]);
  const [status, setStatus] = useState('');
  // Focus goes back to the number after each entry, so the next is typed straight in.
  const numberField = form.register('electorNumber');
  const numberRef = useRef<HTMLInputElement | null>(null);
  const hasProposer = k.subscribers.some((s) => s.role === 'proposer');
  const hasSeconder = k.subscribers.some((s) => s.role === 'seconder');

  // Typed from the signed paper, one after another: a refusal is listed and the form stays ready for the next.
  const add = form.submit(async (v) => {
    try {
      const after = await api('subscribers.add', v);
      const s = after.subscribers[after.subscribers.length - 1];
      setStatus(
        `Added ${s.electorNumber} ${s.fullName} as ${s.role} (${after.subscribers.length} of ${required})${s.checked ? '' : ', not checked against a register'}.`,
      );
      form.reset(blank);
    } catch (err) {
      const reason = errorText(err);
      const field = err instanceof ApiCallError && Object.keys(err.fields)[0] === 'name' ? 'name' : 'electorNumber';
      setRefused((r) => [{ electorNumber: v.electorNumber, name: v.name, reason }, ...r]);
      form.setError(field, { message: reason });
      setStatus(`Refused ${v.electorNumber}: ${reason}`);
    }
    numberRef.current?.focus();
  });
  const act = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
    } catch (err) {
      setStatus(errorText(err));
    }
  };

  return (
    <section className="panel" aria-labelledby="subscribers-heading">
      <h2 id="subscribers-heading">Subscribers</h2>
      <div className="count-bar" aria-label="Subscriber count">
        <span className={`count ${count >= required ? 'full' : 'short'}`}>
          {count} of {required}
        </span>
        <span>
          {k.rules.requirements.subscribers.roles} registered in {k.rules.requirements.subscribers.registeredIn}
          <SourceFlag source={k.rules.requirements.subscribers.source} />
        </span>
        {required >= 2 && (
          <span>
            Proposer {hasProposer ? '✓' : '—'} · Seconder {hasSeconder ? '✓' : '—'}
          </span>
        )}
        <span className="muted">{k.registerLoaded ? 'Checked against the register' : 'No register loaded for this area: entries are not checked'}</span>
      </div>
      {k.rules.requirements.subscribers.spread && <p className="muted">Also needed: {k.rules.requirements.subscribers.spread} (not checked by Hustings).</p>}
      {required === 0 ? (
        <p>This election needs no subscribers on the nomination form.</p>
      ) : (
        <form className="form" noValidate onSubmit={add} aria-label="Add a subscriber">
          <ErrorMessage error={form.formError} />
          <div className="row">
            <Field label="Elector number" hint="As on the register, e.g. AB-123 or AB-123/1" error={form.errorOf('electorNumber')}>
              {(a) => (
                <input
                  {...a}
                  {...numberField}
                  ref={(el) => {
                    numberField.ref(el);
                    numberRef.current = el;
                  }}
                  autoComplete="off"
                />
              )}
            </Field>
            <Field label="Full name" hint="As on the register" error={form.errorOf('name')}>
              {(a) => <input {...a} {...form.register('name')} autoComplete="off" />}
            </Field>
          </div>
          <div className="actions">
            <button type="submit" className="primary" disabled={count >= required} aria-describedby={count >= required ? 'subscribers-full' : undefined}>
              Add subscriber
            </button>
            {count >= required && (
              <span id="subscribers-full">
                All {required} subscribers are entered: only the first {required} count, so remove one to add another.
              </span>
            )}
            <span role="status" className="muted">
              {status}
            </span>
          </div>
        </form>
      )}
      {refused.length > 0 && (
        <div className="refused">
          <h3>Refused entries</h3>
          <ul aria-label="Refused entries">
            {refused.map((r, i) => (
              <li key={`${i}-${r.electorNumber}`}>
                <strong>{r.electorNumber || '(no number)'}</strong> {r.name}: {r.reason}
              </li>
            ))}
          </ul>
        </div>
      )}
      {k.subscribers.length > 0 ? (
        <table>
          <caption>In the order they will sign: only the first {required} count.</caption>
          <thead>
            <tr>
              <th scope="col" className="num">
                No.
              </th>
              <th scope="col">Role</th>
              <th scope="col">Elector number</th>
              <th scope="col">Name</th>
              <th scope="col">Register</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {k.subscribers.map((s, i) => (
              <tr key={s.id}>
                <td className="num">{s.position}</td>
                <td>{s.role === 'assentor' ? 'Assentor' : <strong>{s.role === 'proposer' ? 'Proposer' : 'Seconder'}</strong>}</td>
                <td>
                  <code>{s.electorNumber}</code>
                </td>
                <td>{s.fullName}</td>
                <td>{s.checked ? 'Checked' : <span className="badge flag-unconfirmed">Not checked</span>}</td>
                <td>
                  <div className="compact-actions">
                    <button
                      type="button"
                      disabled={i === 0}
                      aria-label={`Move ${s.fullName} up`}
                      onClick={() => act(() => api('subscribers.move', { id: s.id, position: s.position - 1 }))}
                    >
                      ↑
                    </button>
                    <button
                      type="button"
                      disabled={i === k.subscribers.length - 1}
                      aria-label={`Move ${s.fullName} down`}
                      onClick={() => act(() => api('subscribers.move', { id: s.id, position: s.position + 1 }))}
                    >
                      ↓
                    </button>
                    <button
                      type="button"
                      className="danger"
                      aria-label={`Remove ${s.fullName}`}
                      onClick={() => act(() => api('subscribers.remove', { id: s.id }))}
                    >
                      Remove
                    </button>
                    <PersonalDataActions
                      compact
                      name={s.fullName}
                      exportContents={`what Hustings holds about ${s.fullName}: their elector number and name on this nomination paper, where they are named and activity`}
                      exportFile={async () => ({ filename: `subscriber-${s.id}.json`, doc: await api('subscribers.getPersonExport', { id: s.id }) })}
                      erase={(confirm) => api('subscribers.erasePerson', { id: s.id, confirm })}
                      onErased={() => setStatus('Erased the subscriber’s data; those after them moved up.')}
                    />
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        required > 0 && <p className="muted">No subscribers yet. Type each elector number and name from the signed form, pressing Enter after each.</p>
      )}
    </section>
  );
}
