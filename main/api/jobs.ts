import { allows } from '../../shared/contract/access.ts';
import { type MethodName, contract } from '../../shared/contract/index.ts';
import type { jobsContract } from '../../shared/contract/jobs.ts';
import { AppError } from '../../shared/contract/result.ts';
import type { Caller } from '../../shared/contract/roles.ts';
import type { JobEvent } from '../jobs.ts';
import type { Ctx, HandlersFor } from './context.ts';
import { uploadsHandlers } from './uploads.ts';

/**
 * Each kind of job (`ctx.jobs.start(kind, …)`) and the method that starts it. On a team server a
 * person follows a job (its events, its state, cancelling it) only if they may call that method:
 * a register import's progress and refused rows go to coordinators, a backup's to the team
 * secretary. A kind missing here is followed by nobody signed in.
 */
const STARTED_BY: Readonly<Record<string, MethodName>> = {
  'register.import': 'register.importStart',
  'backups.create': 'backups.start',
};

/** Whether the caller may follow a job of this kind; the single user of a file (no caller) follows every job. */
export function mayFollowJob(caller: Caller | undefined, kind: string): boolean {
  if (caller === undefined) return true;
  const method = STARTED_BY[kind];
  return method !== undefined && allows(contract[method].access, caller.roles);
}

function unknownJob(jobId: string): never {
  throw new AppError('not_found', `There is no job ${jobId} (finished jobs are forgotten after ten minutes)`, { jobId: 'No such job' });
}

/** The job's latest state; someone who may not follow it is told what anyone asking for an unknown one is. */
function followed(ctx: Ctx, jobId: string): JobEvent {
  const job = ctx.jobs.get(jobId);
  return job && mayFollowJob(ctx.caller, job.kind) ? job : unknownJob(jobId);
}

export const jobsHandlers: HandlersFor<typeof jobsContract> = {
  'jobs.get': async (ctx, { jobId }) => followed(ctx, jobId),
  'jobs.cancel': async (ctx, { jobId }) => {
    followed(ctx, jobId);
    return ctx.jobs.cancel(jobId) ?? unknownJob(jobId);
  },
  ...uploadsHandlers,
};
