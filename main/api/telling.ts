import type { BatchResult, tellingContract } from '../../shared/contract/telling.ts';
import { AppError } from '../../shared/contract/result.ts';
import { formatElectorNumber, parseNumberInDistrict } from '../../shared/domain/elector-number.ts';
import {
  batchByClientId,
  deleteBatches,
  districtCounts,
  electorByNumber,
  recentBatches,
  recordVoteBatch,
  type VoteMethod,
} from '../../db/repositories/votes.ts';
import { contestRooms, getRoom, knockUpList, promiseCounts, promiseRule, recordKnocks, removeKnocks } from '../../db/repositories/knock-up.ts';
import type { Ctx, HandlersFor } from './context.ts';
import { requireContest } from './contests.ts';
import { requireElection } from './elections.ts';

const SOURCE_LABEL = { teller: 'tellers’ numbers', marked_register: 'marked register' } as const;
/** A device's clock may run a little fast; a batch from later than this is refused. */
const CLOCK_SLACK_MS = 5 * 60_000;

/** The contest, and the election whose votes are meant (the contest's unless another is named). */
async function pollOf(ctx: Ctx, contestId: number, electionId?: number) {
  const contest = await requireContest(ctx, contestId);
  if (electionId === undefined || electionId === contest.electionId) {
    return { contest, election: { id: contest.electionId, name: contest.electionName, pollingDay: contest.pollingDay } };
  }
  const e = await requireElection(ctx, electionId);
  return { contest, election: { id: e.id, name: e.name, pollingDay: e.pollingDay } };
}

async function requireDistrict(ctx: Ctx, areaId: number, areaName: string, district: string) {
  const known = await ctx.db.get('SELECT 1 FROM electors WHERE area_id = ? AND polling_district = ? LIMIT 1', [areaId, district]);
  if (!known) {
    throw new AppError('invalid_input', `Polling district ${district} is not on ${areaName}’s register`, {
      pollingDistrict: `No polling district ${district} in this area`,
    });
  }
}

async function requireRoom(ctx: Ctx, contestId: number, roomId: number) {
  const contest = await requireContest(ctx, contestId);
  const room = await getRoom(ctx.db, contestId, roomId);
  if (!room) throw new AppError('not_found', `There is no committee room with id ${roomId} in this contest`, { roomId: 'No such committee room' });
  return { contest, room };
}

async function requireRule(ctx: Ctx, contestId: number): Promise<string[]> {
  const rule = await promiseRule(ctx.db, contestId);
  if (rule === null)
    throw new AppError('invalid_input', 'Say who counts as a promise first (the promise rule on the polling-day page)', { contestId: 'No promise rule yet' });
  return rule;
}

