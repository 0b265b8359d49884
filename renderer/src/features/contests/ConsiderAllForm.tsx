import { useState } from 'react';
import { Link } from 'react-router';
import type { Area } from '../../../../shared/contract/areas.ts';
import { considerAllInput, type ContestBatch } from '../../../../shared/contract/contests.ts';
import { matchesAreaFilter, regionsOf } from '../../../../shared/domain/contest-areas.ts';
import { NATIONS, NATION_LABELS } from '../../../../shared/domain/election-types.ts';
import { api, useApi } from '../../app/api.ts';
import { Field } from '../../ui/Field.tsx';
import { formatDate, formatNumber, plural } from '../../ui/format.ts';
import { ErrorMessage } from '../../ui/Page.tsx';
import { useApiForm } from '../../ui/useApiForm.ts';

const filterInput = considerAllInput.omit({ electionId: true });

/** In words: "in Wales with “Cardiff” in the name", "in England in the North East". */
function describeFilter(f: Pick<ContestBatch, 'nation' | 'region' | 'nameContains'>): string {
  const parts = [
    f.nation ? `in ${NATION_LABELS[f.nation]}` : f.region ? '' : 'in every nation',
    f.region ? `in the ${f.region} region` : '',
    f.nameContains ? `with “${f.nameContains}” in the name` : '',
  ];
  return parts.filter(Boolean).join(' ');
}

/**
 * "Where should we stand?" across a whole election: every area of the kinds it is fought in (or
 * those of one nation or region, or with some text in the name) added at once as contests being considered,
 * so the planner can compare them; each such batch can be undone as one action.
 */
export function ConsiderAllForm(props: { electionId: number; areas: Area[]; taken: Set<number>; kinds: string }) {
  const form = useApiForm(filterInput, { nation: null, region: null, nameContains: '' });
  const [done, setDone] = useState<string>();
  const nation = form.watch('nation') ?? null;
  const region = form.watch('region') ?? null;
  const nameContains = form.watch('nameContains') ?? '';
  const regions = regionsOf(props.areas);
  const matching = props.areas.filter((a) => matchesAreaFilter(a, { nation, region, nameContains }));
  const fresh = matching.filter((a) => !props.taken.has(a.id)).length;
  return (
    <section className="inline-form" aria-labelledby="consider-all-heading">
      <h3 id="consider-all-heading">Consider all {props.kinds} areas at once</h3>
      <p className="muted">
        Adds each matching area as a contest being considered, so you can compare them under <Link to="/planner">Where to stand</Link>. You can undo it in one
        go.
      </p>
      <form
        className="form"
        noValidate
        onSubmit={form.submit(async (values) => {
          setDone(undefined);
          const r = await api('contests.considerAll', { electionId: props.electionId, ...values });
          setDone(
            `Added ${plural(r.created, 'contest')} being considered${r.alreadyContests ? ` (${plural(r.alreadyContests, 'area was', 'areas were')} already contests and left as they are)` : ''}.`,
          );
        })}
      >
        <ErrorMessage error={form.formError} />
        <div className="row">
          <Field label="Nation" error={form.errorOf('nation')}>
            {(a) => (
              <select {...a} {...form.register('nation', { setValueAs: (v) => (v === '' || v === null ? null : v) })}>
                <option value="">Every nation</option>
                {NATIONS.map((n) => (
                  <option key={n} value={n}>
                    {NATION_LABELS[n]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {regions.length > 0 && (
            <Field label="Region" error={form.errorOf('region')}>
              {(a) => (
                <select {...a} {...form.register('region', { setValueAs: (v) => (v === '' || v === null ? null : v) })}>
                  <option value="">Every region</option>
                  {regions.map((r) => (
                    <option key={r} value={r}>
                      {r}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          )}
          <Field label="Name contains (optional)" error={form.errorOf('nameContains')}>
            {(a) => <input {...a} {...form.register('nameContains')} placeholder="e.g. Birmingham" />}
          </Field>
        </div>
        <p role="status">
          {plural(matching.length, 'area matches', 'areas match')}
          {matching.length > fresh
            ? `, of which ${formatNumber(matching.length - fresh)} ${matching.length - fresh === 1 ? 'is' : 'are'} already a contest`
            : ''}
          .
        </p>
        <div className="actions">
          <button type="submit" className="primary" disabled={fresh === 0 || form.formState.isSubmitting}>
            Consider {fresh === 1 ? 'this area' : `these ${formatNumber(fresh)} areas`}
          </button>
        </div>
      </form>
      {done && (
        <p className="success" role="status">
          {done}
        </p>
      )}
      <Batches electionId={props.electionId} />
    </section>
  );
}

/** The batches still holding contests, each with its Undo. */
function Batches(props: { electionId: number }) {
  const { data: batches } = useApi('contests.listBatches', { electionId: props.electionId });
  const [result, setResult] = useState<{ message: string; error?: boolean }>();
  const undo = async (b: ContestBatch) => {
    setResult(undefined);
    try {
      setResult({ message: (await api('contests.undoBatch', { id: b.id })).message });
    } catch (e) {
      setResult({ message: (e as Error).message, error: true });
    }
  };
  if (!batches || (batches.length === 0 && !result)) return null;
  return (
    <>
      {batches.length > 0 && (
        <ul className="plain">
          {batches.map((b) => (
            <li key={b.id}>
              Added {formatDate(b.createdAt.slice(0, 10))}: {plural(b.contests, 'contest')} {describeFilter(b)}{' '}
              <button type="button" aria-label={`Undo: remove the ${plural(b.contests, 'contest')} ${describeFilter(b)}`} onClick={() => void undo(b)}>
                Undo
              </button>
            </li>
          ))}
        </ul>
      )}
      {result && (
        <p className={result.error ? 'error' : 'success'} role={result.error ? 'alert' : 'status'}>
          {result.message}
        </p>
      )}
    </>
  );
}
