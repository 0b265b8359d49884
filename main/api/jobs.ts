import type { jobsContract } from '../../shared/contract/jobs.ts';
import { AppError } from '../../shared/contract/result.ts';
import type { HandlersFor } from './context.ts';
import { uploadsHandlers } from './uploads.ts';

function unknownJob(jobId: string): never {
  throw new AppError('not_found', `There is no job ${jobId} (finished jobs are forgotten after ten minutes)`, { jobId: 'No such job' });
}

export const jobsHandlers: HandlersFor<typeof jobsContract> = {
  'jobs.get': async (ctx, { jobId }) => ctx.jobs.get(jobId) ?? unknownJob(jobId),
  'jobs.cancel': async (ctx, { jobId }) => ctx.jobs.cancel(jobId) ?? unknownJob(jobId),
  ...uploadsHandlers,
};
