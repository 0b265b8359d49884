import type { canvassContract } from '../../shared/contract/canvass.ts';
import { AppError } from '../../shared/contract/result.ts';
import { DEFAULT_CODES, REQUEST_LABELS, codeTable, parseReturnCodes, type CodeConfig } from '../../shared/domain/canvass-codes.ts';
import { addCounts, computeTallies, emptyCounts } from '../../shared/domain/tallies.ts';
import {
  CODES_SETTING,
  deleteReturn,
  deleteSession,
  entryFacts,
  followUpCounts,
  followUps,
  getFollowUpDone,
  getReturn,
  getSession,
  getSessionBasics,
  insertReturn,
  insertSession,
  listSessions,
  markFollowUpDone,
  recentSessionReturns,
  tallyCounts,
  contactCounts,
  unmarkFollowUpDone,
  updateSession,
} from '../../db/repositories/canvass.ts';
import { getElector, neighbourInWalk, pollingDistricts } from '../../db/repositories/electors.ts';
import { together } from '../../db/store.ts';
import { getSettingText, putSetting } from '../../db/repositories/settings.ts';
import { requireArea } from './areas.ts';
import type { Ctx, HandlersFor } from './context.ts';
import { EDITABLE, guardedEdit } from './edits.ts';
import { requireRecord } from './records.ts';
import { visibleDistricts } from './scope.ts';
import { formatDateLong } from '../../shared/domain/working-days.ts';

let cached: { json: string | undefined; config: CodeConfig; table: ReturnType<typeof codeTable> } | undefined;

/** The codes saved as `json` (none: the defaults), with their lookup table: worked out once while the setting stays the same. */
function codesOf(json: string | undefined): { config: CodeConfig; table: ReturnType<typeof codeTable> } {
  if (cached === undefined || cached.json !== json) {
    const config = json === undefined ? DEFAULT_CODES : (JSON.parse(json) as CodeConfig);
    cached = { json, config, table: codeTable(config) };
  }
  return cached;
}

/** The codes in use, with their lookup table. */
export async function currentCodes(ctx: Ctx): Promise<{ config: CodeConfig; table: ReturnType<typeof codeTable> }> {
  return codesOf(await getSettingText(ctx.db, CODES_SETTING));
}

async function requireSession(ctx: Ctx, id: number) {
  return requireRecord(await getSession(ctx.db, id), 'canvass session', id, { missing: 'No such session' });
}

/** Refuses a polling district that is not on the area's register ('' is the whole area). */
export async function checkDistrict(ctx: Ctx, areaId: number, pollingDistrict: string) {
  if (pollingDistrict === '') return;
  const known = await pollingDistricts(ctx.db, areaId);
  if (!known.includes(pollingDistrict)) {
    const list = known.length ? `its districts are ${known.join(', ')}` : 'import its register first';
    throw new AppError('invalid_input', `Polling district ${pollingDistrict} is not on this area’s register (${list})`, {
      pollingDistrict: `No polling district ${pollingDistrict} in this area`,
    });
  }
}

