import { Link, useNavigate, useParams } from 'react-router';
import { REQUEST_LABELS } from '../../../../shared/domain/canvass-codes.ts';
import { api, useApi } from '../../app/api.ts';
import { formatDate } from '../../ui/format.ts';
import { PageHeader } from '../../ui/Page.tsx';
import { Loaded } from '../../ui/Loaded.tsx';
import { PersonalDataActions } from '../../ui/PersonalDataActions.tsx';
import { oneLine, outcomeLabel } from './labels.ts';
import { ReturnsTable } from './ReturnsTable.tsx';
import { ABSENT_VOTE_LABELS, VOTE_METHOD_LABELS } from '../../../../shared/domain/voting-columns.ts';
import type { MethodOutput } from '../../../../shared/contract/index.ts';

/** "Postal voter. Voted: 2026 local (in person); did not vote: 2024 general". */
function votingSummary(v: MethodOutput<'voting.electorHistory'>): string {
  const absent = v.absentVote ? `${ABSENT_VOTE_LABELS[v.absentVote]} voter. ` : '';
  const voted = v.history.filter((h) => h.voted).map((h) => `${h.label} (${VOTE_METHOD_LABELS[h.method ?? 'in_person']})`);
  const not = v.history.filter((h) => !h.voted).map((h) => h.label);
  const parts = [voted.length ? `Voted: ${voted.join(', ')}` : '', not.length ? `did not vote: ${not.join(', ')}` : ''].filter(Boolean);
  return `${absent}${parts.join('; ') || 'No elections on record for this area'}`;
}

export function ElectorPage() {
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const elector = useApi('register.getElector', { id });
  const { data } = elector;
  const voting = useApi('voting.electorHistory', { electorId: id });
  if (!data) return <Loaded of={elector} />;
  const e = data.elector;

  return (
    <>
      <PageHeader
        title={e.fullName}
        subtitle={`${e.electorNumber} · ${oneLine(e.address, e.postcode)}`}
        back={{ to: `/register/${e.areaId}`, label: 'Electors' }}
        actions={
          <PersonalDataActions
            name={e.fullName}
            exportContents={`everything Hustings holds about ${e.fullName}: register entry, household, canvass history and activity`}
            exportFile={async () => ({ filename: `elector-${e.electorNumber.replace(/\W+/g, '-')}.json`, doc: await api('register.getPersonExport', { id }) })}
            erase={(confirm) => api('register.erasePerson', { id, confirm })}
            onErased={() => navigate(`/register/${e.areaId}`, { replace: true })}
          />
        }
      />
      <dl className="facts">
        <dt>Elector number</dt>
        <dd>{e.electorNumber}</dd>
        <dt>Polling district</dt>
        <dd>{e.pollingDistrict}</dd>
        {e.markers && (
          <>
            <dt>Markers</dt>
            <dd>{e.markers}</dd>
          </>
        )}
        <dt>Latest outcome</dt>
        <dd>{outcomeLabel(e.latestOutcome)}</dd>
        <dt>Support</dt>
        <dd>{e.latestSupport ?? '—'}</dd>
        <dt>Requests</dt>
        <dd>
          {e.requests
            .map((q) => {
              const mark = data.followUpsDone.find((m) => m.request === q);
              if (!mark) return REQUEST_LABELS[q];
              return `${REQUEST_LABELS[q]} (${mark.reopenedByReturnId === null ? 'done' : 'asked again since it was done'} on ${formatDate(mark.doneOn)})`;
            })
            .join(', ') || '—'}
        </dd>
        <dt>Voting</dt>
        <dd>{voting.data ? votingSummary(voting.data) : '…'}</dd>
        <dt>Last canvassed</dt>
        <dd>{formatDate(e.lastCanvassedOn)}</dd>
        <dt>Household</dt>
        <dd>
          {data.household ? (
            <Link to={`/households/${data.household.id}`}>{oneLine(data.household.address, data.household.postcode)}</Link>
          ) : (
            'No fixed address'
          )}
          {data.members.length > 0 && ` — also ${data.members.map((m) => m.fullName).join(', ')}`}
        </dd>
      </dl>
      <h2>Canvass history</h2>
      <ReturnsTable returns={data.returns} caption={`Returns for ${e.fullName}`} />
    </>
  );
}