export const tellingHandlers: HandlersFor<typeof tellingContract> = {
  'telling.getDistricts': async (ctx, { contestId, electionId }) => {
    const { contest, election } = await pollOf(ctx, contestId, electionId);
    return {
      electionId: election.id,
      electionName: election.name,
      pollingDay: election.pollingDay,
      districts: await districtCounts(ctx.db, election.id, contest.areaId),
    };
  },
  'telling.recordBatch': async (ctx, input) => {
    const { contest, election } = await pollOf(ctx, input.contestId, input.electionId);
    const district = input.pollingDistrict;
    await requireDistrict(ctx, contest.areaId, contest.areaName, district);
    const receivedAt = input.receivedAt ?? new Date().toISOString();
    if (Date.parse(receivedAt) > Date.now() + CLOCK_SLACK_MS) {
      throw new AppError('invalid_input', `The batch is stamped ${receivedAt}, which is still to come: check the device’s clock`, {
        receivedAt: 'In the future',
      });
    }
    const earlier = await batchByClientId(ctx.db, input.clientId);
    if (
      earlier &&
      (earlier.electionId !== election.id || earlier.areaId !== contest.areaId || earlier.pollingDistrict !== district || earlier.source !== input.source)
    ) {
      throw new AppError('conflict', `Batch ${input.clientId} was already recorded for another poll or district`, { clientId: 'Already used' });
    }

    // Each number on its own: a bad one is reported and the rest recorded.
    const refused: BatchResult['refused'] = [];
    const wanted: { number: string; elector: NonNullable<Awaited<ReturnType<typeof electorByNumber>>>; method: VoteMethod }[] = [];
    const seen = new Set<number>();
    for (const { number, method } of input.entries) {
      const parsed = parseNumberInDistrict(number, district);
      if (!parsed.ok) {
        refused.push({ number, reason: 'invalid', message: parsed.message });
        continue;
      }
      const canonical = formatElectorNumber(parsed.value);
      if (parsed.value.district !== district) {
        refused.push({ number, reason: 'not_in_district', message: `${canonical} is not in polling district ${district}` });
        continue;
      }
      const elector = await electorByNumber(ctx.db, contest.areaId, canonical);
      if (!elector) {
        refused.push({ number, reason: 'unknown', message: `There is no elector ${canonical} on the register` });
        continue;
      }
      if (seen.has(elector.id)) {
        refused.push({ number, reason: 'duplicate', message: `${canonical} ${elector.fullName} is twice in this batch` });
        continue;
      }
      seen.add(elector.id);
      wanted.push({ number, elector, method });
    }

    const result = await recordVoteBatch(ctx.db, {
      electionId: election.id,
      areaId: contest.areaId,
      pollingDistrict: district,
      source: input.source,
      clientId: input.clientId,
      receivedAt: earlier?.receivedAt ?? receivedAt,
      enteredBy: ctx.actor,
      votedAt: input.source === 'marked_register' ? election.pollingDay : undefined,
      votes: wanted.map((w) => ({ electorId: w.elector.id, method: w.method })),
    });
    const recordedIds = new Set(result.recorded);
    const recorded: BatchResult['recorded'] = [];
    for (const w of wanted) {
      const e = w.elector;
      if (recordedIds.has(e.id)) recorded.push({ number: w.number, electorId: e.id, electorNumber: e.electorNumber, fullName: e.fullName, method: w.method });
      else refused.push({ number: w.number, reason: 'already_voted', message: `${e.electorNumber} ${e.fullName} has already voted` });
    }
    // Refusals in the order the numbers were given.
    const order = new Map(input.entries.map((e, i) => [e.number, i]));
    refused.sort((a, b) => order.get(a.number)! - order.get(b.number)!);
    if (!result.resent) {
      await ctx.audit({
        action: 'record-votes',
        entity: 'vote_batch',
        entityId: result.batchId,
        summary: `Recorded ${recorded.length} vote(s) from ${SOURCE_LABEL[input.source]} in ${contest.areaName}, polling district ${district}${refused.length ? ` (${refused.length} refused)` : ''}`,
      });
    }
    return { batchId: result.batchId, clientId: input.clientId, receivedAt: earlier?.receivedAt ?? receivedAt, recorded, refused, resent: result.resent };
  },
  'telling.undo': async (ctx, { clientIds }) => {
    const { undone, votesRemoved } = await deleteBatches(ctx.db, clientIds);
    if (undone.length > 0)
      await ctx.audit({
        action: 'undo-votes',
        entity: 'vote_batch',
        entityId: null,
        summary: `Undid ${undone.length} batch(es) of votes: ${votesRemoved} vote(s) removed`,
      });
    return { undone, notFound: clientIds.filter((c) => !undone.includes(c)), votesRemoved };
  },
  'telling.listRecent': async (ctx, { contestId, electionId, pollingDistrict, source, limit }) => {
    const { contest, election } = await pollOf(ctx, contestId, electionId);
    return await recentBatches(ctx.db, { electionId: election.id, areaId: contest.areaId, pollingDistrict: pollingDistrict || undefined, source, limit });
  },
  'knockUp.rooms': async (ctx, { contestId }) => {
    const contest = await requireContest(ctx, contestId);
    const rule = await promiseRule(ctx.db, contestId);
    const rooms = [];
    for (const room of await contestRooms(ctx.db, contestId)) {
      const counts = await promiseCounts(ctx.db, {
        contestId,
        electionId: contest.electionId,
        areaId: contest.areaId,
        districts: room.districts,
        supports: rule ?? [],
      });
      rooms.push({ ...room, ...counts, left: counts.promises - counts.voted });
    }
    return { rule, rooms };
  },
  'knockUp.list': async (ctx, { contestId, roomId, votedIn }) => {
    const { contest, room } = await requireRoom(ctx, contestId, roomId);
    const rule = await requireRule(ctx, contestId);
    const scope = { contestId, electionId: contest.electionId, areaId: contest.areaId, districts: room.districts, supports: rule };
    return { roomName: room.name, districts: room.districts, rule, ...(await knockUpList(ctx.db, scope, votedIn)) };
  },
  'knockUp.record': async (ctx, { contestId, roomId, round, electorIds }) => {
    const { contest, room } = await requireRoom(ctx, contestId, roomId);
    await requireRoomElectors(ctx, contest.areaId, room.districts, electorIds);
    const recorded = await recordKnocks(ctx.db, { contestId, roomId, round, electorIds, knockedBy: ctx.actor });
    if (recorded > 0)
      await ctx.audit({
        action: 'knock-up',
        entity: 'committee_room',
        entityId: roomId,
        summary: `Knocked up ${recorded} promise(s) from ${room.name}, round ${round}`,
      });
    return { recorded, already: electorIds.length - recorded };
  },
  'knockUp.unrecord': async (ctx, { contestId, roomId, round, electorIds }) => {
    const { room } = await requireRoom(ctx, contestId, roomId);
    const removed = await removeKnocks(ctx.db, { contestId, round, electorIds });
    if (removed > 0)
      await ctx.audit({
        action: 'knock-up-undone',
        entity: 'committee_room',
        entityId: roomId,
        summary: `Took back ${removed} knock(s) of round ${round} from ${room.name}`,
      });
    return { removed };
  },
};

/** Knocks are recorded only for electors of the room's districts. */
async function requireRoomElectors(ctx: Ctx, areaId: number, districts: readonly string[], electorIds: readonly number[]) {
  const get = 'SELECT elector_number AS n, area_id AS areaId, polling_district AS d FROM electors WHERE id = ?';
  for (const [i, id] of electorIds.entries()) {
    const e = (await ctx.db.get(get, [id])) as { n: string; areaId: number; d: string } | undefined;
    if (!e) throw new AppError('not_found', `There is no elector with id ${id}`, { [`electorIds.${i}`]: 'No such elector' });
    if (e.areaId !== areaId || !districts.includes(e.d)) {
      throw new AppError('invalid_input', `${e.n} is not in this committee room’s districts (${districts.join(', ') || 'none yet'})`, {
        [`electorIds.${i}`]: 'Not this room’s',
      });
    }
  }
}
