import type { MethodName } from './index.ts';

/**
 * Which data a view shows and a change touches, so that a save reloads only the open views
 * whose data it changed (on a 100,000-elector register, reloading every view after every return
 * held up the next lookup behind tallies and lists that had not changed).
 *
 * Safe by default: a query not listed in SHOWS may show anything, so every change reloads it;
 * a mutation not listed in CHANGES may change anything, so it reloads every view; maintenance
 * (a restore) changes everything. Every mutation writes an audit row, so it changes 'audit' too.
 */
export type Data = 'areas' | 'audit' | 'codes' | 'followUps' | 'register' | 'returns' | 'sessions' | 'votes';

/** Queries: the data their answer is made of. */
export const SHOWS: Partial<Record<MethodName, readonly Data[]>> = {
  'audit.list': ['audit'],
  'audit.facets': ['audit'],
  'canvass.getCodes': ['codes'],
  // Sessions carry their area's name and how many returns they hold.
  'canvass.listSessions': ['sessions', 'returns', 'areas'],
  'canvass.getSession': ['sessions', 'returns', 'areas'],
  'canvass.listRecent': ['returns', 'register'],
  'canvass.getTallies': ['returns', 'register', 'codes', 'areas'],
  'canvass.listFollowUps': ['returns', 'followUps', 'register'],
  'canvass.countFollowUps': ['returns', 'followUps', 'register'],
  'register.list': ['register', 'areas'],
  'register.listDistricts': ['register'],
  // Electors carry their standing (latest return, requests) and follow-ups done.
  'register.listElectors': ['register', 'returns', 'followUps', 'votes'],
  'register.getElector': ['register', 'returns', 'followUps'],
  'register.getByNumber': ['register', 'returns'],
  'register.getNeighbour': ['register', 'returns'],
  'register.firstInWalk': ['register', 'returns'],
  'register.getHousehold': ['register', 'returns'],
  'register.findHouseholds': ['register', 'returns'],
  'register.getWalkSheet': ['register', 'returns', 'codes', 'areas', 'votes'],
  // Voting history and absent votes. The postal week list and the glance also read polling-day
  // setup (the promise rule, stations, rooms), so they are left to reload on every change.
  'voting.listPreview': [],
  'voting.electorHistory': ['votes', 'register'],
  'voting.knownElections': ['votes'],
};

/** Mutations: the data they change (besides the audit row every mutation writes). */
export const CHANGES: Partial<Record<MethodName, readonly Data[]>> = {
  'canvass.setCodes': ['codes'],
  // A session's new date re-derives its electors' standing; deleting it deletes its returns.
  'canvass.createSession': ['sessions'],
  'canvass.updateSession': ['sessions', 'returns'],
  'canvass.deleteSession': ['sessions', 'returns'],
  // A return may ask again for something already done, which reopens that follow-up.
  'canvass.recordReturn': ['returns', 'followUps'],
  'canvass.undoReturn': ['returns', 'followUps'],
  'canvass.markFollowUpsDone': ['followUps'],
  'canvass.undoFollowUpsDone': ['followUps'],
  'voting.importAbsent': ['votes'],
  'voting.absentFromMarkers': ['votes'],
  'voting.importMarked': ['votes'],
};

/** Whether a successful call of `change` may have changed the answer of the query `view`. */
export function changesView(change: MethodName, kind: 'query' | 'mutation' | 'maintenance', view: MethodName): boolean {
  if (kind === 'query') return false;
  const changed = kind === 'mutation' ? CHANGES[change] : undefined;
  const shown = SHOWS[view];
  if (changed === undefined || shown === undefined) return true;
  return shown.some((d) => d === 'audit' || changed.includes(d));
}
