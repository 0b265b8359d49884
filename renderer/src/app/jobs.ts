import { useEffect, useState } from 'react';
import type { JobEventOut } from '../../../shared/contract/jobs.ts';
import { api } from './api.ts';

export type JobEvent = JobEventOut;
type Listener = (e: JobEvent) => void;

const listeners = new Set<Listener>();
let stop: (() => void) | undefined;

/** Browser mode: Server-Sent Events from GET /api/events (signed in by the page's cookie). */
function openEventStream(): () => void {
  const controller = new AbortController();
  void (async () => {
    while (!controller.signal.aborted) {
      try {
        const res = await fetch('/api/events', { signal: controller.signal });
        if (!res.ok || !res.body) throw new Error(`events: ${res.status}`);
        const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          let i: number;
          while ((i = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, i);
            buffer = buffer.slice(i + 2);
            const data = block.split('\n').find((l) => l.startsWith('data: '));
            if (data) {
              const event = JSON.parse(data.slice(6)) as JobEvent;
              for (const l of listeners) l(event);
            }
          }
        }
      } catch {
        // reconnect below
      }
      if (!controller.signal.aborted) await new Promise((r) => setTimeout(r, 1000));
    }
  })();
  return () => controller.abort();
}

/** Every long job's events, from SSE in browser mode or the preload's IPC events in the desktop app. */
function subscribeJobs(listener: Listener): () => void {
  listeners.add(listener);
  if (!stop) {
    stop = window.hustings
      ? window.hustings.onJobEvent((e) => {
          for (const l of listeners) l(e as JobEvent);
        })
      : openEventStream();
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && stop) {
      stop();
      stop = undefined;
    }
  };
}

/** The latest state of one job: events as they come, and a poll in case an event was missed. */
export function useJob(start: JobEvent | undefined): JobEvent | undefined {
  const [event, setEvent] = useState<JobEvent | undefined>(start);
  useEffect(() => {
    setEvent(start);
    if (!start) return;
    const jobId = start.jobId;
    let finished = false;
    const update = (e: JobEvent) => {
      if (e.jobId !== jobId || finished) return;
      if (e.state !== 'running') finished = true;
      setEvent(e);
    };
    const off = subscribeJobs(update);
    const poll = setInterval(() => {
      if (!finished) void api('jobs.get', { jobId }).then(update, () => undefined);
    }, 2000);
    return () => {
      off();
      clearInterval(poll);
    };
  }, [start]);
  return event;
}

/** A job's progress bar with its message and a Cancel button while it runs. */
export function jobPercent(e: JobEvent): number | undefined {
  return e.total ? Math.min(100, Math.round((e.done / e.total) * 100)) : undefined;
}
