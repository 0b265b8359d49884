import { Link } from 'react-router';
import { DECISION_OUTCOMES, DECISION_OUTCOME_LABELS, type Decision, decisionInput } from '../../../../shared/contract/planner.ts';
import { VERDICT_LABELS, type Verdict } from '../../../../shared/domain/planner.ts';
import { ukToday } from '../../../../shared/domain/working-days.ts';
import { api } from '../../app/api.ts';
import { DeleteButton } from '../../ui/DeleteButton.tsx';
import { Field } from '../../ui/Field.tsx';
import { wholeNumber } from '../../ui/fields.ts';
import { Options } from '../../ui/Options.tsx';
import { formatDate } from '../../ui/format.ts';
import { ErrorMessage } from '../../ui/Page.tsx';
import { useApiForm } from '../../ui/useApiForm.ts';

const count = { setValueAs: wholeNumber() };

/** The decisions taken on a contest, newest first, and the form to record the next one. */
export function DecisionsPanel(props: { contestId: number; decisions: Decision[] }) {
  return (
    <section className="panel" aria-labelledby="decisions-heading">
      <h2 id="decisions-heading">Decisions</h2>
      <p className="muted">The contest’s status follows the latest decision. Every member using Hustings sees these.</p>
      {props.decisions.length === 0 ? <p>No decision recorded yet.</p> : <DecisionsTable decisions={props.decisions} />}
      <DecisionForm contestId={props.contestId} />
    </section>
  );
}

export function DecisionsTable(props: { decisions: Decision[]; showContest?: boolean }) {
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">Date</th>
          {props.showContest && <th scope="col">Contest</th>}
          <th scope="col">Meeting</th>
          <th scope="col">Decision</th>
          <th scope="col">Votes</th>
          <th scope="col">Minute</th>
          <th scope="col">Planner said</th>
          {!props.showContest && (
            <th scope="col">
              <span className="sr-only">Actions</span>
            </th>
          )}
        </tr>
      </thead>
      <tbody>
        {props.decisions.map((d) => (
          <tr key={d.id}>
            <td>{formatDate(d.decidedOn)}</td>
            {props.showContest && (
              <td>
                <Link to={`/contests/${d.contestId}/plan`}>{d.areaName}</Link> <span className="muted">({d.electionName})</span>
              </td>
            )}
            <td>{d.meeting}</td>
            <td>{DECISION_OUTCOME_LABELS[d.outcome]}</td>
            <td>
              {d.votesFor + d.votesAgainst + d.votesAbstain === 0
                ? 'by consensus'
                : `${d.votesFor} for, ${d.votesAgainst} against, ${d.votesAbstain} abstaining`}
            </td>
            <td className="pre">{d.minute}</td>
            <td>{d.verdict ? VERDICT_LABELS[d.verdict as Verdict] : '—'}</td>
            {!props.showContest && (
              <td>
                <DeleteButton
                  what={`the decision of ${d.meeting} (${formatDate(d.decidedOn)})`}
                  impactNoun="record"
                  remove={async () => void (await api('planner.deleteDecision', { id: d.id }))}
                />
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function DecisionForm(props: { contestId: number }) {
  const form = useApiForm(decisionInput, {
    contestId: props.contestId,
    decidedOn: ukToday(),
    meeting: '',
    outcome: 'contesting',
    votesFor: 0,
    votesAgainst: 0,
    votesAbstain: 0,
    minute: '',
  });
  const { register } = form;
  return (
    <form
      className="form inline-form"
      noValidate
      aria-labelledby="record-decision-heading"
      onSubmit={form.submit(async (values) => {
        await api('planner.decide', values);
        form.reset();
      })}
    >
      <h3 id="record-decision-heading">Record a decision</h3>
      <ErrorMessage error={form.formError} />
      <div className="row">
        <Field label="Date of the meeting" error={form.errorOf('decidedOn')}>
          {(a) => <input {...a} type="date" {...register('decidedOn')} />}
        </Field>
        <Field label="Meeting" hint="e.g. Branch committee, or the AGM" error={form.errorOf('meeting')}>
          {(a) => <input {...a} {...register('meeting')} />}
        </Field>
        <Field label="Decision" error={form.errorOf('outcome')}>
          {(a) => (
            <select {...a} {...register('outcome')}>
              <Options values={DECISION_OUTCOMES} labels={DECISION_OUTCOME_LABELS} />
            </select>
          )}
        </Field>
      </div>
      <div className="row">
        <Field label="Votes for" hint="All 0 for a decision by consensus" error={form.errorOf('votesFor')}>
          {(a) => <input {...a} inputMode="numeric" {...register('votesFor', count)} />}
        </Field>
        <Field label="Votes against" error={form.errorOf('votesAgainst')}>
          {(a) => <input {...a} inputMode="numeric" {...register('votesAgainst', count)} />}
        </Field>
        <Field label="Abstentions" error={form.errorOf('votesAbstain')}>
          {(a) => <input {...a} inputMode="numeric" {...register('votesAbstain', count)} />}
        </Field>
      </div>
      <Field label="Minute" hint="As the meeting minuted it" error={form.errorOf('minute')}>
        {(a) => <textarea {...a} rows={3} {...register('minute')} />}
      </Field>
      <div className="actions">
        <button type="submit" className="primary" disabled={form.formState.isSubmitting}>
          Record decision
        </button>
      </div>
    </form>
  );
}
