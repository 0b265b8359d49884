/**
 * Work typed on a device that must not be lost when the signal fails (tellers' numbers on polling
 * day, canvass returns typed up from the doorstep): each item is kept in the browser's
 * localStorage with an id made here, then sent, in order, whenever the server answers. The server
 * records an id once, so an item sent twice (the answer lost on the way back) is recorded once.
 * Items survive a reload; the count of those waiting is shown on the screens that use it.
 *
 * Whose work: browser storage belongs to one origin, so two team servers (or a team and the file
 * on this computer) never share an outbox; in the desktop app a team's pages load from its own
 * origin too, and Electron keeps that storage on disk. On one server, each item names the person
 * who typed it and is sent only while they are signed in: on a shared device, what one canvasser
 * typed offline never reaches the server as the next person's work.
 *
 * localStorage rather than IndexedDB: an item is a few hundred bytes and a day's work a few
 * hundred items, far below its quota; and it is written synchronously, so an item is on the
 * device before the call that sends it starts, even if the tab is closed the moment after.
 */
import { useEffect, useRef, useState } from 'react';
import type { MethodInput, MethodOutput } from '../../../shared/contract/index.ts';
import { ApiCallError, api } from './api.ts';

/** The methods whose calls may wait on the device: each records a client id once. */
type Sendable = 'telling.recordBatch' | 'canvass.recordReturn';

export type OutboxItem = {
  [M in Sendable]: {
    clientId: string;
    /** Which screen's work it is (e.g. `telling:12`), for its count of waiting items. */
    scope: string;
    method: M;
    input: MethodInput<M> & { clientId: string };
    /** What it is, in words, for a screen listing what waits (e.g. `AB-12 Jane Smith`). */
    label?: string;
    /** Who typed it on a team server (absent for the file on this computer, and items kept before). */
    by?: string;
  };
}[Sendable];

/** How the server answered an item: a scope holds items of one method, so its outcomes carry that method's result. */
export type Outcome<M extends Sendable = Sendable> = { clientId: string; scope: string; label?: string } & (
  { ok: true; result: MethodOutput<M> } | { ok: false; message: string }
);

/**
 * Answers that say nothing about the item itself — not signed in (a session that ran out while
 * offline), or the server failing inside (its database gone for a moment) — keep it to send again,
 * as no answer does: dropping it would lose what was typed.
 */
const NOT_TAKEN_NOW = new Set(['unauthorized', 'internal']);

const KEY = 'hustings.outbox.v1';
const RETRY_MS = 3000;
/** How long a sender waits for its item's answer before going on with the item kept on the device. */
const ANSWER_MS = 4000;

/**
 * Who is signed in (a team server's person; null for the file on this computer): undefined until
 * the app knows, and nothing is sent before.
 */
let owner: string | null | undefined;

/** Items of everyone, as kept. */
function loadAll(): OutboxItem[] {
  try {
    const items = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    // Items kept before other screens used the outbox are tellers' numbers, without a method.
    return Array.isArray(items) ? items.map((i: OutboxItem) => ({ ...i, method: i.method ?? 'telling.recordBatch' }) as OutboxItem) : [];
  } catch {
    return [];
  }
}

/** The items of whoever is signed in now: theirs, and those kept before items named anyone. */
function load(): OutboxItem[] {
  return loadAll().filter((i) => i.by === undefined || i.by === owner);
}

/** Saves the signed-in person's items, keeping everyone else's as they were. */
function save(mine: OutboxItem[]) {
  const others = loadAll().filter((i) => !(i.by === undefined || i.by === owner));
  localStorage.setItem(KEY, JSON.stringify([...others, ...mine]));
  for (const l of changeListeners) l();
}

/** Who is signed in, once the app knows (`access.me`): their waiting items are sent, and no one else's. */
export function setOutboxOwner(name: string | null): void {
  owner = name;
  for (const l of changeListeners) l();
  void flush();
}

const changeListeners = new Set<() => void>();
const outcomeListeners = new Set<(o: Outcome) => void>();
/** Senders waiting for their own item's answer: null when the server does not answer. */
const senders = new Map<string, (o: Outcome | null) => void>();
let sending = false;
let retry: ReturnType<typeof setTimeout> | undefined;
/**
 * Why the last send was not taken, cleared by the next answer: no answer at all (no network, no
 * server, or a failure inside it), or the person is no longer signed in to the team server (their
 * session ended, or their account was switched off), when typing on is no use until they sign in.
 */
