import type { z } from 'zod';
import type { MethodDef } from '../../shared/contract/define.ts';
import type { EncryptionState, KeyProtector } from '../../db/sqlite/encryption/unlock.ts';
import { type AuditRecord, writeAudit } from '../../db/repositories/audit.ts';
import type { Queries, Store } from '../../db/store.ts';
import type { Caller } from '../../shared/contract/roles.ts';
import { createJobs, type Jobs } from '../jobs.ts';
import { createUploads, type Uploads } from '../uploads.ts';
import type { Team } from '../team-address.ts';

/** What a handler gets besides its parsed input. */
export interface Ctx {
  /** What the handler reads and writes through: the call's transaction for a mutation, else the store. */
  db: Queries;
  /** The store itself: for work that runs its own transactions (long jobs) or needs the engine. */
  store: Store;
  dbPath: string;
  /** Who is making the change, for the audit trail. */
  actor: string;
  /** The signed-in person on a team server; absent for the single user of a file, who may do everything. */
  caller?: Caller;
  audit(record: Omit<AuditRecord, 'actor'>): Promise<void>;
  /** Long work (imports…): progress events reach the doors through `jobs.subscribe`. */
  jobs: Jobs;
  /** Files the renderer sent in chunks, for jobs to read. */
  uploads: Uploads;
  /**
   * Shows a leaflet's artwork (already checked to be an image or a PDF) in the desktop app's own
   * viewer window. Only the desktop app has one; browser mode and the CLI leave it undefined.
   */
  showArtwork?: ShowArtwork;
  /**
   * Remembers a team server the person connected to and opens it in the window (`connect.team`).
   * Only the desktop app has a window to open it in; browser mode's page goes there itself.
   */
  openTeam?: OpenTeam;
  /** The data key (null: a plain file) and the recovery key still to be shown; shared with the door. */
  encryption: EncryptionState;
  /** The keychain the door locks keys with (the desktop app's safeStorage); none in browser mode and the CLI. */
  keyProtector?: KeyProtector;
  /**
   * Whether the caller may name files anywhere (a backup written to or restored from a path): the
   * command line, run by its user on their own files. The app's doors name backups in the folder.
   */
  anyFile?: boolean;
  /**
   * Progress of long work done inside the call, for a door that waits for it (the command line
   * prints it on stderr); the app's doors follow long work as jobs instead.
   */
  onProgress?: (done: number, total: number) => void;
}

export type OpenTeam = (team: Team) => Promise<void>;

export type ShowArtwork = (artwork: { leafletId: number; title: string; name: string; type: string }) => Promise<void>;

export function createCtx(
  store: Store,
  encryption: EncryptionState,
  dbPath: string,
  actor: string,
  services: {
    jobs?: Jobs;
    uploads?: Uploads;
    showArtwork?: ShowArtwork;
    openTeam?: OpenTeam;
    keyProtector?: KeyProtector;
    anyFile?: boolean;
    onProgress?: (done: number, total: number) => void;
  } = {},
): Ctx {
  const ctx: Ctx = {
    db: store,
    store,
    dbPath,
    actor,
    audit: (record) => writeAudit(ctx.db, { ...record, actor }),
    jobs: services.jobs ?? createJobs(),
    uploads: services.uploads ?? createUploads(dbPath),
    showArtwork: services.showArtwork,
    openTeam: services.openTeam,
    encryption,
    keyProtector: services.keyProtector,
    anyFile: services.anyFile,
    onProgress: services.onProgress,
  };
  return ctx;
}

/** The context of one call made by a signed-in person: they are its actor in the audit trail. */
export function asCaller(ctx: Ctx, caller: Caller): Ctx {
  return { ...ctx, actor: caller.name, caller, audit: (record) => writeAudit(ctx.db, { ...record, actor: caller.name }) };
}

/** The context of one mutation: the same services, reading and writing through its transaction. */
export function inTransaction(ctx: Ctx, tx: Queries): Ctx {
  return { ...ctx, db: tx, audit: (record) => writeAudit(tx, { ...record, actor: ctx.actor }) };
}

export type HandlersFor<C extends Record<string, MethodDef>> = {
  [M in keyof C]: (ctx: Ctx, input: z.output<C[M]['input']>) => Promise<z.input<C[M]['output']>>;
};
