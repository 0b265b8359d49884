import { useState } from 'react';
import { auditAction, auditChanges, formatAuditValue } from '../../../../shared/domain/audit-changes.ts';
import type { AuditEntry } from '../../../../shared/contract/audit.ts';
import { useApi } from '../../app/api.ts';
import { EmptyState, ErrorMessage, Loading, PageHeader } from '../../ui/Page.tsx';
import { plural } from '../../ui/format.ts';

interface Filters {
  entity: string;
  actor: string;
  action: string;
  from: string;
  to: string;
}

const NO_FILTERS: Filters = { entity: '', actor: '', action: '', from: '', to: '' };
const LIMIT = 200;

/** Only the filters that are set, as the audit.list input. */
function query(f: Filters) {
  return {
    limit: LIMIT,
    ...(f.entity ? { entity: f.entity } : {}),
    ...(f.actor ? { actor: f.actor } : {}),
    ...(f.action ? { action: f.action } : {}),
    ...(f.from ? { from: f.from } : {}),
    ...(f.to ? { to: f.to } : {}),
  };
}

function Changes({ entry }: { entry: AuditEntry }) {
  const changes = auditChanges(entry.before, entry.after);
  if (changes.length === 0) return <p className="muted">No details were kept for this change.</p>;
  const kind = auditAction(entry.before, entry.after);
  return (
    <table className="changes">
      <caption>{kind === 'create' ? 'Values set' : kind === 'delete' ? 'Values removed' : 'What changed'}</caption>
      <thead>
        <tr>
          <th scope="col">Field</th>
          <th scope="col">Before</th>
          <th scope="col">After</th>
        </tr>
      </thead>
      <tbody>
        {changes.map((c) => (
          <tr key={c.field}>
            <th scope="row">{c.field}</th>
            <td>{formatAuditValue(c.before)}</td>
            <td>{formatAuditValue(c.after)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Select(props: { label: string; value: string; options: string[]; all: string; onChange(value: string): void }) {
  const id = `filter-${props.label.toLowerCase()}`;
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <select id={id} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        <option value="">{props.all}</option>
        {props.options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
    </div>
  );
}

export function ActivityPage() {
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const facets = useApi('audit.facets', {});
  const { data, error } = useApi('audit.list', query(filters));
  const set = (key: keyof Filters) => (value: string) => setFilters((f) => ({ ...f, [key]: value }));
  const filtered = JSON.stringify(filters) !== JSON.stringify(NO_FILTERS);
  const datesBackwards = filters.from !== '' && filters.to !== '' && filters.from > filters.to;

  return (
    <>
      <PageHeader title="Activity" subtitle="Every change made in Hustings: who made it, when, and what it was before and after." />
      <form className="panel filters" aria-label="Filter the activity" onSubmit={(e) => e.preventDefault()}>
        <div className="row">
          <Select label="Record type" value={filters.entity} options={facets.data?.entities ?? []} all="All record types" onChange={set('entity')} />
          <Select label="Who" value={filters.actor} options={facets.data?.actors ?? []} all="Everyone" onChange={set('actor')} />
          <Select label="Change" value={filters.action} options={facets.data?.actions ?? []} all="All changes" onChange={set('action')} />
          <div className="field">
            <label htmlFor="filter-from">From</label>
            <input id="filter-from" type="date" value={filters.from} onChange={(e) => set('from')(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="filter-to">To</label>
            <input
              id="filter-to"
              type="date"
              value={filters.to}
              onChange={(e) => set('to')(e.target.value)}
              aria-describedby={datesBackwards ? 'dates-backwards' : undefined}
            />
          </div>
        </div>
        {datesBackwards && (
          <p className="error" id="dates-backwards" role="alert">
            “From” is after “To”, so nothing can match: swap the dates.
          </p>
        )}
        {filtered && (
          <button type="button" onClick={() => setFilters(NO_FILTERS)}>
            Clear the filters
          </button>
        )}
      </form>
      <ErrorMessage error={error ?? facets.error} />
      {!data && !error && <Loading />}
      {data && data.length === 0 && !filtered && (
        <EmptyState title="Nothing has changed yet">
          <p>Each change you make is recorded here with what it was before and after. Start by creating an election.</p>
        </EmptyState>
      )}
      {data && data.length === 0 && filtered && <p className="muted">No changes match these filters.</p>}
      {data && data.length > 0 && (
        <table className="activity">
          <caption>
            {data.length === LIMIT ? `The latest ${LIMIT} changes` : plural(data.length, 'change')}
            {filtered ? ' matching the filters' : ''}, newest first
          </caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">Record</th>
              <th scope="col">What</th>
            </tr>
          </thead>
          <tbody>
            {data.map((a) => (
              <tr key={a.id}>
                <td>
                  <time dateTime={a.at}>{new Date(a.at).toLocaleString('en-GB')}</time>
                </td>
                <td>{a.actor}</td>
                <td>
                  {a.entity}
                  {a.entityId === null ? '' : ` #${a.entityId}`}
                </td>
                <td>
                  <details>
                    <summary>
                      <span className="badge">{a.action}</span> {a.summary}
                    </summary>
                    <Changes entry={a} />
                  </details>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
