import type { ReactNode } from 'react';
import type { Loaded as Query } from '../app/api.ts';
import { ErrorMessage, Loading } from './Page.tsx';

type DataOf<Q extends readonly Query<unknown>[]> = { [K in keyof Q]: Q[K] extends Query<infer T> ? T : never };

/**
 * The one loading/error guard: shows the first query's error, "Loading…" until every query has
 * answered, then the children with the data. One query or a list of them:
 * `<Loaded of={volunteer}>{(v) => …}</Loaded>`, `<Loaded of={[rows, decisions]}>{([r, d]) => …}</Loaded>`.
 * Without children it is the early return of a page whose every part needs the record:
 * `if (!v) return <Loaded of={volunteer} />;`.
 */
export function Loaded<T>(props: { of: Query<T>; children?(data: T): ReactNode }): ReactNode;
export function Loaded<const Q extends readonly Query<unknown>[]>(props: { of: Q; children?(data: DataOf<Q>): ReactNode }): ReactNode;
export function Loaded(props: { of: Query<unknown> | readonly Query<unknown>[]; children?(data: unknown): ReactNode }): ReactNode {
  const queries = Array.isArray(props.of) ? props.of : [props.of as Query<unknown>];
  const error = queries.find((q) => q.error)?.error;
  if (error) return <ErrorMessage error={error} />;
  if (queries.some((q) => q.data === undefined)) return <Loading />;
  return props.children?.(Array.isArray(props.of) ? queries.map((q) => q.data) : queries[0].data);
}
