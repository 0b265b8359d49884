/**
 * A canvasser's reach (issue 13): on a team server, someone who holds `canvasser` and neither
 * `coordinator` nor `admin` reaches only the areas and polling districts assigned to them. Every
 * method a canvasser may call has its rule here, and the dispatcher applies it before (and, for
 * lists, after) the handler: a method a canvasser may call without a rule is refused, so a new one
 * cannot leak by being forgotten.
 *
 * What lies outside answers `forbidden` with the same message whether or not the record exists,
 * so guessing ids tells nothing. A canvasser's "own" sessions are the sessions in their districts
 * (the session's free-text canvassers field names no accounts).
 */
import { allows } from '../../shared/contract/access.ts';
import { type MethodName, contract } from '../../shared/contract/index.ts';
import { AppError } from '../../shared/contract/result.ts';
import { type Caller, keptToAssignments } from '../../shared/contract/roles.ts';
import { listAssignments } from '../../db/repositories/assignments.ts';
import { getReturn, getSessionBasics } from '../../db/repositories/canvass.ts';
import { getRoom } from '../../db/repositories/knock-up.ts';
import { batchByClientId } from '../../db/repositories/votes.ts';
import type { Ctx } from './context.ts';

/** Area id → the polling districts assigned in it, or 'all' for the whole area. */
interface Reach {
  person: string;
  areas: Map<number, Set<string> | 'all'>;
}

/**
 * Whether a call is limited to the caller's assignments: they may make it only as a canvasser
 * (a coordinator or the team secretary is not limited; a member who also canvasses reads what
 * every member may as any member does).
 */
function isLimited(caller: Caller | undefined, method: MethodName): caller is Caller {
  if (caller === undefined || !keptToAssignments(caller.roles)) return false;
  return !allows(
    contract[method].access,
    caller.roles.filter((role) => role !== 'canvasser'),
  );
}

/** The caller's reach for a method, or null when the call may reach everything. */
async function reachOf(ctx: Ctx, method: MethodName): Promise<Reach | null> {
  if (!isLimited(ctx.caller, method)) return null;
  const areas = new Map<number, Set<string> | 'all'>();
  for (const a of await listAssignments(ctx.db, { person: ctx.caller.name })) {
    const held = areas.get(a.areaId);
    if (a.pollingDistrict === '' || held === 'all') areas.set(a.areaId, 'all');
    else areas.set(a.areaId, new Set([...(held ?? []), a.pollingDistrict]));
  }
  return { person: ctx.caller.name, areas };
}

const refuse = (message: string) => new AppError('forbidden', `${message} — ask a coordinator to assign it to you.`);

function reaches(reach: Reach, areaId: number, pollingDistrict: string): boolean {
  const held = reach.areas.get(areaId);
  return held === 'all' || (held !== undefined && pollingDistrict !== '' && held.has(pollingDistrict));
}

function requireArea(reach: Reach, areaId: number): Set<string> | 'all' {
  const held = reach.areas.get(areaId);
  if (held === undefined) throw refuse(`Area ${areaId} is not assigned to you`);
  return held;
}

/**
 * The polling district an area-wide call is to be read in: the one asked for if it is the
 * caller's; their only district in the area when none is asked for; else refused.
 */
function narrow(reach: Reach, areaId: number, pollingDistrict: string | undefined): string | undefined {
  const held = requireArea(reach, areaId);
  if (held === 'all') return pollingDistrict;
  if (pollingDistrict) {
    if (!held.has(pollingDistrict)) throw refuse(`Polling district ${pollingDistrict} is not assigned to you`);
    return pollingDistrict;
  }
  if (held.size === 1) return [...held][0];
  throw refuse(`Choose one of your polling districts (${[...held].sort().join(', ')}): the rest of area ${areaId} is not assigned to you`);
}

/**
 * A session's polling district: the whole area ('') only for those assigned the whole area; a
 * session is not quietly narrowed to the caller's district, or it would not be what they asked for.
 */
