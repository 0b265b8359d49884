import { useState } from 'react';
import { Link } from 'react-router';
import type { Area } from '../../../../shared/contract/areas.ts';
import { CONTEST_STATUSES, CONTEST_STATUS_LABELS, contestCreateInput } from '../../../../shared/contract/contests.ts';
import { areaFitsElection, CONTEST_AREA_KINDS } from '../../../../shared/domain/contest-areas.ts';
import { ELECTION_TYPE_INFO } from '../../../../shared/domain/election-types.ts';
import { api, useApi } from '../../app/api.ts';
import { DataTable } from '../../ui/DataTable.tsx';
import { Options } from '../../ui/Options.tsx';
import { Field } from '../../ui/Field.tsx';
import { formatNumber, plural } from '../../ui/format.ts';
import { ErrorMessage } from '../../ui/Page.tsx';
import { useApiForm } from '../../ui/useApiForm.ts';
import { ConsiderAllForm } from './ConsiderAllForm.tsx';
import { StatusBadge } from './StatusBadge.tsx';

/**
 * The contests of one election, and the forms that add areas to it: one by one, or all at once.
 * Only areas of the kinds the election is fought in are offered (no Westminster seats in a
 * council election).
 */
export function ContestsPanel(props: { electionId: number }) {
  const { data: contests, error } = useApi('contests.list', { electionId: props.electionId });
  const { data: election, error: electionError } = useApi('elections.get', { id: props.electionId });
  const { data: areas, error: areasError } = useApi('areas.list', {});
  const taken = new Set(contests?.map((c) => c.areaId));
  const fitting = election && areas?.filter((a) => areaFitsElection(a, election));
  const kinds = election ? CONTEST_AREA_KINDS[election.type].join(' or ') : '';
  return (
    <section className="panel" aria-labelledby="contests-heading">
      <h2 id="contests-heading">Contests</h2>
      <ErrorMessage error={error ?? electionError ?? areasError} />
      {contests && (
        <DataTable
          rows={contests}
          rowKey={(c) => c.id}
          empty={<p className="muted">No contests yet. Add each constituency, ward or division you might stand in, then mark whether you are contesting it.</p>}
          columns={[
            { header: 'Area', cell: (c) => <Link to={`/contests/${c.id}`}>{c.areaName}</Link>, sort: (c) => c.areaName },
            { header: 'Status', cell: (c) => <StatusBadge status={c.status} />, sort: (c) => CONTEST_STATUS_LABELS[c.status] },
            { header: 'Reason', cell: (c) => c.reason, sort: (c) => c.reason },
          ]}
        />
      )}
      {areas && areas.length === 0 && (
        <p>
          To add a contest you need areas first: <Link to="/areas/import">import them from a CSV file</Link> or <Link to="/areas/new">add one by hand</Link>.
        </p>
      )}
      {election && fitting && areas && areas.length > 0 && fitting.length === 0 && (
        <p>
          A {ELECTION_TYPE_INFO[election.type].label} is fought in {kinds} areas, and there are none yet:{' '}
          <Link to="/areas/import">import them from a CSV file</Link> or <Link to="/areas/new">add one by hand</Link>.
        </p>
      )}
      {fitting && contests && fitting.length > 0 && (
        <>
          <AddContestForm electionId={props.electionId} areas={fitting.filter((a) => !taken.has(a.id))} kinds={kinds} />
          <ConsiderAllForm electionId={props.electionId} areas={fitting} taken={taken} kinds={kinds} />
        </>
      )}
    </section>
  );
}

function AddContestForm(props: { electionId: number; areas: Area[]; kinds: string }) {
  const [filter, setFilter] = useState('');
  const form = useApiForm(contestCreateInput, { electionId: props.electionId, areaId: undefined, status: 'considering', reason: '' });
  const choices = props.areas.filter((a) => a.name.toLowerCase().includes(filter.toLowerCase()));
  return (
    <form
      className="form inline-form"
      noValidate
      onSubmit={form.submit(async (values) => {
        await api('contests.create', values);
        form.reset({ electionId: props.electionId, areaId: undefined, status: 'considering', reason: '' });
        setFilter('');
      })}
    >
      <h3>Add a contest</h3>
      <ErrorMessage error={form.formError} />
      <div className="row">
        <Field label="Find an area" hint={`${plural(choices.length, `${props.kinds} area`)} to choose from`}>
          {(a) => <input {...a} type="search" value={filter} onChange={(e) => setFilter(e.target.value)} placeholder="Type part of the name" />}
        </Field>
        <Field label="Area" error={form.errorOf('areaId')}>
          {(a) => (
            <select {...a} {...form.register('areaId', { setValueAs: (v) => (v === '' ? undefined : Number(v)) })}>
              <option value="">Choose an area…</option>
              {choices.map((area) => (
                <option key={area.id} value={area.id}>
                  {area.name} ({formatNumber(area.electorate)} electors)
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Status" error={form.errorOf('status')}>
          {(a) => (
            <select {...a} {...form.register('status')}>
              <Options values={CONTEST_STATUSES} labels={CONTEST_STATUS_LABELS} />
            </select>
          )}
        </Field>
      </div>
      <Field label="Reason (optional)" error={form.errorOf('reason')}>
        {(a) => <input {...a} {...form.register('reason')} placeholder="e.g. branch active here; candidate lives in the ward" />}
      </Field>
      <div className="actions">
        <button type="submit" className="primary">
          Add contest
        </button>
      </div>
    </form>
  );
}
