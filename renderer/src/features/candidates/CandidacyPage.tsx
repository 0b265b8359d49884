import { Link, useNavigate, useParams } from 'react-router';
import { electionTypeLabel } from '../../../../shared/domain/election-types.ts';
import { api, useApi } from '../../app/api.ts';
import { formatDate } from '../../ui/format.ts';
import { Loaded } from '../../ui/Loaded.tsx';
import { RecordPage } from '../../ui/RecordPage.tsx';
import { CandidacyOverview } from './CandidacyOverview.tsx';
import { ChecklistPanel } from './ChecklistPanel.tsx';
import { RulesPanel } from './RulesPanel.tsx';
import { StatusChanger } from './StatusChanger.tsx';
import { SubscribersPanel } from './SubscribersPanel.tsx';
import { CandidacyStatusBadge } from './labels.tsx';

/** One candidate's candidacy in one contest: a panel each for the papers, subscribers, checklist, status and rules. */
export function CandidacyPage() {
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const record = useApi('candidacies.get', { id });
  const k = record.data;
  if (!k) return <Loaded of={record} />;
  return (
    <>
      <RecordPage
        title={`${k.candidateName} — ${k.areaName}`}
        back={{ to: `/candidates/${k.candidateId}`, label: k.candidateName }}
        subtitle={
          <>
            <CandidacyStatusBadge status={k.status} /> {k.electionName} · {electionTypeLabel(k.electionType, k.nation)} · polling day {formatDate(k.pollingDay)}{' '}
            · <Link to={`/contests/${k.contestId}`}>the contest</Link>
          </>
        }
        actions={
          <>
            <Link className="button" to={`/candidacies/${id}/pack`}>
              Nomination pack (print)
            </Link>
            <Link className="button" to={`/contests/${k.contestId}/result`}>
              Result
            </Link>
          </>
        }
        remove={{
          what: `${k.candidateName}'s candidacy in ${k.areaName}`,
          impactNoun: 'subscriber',
          impact: async () => k.subscribers.map((s) => s.electorNumber),
          remove: async () => {
            await api('candidacies.delete', { id });
            navigate(`/candidates/${k.candidateId}`);
          },
        }}
      />
      <CandidacyOverview k={k} />
      <SubscribersPanel k={k} />
      <ChecklistPanel k={k} />
      <StatusChanger
        history={k.history}
        allowedNext={k.allowedNext}
        closed="Withdrawn: the candidacy is closed."
        updatedAt={k.updatedAt}
        save={(v) => api('candidacies.setStatus', { id, ...v })}
      />
      <RulesPanel k={k} />
    </>
  );
}
