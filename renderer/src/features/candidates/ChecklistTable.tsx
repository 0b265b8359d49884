import { z } from 'zod';
import { Link } from 'react-router';
import { type ChecklistItemOut, candidatesContract } from '../../../../shared/contract/candidates.ts';
import { ITEM_STATES, ITEM_STATE_LABELS, type ItemState } from '../../../../shared/domain/nominations.ts';
import { ukToday } from '../../../../shared/domain/working-days.ts';
import { Field } from '../../ui/Field.tsx';
import { Options } from '../../ui/Options.tsx';
import { ErrorMessage } from '../../ui/Page.tsx';
import { formatDate } from '../../ui/format.ts';
import { useApiForm } from '../../ui/useApiForm.ts';
import { ItemStateBadge, dueText } from './labels.tsx';

type PaperItem = Pick<ChecklistItemOut, 'label' | 'description' | 'applies' | 'skippable' | 'state' | 'doneOn' | 'dueOn' | 'problems'> & {
  id: string;
  note: string | null;
};

type PaperState = { state: ItemState; doneOn: string | null; note: string };

/** A checklist of papers (a candidacy's or a party list's), each with its state form. */
export function ChecklistTable(props: { contestId: number; items: PaperItem[]; time: string | null; save: (item: string, v: PaperState) => Promise<unknown> }) {
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">Item</th>
          <th scope="col">Due</th>
          <th scope="col">State</th>
          <th scope="col">Update</th>
        </tr>
      </thead>
      <tbody>
        {props.items.map((item) => (
          <ChecklistRow key={item.id} contestId={props.contestId} item={item} time={props.time} save={(v) => props.save(item.id, v)} />
        ))}
      </tbody>
    </table>
  );
}

// The same fields for a candidacy's papers and a list's. The date box holds '' until a date is
// chosen: a paper marked done with no date is done today.
const paperForm = candidatesContract['candidacies.setItem'].input.pick({ state: true, note: true }).extend({ doneOn: z.string() });

function ChecklistRow(props: { contestId: number; item: PaperItem; time: string | null; save: (v: PaperState) => Promise<unknown> }) {
  const { item } = props;
  const form = useApiForm(paperForm, { state: item.state, doneOn: item.doneOn ?? '', note: item.note ?? '' });
  const state = form.watch('state');
  const save = form.submit(async (v) => {
    await props.save({ state: v.state, doneOn: v.state === 'done' ? v.doneOn || ukToday() : null, note: v.note });
  });
  const allowed = ITEM_STATES.filter((s) => s !== 'not-needed' || item.skippable);
  return (
    <tr className="checklist-row">
      <th scope="row">
        <strong>{item.label}</strong>
        <p className="muted">{item.description}</p>
        {item.problems.length > 0 && (
          <ul className="problem-list">
            {item.problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        )}
      </th>
      <td>{dueText(item.dueOn, props.time)}</td>
      <td>
        <ItemStateBadge state={item.state} applies={item.applies} />
        {item.doneOn && <div className="muted">{formatDate(item.doneOn)}</div>}
        {item.note && <div className="muted">{item.note}</div>}
      </td>
      <td>
        {item.id === 'deposit' && item.applies ? (
          <p>
            Ticked when the treasury records the payment.{' '}
            <Link to={`/treasury/${props.contestId}`}>{item.state === 'done' ? 'See the payment in the treasury' : 'Record the payment in the treasury'}</Link>
          </p>
        ) : item.applies ? (
          <form noValidate onSubmit={save} aria-label={`Update ${item.label}`}>
            <ErrorMessage error={form.formError} />
            <Field label="State" error={form.errorOf('state')}>
              {(a) => (
                <select {...a} {...form.register('state')}>
                  <Options values={allowed} labels={ITEM_STATE_LABELS} />
                </select>
              )}
            </Field>
            {state === 'done' && (
              <Field label="Done on" error={form.errorOf('doneOn')}>
                {(a) => <input {...a} type="date" {...form.register('doneOn')} />}
              </Field>
            )}
            <Field label="Note" error={form.errorOf('note')}>
              {(a) => <input {...a} {...form.register('note')} />}
            </Field>
            <button type="submit">Save</button>
          </form>
        ) : (
          <span className="muted">Not needed here</span>
        )}
      </td>
    </tr>
  );
}
