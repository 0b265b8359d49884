import { z } from 'zod';
import { query } from './define.ts';

/** A long job's latest state (main/jobs.ts); the same shape as its progress events. */
export const jobEvent = z.object({
  jobId: z.string(),
  kind: z.string(),
  state: z.enum(['running', 'done', 'error', 'cancelled']),
  done: z.number(),
  total: z.number().nullable(),
  message: z.string(),
  result: z.unknown().optional(),
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }).optional(),
});
export type JobEventOut = z.infer<typeof jobEvent>;

const jobId = z.string({ error: 'A job id is text' }).uuid('Not a job id');
const fileId = z.string({ error: 'An upload id is text' }).uuid('Not an upload id');

/**
 * Jobs and uploads change no records themselves (a job writes its own transaction and audit row
 * when it finishes), so they are queries: the dispatcher does not wrap them in a transaction.
 */
export const jobsContract = {
  // Jobs are a coordinator's register imports and the team secretary's backups; uploads feed
  // the coordinator's imports.
  'jobs.get': query(['coordinator', 'admin'], 'The latest state of a long job', z.strictObject({ jobId }), jobEvent),
  'jobs.cancel': query(['coordinator', 'admin'], 'Cancel a long job; it ends cancelled with nothing changed', z.strictObject({ jobId }), jobEvent),
  'uploads.begin': query(
    ['coordinator'],
    'Start sending a file (e.g. a register CSV) in text chunks; returns its upload id',
    z.strictObject({
      name: z.string().trim().min(1, 'Name the file').max(300),
      size: z.number().int().min(0).max(500_000_000, 'Files over 500 MB are refused'),
    }),
    z.object({ fileId: z.string() }),
  ),
  'uploads.append': query(
    ['coordinator'],
    'Add the next chunk of text to an upload',
    z.strictObject({ fileId, text: z.string().max(4_000_000, 'Send the file in chunks of at most 4 MB') }),
    z.object({ received: z.number() }),
  ),
};
export { fileId };
