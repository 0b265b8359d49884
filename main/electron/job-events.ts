// The one broadcaster of long-job events to the window (channel hustings:job-event): main.ts
// subscribes it to the app's jobs, as browser mode forwards the same events over SSE.
import type { WebContents } from 'electron';
import type { JobEvent } from '../jobs.ts';
import { JOB_EVENT_CHANNEL } from './channels.ts';

let target: WebContents | null = null;

export function setJobEventWindow(contents: WebContents | null): void {
  target = contents;
}

export function sendJobEvent(event: JobEvent): void {
  if (target === null || target.isDestroyed()) return;
  target.send(JOB_EVENT_CHANNEL, event);
}
