import { useId } from 'react';
import { DIRECTIONS, OFFSET_UNITS, type Task, type TaskCreateInput, taskCreateInput } from '../../../../shared/contract/timetable.ts';
import { MILESTONE_KEYS, MILESTONE_LABELS } from '../../../../shared/domain/timetable.ts';
import { api, useApi } from '../../app/api.ts';
import { Field } from '../../ui/Field.tsx';
import { numberOrNull, textOrNull } from '../../ui/fields.ts';
import { Options } from '../../ui/Options.tsx';
import { ErrorMessage } from '../../ui/Page.tsx';
import { useApiForm } from '../../ui/useApiForm.ts';

const UNIT_LABELS = { working: 'working days', calendar: 'calendar days' } as const;
const DIRECTION_LABELS = { before: 'before', after: 'after' } as const;

function blank(electionId: number, contestId: number | null): TaskCreateInput {
  return {
    electionId,
    contestId,
    title: '',
    notes: '',
    assignee: '',
    dueKind: 'relative',
    dueDate: null,
    milestone: 'close_of_nominations',
    offsetDays: 3,
    offsetUnit: 'working',
    direction: 'before',
  };
}

function valuesOf(t: Task): TaskCreateInput {
  const { electionId, contestId, title, notes, assignee, dueKind, dueDate, milestone, offsetDays, offsetUnit, direction } = t;
  return { electionId, contestId, title, notes, assignee, dueKind, dueDate, milestone, offsetDays, offsetUnit, direction };
}

/**
 * Adds a task to an election, or to one of its contests, or changes one (`task`); its due date is
 * fixed or moves with a milestone.
 */
export function TaskForm(props: { electionId: number; contestId?: number; task?: Task; onDone?(): void }) {
  const fixedContest = props.contestId ?? null;
  const { data: contests } = useApi('contests.list', { electionId: props.electionId });
  const { data: volunteers } = useApi('volunteers.list', {});
  const volunteersId = useId();
  const form = useApiForm(taskCreateInput, props.task ? valuesOf(props.task) : blank(props.electionId, fixedContest));
  const dueKind = form.watch('dueKind');
  const editing = props.task;
  const headingId = useId();
  return (
    <form
      className="form inline-form"
      noValidate
      aria-labelledby={headingId}
      onSubmit={form.submit(async (values) => {
        if (editing) await api('tasks.update', { id: editing.id, ...values });
        else await api('tasks.create', values);
        form.reset(blank(props.electionId, fixedContest));
        props.onDone?.();
      })}
    >
      <h3 id={headingId}>{editing ? `Change “${editing.title}”` : 'Add a task'}</h3>
      <ErrorMessage error={form.formError} />
      <div className="row">
        <Field label="Task" error={form.errorOf('title')}>
          {(a) => <input {...a} {...form.register('title')} placeholder="e.g. Collect subscribers’ signatures" />}
        </Field>
        <Field label="Assignee (optional)" hint="Pick a volunteer, or type any name" error={form.errorOf('assignee')}>
          {(a) => (
            <>
              <input {...a} {...form.register('assignee')} list={volunteersId} autoComplete="off" placeholder="Who will do it" />
              <datalist id={volunteersId}>
                {volunteers?.map((v) => (
                  <option key={v.id} value={v.name} />
                ))}
              </datalist>
            </>
          )}
        </Field>
        {fixedContest === null && (
          <Field label="Contest" error={form.errorOf('contestId')}>
            {(a) => (
              <select {...a} {...form.register('contestId', { setValueAs: numberOrNull })}>
                <option value="">The whole election</option>
                {contests?.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.areaName}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
      </div>
      <fieldset>
        <legend>Due</legend>
        <label className="choice">
          <input type="radio" value="relative" {...form.register('dueKind')} />
          Relative to a milestone (moves with the timetable)
        </label>
        <label className="choice">
          <input type="radio" value="fixed" {...form.register('dueKind')} />
          On a fixed date
        </label>
      </fieldset>
      {dueKind === 'fixed' ? (
        <div className="row">
          <Field label="Due date" error={form.errorOf('dueDate')}>
            {(a) => <input {...a} type="date" {...form.register('dueDate', { setValueAs: textOrNull })} />}
          </Field>
        </div>
      ) : (
        <div className="row">
          <Field label="Number of days" error={form.errorOf('offsetDays')}>
            {(a) => <input {...a} type="number" min={0} max={365} {...form.register('offsetDays', { setValueAs: numberOrNull })} />}
          </Field>
          <Field label="Counted in" error={form.errorOf('offsetUnit')}>
            {(a) => (
              <select {...a} {...form.register('offsetUnit')}>
                <Options values={OFFSET_UNITS} labels={UNIT_LABELS} />
              </select>
            )}
          </Field>
          <Field label="Before or after" error={form.errorOf('direction')}>
            {(a) => (
              <select {...a} {...form.register('direction')}>
                <Options values={DIRECTIONS} labels={DIRECTION_LABELS} />
              </select>
            )}
          </Field>
          <Field label="Milestone" error={form.errorOf('milestone')}>
            {(a) => (
              <select {...a} {...form.register('milestone')}>
                <Options values={MILESTONE_KEYS} labels={MILESTONE_LABELS} />
              </select>
            )}
          </Field>
        </div>
      )}
      <Field label="Notes (optional)" error={form.errorOf('notes')}>
        {(a) => <textarea {...a} rows={2} {...form.register('notes')} />}
      </Field>
      <div className="actions">
        <button type="submit" className="primary" disabled={form.formState.isSubmitting}>
          {editing ? 'Save task' : 'Add task'}
        </button>
        {props.onDone && (
          <button type="button" onClick={props.onDone}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
