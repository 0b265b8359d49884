import type { jobsContract } from '../../shared/contract/jobs.ts';
import { AppError } from '../../shared/contract/result.ts';
import type { Ctx, HandlersFor } from './context.ts';

/** A file the renderer sent in chunks (main/uploads.ts), for a job or an import to read. */
export function requireUpload(ctx: Ctx, fileId: string) {
  const u = ctx.uploads.get(fileId);
  if (!u) throw new AppError('not_found', 'That upload has gone (uploads are kept for an hour); choose the file again', { fileId: 'No such upload' });
  return u;
}

export const uploadsHandlers = {
  'uploads.begin': async (ctx, { name, size }) => ({ fileId: ctx.uploads.begin(name, size).id }),
  'uploads.append': async (ctx, { fileId, text }) => {
    if (!ctx.uploads.get(fileId)) throw new AppError('not_found', `There is no upload ${fileId}; send the file again`, { fileId: 'No such upload' });
    return { received: ctx.uploads.append(fileId, text).received };
  },
} satisfies Partial<HandlersFor<typeof jobsContract>>;
