import { Field } from '../../ui/Field.tsx';

/** Choose one polling district of an area, or all of them (`''`). */
export function DistrictSelect(props: {
  value: string;
  onChange(d: string): void;
  districts: readonly { pollingDistrict: string; label?: string }[];
  allLabel?: string;
}) {
  return (
    <Field label="Polling district">
      {(a) => (
        <select {...a} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
          <option value="">{props.allLabel ?? 'All districts'}</option>
          {props.districts.map((d) => (
            <option key={d.pollingDistrict} value={d.pollingDistrict}>
              {d.label ?? d.pollingDistrict}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
