import { useState } from 'react';
import { Link } from 'react-router';
import { type MilestoneView, type TimetableView, overrideInput } from '../../../../shared/contract/timetable.ts';
import { api, useApi } from '../../app/api.ts';
import { Field } from '../../ui/Field.tsx';
import { formatDate } from '../../ui/format.ts';
import { ErrorMessage, Loading } from '../../ui/Page.tsx';
import { useApiForm } from '../../ui/useApiForm.ts';
import { Countdown, DeadlineMarks, TimeOfDay } from './Countdown.tsx';

/** An election's statutory timetable; dates can be set by hand for the whole election. */
export function ElectionTimetablePanel(props: { electionId: number }) {
  const { data, error } = useApi('timetable.forElection', { electionId: props.electionId });
  return <TimetablePanel t={data} error={error} />;
}

/** A contest's timetable: its nation's rules and, once the result is declared, the spending deadlines. */
export function ContestTimetablePanel(props: { contestId: number }) {
  const { data, error } = useApi('timetable.forContest', { contestId: props.contestId });
  return <TimetablePanel t={data} error={error} />;
}

function TimetablePanel(props: { t: TimetableView | undefined; error: string | undefined }) {
  const { t, error } = props;
  const contestId = t?.contestId ?? undefined;
  const [editing, setEditing] = useState<string>();
  return (
    <section className="panel timetable" aria-labelledby="timetable-heading">
      <h2 id="timetable-heading">Timetable</h2>
      <ErrorMessage error={error} />
      {!t && !error && <Loading />}
      {t && (
        <>
          <p className="muted">
            {t.ruleSetLabel} rules
            {t.contestName ? ` for ${t.contestName}` : ''}. Working days skip weekends, Christmas Eve, Christmas Day, Good Friday and bank holidays
            {t.type === 'uk-parliament' ? ' in any part of the UK' : ''}; <Link to="/settings/holidays">add a one-off holiday or day of mourning</Link>.
            {contestId !== undefined && !t.declaredOn && ' Spending deadlines appear once the result is declared.'}
          </p>
          {t.warnings.length > 0 && (
            <ul className="warnings" aria-label="Timetable warnings">
              {t.warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          )}
          <table>
            <caption className="sr-only">Milestones of {t.electionName}, soonest first</caption>
            <thead>
              <tr>
                <th scope="col">Milestone</th>
                <th scope="col">Date</th>
                <th scope="col">Time</th>
                <th scope="col">Working days left</th>
                <th scope="col">Source</th>
                <th scope="col">Date set by hand</th>
              </tr>
            </thead>
            <tbody>
              {t.milestones.map((m) => (
                <MilestoneRow key={m.key} m={m} electionId={t.electionId} editing={editing === m.key} onEdit={(on) => setEditing(on ? m.key : undefined)} />
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

function MilestoneRow(props: { m: MilestoneView; electionId: number; editing: boolean; onEdit(on: boolean): void }) {
  const { m } = props;
  const canOverride = m.key !== 'polling_day' && m.phase !== 'post-poll';
  return (
    <>
      <tr>
        <th scope="row">
          {m.label}
          <div className="marks">
            <DeadlineMarks value={m} statutory overridden={m.overridden} provisional={m.provisional} />
          </div>
          {m.note && <p className="muted small">{m.note}</p>}
        </th>
        <td className="nowrap">{formatDate(m.date)}</td>
        <td>
          <TimeOfDay time={m.time} />
        </td>
        <td>{m.key === 'polling_day' && m.calendarDays < 0 ? 'Polling day has passed' : <Countdown value={m} passedWord="Passed" />}</td>
        <td>
          <details>
            <summary>{m.rule}</summary>
            <p className="small">{m.source}</p>
          </details>
        </td>
        <td>
          {m.overridden && (
            <p className="small">
              Computed: {m.computedDate ? formatDate(m.computedDate) : 'set by the returning officer'}
              {m.overrideReason ? ` · ${m.overrideReason}` : ''}
            </p>
          )}
          {canOverride && !props.editing && (
            <div className="actions tight">
              <button type="button" onClick={() => props.onEdit(true)} aria-label={`Change date of ${m.label}`}>
                Change date
              </button>
              {m.overridden && (
                <button
                  type="button"
                  onClick={() => void api('timetable.clearOverride', { electionId: props.electionId, milestone: m.key })}
                  aria-label={`Use computed date for ${m.label}`}
                >
                  Use computed date
                </button>
              )}
            </div>
          )}
        </td>
      </tr>
      {props.editing && (
        <tr>
          <td colSpan={6}>
            <OverrideForm m={m} electionId={props.electionId} onDone={() => props.onEdit(false)} />
          </td>
        </tr>
      )}
    </>
  );
}

function OverrideForm(props: { m: MilestoneView; electionId: number; onDone(): void }) {
  const form = useApiForm(overrideInput, { electionId: props.electionId, milestone: props.m.key, date: props.m.date, reason: '' });
  return (
    <form
      className="form inline-form"
      noValidate
      onSubmit={form.submit(async (values) => {
        await api('timetable.setOverride', values);
        props.onDone();
      })}
    >
      <h3>Set the date of {props.m.label.toLowerCase()} by hand</h3>
      <p className="muted">For the whole election, e.g. from the returning officer’s notice. The computed date stays visible beside it.</p>
      <ErrorMessage error={form.formError} />
      <div className="row">
        <Field label="New date" error={form.errorOf('date')}>
          {(a) => <input {...a} type="date" {...form.register('date')} />}
        </Field>
        <Field label="Reason (optional)" error={form.errorOf('reason')}>
          {(a) => <input {...a} {...form.register('reason')} placeholder="e.g. returning officer’s notice of election" />}
        </Field>
      </div>
      <div className="actions">
        <button type="submit" className="primary" disabled={form.formState.isSubmitting}>
          Save date
        </button>
        <button type="button" onClick={props.onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
