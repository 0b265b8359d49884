import { useState } from 'react';
import { Link } from 'react-router';
import { DEADLINE_KINDS, DEADLINE_KIND_LABELS, type DeadlineFilter } from '../../../../shared/contract/timetable.ts';
import { api, useApi } from '../../app/api.ts';
import { downloadText } from '../../ui/download.ts';
import { ElectionSelect } from '../../ui/ElectionSelect.tsx';
import { Field } from '../../ui/Field.tsx';
import { formatDate, plural } from '../../ui/format.ts';
import { Options } from '../../ui/Options.tsx';
import { EmptyState, ErrorMessage, Loading, PageHeader } from '../../ui/Page.tsx';
import { DeadlinesTable } from './DeadlinesTable.tsx';

type Kind = (typeof DEADLINE_KINDS)[number];

/** Every deadline across elections, contests and tasks, with filters and an iCalendar export. */
export function DeadlinesPage() {
  const [electionId, setElectionId] = useState<number>();
  const [contestId, setContestId] = useState<number>();
  const [kind, setKind] = useState<Kind>();
  const [includePast, setIncludePast] = useState(false);
  const [includeDone, setIncludeDone] = useState(false);
  const [exportError, setExportError] = useState<string>();
  const elections = useApi('elections.list', {});
  const contests = useApi('contests.list', electionId === undefined ? {} : { electionId });
  const filter: DeadlineFilter = { electionId, contestId, kind, includePast, includeDone };
  const { data, error } = useApi('deadlines.list', filter);

  async function exportIcs() {
    setExportError(undefined);
    try {
      const r = await api('deadlines.ics', { ...filter, includePast: true, includeDone: true });
      downloadText(r.filename, r.text, 'text/calendar;charset=utf-8');
    } catch (e) {
      setExportError((e as Error).message);
    }
  }

  const overdue = data?.items.filter((d) => d.overdue && !d.done && d.kind === 'task').length ?? 0;
  const soon = data?.items.filter((d) => d.dueThisWeek && !d.done).length ?? 0;
  return (
    <>
      <PageHeader
        title="Deadlines"
        subtitle={
          data
            ? `Today is ${formatDate(data.today)} · ${plural(soon, 'deadline')} this week${overdue ? ` · ${plural(overdue, 'overdue task')}` : ''}`
            : undefined
        }
        actions={
          <button type="button" onClick={() => void exportIcs()}>
            Export to calendar (.ics)
          </button>
        }
      />
      <ErrorMessage error={exportError} />
      <form className="form filters" aria-label="Filter deadlines" onSubmit={(e) => e.preventDefault()}>
        <div className="row">
          <ElectionSelect
            elections={elections.data}
            value={electionId}
            onChange={(id) => {
              setElectionId(id);
              setContestId(undefined);
            }}
          />
          <Field label="Contest">
            {(a) => (
              <select {...a} value={contestId ?? ''} onChange={(e) => setContestId(e.target.value ? Number(e.target.value) : undefined)}>
                <option value="">All contests</option>
                {contests.data?.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.areaName} ({c.electionName})
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Kind">
            {(a) => (
              <select {...a} value={kind ?? ''} onChange={(e) => setKind((e.target.value || undefined) as Kind | undefined)}>
                <option value="">Everything</option>
                <Options values={DEADLINE_KINDS} labels={DEADLINE_KIND_LABELS} />
              </select>
            )}
          </Field>
        </div>
        <label className="choice">
          <input type="checkbox" checked={includePast} onChange={(e) => setIncludePast(e.target.checked)} />
          Show deadlines that have passed
        </label>
        <label className="choice">
          <input type="checkbox" checked={includeDone} onChange={(e) => setIncludeDone(e.target.checked)} />
          Show tasks that are done
        </label>
      </form>
      <ErrorMessage error={error ?? elections.error} />
      {!data && !error && <Loading />}
      {data && data.items.length === 0 && (
        <EmptyState title="No deadlines to show">
          {elections.data?.length === 0 ? (
            <p>
              <Link to="/elections/new">Create an election</Link>: its statutory timetable appears here, with the tasks you add.
            </p>
          ) : (
            <p>Nothing matches these filters. Clear a filter, or tick “Show deadlines that have passed”.</p>
          )}
        </EmptyState>
      )}
      {data && data.items.length > 0 && <DeadlinesTable items={data.items} caption="Deadlines, soonest first" />}
    </>
  );
}

/** The next few deadlines, for the home page. */
export function NextDeadlinesPanel() {
  const { data, error } = useApi('deadlines.list', { limit: 5 });
  return (
    <section className="panel" aria-labelledby="next-deadlines-heading">
      <h2 id="next-deadlines-heading">Next deadlines</h2>
      <ErrorMessage error={error} />
      {!data && !error && <Loading />}
      {data && data.items.length === 0 && <p className="muted">No deadlines ahead.</p>}
      {data && data.items.length > 0 && <DeadlinesTable items={data.items} caption="The next five deadlines" />}
      <p>
        <Link to="/deadlines">All deadlines</Link>
      </p>
    </section>
  );
}
