import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { REQUEST_LABELS } from '../../../../shared/domain/canvass-codes.ts';
import { api, useApi } from '../../app/api.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { usePersonalDataExport } from '../../ui/PersonalDataExport.tsx';
import { downloadText } from '../../ui/download.ts';
import { formatDate } from '../../ui/format.ts';
import { ErrorMessage, Loading, PageHeader } from '../../ui/Page.tsx';
import { oneLine, outcomeLabel } from './labels.ts';
import { ReturnsTable } from './ReturnsTable.tsx';

export function ElectorPage() {
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const { data, error } = useApi('register.getElector', { id });
  const [asking, setAsking] = useState(false);
  const [actionError, setActionError] = useState<string>();
  const exporting = usePersonalDataExport();
  if (error) return <ErrorMessage error={error} />;
  if (!data) return <Loading />;
  const e = data.elector;

  const exportData = async () => {
    setActionError(undefined);
    try {
      const doc = await api('register.getPersonExport', { id });
      downloadText(`elector-${e.electorNumber.replace(/\W+/g, '-')}.json`, JSON.stringify(doc, null, 2), 'application/json');
    } catch (err) {
      setActionError((err as Error).message);
    }
  };
  const erase = async () => {
    setAsking(false);
    try {
      await api('register.erasePerson', { id, confirm: true });
      navigate(`/register/${e.areaId}`, { replace: true });
    } catch (err) {
      setActionError((err as Error).message);
    }
  };

  return (
    <>
      <PageHeader
        title={e.fullName}
        subtitle={`${e.electorNumber} · ${oneLine(e.address, e.postcode)}`}
        back={{ to: `/register/${e.areaId}`, label: 'Electors' }}
        actions={
          <>
            <button type="button" onClick={() => exporting.ask(`everything Hustings holds about ${e.fullName}: register entry, household, canvass history and activity`, exportData)}>
              Export their data
            </button>
            <button type="button" className="danger" onClick={() => setAsking(true)}>
              Erase their data
            </button>
          </>
        }
      />
      <ErrorMessage error={actionError} />
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
        <dt>Open requests</dt>
        <dd>{e.requests.map((q) => REQUEST_LABELS[q]).join(', ') || '—'}</dd>
        <dt>Last canvassed</dt>
        <dd>{formatDate(e.lastCanvassedOn)}</dd>
        <dt>Household</dt>
        <dd>
          {data.household ? <Link to={`/households/${data.household.id}`}>{oneLine(data.household.address, data.household.postcode)}</Link> : 'No fixed address'}
          {data.members.length > 0 && ` — also ${data.members.map((m) => m.fullName).join(', ')}`}
        </dd>
      </dl>
      <h2>Canvass history</h2>
      <ReturnsTable returns={data.returns} caption={`Returns for ${e.fullName}`} />
      {exporting.dialog}
      <ConfirmDialog
        open={asking}
        title={`Erase ${e.fullName}?`}
        message={`This removes ${e.fullName} from the register, deletes their canvass returns and blanks their details in the activity log, leaving only a note that an erasure happened. It cannot be undone; a re-imported register would add them again as a new elector.`}
        confirmLabel="Erase"
        onCancel={() => setAsking(false)}
        onConfirm={erase}
      />
    </>
  );
}
