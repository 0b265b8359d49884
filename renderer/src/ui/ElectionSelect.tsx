import type { Election } from '../../../shared/contract/elections.ts';
import { Field } from './Field.tsx';

/** A filter for pages that list things across elections: one election, or all of them. */
export function ElectionSelect(props: { elections: Election[] | undefined; value: number | undefined; onChange(id: number | undefined): void }) {
  return (
    <Field label="Election">
      {(a) => (
        <select {...a} value={props.value ?? ''} onChange={(e) => props.onChange(e.target.value ? Number(e.target.value) : undefined)}>
          <option value="">All elections</option>
          {props.elections?.map((x) => (
            <option key={x.id} value={x.id}>
              {x.name}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
