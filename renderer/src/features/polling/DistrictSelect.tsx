import type { MethodOutput } from '../../../../shared/contract/index.ts';
import { Field } from '../../ui/Field.tsx';

type Districts = MethodOutput<'telling.getDistricts'>['districts'];

/** The polling district a batch is for, each with its station and how many have voted so far. */
export function DistrictSelect(props: { districts: Districts | undefined; value: string; onChange(d: string): void; label?: string }) {
  return (
    <Field label={props.label ?? 'Polling station (district)'} hint="Chosen once per batch: the numbers you type are this district’s">
      {(a) => (
        <select {...a} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
          <option value="">Choose the district…</option>
          {props.districts?.map((d) => (
            <option key={d.pollingDistrict} value={d.pollingDistrict}>
              {d.pollingDistrict}
              {d.station ? ` — ${d.station}` : ''} ({d.voted.toLocaleString('en-GB')} of {d.electors.toLocaleString('en-GB')} voted)
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
