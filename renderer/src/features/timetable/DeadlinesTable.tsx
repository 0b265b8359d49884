import { Link } from 'react-router';
import type { Deadline } from '../../../../shared/contract/timetable.ts';
import { formatDate } from '../../ui/format.ts';
import { DeadlineMarks, TimeOfDay } from './Countdown.tsx';

const KIND_WORDS: Record<Deadline['kind'], string> = { milestone: 'Milestone', 'post-poll': 'Spending return', task: 'Task' };

/** Deadlines soonest first, with working and calendar day countdowns. */
export function DeadlinesTable(props: { items: Deadline[]; caption: string }) {
  return (
    <table className="deadlines">
      <caption className="sr-only">{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">Date</th>
          <th scope="col">Time</th>
          <th scope="col">Deadline</th>
          <th scope="col">For</th>
          <th scope="col">Working days left</th>
          <th scope="col">Calendar days left</th>
        </tr>
      </thead>
      <tbody>
        {props.items.map((d) => (
          <tr key={d.uid} className={d.overdue && !d.done ? 'overdue' : d.dueThisWeek ? 'soon' : undefined}>
            <td className="nowrap">{formatDate(d.date)}</td>
            <td>
              <TimeOfDay time={d.time} />
            </td>
            <th scope="row">
              <span className="kind">{KIND_WORDS[d.kind]}:</span> {d.title}
              {d.assignee && <span className="muted"> · {d.assignee}</span>}
              <div className="marks">
                <DeadlineMarks value={d} done={d.done} statutory={d.kind !== 'task'} overridden={d.overridden} provisional={d.provisional} />
              </div>
            </th>
            <td>
              {d.contestId ? <Link to={`/contests/${d.contestId}`}>{d.contestName}</Link> : <Link to={`/elections/${d.electionId}`}>{d.electionName}</Link>}
              {d.contestId && <span className="muted small"> ({d.electionName})</span>}
            </td>
            <td className="num">{d.calendarDays < 0 ? `${-d.workingDays} ago` : d.workingDays}</td>
            <td className="num">{d.calendarDays === 0 ? 'Today' : d.calendarDays < 0 ? `${-d.calendarDays} ago` : d.calendarDays}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
