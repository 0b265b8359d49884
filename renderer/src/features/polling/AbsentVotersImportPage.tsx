import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ABSENT_VOTE_LABELS, type AbsentVote } from '../../../../shared/domain/voting-columns.ts';
import { api, useApi } from '../../app/api.ts';
import { Field } from '../../ui/Field.tsx';
import { plural } from '../../ui/format.ts';
import { ErrorMessage, PageHeader } from '../../ui/Page.tsx';
import { DistrictSelect } from '../register/DistrictSelect.tsx';
import { UnmatchedTable, VotingListImport } from './VotingListImport.tsx';
import { pollingDayBack } from './links.ts';

/** Postal and proxy voters of a contest's area: from the council's absent voters list, or the register's markers. */
export function AbsentVotersImportPage() {
  const id = Number(useParams().id);
  const contest = useApi('contests.get', { id });
  const areaId = contest.data?.areaId;
  const districts = useApi('register.listDistricts', areaId ? { areaId } : null);
  const [district, setDistrict] = useState('');
  const [kind, setKind] = useState<AbsentVote | ''>('');
  const [letters, setLetters] = useState({ postal: '', proxy: '', postalProxy: '' });
  const [markerResult, setMarkerResult] = useState<string>();
  const [markerError, setMarkerError] = useState<string>();

  const fromMarkers = async () => {
    if (!areaId) return;
    setMarkerError(undefined);
    try {
      const n = await api('voting.absentFromMarkers', { areaId, ...letters });
      setMarkerResult(
        `Set ${plural(n.postal, 'postal voter')}, ${plural(n.proxy, 'proxy voter')} and ${plural(n.postal_proxy, 'postal proxy', 'postal proxies')} from the markers.`,
      );
    } catch (e) {
      setMarkerError((e as Error).message);
    }
  };

  return (
    <>
      <PageHeader
        title="Postal and proxy voters"
        back={pollingDayBack(id, contest.data?.areaName)}
        subtitle="Import the council’s absent voters list, so postal vote week reaches the supporters whose ballots are about to land. Electors are matched by elector number; numbers not on the register are listed."
        actions={
          <Link className="button" to={`/contests/${id}/polling-day/postal-week`}>
            Postal vote week list
          </Link>
        }
      />
      <ErrorMessage error={contest.error} />
      <VotingListImport
        list="absent"
        fileLabel="Absent voters list (CSV)"
        markOptional
        notReady={areaId ? undefined : 'Loading the contest…'}
        choices={
          <>
            <DistrictSelect
              value={district}
              onChange={setDistrict}
              allLabel="Numbers carry their district"
              districts={(districts.data ?? []).map((d) => ({
                pollingDistrict: d.pollingDistrict,
                label: `Only ${d.pollingDistrict}: bare numbers are in it`,
              }))}
            />
            <Field label="Every row is" hint="When the file has no type column">
              {(a) => (
                <select {...a} value={kind} onChange={(e) => setKind(e.target.value as AbsentVote | '')}>
                  <option value="">As its type column says</option>
                  {(Object.keys(ABSENT_VOTE_LABELS) as AbsentVote[]).map((k) => (
                    <option key={k} value={k}>
                      {ABSENT_VOTE_LABELS[k]} voter
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </>
        }
        run={async (fileId, mapping) => {
          const r = await api('voting.importAbsent', {
            fileId,
            areaId: areaId!,
            mapping,
            ...(kind ? { absentVote: kind } : {}),
            ...(district ? { pollingDistrict: district } : {}),
          });
          return (
            <section className="panel" aria-labelledby="absent-done">
              <h2 id="absent-done">Imported</h2>
              <p className="success" role="status">
                {r.fileName}: {plural(r.matched, 'elector')} matched ({r.byKind.postal} postal, {r.byKind.proxy} proxy, {r.byKind.postal_proxy} postal proxy);{' '}
                {r.unmatchedCount === 0 ? 'every number is on the register.' : `${plural(r.unmatchedCount, 'number')} not on the register.`}
              </p>
              <UnmatchedTable caption="Numbers not on the register (not imported)" rows={r.unmatched} total={r.unmatchedCount} />
              <Link className="button primary" to={`/contests/${id}/polling-day/postal-week`}>
                See the postal vote week list
              </Link>
            </section>
          );
        }}
      />
      <section className="panel">
        <h2>Or from the register’s markers</h2>
        <p className="muted">
          Some councils mark absent voters on the register itself. Give the letter yours uses for each kind; electors carrying it are set.
        </p>
        <div className="row">
          <Field label="Postal marker">
            {(a) => <input {...a} size={2} maxLength={1} value={letters.postal} onChange={(e) => setLetters({ ...letters, postal: e.target.value })} />}
          </Field>
          <Field label="Proxy marker">
            {(a) => <input {...a} size={2} maxLength={1} value={letters.proxy} onChange={(e) => setLetters({ ...letters, proxy: e.target.value })} />}
          </Field>
          <Field label="Postal proxy marker">
            {(a) => (
              <input {...a} size={2} maxLength={1} value={letters.postalProxy} onChange={(e) => setLetters({ ...letters, postalProxy: e.target.value })} />
            )}
          </Field>
        </div>
        <ErrorMessage error={markerError} />
        {markerResult && (
          <p className="success" role="status">
            {markerResult}
          </p>
        )}
        <button type="button" disabled={!areaId} onClick={() => void fromMarkers()}>
          Set from markers
        </button>
      </section>
    </>
  );
}
