import { useApi } from '../../app/api.ts';
import { Field } from '../../ui/Field.tsx';

export interface VotedIn {
  n: number;
  m: number;
}

/** Read from / written to a page address: `voted=2&of=3`. */
export function votedInFromParams(params: URLSearchParams): VotedIn | undefined {
  const n = Number(params.get('voted'));
  const m = Number(params.get('of'));
  return params.has('voted') && Number.isInteger(n) && Number.isInteger(m) && m >= 1 && n >= 0 && n <= m ? { n, m } : undefined;
}

/**
 * "Voted in N of the last M elections", the choices sized to the elections on record for the
 * area; `exclude` leaves out the poll under way (a knock-up list counts earlier elections only).
 */
export function VotedInFilter(props: { areaId: number; exclude?: number; value: VotedIn | undefined; onChange(v: VotedIn | undefined): void }) {
  const known = useApi('voting.knownElections', { areaId: props.areaId }).data?.filter((e) => e.id !== props.exclude);
  const total = Math.min(known?.length ?? 0, 5);
  const options: VotedIn[] = [];
  for (let m = 1; m <= total; m++) for (let n = m; n >= 1; n--) options.push({ n, m });
  const latest = known
    ?.slice(0, total)
    .map((e) => e.label)
    .join(', ');
  const earlier = props.exclude === undefined ? '' : ' earlier';
  return (
    <Field
      label="Voting history"
      hint={
        total === 0 ? `No${earlier} election’s votes are on record for this area yet` : `${earlier ? 'Earlier elections' : 'Elections'} on record: ${latest}`
      }
    >
      {(a) => (
        <select
          {...a}
          disabled={total === 0}
          value={props.value ? `${props.value.n}/${props.value.m}` : ''}
          onChange={(e) => {
            const [n, m] = e.target.value.split('/').map(Number);
            props.onChange(e.target.value ? { n, m } : undefined);
          }}
        >
          <option value="">Anyone</option>
          {options.map((o) => (
            <option key={`${o.n}/${o.m}`} value={`${o.n}/${o.m}`}>
              {o.m === 1 ? 'Voted in the last election' : o.n === o.m ? `Voted in all of the last ${o.m}` : `Voted in at least ${o.n} of the last ${o.m}`}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
