/** Polling day duties (tellers, knockers-up) and the promise rule of a contest. */
import type { pollingSetupContract } from '../../shared/contract/polling-setup.ts';
import { AppError } from '../../shared/contract/result.ts';
import { normaliseCode } from '../../shared/domain/canvass-codes.ts';
import { normaliseSupports, promiseRuleProblems } from '../../shared/domain/promises.ts';
import { overlaps } from '../../shared/domain/tellers-rota.ts';
import { getVolunteer } from '../../db/repositories/volunteers.ts';
import {
  countPromises,
  deleteDuty,
  getDuty,
  getPromiseRule,
  getRoom,
  getStation,
  listDuties,
  putPromiseRule,
  saveDuty,
  supportCounts,
} from '../../db/repositories/polling-setup.ts';
import { currentCodes } from './canvass.ts';
import type { Ctx, HandlersFor } from './context.ts';
import { requireContest } from './contests.ts';

type Handlers = HandlersFor<typeof pollingSetupContract>;
type Keys = 'polling.saveDuty' | 'polling.deleteDuty' | 'polling.countPromises' | 'polling.setPromiseRule';

/** How many promises a rule makes in an area, and the electors behind each support code. */
export async function promiseCount(ctx: Ctx, areaId: number, supports: readonly string[]) {
  const { config } = await currentCodes(ctx);
  const counts = await supportCounts(ctx.db, areaId);
  const bySupport = config.support.options.map((o) => ({
    code: normaliseCode(o.code),
    label: o.label,
    count: counts.get(normaliseCode(o.code)) ?? 0,
  }));
  return { count: await countPromises(ctx.db, areaId, supports), bySupport };
}

/** Rule problems as the API reports them: field `supports.N` → message. */
async function checkedSupports(ctx: Ctx, supports: string[], allowEmpty: boolean): Promise<string[]> {
  const { config } = await currentCodes(ctx);
  const problems = promiseRuleProblems(supports, config).filter((p) => !(allowEmpty && p.path === 'supports'));
  if (problems.length > 0)
    throw new AppError('invalid_input', problems.map((p) => p.message).join('; '), Object.fromEntries(problems.map((p) => [p.path, p.message])));
  return normaliseSupports(supports, config);
}

async function requireDuty(ctx: Ctx, id: number) {
  const d = await getDuty(ctx.db, id);
  if (!d) throw new AppError('not_found', `There is no polling day duty with id ${id}`, { id: 'No such duty' });
  return d;
}

export const pollingDutiesHandlers: Pick<Handlers, Keys> = {
  'polling.saveDuty': async (ctx, input) => {
    const before = input.id === undefined ? undefined : await requireDuty(ctx, input.id);
    if (before && before.contestId !== input.contestId)
      throw new AppError('invalid_input', 'A duty stays in its contest', { contestId: 'Not this duty’s contest' });
    const c = await requireContest(ctx, input.contestId);
    const volunteer = await getVolunteer(ctx.db, input.volunteerId);
    if (!volunteer) throw new AppError('not_found', `There is no volunteer with id ${input.volunteerId}`, { volunteerId: 'No such volunteer' });
    const others = (await listDuties(ctx.db, c.id)).filter((d) => d.volunteerId === input.volunteerId && d.id !== input.id);
    let row;
    if (input.duty === 'teller') {
      const station = await getStation(ctx.db, input.stationId);
      if (!station || station.areaId !== c.areaId) {
        throw new AppError('invalid_input', `That polling station is not in ${c.areaName}`, { stationId: 'Choose one of this area’s polling stations' });
      }
      const clash = others.find((d) => d.duty === 'teller' && overlaps(d as { startsAt: string; endsAt: string }, input));
      if (clash) {
        const message = `${volunteer.name} is already telling at ${clash.stationName} ${clash.startsAt}–${clash.endsAt}`;
        throw new AppError('conflict', message, { startsAt: message });
      }
      row = { ...input, roomId: null, round: null };
    } else {
      const room = await getRoom(ctx.db, input.roomId);
      if (!room || room.contestId !== c.id) {
        throw new AppError('invalid_input', 'That committee room is not in this contest', { roomId: 'Choose one of this contest’s committee rooms' });
      }
      if (others.some((d) => d.duty === 'knocker_up' && d.roomId === input.roomId && d.round === input.round)) {
        const message = `${volunteer.name} is already knocking up from ${room.name} in round ${input.round}`;
        throw new AppError('conflict', message, { round: message });
      }
      row = { ...input, stationId: null, startsAt: null, endsAt: null };
    }
    const id = await saveDuty(ctx.db, row);
    const after = await requireDuty(ctx, id);
    const what =
      after.duty === 'teller'
        ? `telling at ${after.stationName} ${after.startsAt}–${after.endsAt}`
        : `knocking up from ${after.roomName}, round ${after.round}`;
    await ctx.audit({
      action: before ? 'update' : 'create',
      entity: 'polling_day_duty',
      entityId: id,
      summary: `${volunteer.name} ${what}`,
      before,
      after,
    });
    return after;
  },
  'polling.deleteDuty': async (ctx, { id }) => {
    const before = await requireDuty(ctx, id);
    await deleteDuty(ctx.db, id);
    await ctx.audit({
      action: 'delete',
      entity: 'polling_day_duty',
      entityId: id,
      summary: `Took ${before.volunteerName} off ${before.duty === 'teller' ? 'telling' : 'knocking up'}`,
      before,
    });
    return { deleted: true };
  },
  'polling.countPromises': async (ctx, { contestId, supports }) => {
    const c = await requireContest(ctx, contestId);
    return promiseCount(ctx, c.areaId, await checkedSupports(ctx, supports, true));
  },
  'polling.setPromiseRule': async (ctx, { contestId, supports }) => {
    const c = await requireContest(ctx, contestId);
    const codes = await checkedSupports(ctx, supports, false);
    const before = await getPromiseRule(ctx.db, contestId);
    await putPromiseRule(ctx.db, contestId, codes);
    const count = await promiseCount(ctx, c.areaId, codes);
    await ctx.audit({
      action: 'update',
      entity: 'promise_rule',
      entityId: contestId,
      summary: `Promises in ${c.areaName} are support ${codes.join(', ')} (${count.count} electors)`,
      before,
      after: { supports: codes },
    });
    return { ...count, supports: codes };
  },
};
