// The one broadcaster of long-job progress to the window (channel hustings:job-event).
// main/electron/main.ts hands it the window; whatever runs jobs in the Electron door calls
// sendJobEvent, e.g. by registering it as the jobs module's event sink at start-up.
import type { WebContents } from 'electron';
import { JOB_EVENT_CHANNEL } from './channels.ts';

export type JobEvent = { jobId: string; type: 'progress' | 'done' | 'error' } & Record<string, unknown>;

let target: WebContents | null = null;

export function setJobEventWindow(contents: WebContents | null): void {
  target = contents;
}

export function sendJobEvent(event: JobEvent): void {
  if (target === null || target.isDestroyed()) return;
  target.send(JOB_EVENT_CHANNEL, event);
}
