import { useCallback, useEffect, useRef, useState } from 'react';
import { contract, type MethodInput, type MethodName, type MethodOutput } from '../../../shared/contract/index.ts';
import type { ApiError, ApiResult } from '../../../shared/contract/result.ts';

declare global {
  interface Window {
    /** Present in the desktop app: the preload's named functions. */
    hustings?: {
      invoke(method: string, input: unknown): Promise<ApiResult>;
      onJobEvent(listener: (event: unknown) => void): () => void;
    };
  }
}

export class ApiCallError extends Error {
  readonly code: string;
  readonly fields: Record<string, string>;
  constructor(error: ApiError) {
    super(error.message);
    this.code = error.code;
    this.fields = error.fields ?? {};
  }
}

const TOKEN_KEY = 'hustings.token';

/** Browser mode: the token arrives in the address once, then lives in this tab's session storage. */
export function browserToken(): string {
  const fromUrl = new URLSearchParams(window.location.search).get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    window.history.replaceState(null, '', window.location.pathname + window.location.hash);
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

async function transport(method: string, input: unknown): Promise<ApiResult> {
  if (window.hustings) return window.hustings.invoke(method, input);
  const res = await fetch(`/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${browserToken()}` },
    body: JSON.stringify(input),
  });
  return (await res.json()) as ApiResult;
}

const listeners = new Set<() => void>();

/** Calls a method; throws ApiCallError with field messages. Mutations refresh every open view. */
export async function api<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const result = await transport(method, input);
  if (!result.ok) throw new ApiCallError(result.error);
  // Only mutations and maintenance (backup, restore) change data; a query named otherwise
  // (timetable.forElection) must not reload every view.
  if (contract[method].kind !== 'query') for (const l of listeners) l();
  return result.value as MethodOutput<M>;
}

export interface Loaded<T> {
  data: T | undefined;
  error: string | undefined;
  reload(): void;
}

/**
 * Loads a query and reloads it after any change made through `api`. `null` means there is
 * nothing to ask yet (no area chosen): no call is made and there is no data.
 */
export function useApi<M extends MethodName>(method: M, input: MethodInput<M> | null): Loaded<MethodOutput<M>> {
  const key = input === null ? null : JSON.stringify(input);
  const [state, setState] = useState<{ data?: MethodOutput<M>; error?: string }>({});
  // Only the newest call may set the state: an older answer (a reload for the previous input,
  // still in flight) must not overwrite a newer one.
  const newest = useRef(0);
  const load = useCallback(() => {
    if (key === null) return;
    const call = ++newest.current;
    api(method, JSON.parse(key) as MethodInput<M>)
      .then((data) => call === newest.current && setState({ data }))
      .catch((e: Error) => call === newest.current && setState({ error: e.message }));
  }, [method, key]);
  useEffect(() => {
    load();
    listeners.add(load);
    return () => {
      newest.current++;
      listeners.delete(load);
    };
  }, [load]);
  return key === null ? { data: undefined, error: undefined, reload: load } : { data: state.data, error: state.error, reload: load };
}
