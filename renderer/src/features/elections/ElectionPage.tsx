import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { electionTypeLabel, NATION_LABELS } from '../../../../shared/domain/election-types.ts';
import { api, useApi } from '../../app/api.ts';
import { DeleteButton } from '../../ui/DeleteButton.tsx';
import { formatDate } from '../../ui/format.ts';
import { ErrorMessage, Loading, PageHeader } from '../../ui/Page.tsx';
import { ContestsPanel } from '../contests/ContestsPanel.tsx';
import { ElectionTimetablePanel } from '../timetable/TimetablePanel.tsx';
import { TasksPanel } from '../timetable/TasksPanel.tsx';
import { ElectionForm } from './ElectionForm.tsx';

export function ElectionPage() {
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const { data: e, error } = useApi('elections.get', { id });
  const [editing, setEditing] = useState(false);
  if (error) return <ErrorMessage error={error} />;
  if (!e) return <Loading />;
  return (
    <>
      <PageHeader
        title={e.name}
        back={{ to: '/elections', label: 'Elections' }}
        subtitle={`${electionTypeLabel(e.type, e.nation)} · ${NATION_LABELS[e.nation]} · polling day ${formatDate(e.pollingDay)}`}
        actions={
          !editing && (
            <>
              <button type="button" onClick={() => setEditing(true)}>
                Edit
              </button>
              <DeleteButton
                what={e.name}
                impactNoun="contest"
                impact={async () => {
                  const i = await api('elections.deleteImpact', { id });
                  return { items: i.contests, blockedBy: i.blockedBy };
                }}
                remove={async () => {
                  await api('elections.delete', { id, confirm: true });
                  navigate('/elections');
                }}
              />
            </>
          )
        }
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
