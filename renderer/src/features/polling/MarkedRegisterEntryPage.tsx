import { useState } from 'react';
import { useParams } from 'react-router';
import { useApi } from '../../app/api.ts';
import { Field } from '../../ui/Field.tsx';
import { ErrorMessage, PageHeader } from '../../ui/Page.tsx';
import { Loaded } from '../../ui/Loaded.tsx';
import { DistrictSelect } from './DistrictSelect.tsx';
import { RapidNumberEntry } from './RapidNumberEntry.tsx';
import { pollingDayBack } from './links.ts';

/**
 * The marked register, entered after the poll: the election and a polling district's pages, then
 * number, Enter for each elector marked as having voted (p for a postal vote). Each elector's
 * voting history grows by the election.
 */
export function MarkedRegisterEntryPage() {
  const contestId = Number(useParams().id);
  const contest = useApi('contests.get', { id: contestId });
  const elections = useApi('elections.list', {});
  const [electionId, setElectionId] = useState<number | undefined>();
  const districts = useApi('telling.getDistricts', { contestId, electionId });
  const [district, setDistrict] = useState('');
  if (!contest.data) return <Loaded of={contest} />;
  const c = contest.data;
  const election = electionId ?? c.electionId;
  const chosen = districts.data?.districts.find((d) => d.pollingDistrict === district);
  return (
    <>
      <PageHeader
        title="Marked register"
        back={pollingDayBack(contestId, c.areaName)}
        subtitle={`Enter who voted, page by page, from the marked register the electoral registration office supplies for ${c.areaName}. Votes are dated the election’s polling day.`}
      />
      <ErrorMessage error={elections.error ?? districts.error} />
      <div className="row">
        <Field label="Election" hint="An earlier election’s marked register gives the electors a voting history">
          {(a) => (
            <select {...a} value={election} onChange={(e) => setElectionId(Number(e.target.value))}>
              {elections.data?.map((e) => (
                <option key={e.id} value={e.id}>
                  {e.name} ({e.pollingDay})
                </option>
              ))}
            </select>
          )}
        </Field>
        <DistrictSelect label="Polling district" districts={districts.data?.districts} value={district} onChange={setDistrict} />
      </div>
      {chosen && (
        <p className="muted" data-testid="district-total">
          {chosen.pollingDistrict} in {districts.data?.electionName}: {chosen.voted.toLocaleString('en-GB')} of {chosen.electors.toLocaleString('en-GB')}{' '}
          electors marked as voted.
        </p>
      )}
      {district && (
        <RapidNumberEntry
          key={`${election}-${district}`}
          scope={`marked:${contestId}`}
          contestId={contestId}
          electionId={election}
          pollingDistrict={district}
          source="marked_register"
          allowPostal
        />
      )}
    </>
  );
}