export const canvassHandlers: HandlersFor<typeof canvassContract> = {
  'canvass.getCodes': async (ctx) => (await currentCodes(ctx)).config,
  'canvass.setCodes': async (ctx, config) => {
    const before = (await currentCodes(ctx)).config;
    await putSetting(ctx.db, CODES_SETTING, config);
    await ctx.audit({ action: 'update', entity: 'canvass_codes', entityId: null, summary: 'Changed the canvass codes', before, after: config });
    return config;
  },
  'canvass.listSessions': async (ctx, { areaId }) => listSessions(ctx.db, areaId),
  'canvass.getSession': async (ctx, { id }) => requireSession(ctx, id),
  'canvass.createSession': async (ctx, input) => {
    const area = await requireArea(ctx, input.areaId);
    await checkDistrict(ctx, input.areaId, input.pollingDistrict);
    const id = await insertSession(ctx.db, input);
    const after = await requireSession(ctx, id);
    await ctx.audit({
      action: 'create',
      entity: 'canvass_session',
      entityId: id,
      summary: `Started a canvass session in ${area.name}${input.pollingDistrict ? ` (${input.pollingDistrict})` : ''} on ${formatDateLong(input.heldOn)}`,
      after,
    });
    return after;
  },
  'canvass.updateSession': guardedEdit(EDITABLE.canvassSession, async (ctx, { id, ...input }) => {
    const before = await requireSession(ctx, id);
    if (before.areaId !== input.areaId) throw new AppError('invalid_input', 'A session cannot move to another area', { areaId: 'Start a new session instead' });
    await checkDistrict(ctx, input.areaId, input.pollingDistrict);
    await updateSession(ctx.db, id, input);
    const after = await requireSession(ctx, id);
    await ctx.audit({
      action: 'update',
      entity: 'canvass_session',
      entityId: id,
      summary: `Changed the canvass session of ${formatDateLong(after.heldOn)}`,
      before,
      after,
    });
    return after;
  }),
  'canvass.deleteSession': async (ctx, { id, confirm }) => {
    const before = await requireSession(ctx, id);
    if (before.returnCount > 0 && !confirm) {
      throw new AppError('needs_confirmation', `This session has ${before.returnCount} return(s); deleting it deletes them too.`);
    }
    const electorsUpdated = await deleteSession(ctx.db, id);
    await ctx.audit({
      action: 'delete',
      entity: 'canvass_session',
      entityId: id,
      summary: `Deleted the canvass session of ${formatDateLong(before.heldOn)}`,
      before,
    });
    return { deletedReturns: before.returnCount, electorsUpdated };
  },
  'canvass.recordReturn': async (ctx, { sessionId, electorId, codes, note, clientId }) => {
    // Each wait for the database is a round trip on a team server: one read for every check, the
    // elector's returns from the write, and statements that need not wait for each other sent together.
    const facts = await entryFacts(ctx.db, sessionId, electorId, clientId ?? null);
    const session = requireRecord(facts.session, 'canvass session', sessionId, { field: 'sessionId', missing: 'No such session' });
    const elector = requireRecord(facts.elector, 'elector', electorId, { field: 'electorId' });
    if (elector.areaId !== session.areaId) {
      throw new AppError('invalid_input', `${elector.electorNumber} is not on the register of this session’s area`, {
        electorId: 'Not in this session’s area',
      });
    }
    const { config, table } = codesOf(facts.codesJson);
    const parsed = parseReturnCodes(codes, config, table);
    if (!parsed.ok) throw new AppError('invalid_input', parsed.message, { codes: parsed.message });
    if (facts.undoneAt) throw undoneConflict(facts.undoneAt, elector.electorNumber);
    const {
      id,
      created,
      electorReturns: returns,
    } = await insertReturn(ctx.db, {
      electorId,
      sessionId,
      ...parsed.value,
      codes: codes.toUpperCase().replace(/\s+/g, ''),
      note,
      canvassedOn: session.heldOn,
      enteredBy: ctx.actor,
      clientId: clientId ?? null,
    });
    // A return sent again (its answer lost on the way) is answered as it was recorded; it was audited the first time.
    const saved = returns.find((r) => r.id === id);
    // Not among this elector's returns of this session: the device used the id for another.
    if (saved?.sessionId !== sessionId) {
      throw new AppError('conflict', `Client id ${clientId} was already used for another return: the device must give each return an id of its own`, {
        clientId: 'Already used for another return',
      });
    }
    // Audit rows about a person are filed under the elector, so erasure can find and blank them.
    const [, next] = await together(
      created
        ? ctx.audit({ action: 'record-return', entity: 'elector', entityId: electorId, summary: `Recorded canvass return ${saved.codes}`, after: saved })
        : undefined,
      neighbourInWalk(ctx.db, elector, 1, session.pollingDistrict !== ''),
    );
    const earlierInSession = returns.filter((r) => r.sessionId === sessionId && r.id !== id);
    return { return: saved, next: next ?? null, earlierInSession };
  },
  'canvass.undoReturn': async (ctx, { id }) => {
    const r = await getReturn(ctx.db, id);
    if (!r) throw new AppError('not_found', `There is no canvass return with id ${id} (already undone?)`, { id: 'No such return' });
    const elector = await getElector(ctx.db, r.electorId);
    await deleteReturn(ctx.db, id);
    await ctx.audit({ action: 'undo-return', entity: 'elector', entityId: r.electorId, summary: `Undid canvass return ${r.codes}`, before: r });
    return { undone: r, electorNumber: elector?.electorNumber ?? '' };
  },
  'canvass.listRecent': async (ctx, { sessionId, limit }) => {
    // Only that it exists: counting a big session's returns would cost more than the page of them.
    if (!(await getSessionBasics(ctx.db, sessionId)))
      throw new AppError('not_found', `There is no canvass session with id ${sessionId}`, { id: 'No such session' });
    return recentSessionReturns(ctx.db, sessionId, limit);
  },
  'canvass.getTallies': async (ctx, { areaId }) => {
    await requireArea(ctx, areaId);
    const { config } = await currentCodes(ctx);
    // A canvasser's tallies are of their districts only, the area's figure their sum.
    const visible = await visibleDistricts(ctx, 'canvass.getTallies', areaId);
    const districts = (await tallyCounts(ctx.db, areaId)).filter((d) => !visible || visible.has(d.pollingDistrict));
    const area = districts.reduce((sum, d) => addCounts(sum, d.counts), emptyCounts());
    return {
      area: computeTallies(area, config),
      districts: districts.map((d) => ({ pollingDistrict: d.pollingDistrict, tallies: computeTallies(d.counts, config) })),
    };
  },
  'canvass.countContacts': async (ctx, { areaId }) => {
    await requireArea(ctx, areaId);
    return await contactCounts(ctx.db, areaId);
  },
  'canvass.listFollowUps': async (ctx, { areaId, request, pollingDistrict, state, offset, limit }) => {
    await requireArea(ctx, areaId);
    return followUps(ctx.db, areaId, request, pollingDistrict || undefined, state, limit === undefined ? undefined : { offset, limit });
  },
  'canvass.countFollowUps': async (ctx, { areaId, request, pollingDistrict }) => {
    await requireArea(ctx, areaId);
    return await followUpCounts(ctx.db, areaId, request, pollingDistrict || undefined);
  },
  'canvass.markFollowUpsDone': async (ctx, { request, electorIds, doneOn, note }) => {
    const what = REQUEST_LABELS[request].toLowerCase();
    for (const [i, electorId] of electorIds.entries()) {
      const e = await requireListedElector(ctx, electorId, i);
      const done = await getFollowUpDone(ctx.db, electorId, request);
      if (done && done.reopenedByReturnId === null) {
        throw new AppError('invalid_input', `${e.electorNumber} ${e.fullName} is already ticked off (done on ${formatDateLong(done.doneOn)})`, {
          [`electorIds.${i}`]: 'Already done',
        });
      }
      if (!e.requests.includes(request)) {
        throw new AppError('invalid_input', `${e.electorNumber} ${e.fullName} has not asked for this (${what}): nothing to tick off`, {
          [`electorIds.${i}`]: 'Did not ask for this',
        });
      }
    }
    const doneAt = new Date().toISOString();
    for (const electorId of electorIds) {
      const before = (await getFollowUpDone(ctx.db, electorId, request)) ?? null;
      await markFollowUpDone(ctx.db, { electorId, request, doneOn, note, doneBy: ctx.actor, doneAt });
      // Filed under the elector, like their returns, so erasure finds it.
      await ctx.audit({
        action: 'follow-up-done',
        entity: 'elector',
        entityId: electorId,
        summary: `Follow-up done (${what}) on ${formatDateLong(doneOn)}`,
        before,
        after: await getFollowUpDone(ctx.db, electorId, request),
      });
    }
    return { marked: electorIds.length };
  },
  'canvass.undoFollowUpsDone': async (ctx, { request, electorIds }) => {
    const what = REQUEST_LABELS[request].toLowerCase();
    const marks = [];
    for (const [i, electorId] of electorIds.entries()) {
      const e = await requireListedElector(ctx, electorId, i);
      const done = await getFollowUpDone(ctx.db, electorId, request);
      if (!done || done.reopenedByReturnId !== null) {
        throw new AppError('invalid_input', `${e.electorNumber} ${e.fullName} is not ticked off as done (${what})`, { [`electorIds.${i}`]: 'Not done' });
      }
      marks.push(done);
    }
    for (const done of marks) {
      await unmarkFollowUpDone(ctx.db, done.electorId, request);
      await ctx.audit({ action: 'follow-up-undone', entity: 'elector', entityId: done.electorId, summary: `Follow-up waiting again (${what})`, before: done });
    }
    return { reopened: marks.length };
  },
};

/**
 * A return undone since a device first sent it, sent again by a device that never heard the
 * answer: refused, so an undo is never silently reversed.
 */
function undoneConflict(at: string, electorNumber: string): AppError {
  return new AppError(
    'conflict',
    `This return for ${electorNumber} was recorded and then undone on ${formatDateLong(at.slice(0, 10))}: it is not recorded again. Type it afresh if it is wanted.`,
    { clientId: 'Undone since it was recorded' },
  );
}

/** An elector named in a list of ids, or an error saying which one is unknown. */
async function requireListedElector(ctx: Ctx, electorId: number, index: number) {
  return requireRecord(await getElector(ctx.db, electorId), 'elector', electorId, { field: `electorIds.${index}` });
}
