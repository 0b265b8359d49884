/** Tick boxes for the polling districts a station serves or a room knocks up, saying who has each now. */
export function DistrictChecks(props: {
  legend: string;
  error?: string;
  districts: { pollingDistrict: string; electors: number }[];
  value: string[];
  onChange(value: string[]): void;
  /** District → the station or room that has it now. */
  takenBy: Map<string, string>;
  /** The record being edited: its own districts are not "taken". */
  self?: string;
  /** How the owner is named: "served by" (a station), "covered by" (a room). */
  ownerWord: string;
}) {
  return (
    <fieldset className={`district-checks${props.error ? ' field-invalid' : ''}`}>
      <legend>{props.legend}</legend>
      {props.districts.length === 0 && <p className="muted">This area has no register yet: import it to choose polling districts.</p>}
      {props.districts.map((d) => {
        const owner = props.takenBy.get(d.pollingDistrict);
        const checked = props.value.includes(d.pollingDistrict);
        return (
          <label key={d.pollingDistrict} className="choice">
            <input
              type="checkbox"
              checked={checked}
              onChange={(e) =>
                props.onChange(e.target.checked ? [...props.value, d.pollingDistrict].sort() : props.value.filter((x) => x !== d.pollingDistrict))
              }
            />
            {d.pollingDistrict}
            {owner && owner !== props.self && (
              <span className="muted">
                &nbsp;({props.ownerWord} {owner})
              </span>
            )}
          </label>
        );
      })}
      {props.error && (
        <p className="error" role="alert">
          {props.error}
        </p>
      )}
    </fieldset>
  );
}
