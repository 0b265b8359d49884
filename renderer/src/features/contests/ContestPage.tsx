import { Link, useNavigate, useParams } from 'react-router';
import { CONTEST_STATUSES, CONTEST_STATUS_LABELS, type Contest, contestStatusInput } from '../../../../shared/contract/contests.ts';
import { electionTypeLabel } from '../../../../shared/domain/election-types.ts';
import { api, useApi } from '../../app/api.ts';
import { Options } from '../../ui/Options.tsx';
import { Field } from '../../ui/Field.tsx';
import { formatDate } from '../../ui/format.ts';
import { Loaded } from '../../ui/Loaded.tsx';
import { ErrorMessage } from '../../ui/Page.tsx';
import { RecordPage } from '../../ui/RecordPage.tsx';
import { useApiForm } from '../../ui/useApiForm.ts';
import { StatusBadge } from './StatusBadge.tsx';
import { ContestCandidatesPanel } from '../candidates/ContestCandidatesPanel.tsx';
import { ContestListPanel } from '../party-lists/ContestListPanel.tsx';
import { ContestTimetablePanel } from '../timetable/TimetablePanel.tsx';
import { TasksPanel } from '../timetable/TasksPanel.tsx';
import { PlanSummary } from '../planner/PlanSummary.tsx';

export function ContestPage() {
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const record = useApi('contests.get', { id });
  const c = record.data;
  if (!c) return <Loaded of={record} />;
  return (
    <>
      <RecordPage
        title={`${c.areaName}`}
        back={{ to: `/elections/${c.electionId}`, label: c.electionName }}
        subtitle={
          <>
            <StatusBadge status={c.status} /> {electionTypeLabel(c.electionType, c.nation)} · polling day {formatDate(c.pollingDay)} ·{' '}
            <Link to={`/areas/${c.areaId}`}>about this area</Link> · <Link to={`/treasury/${c.id}`}>money: deposit, donations, spending</Link> ·{' '}
            <Link to={`/contests/${c.id}/polling-day`}>Polling day</Link>
          </>
        }
        remove={{
          what: `the contest in ${c.areaName}`,
          impactNoun: 'candidacy',
          impact: async () => (await api('candidacies.list', { contestId: id })).map((k) => k.candidateName),
          remove: async () => {
            await api('contests.delete', { id });
            navigate(`/elections/${c.electionId}`);
          },
        }}
      />
      <PlanSummary contestId={id} />
      <StatusForm contest={c} />
      <ContestListPanel contestId={c.id} />
      <ContestCandidatesPanel contestId={c.id} />
      <ContestTimetablePanel contestId={id} />
      <TasksPanel electionId={c.electionId} contestId={id} />
    </>
  );
}

function StatusForm(props: { contest: Contest }) {
  const form = useApiForm(contestStatusInput, { status: props.contest.status, reason: props.contest.reason }, { updatedAt: props.contest.updatedAt });
  return (
    <section className="panel" aria-labelledby="status-heading">
      <h2 id="status-heading">Decision</h2>
      <form className="form" noValidate onSubmit={form.submit((values) => api('contests.update', { id: props.contest.id, ...values }))}>
        <ErrorMessage error={form.formError} />
        <div className="row">
          <Field label="Status" error={form.errorOf('status')}>
            {(a) => (
              <select {...a} {...form.register('status')}>
                <Options values={CONTEST_STATUSES} labels={CONTEST_STATUS_LABELS} />
              </select>
            )}
          </Field>
        </div>
        <Field label="Reason" error={form.errorOf('reason')}>
          {(a) => <textarea {...a} rows={2} {...form.register('reason')} />}
        </Field>
        <div className="actions">
          <button type="submit" className="primary" disabled={form.formState.isSubmitting}>
            Save decision
          </button>
          {form.formState.isSubmitSuccessful && !form.formState.isDirty && <span role="status">Saved.</span>}
        </div>
      </form>
    </section>
  );
}
