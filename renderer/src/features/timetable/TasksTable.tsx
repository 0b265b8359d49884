import { Fragment, useState } from 'react';
import { Link } from 'react-router';
import type { Task } from '../../../../shared/contract/timetable.ts';
import { api } from '../../app/api.ts';
import { formatDate } from '../../ui/format.ts';
import { Countdown, DeadlineMarks, TimeOfDay } from './Countdown.tsx';
import { TaskForm } from './TaskForm.tsx';

/** Tasks with their current due date, done box and assignee. */
export function TasksTable(props: { tasks: Task[]; showElection?: boolean }) {
  const [editing, setEditing] = useState<number>();
  const columns = props.showElection ? 8 : 7;
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">Done</th>
          <th scope="col">Task</th>
          {props.showElection && <th scope="col">Election</th>}
          <th scope="col">For</th>
          <th scope="col">Due</th>
          <th scope="col">Left</th>
          <th scope="col">Assignee</th>
          <th scope="col">
            <span className="sr-only">Delete</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {props.tasks.map((t) => (
          <Fragment key={t.id}>
            <tr className={t.done ? 'done' : undefined}>
              <td>
                <input
                  type="checkbox"
                  checked={t.done}
                  aria-label={`${t.title}: done`}
                  onChange={(e) => void api('tasks.setDone', { id: t.id, done: e.target.checked })}
                />
              </td>
              <th scope="row">
                {t.title}
                {t.notes && <p className="muted small pre">{t.notes}</p>}
              </th>
              {props.showElection && (
                <td>
                  <Link to={`/elections/${t.electionId}`}>{t.electionName}</Link>
                </td>
              )}
              <td>{t.contestId ? <Link to={`/contests/${t.contestId}`}>{t.contestName}</Link> : 'Whole election'}</td>
              <td>
                {t.due ? (
                  <span className="nowrap">
                    {formatDate(t.due)} <TimeOfDay time={t.dueTime} />
                  </span>
                ) : (
                  <span className="muted">No date yet: {t.dueProblem}</span>
                )}
                {t.dueKind === 'relative' && <p className="muted small">{t.dueText}</p>}
              </td>
              <td>
                {t.countdown && !t.done && <Countdown value={t.countdown} />}
                {t.countdown && (
                  <div className="marks">
                    <DeadlineMarks value={t.countdown} done={t.done} />
                  </div>
                )}
              </td>
              <td>{t.assignee}</td>
              <td>
                <div className="actions tight">
                  <button type="button" aria-label={`Change task ${t.title}`} onClick={() => setEditing(t.id)}>
                    Change
                  </button>
                  <button type="button" className="danger" aria-label={`Delete task ${t.title}`} onClick={() => void api('tasks.delete', { id: t.id })}>
                    Delete
                  </button>
                </div>
              </td>
            </tr>
            {editing === t.id && (
              <tr>
                <td colSpan={columns}>
                  <TaskForm electionId={t.electionId} contestId={t.contestId ?? undefined} task={t} onDone={() => setEditing(undefined)} />
                </td>
              </tr>
            )}
          </Fragment>
        ))}
      </tbody>
    </table>
  );
}
