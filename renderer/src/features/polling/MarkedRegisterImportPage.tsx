import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, useApi } from '../../app/api.ts';
import { Field } from '../../ui/Field.tsx';
import { plural } from '../../ui/format.ts';
import { ErrorMessage, PageHeader } from '../../ui/Page.tsx';
import { DistrictSelect } from '../register/DistrictSelect.tsx';
import { UnmatchedTable, VotingListImport } from './VotingListImport.tsx';
import { pollingDayBack } from './links.ts';

/**
 * The marked register as a council supplies it in CSV: who voted, in person or by post, in an
 * election (this contest's, or an earlier one for voting history), for one district or several.
 */
export function MarkedRegisterImportPage() {
  const id = Number(useParams().id);
  const contest = useApi('contests.get', { id });
  const elections = useApi('elections.list', {});
  const areaId = contest.data?.areaId;
  const districts = useApi('register.listDistricts', areaId ? { areaId } : null);
  const [electionId, setElectionId] = useState<number>();
  const [district, setDistrict] = useState('');
  const election = electionId ?? contest.data?.electionId;

  return (
    <>
      <PageHeader
        title="Import a marked register"
        back={pollingDayBack(id, contest.data?.areaName)}
        subtitle="Who voted, from the council’s marked register as CSV. Choose the election it is for: an earlier election gives each elector a voting history. Blank or X is in person, P or A by post, PX by proxy, N did not vote."
      />
      <ErrorMessage error={contest.error ?? elections.error} />
      <VotingListImport
        list="marked"
        fileLabel="Marked register (CSV)"
        markOptional={false}
        notReady={!areaId || !election ? 'Choose the election first.' : undefined}
        choices={
          <>
            <Field label="The election it is for">
              {(a) => (
                <select {...a} value={election ?? ''} onChange={(e) => setElectionId(Number(e.target.value))}>
                  {elections.data?.map((x) => (
                    <option key={x.id} value={x.id}>
                      {x.name} ({x.pollingDay})
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <DistrictSelect
              value={district}
              onChange={setDistrict}
              allLabel="Every district in the file"
              districts={(districts.data ?? []).map((d) => ({
                pollingDistrict: d.pollingDistrict,
                label: `${d.pollingDistrict} (${plural(d.electors, 'elector')})`,
              }))}
            />
          </>
        }
        run={async (fileId, mapping) => {
          const r = await api('voting.importMarked', {
            fileId,
            electionId: election!,
            areaId: areaId!,
            mapping,
            ...(district ? { pollingDistrict: district } : {}),
          });
          return (
            <section className="panel" aria-labelledby="marked-done">
              <h2 id="marked-done">Recorded</h2>
              <p className="success" role="status">
                {r.fileName}: {plural(r.recorded, 'vote')} recorded
                {r.duplicates > 0 ? `, ${r.duplicates} already on record` : ''}
                {r.notVoted > 0 ? `, ${plural(r.notVoted, 'elector')} marked as not voting` : ''}
                {r.unknownCount > 0 ? `; ${plural(r.unknownCount, 'number')} not on the register` : ''}. Districts:{' '}
                {r.districts.map((d) => `${d.pollingDistrict} (${d.recorded})`).join(', ') || 'none'}.
              </p>
              <UnmatchedTable caption="Numbers not on the register (not recorded)" rows={r.unknown} total={r.unknownCount} />
              <Link className="button primary" to={`/register/${areaId}/walk-sheet${district ? `?district=${district}` : ''}`}>
                Walk sheet by voting history
              </Link>
            </section>
          );
        }}
      />
    </>
  );
}
