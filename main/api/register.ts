import { withTightHeap } from '../heap-growth.ts';
import type { registerContract } from '../../shared/contract/register.ts';
import { AppError } from '../../shared/contract/result.ts';
import { readTypedNumber } from '../../shared/domain/elector-number.ts';
import { applySavedMapping, mappingProblems, toSavedMapping, type ColumnMapping, type SavedMapping } from '../../shared/domain/register-columns.ts';
import { listAudit } from '../../db/repositories/audit.ts';
import { electorFollowUpsDone, electorReturns } from '../../db/repositories/canvass.ts';
import {
  findElector,
  findHouseholds,
  getElector,
  getHousehold,
  householdCounts,
  householdMembers,
  listElectors,
  neighbourInWalk,
  firstInWalk,
  electorNames,
  pollingDistricts,
  registerSummaries,
  walkSheet,
} from '../../db/repositories/electors.ts';
import { getSetting } from '../../db/repositories/settings.ts';
import { eraseElector, electorIdentity, type ElectorIdentity } from '../../db/repositories/elector-erasure.ts';
import { accountsNote, accountsReached, recordErasure } from './erasure.ts';
import { absentVoteOf, electorHistory } from '../../db/repositories/voting-history.ts';
import { logElectorErasure } from '../../db/erasure-log.ts';
import { sheetPage } from '../../shared/domain/walk-pages.ts';
import { TEXT_ENCODING_LABELS } from '../../shared/domain/text-encoding.ts';
import { importRegister, previewRegisterFile } from '../register-import.ts';
import { JobFailure } from '../jobs.ts';
import type { Ctx, HandlersFor } from './context.ts';
import { requireRecord } from './records.ts';
import { requireUpload } from './uploads.ts';
import { requireArea } from './areas.ts';

const mappingKey = (actor: string) => `register.columnMapping:${actor}`;

export async function requireElector(ctx: Ctx, id: number) {
  return requireRecord(await getElector(ctx.db, id), 'elector', id);
}

