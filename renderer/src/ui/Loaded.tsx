import { type ReactNode, useRef } from 'react';
import type { Loaded as Query } from '../app/api.ts';
import { ErrorMessage, Loading } from './Page.tsx';

type DataOf<Q extends readonly Query<unknown>[]> = { [K in keyof Q]: Q[K] extends Query<infer T> ? T : never };

interface Props<D> {
  of: unknown;
  children?(data: D): ReactNode;
  /**
   * Once shown, the page stays: a reload that fails shows its error above the data last read
   * instead of taking the page away (a data-entry screen keeps its fields and their focus).
   */
  keep?: boolean;
}

/**
 * The one loading/error guard: shows the first query's error, "Loading…" until every query has
 * answered, then the children with the data. One query or a list of them:
 * `<Loaded of={volunteer}>{(v) => …}</Loaded>`, `<Loaded of={[rows, decisions]}>{([r, d]) => …}</Loaded>`.
 * Without children it is the early return of a page whose every part needs the record:
 * `if (!v) return <Loaded of={volunteer} />;`.
 */
export function Loaded<T>(props: Props<T> & { of: Query<T> }): ReactNode;
export function Loaded<const Q extends readonly Query<unknown>[]>(props: Props<DataOf<Q>> & { of: Q }): ReactNode;
export function Loaded(props: Props<unknown> & { of: Query<unknown> | readonly Query<unknown>[] }): ReactNode {
  const last = useRef<{ data: unknown }>(undefined);
  const queries = Array.isArray(props.of) ? props.of : [props.of as Query<unknown>];
  const error = queries.find((q) => q.error)?.error;
  if (!error && queries.every((q) => q.data !== undefined)) {
    last.current = { data: Array.isArray(props.of) ? queries.map((q) => q.data) : queries[0].data };
  }
  const kept = props.keep ? last.current : undefined;
  if (!kept) {
    if (error) return <ErrorMessage error={error} />;
    if (queries.some((q) => q.data === undefined)) return <Loading />;
  }
  const data = (kept ?? last.current)!.data;
  return (
    <>
      {error && <ErrorMessage error={error} />}
      {props.children?.(data)}
    </>
  );
}
