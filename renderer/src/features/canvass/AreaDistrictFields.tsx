import type { UseFormRegisterReturn } from 'react-hook-form';
import type { MethodOutput } from '../../../../shared/contract/index.ts';
import { useApi } from '../../app/api.ts';
import { Field } from '../../ui/Field.tsx';
import { idOrNaN } from '../../ui/fields.ts';

/** The part of a canvass form (`useApiForm`) with an `areaId` and a `pollingDistrict`. */
interface AreaDistrictForm {
  register(name: 'areaId', options: { setValueAs: typeof idOrNaN }): UseFormRegisterReturn;
  register(name: 'pollingDistrict'): UseFormRegisterReturn;
  watch(name: 'areaId'): number | undefined;
  errorOf(name: 'areaId' | 'pollingDistrict'): string | undefined;
}

/**
 * The Area and Polling district choice of a canvass form (a session, an assignment): the areas
 * that have a register, then the chosen area's polling districts or the whole area. For a
 * canvasser on a team server the server lists only their own.
 */
export function AreaDistrictFields(props: {
  form: AreaDistrictForm;
  registers: MethodOutput<'register.list'> | undefined;
  /** Whether the whole area is a choice (not for a canvasser assigned only districts of it). */
  wholeArea?: boolean;
}) {
  const { form } = props;
  const areaId = form.watch('areaId');
  const districts = useApi('register.listDistricts', areaId ? { areaId } : null);
  return (
    <>
      <Field label="Area" error={form.errorOf('areaId')}>
        {(a) => (
          <select {...a} {...form.register('areaId', { setValueAs: idOrNaN })}>
            <option value="">Choose…</option>
            {props.registers?.map((r) => (
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
            <option value="">{props.wholeArea === false ? 'Choose…' : 'Whole area'}</option>
            {districts.data?.map((d) => (
              <option key={d.pollingDistrict} value={d.pollingDistrict}>
                {d.pollingDistrict}
              </option>
            ))}
          </select>
        )}
      </Field>
    </>
  );
}
