import type { jobsContract } from '../../shared/contract/jobs.ts';
import { AppError } from '../../shared/contract/result.ts';
import type { HandlersFor } from './context.ts';

function unknownJob(jobId: string): never {
  throw new AppError('not_found', `There is no job ${jobId} (finished jobs are forgotten after ten minutes)`, { jobId: 'No such job' });
}

export const jobsHandlers: HandlersFor<typeof jobsContract> = {
  'jobs.get': async (ctx, { jobId }) => ctx.jobs.get(jobId) ?? unknownJob(jobId),
  'jobs.cancel': async (ctx, { jobId }) => ctx.jobs.cancel(jobId) ?? unknownJob(jobId),
  'uploads.begin': async (ctx, { name, size }) => ({ fileId: ctx.uploads.begin(name, size).id }),
  'uploads.append': async (ctx, { fileId, text }) => {
    if (!ctx.uploads.get(fileId)) throw new AppError('not_found', `There is no upload ${fileId}; send the file again`, { fileId: 'No such upload' });
    return { received: ctx.uploads.append(fileId, text).received };
  },
};