export type Held = 'unreachable' | 'signedOut' | null;
let held: Held = null;

function setHeld(value: Held) {
  if (held === value) return;
  held = value;
  for (const l of changeListeners) l();
}

function answer(clientId: string, outcome: Outcome | null) {
  senders.get(clientId)?.(outcome);
  senders.delete(clientId);
}

/** A new client id, a version 4 UUID: random, so ids made on two devices never meet. */
export function newClientId(): string {
  // getRandomValues, not randomUUID: a team server on the local network is no secure context.
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Keeps the item on the device, then sends what is waiting. Answers with the item's outcome, or
 * null when the server does not answer soon (the item waits and is sent later; its outcome then
 * reaches the scope's `useOutbox`). Outcomes reach `useOutbox` either way.
 */
export function enqueue<I extends OutboxItem>(item: I): Promise<Outcome<I['method']> | null> {
  save([...load(), owner ? { ...item, by: owner } : item]);
  const answered = new Promise<Outcome<I['method']> | null>((resolve) => {
    senders.set(item.clientId, resolve as (o: Outcome | null) => void);
    setTimeout(() => answer(item.clientId, null), ANSWER_MS);
  });
  void flush();
  return answered;
}

/** Takes back an item not sent yet; false when it has gone already (undo it on the server). */
export function withdraw(clientId: string): boolean {
  const items = load();
  const left = items.filter((i) => i.clientId !== clientId);
  if (left.length === items.length) return false;
  save(left);
  answer(clientId, null);
  return true;
}

/**
 * Sends waiting items one by one, oldest first. No answer (network down, server gone), or one
 * that says nothing about the item, keeps it and tries again shortly; a refusal of the item drops
 * it and says why.
 */
async function flush(): Promise<void> {
  if (sending || owner === undefined) return;
  sending = true;
  clearTimeout(retry);
  try {
    for (;;) {
      const item = load()[0];
      if (!item) return;
      let outcome: Outcome;
      try {
        const result = await api(item.method, item.input as never);
        outcome = { clientId: item.clientId, scope: item.scope, label: item.label, ok: true, result };
      } catch (e) {
        if (!(e instanceof ApiCallError) || NOT_TAKEN_NOW.has(e.code)) {
          setHeld(e instanceof ApiCallError && e.code === 'unauthorized' ? 'signedOut' : 'unreachable');
          for (const waiting of load()) answer(waiting.clientId, null);
          retry = setTimeout(() => void flush(), RETRY_MS);
          return;
        }
        outcome = { clientId: item.clientId, scope: item.scope, label: item.label, ok: false, message: e.message };
      }
      setHeld(null);
      save(load().filter((i) => i.clientId !== item.clientId));
      answer(item.clientId, outcome);
      for (const l of outcomeListeners) l(outcome);
    }
  } finally {
    sending = false;
  }
}

/** Sends what waits from an earlier visit, whichever screen the app opens on. */
export function sendWaiting(): void {
  window.addEventListener('online', () => void flush());
  void flush();
}

/** Items of a scope not sent yet, oldest first. */
export function waitingIn(scope: string): OutboxItem[] {
  return load().filter((i) => i.scope === scope);
}

/**
 * Items still waiting in a scope, kept up to date, and why the last try was not taken (if it was
 * not); tries to send what waits at once. `onOutcome` hears each answer in the scope.
 */
export function useOutbox<M extends Sendable>(scope: string, onOutcome?: (o: Outcome<M>) => void): { waiting: OutboxItem[]; held: Held } {
  const [state, setState] = useState(() => ({ waiting: waitingIn(scope), held }));
  const latest = useRef(onOutcome);
  useEffect(() => {
    latest.current = onOutcome;
  });
  useEffect(() => {
    const changed = () => setState({ waiting: waitingIn(scope), held });
    const answered = (o: Outcome) => o.scope === scope && latest.current?.(o as Outcome<M>);
    changeListeners.add(changed);
    outcomeListeners.add(answered);
    changed();
    void flush();
    return () => {
      changeListeners.delete(changed);
      outcomeListeners.delete(answered);
    };
  }, [scope]);
  return state;
}
