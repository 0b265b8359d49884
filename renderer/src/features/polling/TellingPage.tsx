import { useState } from 'react';
import { useParams } from 'react-router';
import { useApi } from '../../app/api.ts';
import { formatDate } from '../../ui/format.ts';
import { ErrorMessage, PageHeader } from '../../ui/Page.tsx';
import { Loaded } from '../../ui/Loaded.tsx';
import { DistrictSelect } from './DistrictSelect.tsx';
import { RapidNumberEntry } from './RapidNumberEntry.tsx';
import { pollingDayBack } from './links.ts';

/**
 * Tellers' numbers on polling day: the district (station) once per batch, then number, Enter for
 * each voter on the slip. Works offline: numbers wait on this device and are sent when the server
 * answers again.
 */
export function TellingPage() {
  const contestId = Number(useParams().id);
  const contest = useApi('contests.get', { id: contestId });
  const districts = useApi('telling.getDistricts', { contestId });
  const [district, setDistrict] = useState('');
  if (!contest.data) return <Loaded of={contest} />;
  const c = contest.data;
  const chosen = districts.data?.districts.find((d) => d.pollingDistrict === district);
  return (
    <>
      <PageHeader
        title="Tellers’ numbers"
        back={pollingDayBack(contestId, c.areaName)}
        subtitle={`Polling day ${formatDate(c.pollingDay)}. Enter the numbers from the tellers’ slips as they come in: they are stamped with the time you enter them.`}
      />
      <ErrorMessage error={districts.error} />
      <div className="row">
        <DistrictSelect districts={districts.data?.districts} value={district} onChange={setDistrict} />
      </div>
      {chosen && (
        <p className="muted" data-testid="district-total">
          {chosen.pollingDistrict}: {chosen.voted.toLocaleString('en-GB')} of {chosen.electors.toLocaleString('en-GB')} electors have voted so far.
        </p>
      )}
      {district && <RapidNumberEntry key={district} scope={`telling:${contestId}`} contestId={contestId} pollingDistrict={district} source="teller" />}
    </>
  );
}