function sessionDistrict(reach: Reach, areaId: number, pollingDistrict: string): string {
  const held = requireArea(reach, areaId);
  if (held !== 'all' && pollingDistrict === '') {
    const mine = [...held].sort().join(', ');
    throw new AppError('forbidden', `The whole of area ${areaId} is not assigned to you: choose your polling district (${mine}) for the session.`, {
      pollingDistrict: `Choose your polling district (${mine})`,
    });
  }
  return narrow(reach, areaId, pollingDistrict) ?? '';
}

/** The districts of an area the caller may see, or null for all of them. */
export async function visibleDistricts(ctx: Ctx, method: MethodName, areaId: number): Promise<Set<string> | null> {
  const reach = await reachOf(ctx, method);
  if (!reach) return null;
  const held = requireArea(reach, areaId);
  return held === 'all' ? null : held;
}

async function placeOf(ctx: Ctx, sql: string, id: number): Promise<{ areaId: number; pollingDistrict: string } | undefined> {
  return (await ctx.db.get(sql, [id])) as { areaId: number; pollingDistrict: string } | undefined;
}

async function requireElector(ctx: Ctx, reach: Reach, id: number): Promise<{ areaId: number; pollingDistrict: string }> {
  const place = await placeOf(ctx, 'SELECT area_id AS areaId, polling_district AS pollingDistrict FROM electors WHERE id = ?', id);
  if (!place || !reaches(reach, place.areaId, place.pollingDistrict)) throw refuse(`Elector ${id} is not in a district assigned to you`);
  return place;
}

async function requireHousehold(ctx: Ctx, reach: Reach, id: number): Promise<void> {
  const place = await placeOf(ctx, 'SELECT area_id AS areaId, polling_district AS pollingDistrict FROM households WHERE id = ?', id);
  if (!place || !reaches(reach, place.areaId, place.pollingDistrict)) throw refuse(`Household ${id} is not in a district assigned to you`);
}

async function requireSession(ctx: Ctx, reach: Reach, id: number): Promise<void> {
  const session = await getSessionBasics(ctx.db, id);
  if (!session || !reaches(reach, session.areaId, session.pollingDistrict)) throw refuse(`Canvass session ${id} is not in a district assigned to you`);
}

async function contestArea(ctx: Ctx, reach: Reach, contestId: number): Promise<{ areaId: number; held: Set<string> | 'all' }> {
  const row = (await ctx.db.get('SELECT area_id AS areaId FROM contests WHERE id = ?', [contestId])) as { areaId: number } | undefined;
  if (!row || !reach.areas.has(row.areaId)) throw refuse(`Contest ${contestId} is not in an area assigned to you`);
  return { areaId: row.areaId, held: reach.areas.get(row.areaId)! };
}

/** A committee room is the caller's when every district it knocks up is. */
function roomReached(held: Set<string> | 'all', districts: readonly string[]): boolean {
  return held === 'all' || (districts.length > 0 && districts.every((d) => held.has(d)));
}

async function requireRoom(ctx: Ctx, reach: Reach, contestId: number, roomId: number): Promise<void> {
  const { held } = await contestArea(ctx, reach, contestId);
  const room = await getRoom(ctx.db, contestId, roomId);
  if (!room || !roomReached(held, room.districts)) throw refuse(`Committee room ${roomId} knocks up districts not assigned to you`);
}

type Input = Record<string, unknown>;
type Rule = {
  /** Checks the input (throws `forbidden`) and answers it, narrowed to the caller's districts where it reads an area. */
  input?: (ctx: Ctx, input: Input, reach: Reach) => Promise<Input>;
  /** Leaves out of an answer what lies outside the caller's reach. */
  output?: (ctx: Ctx, value: unknown, reach: Reach, input: Input) => Promise<unknown>;
};

