import { formatTime } from '../../../../shared/domain/timetable.ts';
import { plural } from '../../ui/format.ts';

export interface CountdownValues {
  workingDays: number;
  calendarDays: number;
  overdue: boolean;
  dueThisWeek: boolean;
}

/** "4pm", "midnight", or nothing. */
export function TimeOfDay(props: { time?: string | null }) {
  return props.time ? <>{formatTime(props.time)}</> : null;
}

/** Working and calendar days left, or how long ago; `passed` words a statutory date that has gone. */
export function Countdown(props: { value: CountdownValues; passedWord?: string }) {
  const { workingDays, calendarDays } = props.value;
  if (calendarDays === 0) return <span className="countdown today">Today</span>;
  if (calendarDays < 0) {
    return (
      <span className="countdown">
        {props.passedWord ?? 'Overdue'} by {plural(-workingDays, 'working day')} ({plural(-calendarDays, 'day')})
      </span>
    );
  }
  return (
    <span className="countdown">
      {plural(workingDays, 'working day')} ({plural(calendarDays, 'day')})
    </span>
  );
}

/** The marks a deadline carries: overdue, due this week, set by hand, placeholder. */
export function DeadlineMarks(props: { value: CountdownValues; done?: boolean; statutory?: boolean; overridden?: boolean; provisional?: boolean }) {
  const { overdue, dueThisWeek } = props.value;
  return (
    <>
      {props.done && <span className="badge mark-done">Done</span>}
      {!props.done && overdue && <span className={`badge ${props.statutory ? 'mark-passed' : 'mark-overdue'}`}>{props.statutory ? 'Passed' : 'Overdue'}</span>}
      {!props.done && dueThisWeek && <span className="badge mark-soon">Due this week</span>}
      {props.overridden && <span className="badge mark-override">Date set by hand</span>}
      {props.provisional && <span className="badge mark-provisional">Placeholder: enter the returning officer’s date</span>}
    </>
  );
}
