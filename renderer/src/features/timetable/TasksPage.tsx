import { useState } from 'react';
import { Link } from 'react-router';
import { useApi } from '../../app/api.ts';
import { ElectionSelect } from '../../ui/ElectionSelect.tsx';
import { EmptyState, ErrorMessage, Loading, PageHeader } from '../../ui/Page.tsx';
import { TaskForm } from './TaskForm.tsx';
import { TasksTable } from './TasksTable.tsx';

/** Every task across elections; add one to any election. */
export function TasksPage() {
  const elections = useApi('elections.list', {});
  const [includeDone, setIncludeDone] = useState(true);
  const [electionId, setElectionId] = useState<number>();
  const tasks = useApi('tasks.list', { includeDone, ...(electionId === undefined ? {} : { electionId }) });
  const formElection = electionId ?? elections.data?.[0]?.id;
  return (
    <>
      <PageHeader title="Tasks" subtitle="Jobs leading up to each deadline. A task relative to a milestone moves when the timetable moves." />
      <ErrorMessage error={tasks.error ?? elections.error} />
      {elections.data && elections.data.length === 0 && (
        <EmptyState title="No elections yet">
          <p>
            Tasks belong to an election or one of its contests. <Link to="/elections/new">Create an election</Link> first.
          </p>
        </EmptyState>
      )}
      {elections.data && elections.data.length > 0 && (
        <div className="row filters">
          <ElectionSelect elections={elections.data} value={electionId} onChange={setElectionId} />
          <label className="choice">
            <input type="checkbox" checked={includeDone} onChange={(e) => setIncludeDone(e.target.checked)} />
            Show tasks that are done
          </label>
        </div>
      )}
      {!tasks.data && !tasks.error && <Loading />}
      {tasks.data && tasks.data.length === 0 && elections.data && elections.data.length > 0 && <p className="muted">No tasks here yet. Add one below.</p>}
      {tasks.data && tasks.data.length > 0 && <TasksTable tasks={tasks.data} showElection />}
      {formElection !== undefined && (
        <section className="panel" aria-labelledby="new-task-heading">
          <h2 id="new-task-heading">New task</h2>
          <p className="muted">
            Adding to {elections.data?.find((x) => x.id === formElection)?.name}
            {electionId === undefined && elections.data && elections.data.length > 1 ? ' (choose another election above)' : ''}.
          </p>
          <TaskForm key={formElection} electionId={formElection} />
        </section>
      )}
    </>
  );
}