const open: Rule = {};
/** `areaId` and an optional `pollingDistrict`: read in the caller's district. */
const inArea: Rule = {
  input: async (_ctx, i, reach) => ({ ...i, pollingDistrict: narrow(reach, i.areaId as number, i.pollingDistrict as string | undefined) }),
};
const areaOnly: Rule = { input: async (_ctx, i, reach) => (requireArea(reach, i.areaId as number), i) };
const elector = (field: string): Rule => ({ input: async (ctx, i, reach) => (await requireElector(ctx, reach, i[field] as number), i) });
const electors: Rule = {
  input: async (ctx, i, reach) => {
    for (const id of i.electorIds as number[]) await requireElector(ctx, reach, id);
    return i;
  },
};
const session = (field: string): Rule => ({ input: async (ctx, i, reach) => (await requireSession(ctx, reach, i[field] as number), i) });
const room: Rule = {
  input: async (ctx, i, reach) => {
    await requireRoom(ctx, reach, i.contestId as number, i.roomId as number);
    return i;
  },
};
/**
 * Knocks of the caller's room, on electors of theirs: a knock is taken back by elector and round
 * whichever room recorded it, and the room's own check names the elector it refuses.
 */
const knocks: Rule = {
  input: async (ctx, i, reach) => {
    await room.input!(ctx, i, reach);
    return electors.input!(ctx, i, reach);
  },
};
/** A lookup answering one elector or null: null when the one found lies outside (a full number names its own district). */
const oneElector: Rule = {
  input: inArea.input,
  output: async (_ctx, value, reach) => (value && reaches(reach, (value as Place).areaId, (value as Place).pollingDistrict) ? value : null),
};
type Place = { areaId: number; pollingDistrict: string };
const inPlace = (reach: Reach) => (row: { areaId: number; pollingDistrict: string }) => reaches(reach, row.areaId, row.pollingDistrict);