export const registerHandlers: HandlersFor<typeof registerContract> = {
  'register.list': async (ctx) => registerSummaries(ctx.db),
  'register.listDistricts': async (ctx, { areaId }) => {
    await requireArea(ctx, areaId);
    return householdCounts(ctx.db, areaId);
  },
  'register.importPreview': async (ctx, { fileId }) => {
    const upload = requireUpload(ctx, fileId);
    const preview = previewRegisterFile(upload.path, upload.name);
    if (!preview.ok) throw new AppError('invalid_input', preview.message, { fileId: preview.message });
    const { headers, sample } = preview;
    const saved = (await getSetting<SavedMapping>(ctx.db, mappingKey(ctx.actor))) ?? null;
    const mapping = applySavedMapping(headers, saved);
    const remembered = saved !== null && Object.values(saved).some((h) => headers.includes(h as string));
    return { headers, sample, mapping, remembered, problems: mappingProblems(mapping, headers.length), encoding: TEXT_ENCODING_LABELS[preview.encoding] };
  },
  'register.importStart': async (ctx, { fileId, areaId, mapping, remember, mode, confirmRemovals }) => {
    const upload = requireUpload(ctx, fileId);
    await requireArea(ctx, areaId);
    const problems = mappingProblems(mapping as ColumnMapping);
    if (problems.length > 0) {
      throw new AppError(
        'invalid_input',
        problems.map((p) => p.message).join('; '),
        Object.fromEntries(problems.map((p) => [`mapping.${p.field}`, p.message])),
      );
    }
    const preview = previewRegisterFile(upload.path, upload.name, 0);
    const rememberAs = remember && preview.ok ? { key: mappingKey(ctx.actor), value: toSavedMapping(mapping as ColumnMapping, preview.headers) } : undefined;
    return ctx.jobs.start('register.import', async (job) => {
      let keep = false;
      try {
        return await withTightHeap(() =>
          importRegister(
            ctx.store,
            { areaId, path: upload.path, fileName: upload.name, mapping: mapping as ColumnMapping, actor: ctx.actor, rememberAs, mode, confirmRemovals },
            job,
          ),
        );
      } catch (e) {
        keep = e instanceof JobFailure && e.code === 'needs_confirmation'; // the user may confirm without sending the file again
        throw e;
      } finally {
        if (!keep) ctx.uploads.discard(fileId);
      }
    });
  },
  'register.listElectors': async (ctx, q) => listElectors(ctx.db, q),
  'register.getElector': async (ctx, { id }) => {
    const elector = await requireElector(ctx, id);
    const household = elector.householdId === null ? null : ((await getHousehold(ctx.db, elector.householdId)) ?? null);
    const members = household ? (await householdMembers(ctx.db, household.id)).filter((m) => m.id !== id) : [];
    return { elector, household, members, returns: await electorReturns(ctx.db, id), followUpsDone: await electorFollowUpsDone(ctx.db, id) };
  },
  'register.getByNumber': async (ctx, { areaId, electorNumber, pollingDistrict }) => {
    let canonical = readTypedNumber(electorNumber, pollingDistrict);
    if (canonical === null && !pollingDistrict) {
      // A bare number is unambiguous when the area's register has one polling district.
      const districts = await pollingDistricts(ctx.db, areaId);
      if (districts.length === 1) canonical = readTypedNumber(electorNumber, districts[0]);
    }
    if (canonical === null) return null;
    const e = await findElector(ctx.db, areaId, canonical);
    if (!e) return null;
    const {
      number: _n,
      suffix: _s,
      title: _t,
      dateOfAttainment: _d,
      walkSeq: _w,
      requests: _r,
      lastCanvassedOn: _l,
      createdAt: _c,
      updatedAt: _u,
      ...summary
    } = e;
    return summary;
  },
  'register.listNames': async (ctx, { areaId, pollingDistrict }) => {
    await requireArea(ctx, areaId);
    return await electorNames(ctx.db, areaId, pollingDistrict || undefined);
  },
  'register.getNeighbour': async (ctx, { electorId, pollingDistrict, direction }) => {
    const e = await requireElector(ctx, electorId);
    if (pollingDistrict && pollingDistrict !== e.pollingDistrict) {
      throw new AppError('invalid_input', `${e.electorNumber} is not in polling district ${pollingDistrict}`, {
        pollingDistrict: 'Not this elector’s district',
      });
    }
    return (await neighbourInWalk(ctx.db, e, direction, Boolean(pollingDistrict))) ?? null;
  },
  'register.firstInWalk': async (ctx, { areaId, pollingDistrict }) => {
    await requireArea(ctx, areaId);
    return (await firstInWalk(ctx.db, areaId, pollingDistrict || undefined)) ?? null;
  },
  'register.getHousehold': async (ctx, { id }) => {
    const household = requireRecord(await getHousehold(ctx.db, id), 'household', id);
    const members = await householdMembers(ctx.db, id);
    const returns = [];
    for (const m of members) for (const r of await electorReturns(ctx.db, m.id)) returns.push({ ...r, electorNumber: m.electorNumber, fullName: m.fullName });
    returns.sort((a, b) => (a.canvassedOn < b.canvassedOn ? 1 : a.canvassedOn > b.canvassedOn ? -1 : b.id - a.id));
    return { household, members, returns };
  },
  'register.findHouseholds': async (ctx, { areaId, pollingDistrict, search, limit }) => {
    await requireArea(ctx, areaId);
    const found = await findHouseholds(ctx.db, { areaId, pollingDistrict: pollingDistrict || undefined, search, limit });
    const items = [];
    for (const h of found.items) items.push({ ...h, members: await householdMembers(ctx.db, h.id) });
    return { total: found.total, items };
  },
  'register.getWalkSheet': async (ctx, { areaId, pollingDistrict, votedIn, page, pageRows, find }) => {
    const area = await requireArea(ctx, areaId);
    const households = await walkSheet(ctx.db, areaId, pollingDistrict || undefined, votedIn);
    const head = { areaName: area.name, pollingDistrict: pollingDistrict ?? '' };
    return page === undefined ? { ...head, households } : { ...head, ...sheetPage(households, { page, rows: pageRows, find }) };
  },
  'register.getPersonExport': async (ctx, { id }) => {
    const elector = await requireElector(ctx, id);
    const household = elector.householdId === null ? null : ((await getHousehold(ctx.db, elector.householdId)) ?? null);
    return {
      exportedAt: new Date().toISOString(),
      elector,
      household,
      returns: await electorReturns(ctx.db, id),
      followUpsDone: await electorFollowUpsDone(ctx.db, id),
      audit: await listAudit(ctx.db, { entity: 'elector', entityId: id, limit: 1000 }),
      voting: { absentVote: await absentVoteOf(ctx.db, id), history: await electorHistory(ctx.db, id) },
    };
  },
  'register.erasePerson': async (ctx, { id, confirm }) => {
    const elector = await requireElector(ctx, id);
    const accounts = await accountsReached(ctx, [elector.fullName]);
    if (!confirm) {
      throw new AppError(
        'needs_confirmation',
        `Erasing ${elector.fullName} removes them from the register, deletes their canvass returns, absent vote and voting history and blanks their details in the activity log, leaving only a note that an erasure happened.${accountsNote(accounts)} This cannot be undone; a re-imported register would add them again as a new elector.`,
      );
    }
    // Noted in the erasure log beside the database (once this commits), so restoring a backup
    // from before today erases them again.
    const identity = (await electorIdentity(ctx.db, id)) as ElectorIdentity;
    logElectorErasure(ctx.db, ctx.dbPath, ctx.encryption.key, identity);
    // Their record's audit rows are blanked, their name, number and address taken out of other
    // records' notes and copies, and the one record left says only that an erasure happened.
    const { returns, votes, ...traces } = await eraseElector(ctx.db, identity);
    const { auditRows } = await recordErasure(ctx, { entity: 'elector', entityId: id, whose: 'an elector’s', extra: { returns, votes } }, traces, accounts);
    return { erased: true, returns, auditRows };
  },
};
