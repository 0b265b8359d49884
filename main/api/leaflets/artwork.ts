import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { artworkFolder } from '../../../db/artwork-files.ts';
import { makeFolder } from '../../../db/folders.ts';
import { type LeafletRecord, setLeafletArtwork } from '../../../db/repositories/leaflets.ts';
import type { leafletsContract } from '../../../shared/contract/leaflets.ts';
import { ARTWORK_MAX_BYTES } from '../../../shared/contract/leaflets.ts';
import { AppError } from '../../../shared/contract/result.ts';
import { ARTWORK_ACCEPTED, artworkFileName, artworkProblem, type ArtworkType, artworkTypeOf, describeContent } from '../../../shared/domain/artwork-type.ts';
import { writePrivateFile } from '../../private-files.ts';
import type { Ctx, HandlersFor } from '../context.ts';
import { invalid } from '../records.ts';
import { requireLeaflet, requireLeafletRecord } from './records.ts';

function artworkDir(ctx: Ctx): string {
  return artworkFolder(dirname(ctx.dbPath));
}

function artworkPath(ctx: Ctx, file: string): string {
  // Stored names never contain a path; basename() keeps a tampered row inside the folder.
  return join(artworkDir(ctx), basename(file));
}

export function removeArtworkFile(ctx: Ctx, file: string | null) {
  if (file) rmSync(artworkPath(ctx, file), { force: true });
}

/**
 * A leaflet's artwork as kept, checked by its content every time it leaves the data folder:
 * artwork kept by a version that took any file is refused here rather than handed to a browser
 * or viewer as whatever its name claims. It can still be removed and attached again.
 */
function readArtwork(ctx: Ctx, l: LeafletRecord): { name: string; type: ArtworkType; data: Buffer; path: string } {
  if (!l.artworkFile) throw new AppError('not_found', `"${l.title}" has no artwork attached`);
  const path = artworkPath(ctx, l.artworkFile);
  let data: Buffer;
  try {
    data = readFileSync(path);
  } catch {
    throw new AppError('not_found', `The artwork file of "${l.title}" is missing from ${artworkDir(ctx)}; attach it again`);
  }
  const name = l.artworkName ?? l.artworkFile;
  const type = artworkTypeOf(data);
  if (!type) {
    throw new AppError(
      'conflict',
      `The artwork kept for "${l.title}" (${name}) is not a PDF or an image: its content is ${describeContent(data)}. ` +
        `Hustings does not open or hand out such files. Remove it and attach the artwork as a ${ARTWORK_ACCEPTED} file.`,
    );
  }
  return { name: artworkFileName(name, type), type, data, path };
}

export const artworkHandlers = {
  'leaflets.attachArtwork': async (ctx, { id, fileName, dataBase64 }) => {
    const before = await requireLeafletRecord(ctx, id);
    const data = Buffer.from(dataBase64, 'base64');
    if (data.length === 0) throw invalid('The artwork file is empty', { dataBase64: 'The file is empty' });
    if (data.length > ARTWORK_MAX_BYTES) throw invalid('The artwork file is over 18 MB', { dataBase64: 'The file is over 18 MB' });
    const problem = artworkProblem(basename(fileName), data);
    if (problem) throw invalid(problem, { dataBase64: problem });
    // The type kept is what the content is; the `type` the caller sent is only the browser's guess from the name.
    const type = artworkTypeOf(data)!;
    const safeName =
      basename(fileName)
        .replace(/[^A-Za-z0-9._-]+/g, '_')
        .slice(-80) || 'artwork';
    const file = `leaflet-${id}-${randomBytes(4).toString('hex')}-${artworkFileName(safeName, type)}`;
    makeFolder(artworkDir(ctx));
    writePrivateFile(artworkPath(ctx, file), data);
    await setLeafletArtwork(ctx.db, id, { file, name: basename(fileName), type: type.mime, bytes: data.length });
    removeArtworkFile(ctx, before.artworkFile);
    const after = await requireLeaflet(ctx, id);
    await ctx.audit({
      action: 'update',
      entity: 'leaflet',
      entityId: id,
      summary: `Attached artwork ${basename(fileName)} to "${before.title}"`,
      before: { artwork: before.artworkName },
      after: { artwork: after.artwork },
    });
    return after;
  },
  'leaflets.removeArtwork': async (ctx, { id }) => {
    const before = await requireLeafletRecord(ctx, id);
    await setLeafletArtwork(ctx.db, id, null);
    removeArtworkFile(ctx, before.artworkFile);
    const after = await requireLeaflet(ctx, id);
    await ctx.audit({
      action: 'update',
      entity: 'leaflet',
      entityId: id,
      summary: `Removed the artwork of "${before.title}"`,
      before: { artwork: before.artworkName },
    });
    return after;
  },
  'leaflets.artwork': async (ctx, { id }) => {
    const { name, type, data } = readArtwork(ctx, await requireLeafletRecord(ctx, id));
    return { name, type: type.mime, dataBase64: data.toString('base64') };
  },
  'leaflets.openArtwork': async (ctx, { id }) => {
    const l = await requireLeafletRecord(ctx, id);
    const { name, type, path } = readArtwork(ctx, l);
    // Only the desktop app's own viewer (images and PDFs, no scripts), never the system's handler.
    if (!ctx.showArtwork) return { opened: false, path };
    await ctx.showArtwork({ leafletId: id, title: l.title, name, type: type.mime });
    await ctx.audit({ action: 'open', entity: 'leaflet', entityId: id, summary: `Opened the artwork of "${l.title}"` });
    return { opened: true, path };
  },
} satisfies Partial<HandlersFor<typeof leafletsContract>>;
