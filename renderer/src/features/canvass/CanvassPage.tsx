import { Link, useNavigate } from 'react-router';
import { canvassContract } from '../../../../shared/contract/canvass.ts';
import { chosenId } from '../../../../shared/contract/form-fields.ts';
import { keptToAssignments } from '../../../../shared/contract/roles.ts';
import { ukToday } from '../../../../shared/domain/working-days.ts';
import { api, useApi } from '../../app/api.ts';
import { canUse } from '../../app/nav.ts';
import { Field } from '../../ui/Field.tsx';
import { useApiForm } from '../../ui/useApiForm.ts';
import { formatDate } from '../../ui/format.ts';
import { EmptyState, ErrorMessage, Loading, PageHeader } from '../../ui/Page.tsx';
import { AreaDistrictFields } from './AreaDistrictFields.tsx';
import { NothingAssigned, useMayImportRegister } from './NothingAssigned.tsx';

const sessionForm = canvassContract['canvass.createSession'].input.extend({ areaId: chosenId('Choose the area canvassed') });

export function CanvassPage() {
  const navigate = useNavigate();
  const sessions = useApi('canvass.listSessions', {});
  const registers = useApi('register.list', {});
  // Who canvasses where is the coordinator's to say; null is the single user of a file.
  const me = useApi('access.me', {});
  const mayAssign = me.data !== undefined && canUse('/canvass/districts', me.data);
  const mayImport = useMayImportRegister();
  const form = useApiForm(sessionForm, { areaId: undefined, pollingDistrict: '', heldOn: ukToday(), canvassers: '' });
  // A canvasser kept to their districts starts a whole-area session only where assigned the whole area.
  const areaId = form.watch('areaId');
  const kept = me.data ? keptToAssignments(me.data.roles) : false;
  const mine = useApi('assignments.list', kept && areaId ? { areaId } : null);
  const wholeArea = !kept || Boolean(mine.data?.some((a) => a.pollingDistrict === ''));
  const create = form.submit(async (v) => {
    const s = await api('canvass.createSession', v);
    navigate(`/canvass/sessions/${s.id}`);
  });

  const noRegister = mayImport ? (
    <EmptyState title="Import a register first">
      <p>
        Returns are entered against the electoral register. <Link to="/register/import">Import the register</Link> of the area you canvass.
      </p>
    </EmptyState>
  ) : (
    <NothingAssigned />
  );

  return (
    <>
      <PageHeader
        title="Canvassing"
        subtitle="A session is one evening’s returns: start one, then type the paper returns in."
        actions={
          <>
            <Link className="button" to="/canvass/codes">
              Canvass codes
            </Link>
            <Link className="button" to="/canvass/tallies">
              Tallies and follow-ups
            </Link>
            {mayAssign && (
              <Link className="button" to="/canvass/districts">
                Canvassers’ districts
              </Link>
            )}
          </>
        }
      />
      {registers.data && registers.data.length === 0 ? (
        noRegister
      ) : (
        <form className="panel" onSubmit={create} noValidate>
          <h2>New session</h2>
          <ErrorMessage error={form.formError} />
          <div className="row">
            <AreaDistrictFields form={form} registers={registers.data} wholeArea={wholeArea} />
            <Field label="Date" error={form.errorOf('heldOn')}>
              {(a) => <input {...a} type="date" {...form.register('heldOn')} />}
            </Field>
            <Field label="Canvassers" error={form.errorOf('canvassers')} hint="Who went out">
              {(a) => <input {...a} {...form.register('canvassers')} />}
            </Field>
          </div>
          <button type="submit" className="primary">
            Start entering returns
          </button>
        </form>
      )}
      <h2>Sessions</h2>
      <ErrorMessage error={sessions.error} />
      {!sessions.data && <Loading />}
      {sessions.data?.length === 0 && <p className="muted">No sessions yet.</p>}
      {sessions.data && sessions.data.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Area</th>
              <th scope="col">District</th>
              <th scope="col">Canvassers</th>
              <th scope="col" className="num">
                Returns
              </th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {sessions.data.map((s) => (
              <tr key={s.id}>
                <td>
                  <Link to={`/canvass/sessions/${s.id}`}>{formatDate(s.heldOn)}</Link>
                </td>
                <td>{s.areaName}</td>
                <td>{s.pollingDistrict || 'Whole area'}</td>
                <td>{s.canvassers || '—'}</td>
                <td className="num">{s.returnCount}</td>
                <td>
                  <Link to={`/canvass/sessions/${s.id}/edit`}>
                    Change or delete<span className="sr-only"> the session of {formatDate(s.heldOn)}</span>
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
