import { userInfo } from 'node:os';
import { type Db, openDatabase } from '../db/open.ts';
import { createCtx } from './api/context.ts';
import { createDispatcher, type Dispatch } from './api/dispatcher.ts';

export interface Hustings {
  dispatch: Dispatch;
  db: Db;
  dbPath: string;
  close(): void;
}

function defaultActor(): string {
  try {
    return userInfo().username;
  } catch {
    return 'local user';
  }
}

/** Opens the database and wires the dispatcher: what every door (IPC, HTTP, CLI) stands on. */
export async function openHustings(opts: { dbPath: string; actor?: string }): Promise<Hustings> {
  const db = await openDatabase(opts.dbPath);
  const dispatch = createDispatcher(createCtx(db, opts.dbPath, opts.actor ?? defaultActor()));
  return { dispatch, db, dbPath: opts.dbPath, close: () => db.close() };
}
