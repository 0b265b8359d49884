import { useApi } from '../../app/api.ts';
import { ErrorMessage } from '../../ui/Page.tsx';
import { TaskForm } from './TaskForm.tsx';
import { TasksTable } from './TasksTable.tsx';

/** The tasks of an election (all its contests) or of one contest, and the form that adds one. */
export function TasksPanel(props: { electionId: number; contestId?: number }) {
  const { data: tasks, error } = useApi('tasks.list', props.contestId === undefined ? { electionId: props.electionId } : { contestId: props.contestId });
  return (
    <section className="panel" aria-labelledby="tasks-heading">
      <h2 id="tasks-heading">Tasks</h2>
      <ErrorMessage error={error} />
      {tasks && tasks.length === 0 && (
        <p className="muted">
          No tasks yet. Add the jobs that lead up to each deadline, such as ordering leaflets or collecting subscribers; a task relative to a milestone moves
          when the timetable does.
        </p>
      )}
      {tasks && tasks.length > 0 && <TasksTable tasks={tasks} />}
      <TaskForm electionId={props.electionId} contestId={props.contestId} />
    </section>
  );
}
