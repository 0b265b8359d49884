import { useState } from 'react';
import { assignmentsContract } from '../../../../shared/contract/assignments.ts';
import { chosenId } from '../../../../shared/contract/form-fields.ts';
import { api, useApi } from '../../app/api.ts';
import { Field } from '../../ui/Field.tsx';
import { formatDate } from '../../ui/format.ts';
import { ErrorMessage, Loading, PageHeader } from '../../ui/Page.tsx';
import { useApiForm } from '../../ui/useApiForm.ts';
import { AreaDistrictFields } from './AreaDistrictFields.tsx';

const assignForm = assignmentsContract['assignments.assign'].input.extend({ areaId: chosenId('Choose the area') });

/**
 * Canvassers' districts, for whoever may assign them: on a team server a canvasser sees and
 * canvasses only what is assigned to them here.
 */
export function AssignmentsPage() {
  const registers = useApi('register.list', {});
  const assignments = useApi('assignments.list', {});
  const form = useApiForm(assignForm, { person: '', areaId: undefined, pollingDistrict: '' });
  // On a team server the canvasser is one of the team's accounts holding the role (their reach
  // follows their account name); the single user of a file types the name.
  const me = useApi('access.me', {});
  const team = Boolean(me.data);
  const canvassers = useApi('team.canvassers', team ? {} : null);
  const [removeError, setRemoveError] = useState<string>();

  const assign = form.submit(async (v) => {
    await api('assignments.assign', v);
    form.reset({ person: '', areaId: v.areaId, pollingDistrict: '' });
  });
  const remove = async (id: number) => {
    setRemoveError(undefined);
    try {
      await api('assignments.unassign', { id });
    } catch (e) {
      setRemoveError((e as Error).message);
    }
  };

  return (
    <>
      <PageHeader
        title="Canvassers’ districts"
        back={{ to: '/canvass', label: 'Canvassing' }}
        subtitle="On a team server a canvasser sees the register, sessions and tallies only of the areas or polling districts assigned to them here."
      />
      <form className="panel" onSubmit={assign} noValidate>
        <h2>Assign a canvasser</h2>
        <ErrorMessage error={form.formError} />
        <div className="row">
          {team ? (
            <Field
              label="Canvasser"
              error={form.errorOf('person')}
              hint={canvassers.data?.length === 0 ? 'No account holds the canvasser role yet: the team secretary gives it on the Team page.' : undefined}
            >
              {(a) => (
                <select {...a} {...form.register('person')}>
                  <option value="">Choose…</option>
                  {canvassers.data?.map((c) => (
                    <option key={c.id}>{c.name}</option>
                  ))}
                </select>
              )}
            </Field>
          ) : (
            <Field label="Canvasser" error={form.errorOf('person')} hint="Their name as they sign in">
              {(a) => <input {...a} {...form.register('person')} />}
            </Field>
          )}
          <AreaDistrictFields form={form} registers={registers.data} />
        </div>
        <button type="submit" className="primary">
          Assign
        </button>
      </form>
      <h2>Assigned</h2>
      <ErrorMessage error={assignments.error ?? removeError} />
      {!assignments.data && !assignments.error && <Loading />}
      {assignments.data?.length === 0 && <p className="muted">No canvasser is assigned yet.</p>}
      {assignments.data && assignments.data.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">Canvasser</th>
              <th scope="col">Area</th>
              <th scope="col">District</th>
              <th scope="col">Assigned</th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {assignments.data.map((a) => (
              <tr key={a.id}>
                <td>{a.person}</td>
                <td>{a.areaName}</td>
                <td>{a.pollingDistrict || 'Whole area'}</td>
                <td>
                  {formatDate(a.assignedAt.slice(0, 10))} by {a.assignedBy}
                </td>
                <td>
                  <button type="button" onClick={() => void remove(a.id)}>
                    Remove
                    <span className="sr-only">
                      {' '}
                      {a.person} from {a.pollingDistrict || a.areaName}
                    </span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
