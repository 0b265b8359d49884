/**
 * Leaflet artwork is kept in files beside the database (its `artwork` folder), named in the
 * leaflets' `artwork_file`: a copy of a campaign carries them along with the rows. Files are
 * written only once the rows are committed, so a copy that rolls back leaves no file behind, and
 * what the target held before is removed only then too.
 */
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { makeFolder } from './folders.ts';
import type { Queries } from './store.ts';

/** The folder of leaflet artwork for the data kept in `dataFolder` (a file's folder; a team database's --files). */
export function artworkFolder(dataFolder: string): string {
  return join(dataFolder, 'artwork');
}

/** The artwork files the leaflets name. Stored names never contain a path; basename() keeps a tampered row inside the folder. */
export async function artworkNames(q: Queries): Promise<string[]> {
  const rows = await q.values<[string]>('SELECT artwork_file FROM leaflets WHERE artwork_file IS NOT NULL ORDER BY artwork_file');
  return [...new Set(rows.map(([file]) => basename(file)))];
}

export interface ArtworkCopied {
  /** Files written into the target's folder (or already there, when both ends share it). */
  copied: number;
  /** Files a leaflet names that are not in the source's folder: nothing to carry. */
  missing: string[];
  /** Files of what the target held before that no leaflet names now. */
  removed: number;
}

/**
 * Carries the files `names` from one artwork folder to another, each through a temporary name so
 * a file is there whole or not at all, then removes the target's earlier files (`replaced`) that
 * are no longer named. Call it only after the rows are committed.
 */
export function carryArtwork(names: string[], from: string, to: string, replaced: string[]): ArtworkCopied {
  const same = resolve(from) === resolve(to);
  const missing: string[] = [];
  let copied = 0;
  for (const name of names) {
    const source = join(from, name);
    if (!existsSync(source)) {
      missing.push(name);
      continue;
    }
    copied++;
    if (same) continue;
    makeFolder(to);
    const partial = join(to, `.${name}.copying-${process.pid}`);
    try {
      copyFileSync(source, partial);
      chmodSync(partial, 0o600); // artwork is the campaign's: its owner's only, as the app writes it
      renameSync(partial, join(to, name));
    } finally {
      rmSync(partial, { force: true });
    }
  }
  const kept = new Set(names);
  const gone = replaced.filter((name) => !kept.has(name));
  for (const name of gone) rmSync(join(to, name), { force: true });
  return { copied, missing, removed: gone.length };
}

export interface ArtworkSum {
  files: number;
  /** sha256 over each present file's name and the sha256 of its bytes, in name order. */
  checksum: string;
}

/** The artwork files the leaflets of `q` name that are in `folder`: how many, and a checksum of their names and content. */
export async function artworkSum(q: Queries, folder: string): Promise<ArtworkSum> {
  const all = createHash('sha256');
  let files = 0;
  for (const name of await artworkNames(q)) {
    const path = join(folder, name);
    if (!existsSync(path)) continue;
    files++;
    all.update(`${name}\0${createHash('sha256').update(readFileSync(path)).digest('hex')}\n`);
  }
  return { files, checksum: all.digest('hex') };
}