const RULES: Partial<Record<MethodName, Rule>> = {
  'access.me': open,
  'canvass.getCodes': open,
  'assignments.list': { output: async (_ctx, rows, reach) => (rows as { person: string }[]).filter((a) => a.person === reach.person) },
  'areas.get': { input: async (_ctx, i, reach) => (requireArea(reach, i.id as number), i) },
  'contests.get': { input: async (ctx, i, reach) => (await contestArea(ctx, reach, i.id as number), i) },

  'register.list': { output: async (_ctx, rows, reach) => (rows as { areaId: number }[]).filter((r) => reach.areas.has(r.areaId)) },
  'register.listDistricts': {
    input: areaOnly.input,
    output: async (_ctx, rows, reach, i) => (rows as { pollingDistrict: string }[]).filter((d) => reaches(reach, i.areaId as number, d.pollingDistrict)),
  },
  'register.listElectors': inArea,
  'register.getElector': elector('id'),
  'register.getByNumber': oneElector,
  'register.listNames': inArea,
  'register.getNeighbour': {
    input: async (ctx, i, reach) => {
      const place = await requireElector(ctx, reach, i.electorId as number);
      return { ...i, pollingDistrict: narrow(reach, place.areaId, (i.pollingDistrict as string | undefined) || place.pollingDistrict) };
    },
    output: oneElector.output,
  },
  'register.firstInWalk': oneElector,
  'register.getHousehold': { input: async (ctx, i, reach) => (await requireHousehold(ctx, reach, i.id as number), i) },
  'register.findHouseholds': inArea,
  'register.getWalkSheet': inArea,
  'pdf.walkSheets': inArea,

  'canvass.listSessions': { output: async (_ctx, rows, reach) => (rows as { areaId: number; pollingDistrict: string }[]).filter(inPlace(reach)) },
  'canvass.getSession': session('id'),
  'canvass.createSession': {
    input: async (_ctx, i, reach) => ({ ...i, pollingDistrict: sessionDistrict(reach, i.areaId as number, i.pollingDistrict as string) }),
  },
  'canvass.updateSession': {
    input: async (ctx, i, reach) => {
      await requireSession(ctx, reach, i.id as number);
      return { ...i, pollingDistrict: sessionDistrict(reach, i.areaId as number, i.pollingDistrict as string) };
    },
  },
  'canvass.recordReturn': {
    input: async (ctx, i, reach) => {
      await requireSession(ctx, reach, i.sessionId as number);
      await requireElector(ctx, reach, i.electorId as number);
      return i;
    },
  },
  'canvass.undoReturn': {
    input: async (ctx, i, reach) => {
      const r = await getReturn(ctx.db, i.id as number);
      if (!r) throw refuse(`Canvass return ${String(i.id)} is not in a session of yours`);
      await requireSession(ctx, reach, r.sessionId);
      return i;
    },
  },
  'canvass.listRecent': session('sessionId'),
  'canvass.getTallies': areaOnly, // the handler counts only the visible districts
  'canvass.listFollowUps': inArea,
  'canvass.countFollowUps': inArea,
  'canvass.markFollowUpsDone': electors,
  'canvass.undoFollowUpsDone': electors,

  'voting.electorHistory': elector('electorId'),
  'voting.knownElections': areaOnly,
  'telling.getDistricts': {
    input: async (ctx, i, reach) => (await contestArea(ctx, reach, i.contestId as number), i),
    output: async (ctx, value, reach, i) => {
      const { areaId } = await contestArea(ctx, reach, i.contestId as number);
      const answer = value as { districts: { pollingDistrict: string }[] };
      return { ...answer, districts: answer.districts.filter((d) => reaches(reach, areaId, d.pollingDistrict)) };
    },
  },
  'telling.recordBatch': {
    input: async (ctx, i, reach) => {
      const { areaId } = await contestArea(ctx, reach, i.contestId as number);
      if (!reaches(reach, areaId, i.pollingDistrict as string)) throw refuse(`Polling district ${String(i.pollingDistrict)} is not assigned to you`);
      return i;
    },
  },
  'telling.undo': {
    input: async (ctx, i, reach) => {
      for (const clientId of i.clientIds as string[]) {
        const batch = await batchByClientId(ctx.db, clientId);
        if (batch && !reaches(reach, batch.areaId, batch.pollingDistrict)) throw refuse(`Batch ${clientId} is of a district not assigned to you`);
      }
      return i;
    },
  },
  'telling.listRecent': {
    input: async (ctx, i, reach) => {
      const { areaId } = await contestArea(ctx, reach, i.contestId as number);
      return { ...i, pollingDistrict: narrow(reach, areaId, i.pollingDistrict as string | undefined) };
    },
  },
  'knockUp.rooms': {
    input: async (ctx, i, reach) => (await contestArea(ctx, reach, i.contestId as number), i),
    output: async (ctx, value, reach, i) => {
      const { held } = await contestArea(ctx, reach, i.contestId as number);
      const answer = value as { rooms: { districts: string[] }[] };
      return { ...answer, rooms: answer.rooms.filter((r) => roomReached(held, r.districts)) };
    },
  },
  'knockUp.list': room,
  'knockUp.record': knocks,
  'knockUp.unrecord': knocks,
};

/**
 * Runs a call within the caller's reach: unchanged for whoever may reach everything; for a
 * limited canvasser, the method's rule checks and narrows the input and trims the answer. A
 * method without a rule is refused to them.
 */
export async function withinReach(ctx: Ctx, method: MethodName, input: unknown, run: (input: unknown) => Promise<unknown>): Promise<unknown> {
  const reach = await reachOf(ctx, method);
  if (!reach) return await run(input);
  const rule = RULES[method];
  if (!rule) throw new AppError('forbidden', `A canvasser’s calls are limited to their districts, and ${method} has no such limit yet — ask a coordinator.`);
  const narrowed = rule.input ? await rule.input(ctx, input as Input, reach) : input;
  const value = await run(narrowed);
  return rule.output ? await rule.output(ctx, value, reach, narrowed as Input) : value;
}

/** The methods a limited canvasser may call: a test checks every method open to canvassers is here. */
export const REACH_RULES: readonly MethodName[] = Object.keys(RULES) as MethodName[];
