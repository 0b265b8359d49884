/**
 * Work typed on a device that must not be lost when the signal fails (tellers' numbers on polling
 * day): each item is kept in the browser's localStorage with an id made here, then sent, in order,
 * whenever the server answers. The server records an id once, so an item sent twice (the answer
 * lost on the way back) is recorded once. Items survive a reload; the count of those waiting is
 * shown on the screens that use it.
 */
import { useEffect, useRef, useState } from 'react';
import type { BatchResult } from '../../../shared/contract/telling.ts';
import { ApiCallError, api } from './api.ts';

type Batch = Parameters<typeof api<'telling.recordBatch'>>[1];

export interface OutboxItem {
  clientId: string;
  /** Which screen's work it is (e.g. `telling:12`), for its count of waiting items. */
  scope: string;
  input: Batch & { clientId: string };
}

export type Outcome = { clientId: string; scope: string } & ({ ok: true; result: BatchResult } | { ok: false; message: string });

const KEY = 'hustings.outbox.v1';
const RETRY_MS = 3000;

function load(): OutboxItem[] {
  try {
    const items = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    return Array.isArray(items) ? items : [];
  } catch {
    return [];
  }
}

function save(items: OutboxItem[]) {
  localStorage.setItem(KEY, JSON.stringify(items));
  for (const l of changeListeners) l();
}

const changeListeners = new Set<() => void>();
const outcomeListeners = new Set<(o: Outcome) => void>();
let sending = false;
let retry: ReturnType<typeof setTimeout> | undefined;

/** A new client id: random, so ids made on two devices never meet. */
export function newClientId(): string {
  // getRandomValues, not randomUUID: a team server on the local network is no secure context.
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Keeps the item on the device, then sends what is waiting. */
export function enqueue(item: OutboxItem): void {
  save([...load(), item]);
  void flush();
}

/** Takes back an item not sent yet; false when it has gone already (undo it on the server). */
export function withdraw(clientId: string): boolean {
  const items = load();
  const left = items.filter((i) => i.clientId !== clientId);
  if (left.length === items.length) return false;
  save(left);
  return true;
}

/**
 * Sends waiting items one by one, oldest first. No answer (network down, server gone) keeps the
 * item and tries again shortly; a refusal of the whole batch drops it and says why.
 */
async function flush(): Promise<void> {
  if (sending) return;
  sending = true;
  clearTimeout(retry);
  try {
    for (;;) {
      const item = load()[0];
      if (!item) return;
      let outcome: Outcome;
      try {
        outcome = { clientId: item.clientId, scope: item.scope, ok: true, result: await api('telling.recordBatch', item.input) };
      } catch (e) {
        if (!(e instanceof ApiCallError)) {
          retry = setTimeout(() => void flush(), RETRY_MS);
          return;
        }
        outcome = { clientId: item.clientId, scope: item.scope, ok: false, message: e.message };
      }
      save(load().filter((i) => i.clientId !== item.clientId));
      for (const l of outcomeListeners) l(outcome);
    }
  } finally {
    sending = false;
  }
}

/** Items of a scope not sent yet. */
export function waitingIn(scope: string): OutboxItem[] {
  return load().filter((i) => i.scope === scope);
}

/** Items still waiting in a scope, kept up to date; sends what waits from an earlier visit. */
export function useOutbox(scope: string, onOutcome: (o: Outcome) => void): { waiting: OutboxItem[] } {
  const [waiting, setWaiting] = useState(() => waitingIn(scope));
  const latest = useRef(onOutcome);
  useEffect(() => {
    latest.current = onOutcome;
  });
  useEffect(() => {
    const changed = () => setWaiting(waitingIn(scope));
    const answered = (o: Outcome) => o.scope === scope && latest.current(o);
    const online = () => void flush();
    changeListeners.add(changed);
    outcomeListeners.add(answered);
    window.addEventListener('online', online);
    changed();
    void flush();
    return () => {
      changeListeners.delete(changed);
      outcomeListeners.delete(answered);
      window.removeEventListener('online', online);
    };
  }, [scope]);
  return { waiting };
}
