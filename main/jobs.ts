/**
 * Long work (imports, exports, backups): a job id at once, then progress events, then done, error
 * or cancelled. One mechanism for every long job; the doors only carry its events (Server-Sent
 * Events in browser mode, the IPC broadcaster in Electron, nothing in the CLI, which awaits).
 *
 * A job's work gets an AbortSignal; it should check it between chunks and must leave nothing
 * changed when cancelled (do the writing last, in one transaction).
 */
import { randomUUID } from 'node:crypto';

type JobState = 'running' | 'done' | 'error' | 'cancelled';

interface JobError {
  code: string;
  message: string;
  /** Extra detail for the UI, e.g. the rows an import refused. */
  details?: unknown;
}

export interface JobEvent {
  jobId: string;
  kind: string;
  state: JobState;
  /** Units done so far (bytes, rows…) and the total when known. */
  done: number;
  total: number | null;
  message: string;
  result?: unknown;
  error?: JobError;
}

export interface JobControl {
  readonly id: string;
  readonly signal: AbortSignal;
  /** Reports progress; cheap to call often (events are throttled). */
  progress(done: number, total: number | null, message?: string): void;
  /** Starts a stage whose size is not known (shown as busy with its message): sent at once, never throttled away. */
  stage(message: string): void;
  /** Throws the cancellation when the job was cancelled. */
  throwIfCancelled(): void;
}

/** Thrown by a job's work to fail with a message (and details) meant for the user. */
export class JobFailure extends Error {
  readonly code: string;
  readonly details?: unknown;
  constructor(code: string, message: string, details?: unknown) {
    super(message);
    this.code = code;
    this.details = details;
  }
}

export class JobCancelled extends Error {
  constructor() {
    super('Cancelled: nothing was changed');
  }
}

type JobListener = (event: JobEvent) => void;

export interface Jobs {
  start<T>(kind: string, work: (job: JobControl) => Promise<T>): JobEvent;
  cancel(jobId: string): JobEvent | undefined;
  get(jobId: string): JobEvent | undefined;
  /** Resolves with the job's final event. */
  wait(jobId: string): Promise<JobEvent>;
  /** Every event of every job; returns the unsubscribe function. */
  subscribe(listener: JobListener): () => void;
  /** Jobs still running. */
  running(): JobEvent[];
}

export interface JobsOptions {
  /** Minimum milliseconds between two progress events of one job (default 100). */
  throttleMs?: number;
  /** How long a finished job stays readable by `get` (default 10 minutes). */
  keepMs?: number;
}

interface Entry {
  event: JobEvent;
  controller: AbortController;
  finished: Promise<JobEvent>;
  lastSent: number;
}

export function createJobs(opts: JobsOptions = {}): Jobs {
  const throttleMs = opts.throttleMs ?? 100;
  const keepMs = opts.keepMs ?? 10 * 60_000;
  const entries = new Map<string, Entry>();
  const listeners = new Set<JobListener>();

  const emit = (e: Entry) => {
    e.lastSent = Date.now();
    const snapshot = { ...e.event };
    for (const l of listeners) {
      try {
        l(snapshot);
      } catch (error) {
        console.error('[hustings] job listener failed', error);
      }
    }
  };

  const finish = (e: Entry, patch: Partial<JobEvent>) => {
    e.event = { ...e.event, ...patch };
    emit(e);
    setTimeout(() => entries.delete(e.event.jobId), keepMs).unref?.();
    return e.event;
  };

  return {
    start(kind, work) {
      const jobId = randomUUID();
      const controller = new AbortController();
      const entry = { event: { jobId, kind, state: 'running', done: 0, total: null, message: 'Starting' }, controller, lastSent: 0 } as Entry;
      const control: JobControl = {
        id: jobId,
        signal: controller.signal,
        progress(done, total, message) {
          if (entry.event.state !== 'running') return;
          entry.event = { ...entry.event, done, total, message: message ?? entry.event.message };
          if (Date.now() - entry.lastSent >= throttleMs) emit(entry);
        },
        stage(message) {
          if (entry.event.state !== 'running') return;
          entry.event = { ...entry.event, done: 0, total: null, message };
          emit(entry);
        },
        throwIfCancelled() {
          if (controller.signal.aborted) throw new JobCancelled();
        },
      };
      entries.set(jobId, entry);
      entry.finished = (async () => {
        // Let the caller have the job id (and subscribe) before the work begins.
        await new Promise((resolve) => setImmediate(resolve));
        try {
          control.throwIfCancelled();
          const result = await work(control);
          // Work that finished has committed: a cancel that came too late does not undo it.
          return finish(entry, { state: 'done', message: 'Done', result });
        } catch (error) {
          if (error instanceof JobCancelled) {
            return finish(entry, { state: 'cancelled', message: new JobCancelled().message });
          }
          if (error instanceof JobFailure) {
            return finish(entry, { state: 'error', message: error.message, error: { code: error.code, message: error.message, details: error.details } });
          }
          console.error(`[hustings] job ${kind} failed`, error);
          const message = `Something went wrong: ${error instanceof Error ? error.message : String(error)}. Nothing was changed.`;
          return finish(entry, { state: 'error', message, error: { code: 'internal', message } });
        }
      })();
      emit(entry);
      return { ...entry.event };
    },
    cancel(jobId) {
      const e = entries.get(jobId);
      if (!e) return undefined;
      if (e.event.state === 'running') {
        e.controller.abort();
        e.event = { ...e.event, message: 'Cancelling…' };
        emit(e);
      }
      return { ...e.event };
    },
    get(jobId) {
      const e = entries.get(jobId);
      return e ? { ...e.event } : undefined;
    },
    wait(jobId) {
      const e = entries.get(jobId);
      if (!e) return Promise.reject(new Error(`There is no job ${jobId}`));
      return e.finished;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    running() {
      return [...entries.values()].filter((e) => e.event.state === 'running').map((e) => ({ ...e.event }));
    },
  };
}
