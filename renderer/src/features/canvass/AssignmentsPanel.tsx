import { useState } from 'react';
import { allows } from '../../../../shared/contract/access.ts';
import { assignmentsContract } from '../../../../shared/contract/assignments.ts';
import { chosenId } from '../../../../shared/contract/form-fields.ts';
import { api, useApi } from '../../app/api.ts';
import { Field } from '../../ui/Field.tsx';
import { idOrNaN } from '../../ui/fields.ts';
import { formatDate } from '../../ui/format.ts';
import { ErrorMessage } from '../../ui/Page.tsx';
import { useApiForm } from '../../ui/useApiForm.ts';

const assignForm = assignmentsContract['assignments.assign'].input.extend({ areaId: chosenId('Choose the area') });

/**
 * Canvassers' districts, for whoever may assign them: on a team server a canvasser sees and
 * canvasses only what is assigned to them here. The name is their account name, typed.
 */
export function AssignmentsPanel(props: { registers: readonly { areaId: number; areaName: string }[] }) {
  const me = useApi('access.me', {});
  const mayAssign = me.data === null || (me.data !== undefined && allows(assignmentsContract['assignments.assign'].access, me.data.roles));
  const assignments = useApi('assignments.list', mayAssign ? {} : null);
  const form = useApiForm(assignForm, { person: '', areaId: undefined, pollingDistrict: '' });
  const areaId = form.watch('areaId');
  const districts = useApi('register.listDistricts', areaId ? { areaId } : null);
  const [removeError, setRemoveError] = useState<string>();
  if (!mayAssign) return null;

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
    <section className="panel" aria-labelledby="assignments-heading">
      <h2 id="assignments-heading">Canvassers’ districts</h2>
      <p className="muted">On a team server a canvasser sees the register, sessions and tallies only of the areas or polling districts assigned here.</p>
      <form onSubmit={assign} noValidate>
        <ErrorMessage error={form.formError} />
        <div className="row">
          <Field label="Canvasser" error={form.errorOf('person')} hint="Their name as they sign in">
            {(a) => <input {...a} {...form.register('person')} />}
          </Field>
          <Field label="Area" error={form.errorOf('areaId')}>
            {(a) => (
              <select {...a} {...form.register('areaId', { setValueAs: idOrNaN })}>
                <option value="">Choose…</option>
                {props.registers.map((r) => (
                  <option key={r.areaId} value={r.areaId}>
                    {r.areaName}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Polling district" error={form.errorOf('pollingDistrict')}>
            {(a) => (
              <select {...a} {...form.register('pollingDistrict')}>
                <option value="">Whole area</option>
                {areaId &&
                  districts.data?.map((d) => (
                    <option key={d.pollingDistrict} value={d.pollingDistrict}>
                      {d.pollingDistrict}
                    </option>
                  ))}
              </select>
            )}
          </Field>
        </div>
        <button type="submit">Assign</button>
      </form>
      <ErrorMessage error={assignments.error ?? removeError} />
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
    </section>
  );
}
