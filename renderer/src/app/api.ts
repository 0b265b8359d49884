import { useCallback, useEffect, useRef, useState } from 'react';
import { contract, type MethodInput, type MethodName, type MethodOutput } from '../../../shared/contract/index.ts';
import type { DesktopBridge } from '../../../shared/contract/desktop-bridge.ts';
import type { ApiError, ApiResult } from '../../../shared/contract/result.ts';
import { changesView } from '../../../shared/contract/invalidation.ts';

declare global {
  interface Window {
    /** Present in the desktop app: the preload's named functions. */
    hustings?: DesktopBridge;
  }
}

export class ApiCallError extends Error {
  readonly code: string;
  readonly fields: Record<string, string>;
  /** A save refused because the record changed since it was loaded: its version now. */
  readonly updatedAt?: string;
  constructor(error: ApiError) {
    super(error.message);
    this.code = error.code;
    this.fields = error.fields ?? {};
    this.updatedAt = error.updatedAt;
  }
}

/**
 * Browser mode: the printed address signs this browser in with a cookie the page cannot read
 * (main/server.ts), and the server sends it on without the token. A token still in the address
 * (a wrong one) is taken out too, so it stays out of history and bookmarks.
 */
export function forgetTokenInAddress(): void {
  const params = new URLSearchParams(window.location.search);
  if (!params.has('token')) return;
  params.delete('token');
  const search = params.toString();
  window.history.replaceState(null, '', window.location.pathname + (search ? `?${search}` : '') + window.location.hash);
}

async function transport(method: string, input: unknown): Promise<ApiResult> {
  if (window.hustings) return window.hustings.invoke(method, input);
  try {
    const res = await fetch(`/api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(input),
    });
    return (await res.json()) as ApiResult;
  } catch {
    // No answer, or none from Hustings (a proxy's error page): said plainly, not as the browser's "Failed to fetch".
    throw new Error('The server cannot be reached: check the connection and try again.');
  }
}

/** Every open view: the query it shows and how to load it again. */
const views = new Set<{ method: MethodName; reload(): void }>();

/**
 * Other tabs of this browser hear of each change too (a teller's numbers typed in one tab
 * shrink the knock-up list open in another). Absent where BroadcastChannel is (old engines).
 */
const otherTabs = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('hustings.changes');
otherTabs?.addEventListener('message', (e: MessageEvent<{ method: MethodName }>) => reloadChangedBy(e.data.method));

function reloadChangedBy(method: MethodName): void {
  const kind = contract[method]?.kind;
  if (!kind) return;
  for (const view of views) if (changesView(method, kind, view.method)) view.reload();
}

/**
 * Calls a method; throws ApiCallError with field messages. A mutation (or a restore) reloads the
 * open views whose data it changed (shared/contract/invalidation.ts), and no others.
 */
export async function api<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const result = await transport(method, input);
  if (!result.ok) throw new ApiCallError(result.error);
  reloadChangedBy(method);
  if (contract[method].kind !== 'query') otherTabs?.postMessage({ method });
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
    const view = { method, reload: load };
    views.add(view);
    return () => {
      // eslint-disable-next-line react-hooks/exhaustive-deps -- bumping the counter is the point: answers still on their way are dropped
      newest.current++;
      views.delete(view);
    };
  }, [load, method]);
  return key === null ? { data: undefined, error: undefined, reload: load } : { data: state.data, error: state.error, reload: load };
}
