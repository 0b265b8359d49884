import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { electionTypeLabel, NATION_LABELS } from '../../../../shared/domain/election-types.ts';
import { api, useApi } from '../../app/api.ts';
import { formatDate } from '../../ui/format.ts';
import { Loaded } from '../../ui/Loaded.tsx';
import { RecordPage } from '../../ui/RecordPage.tsx';
import { ContestsPanel } from '../contests/ContestsPanel.tsx';
import { ElectionTimetablePanel } from '../timetable/TimetablePanel.tsx';
import { TasksPanel } from '../timetable/TasksPanel.tsx';
import { ElectionForm } from './ElectionForm.tsx';

export function ElectionPage() {
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const electionQuery = useApi('elections.get', { id });
  const e = electionQuery.data;
  const [editing, setEditing] = useState(false);
  if (!e) return <Loaded of={electionQuery} />;
  return (
    <>
      <RecordPage
        title={e.name}
        back={{ to: '/elections', label: 'Elections' }}
        subtitle={`${electionTypeLabel(e.type, e.nation)} · ${NATION_LABELS[e.nation]} · polling day ${formatDate(e.pollingDay)}`}
        editing={editing}
        onEdit={() => setEditing(true)}
        remove={{
          what: e.name,
          impactNoun: 'contest',
          impact: async () => {
            const i = await api('elections.deleteImpact', { id });
            return { items: i.contests, blockedBy: i.blockedBy };
          },
          remove: async () => {
            await api('elections.delete', { id, confirm: true });
            navigate('/elections');
          },
        }}
      />
      {editing ? (
        <ElectionForm
          initial={e}
          submitLabel="Save changes"
          onSubmit={async (values) => {
            await api('elections.update', { id, ...values });
            setEditing(false);
          }}
          onCancel={() => setEditing(false)}
        />
      ) : (
        (e.dcId || e.notes) && (
          <dl className="facts">
            {e.dcId && (
              <>
                <dt>Democracy Club id</dt>
                <dd>
                  <code>{e.dcId}</code>
                </dd>
              </>
            )}
            {e.notes && (
              <>
                <dt>Notes</dt>
                <dd className="pre">{e.notes}</dd>
              </>
            )}
          </dl>
        )
      )}
      <ElectionTimetablePanel electionId={id} />
      <ContestsPanel electionId={id} />
      <TasksPanel electionId={id} />
    </>
  );
}
