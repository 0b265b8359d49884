import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Leaflet, leafletsContract, Round } from '../../shared/contract/leaflets.ts';
import { ARTWORK_MAX_BYTES } from '../../shared/contract/leaflets.ts';
import { AppError } from '../../shared/contract/result.ts';
import { ARTWORK_ACCEPTED, artworkFileName, artworkProblem, artworkTypeOf, type ArtworkType, describeContent } from '../../shared/domain/artwork-type.ts';
import { coverage } from '../../shared/domain/delivery-coverage.ts';
import { estimateRoundMinutes, planFit, validateRound } from '../../shared/domain/delivery-rounds.ts';
import { checkDrop } from '../../shared/domain/drops.ts';
import { ukToday } from '../../shared/domain/working-days.ts';
import { imprintGaps, imprintText, imprintWarnings, readinessProblem } from '../../shared/domain/imprint.ts';
import { firstShortfall, stockOf } from '../../shared/domain/leaflet-stock.ts';
import { normaliseRoles } from '../../shared/domain/volunteers.ts';
import { makeFolder } from '../../db/folders.ts';
import { getContest } from '../../db/repositories/contests.ts';
import { deleteDrop, getDrop, insertDrop, listDrops } from '../../db/repositories/drops.ts';
import { householdCounts, streetHouseholdCounts } from '../../db/repositories/electors.ts';
import {
  deleteLeaflet,
  getLeaflet,
  insertLeaflet,
  type LeafletRecord,
  leafletDependants,
  listLeaflets,
  setLeafletArtwork,
  setLeafletStatus,
  updateLeaflet,
} from '../../db/repositories/leaflets.ts';
import { deletePrintRun, getPrintRun, insertPrintRun, listPrintRuns, updatePrintRun } from '../../db/repositories/print-runs.ts';
import {
  deleteAssignment,
  deleteRound,
  getAssignment,
  getRound,
  insertAssignment,
  insertRound,
  listAssignments,
  listRounds,
  type RoundRecord,
  updateRound,
} from '../../db/repositories/rounds.ts';
import { deleteVolunteer, getVolunteer, insertVolunteer, listVolunteers, updateVolunteer } from '../../db/repositories/volunteers.ts';
import { requireArea } from './areas.ts';
import type { Ctx, HandlersFor } from './context.ts';
import { confirmErasure, personTrail, recordErasure } from './erasure.ts';
import { logErasure } from '../../db/erasure-log.ts';
import { eraseVolunteer, volunteerIdentifiers } from '../../db/repositories/person-erasure.ts';
import { requireContest } from './contests.ts';
import { writePrivateFile } from '../private-files.ts';

function notFound(what: string, id: number): never {
  throw new AppError('not_found', `There is no ${what} with id ${id}`, { id: `No such ${what}` });
}

function fieldsOf(problems: { field: string; message: string }[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const p of problems) fields[p.field] ??= p.message;
  return fields;
}

function invalid(problems: { field: string; message: string }[]): never {
  throw new AppError('invalid_input', problems.map((p) => p.message).join(' '), fieldsOf(problems));
}

// ---------------------------------------------------------------- volunteers

async function requireVolunteer(ctx: Ctx, id: number) {
  return (await getVolunteer(ctx.db, id)) ?? notFound('volunteer', id);
}

// ---------------------------------------------------------------- leaflets

async function toLeaflet(ctx: Ctx, r: LeafletRecord): Promise<Leaflet> {
  const runs = await listPrintRuns(ctx.db, { leafletId: r.id });
  const drops = await listDrops(ctx.db, { leafletId: r.id });
  return {
    id: r.id,
    title: r.title,
    version: r.version,
    size: r.size as Leaflet['size'],
    status: r.status as Leaflet['status'],
    contests: r.contests,
    notes: r.notes,
    printerName: r.printerName,
    printerAddress: r.printerAddress,
    promoterName: r.promoterName,
    promoterAddress: r.promoterAddress,
    onBehalfOfPromoter: r.onBehalfOfPromoter,
    onBehalfOfName: r.onBehalfOfName,
    onBehalfOfAddress: r.onBehalfOfAddress,
    imprintText: imprintText(r),
    imprintGaps: imprintGaps(r),
    imprintWarnings: imprintWarnings(r),
    artwork: r.artworkFile ? { name: r.artworkName ?? r.artworkFile, type: r.artworkType ?? 'application/octet-stream', bytes: r.artworkBytes ?? 0 } : null,
    stock: stockOf(runs, drops),
    drops: drops.length,
  };
}

async function requireLeafletRecord(ctx: Ctx, id: number) {
  return (await getLeaflet(ctx.db, id)) ?? notFound('leaflet', id);
}

async function requireLeaflet(ctx: Ctx, id: number) {
  return toLeaflet(ctx, await requireLeafletRecord(ctx, id));
}

async function checkContests(ctx: Ctx, ids: number[]) {
  for (const [i, id] of ids.entries()) {
    if (!(await getContest(ctx.db, id))) throw new AppError('invalid_input', `There is no contest with id ${id}`, { [`contestIds.${i}`]: 'No such contest' });
  }
}

function artworkDir(ctx: Ctx): string {
  return join(dirname(ctx.dbPath), 'artwork');
}

function artworkPath(ctx: Ctx, file: string): string {
  // Stored names never contain a path; basename() keeps a tampered row inside the folder.
  return join(artworkDir(ctx), basename(file));
}

function removeArtworkFile(ctx: Ctx, file: string | null) {
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

// ---------------------------------------------------------------- rounds

async function toRound(ctx: Ctx, r: RoundRecord): Promise<Round> {
  const households = r.streets.reduce((n, s) => n + s.households, 0);
  return {
    id: r.id,
    name: r.name,
    areaId: r.areaId,
    areaName: r.areaName,
    pollingDistrict: r.pollingDistrict,
    streets: r.streets,
    households,
    estimatedMinutes: r.ownEstimateMinutes ?? estimateRoundMinutes(r.streets),
    estimateIsOwn: r.ownEstimateMinutes !== null,
    notes: r.notes,
    assignments: await listAssignments(ctx.db, { roundId: r.id }),
    drops: r.drops,
  };
}

async function requireRoundRecord(ctx: Ctx, id: number) {
  return (await getRound(ctx.db, id)) ?? notFound('round', id);
}

async function requireRound(ctx: Ctx, id: number) {
  return toRound(ctx, await requireRoundRecord(ctx, id));
}

type RoundInput = {
  name: string;
  areaId: number | null;
  pollingDistrict: string;
  streets: { name: string; households: number; householdsSource: string; notes: string }[];
  estimatedMinutes: number | null;
  notes: string;
};

async function checkRound(ctx: Ctx, input: RoundInput) {
  const problems = validateRound(input);
  if (problems.length > 0) invalid(problems);
  if (input.areaId !== null) await requireArea(ctx, input.areaId);
}

function plural(n: number, one: string, many = `${one}s`) {
  return `${n} ${n === 1 ? one : many}`;
}

function impactMessage(what: string, d: { drops: number; printRuns: number; assignments: number }, extra = ''): string {
  const parts = [
    d.printRuns ? plural(d.printRuns, 'print run') : '',
    d.drops ? plural(d.drops, 'drop') : '',
    d.assignments ? plural(d.assignments, 'assignment') : '',
  ].filter(Boolean);
  if (parts.length === 0) return `Nothing else is deleted with ${what}.`;
  const list = parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
  return `Deleting ${what} also deletes its ${list}${extra}.`;
}

async function leafletImpact(ctx: Ctx, id: number) {
  const l = await requireLeafletRecord(ctx, id);
  const d = await leafletDependants(ctx.db, id);
  const cost = (await listPrintRuns(ctx.db, { leafletId: id })).reduce((n, p) => n + p.costPence, 0);
  const extra = cost > 0 ? ` (£${(cost / 100).toFixed(2)} of printing, which the treasury counts as spending)` : '';
  // Assignments are kept (they just lose the leaflet), so they are not counted as deleted.
  const counted = { drops: d.drops, printRuns: d.printRuns, assignments: 0 };
  return { leaflet: l, ...counted, message: impactMessage(`"${l.title}"`, counted, extra) };
}

async function roundImpact(ctx: Ctx, id: number) {
  const r = await requireRoundRecord(ctx, id);
  const assignments = (await listAssignments(ctx.db, { roundId: id })).length;
  const counted = { drops: r.drops, printRuns: 0, assignments };
  return { round: r, ...counted, message: impactMessage(`round "${r.name}"`, counted) };
}

async function volunteerImpact(ctx: Ctx, id: number) {
  const v = await requireVolunteer(ctx, id);
  const counted = { drops: v.drops, printRuns: 0, assignments: v.assignments };
  const parts = [v.drops ? `${plural(v.drops, 'drop')} ${v.drops === 1 ? 'stays' : 'stay'}, without their name` : '',
    v.assignments ? `${plural(v.assignments, 'assignment')} ${v.assignments === 1 ? 'is' : 'are'} deleted` : ''].filter(Boolean);
  const message = parts.length ? `Deleting ${v.name} erases their details; ${parts.join(' and ')}.` : `Deleting ${v.name} erases their details.`;
  return { volunteer: v, ...counted, message };
}

// ---------------------------------------------------------------- handlers

export const leafletsHandlers: HandlersFor<typeof leafletsContract> = {
  'volunteers.list': async (ctx, filter) => listVolunteers(ctx.db, filter),
  'volunteers.get': async (ctx, { id }) => requireVolunteer(ctx, id),
  'volunteers.create': async (ctx, input) => {
    const id = await insertVolunteer(ctx.db, { ...input, roles: normaliseRoles(input.roles) });
    const after = await requireVolunteer(ctx, id);
    await ctx.audit({ action: 'create', entity: 'volunteer', entityId: id, summary: `Added volunteer ${after.name}`, after });
    return after;
  },
  'volunteers.update': async (ctx, { id, ...input }) => {
    const before = await requireVolunteer(ctx, id);
    await updateVolunteer(ctx.db, id, { ...input, roles: normaliseRoles(input.roles) });
    const after = await requireVolunteer(ctx, id);
    await ctx.audit({ action: 'update', entity: 'volunteer', entityId: id, summary: `Changed volunteer ${after.name}`, before, after });
    return after;
  },
  'volunteers.deleteImpact': async (ctx, { id }) => {
    const { volunteer: _, ...impact } = await volunteerImpact(ctx, id);
    return impact;
  },
  'volunteers.delete': async (ctx, { id, confirm }) => {
    const { volunteer: before, drops, assignments, message } = await volunteerImpact(ctx, id);
    if ((drops > 0 || assignments > 0) && !confirm) throw new AppError('needs_confirmation', `${message} Confirm to delete.`);
    await deleteVolunteer(ctx.db, id);
    await ctx.audit({ action: 'delete', entity: 'volunteer', entityId: id, summary: `Deleted volunteer ${before.name}`, before });
    return { deleted: true };
  },
  'volunteers.getPersonExport': async (ctx, { id }) => {
    const volunteer = await requireVolunteer(ctx, id);
    const assignments = await listAssignments(ctx.db, { volunteerId: id });
    const trail = await personTrail(
      ctx,
      [{ entity: 'volunteer', ids: [id] }, { entity: 'round_assignment', ids: assignments.map((a) => a.id) }],
      volunteerIdentifiers(volunteer),
    );
    return { ...trail, volunteer, assignments, drops: await listDrops(ctx.db, { volunteerId: id }) };
  },
  'volunteers.erasePerson': async (ctx, { id, confirm }) => {
    const v = await requireVolunteer(ctx, id);
    const kept = v.drops ? ` Their ${plural(v.drops, 'drop')} ${v.drops === 1 ? 'stays' : 'stay'} in the delivery records, without their name.` : '';
    const gone = v.assignments ? `, their ${plural(v.assignments, 'round assignment')}` : '';
    confirmErasure(
      confirm,
      `Erasing ${v.name} deletes their contact details, address, availability, roles and notes${gone}, takes their name out of tasks, canvass sessions and notes, and blanks their details in the activity log, leaving only a note that an erasure happened.${kept}`,
    );
    // Noted in the erasure log beside the database, so restoring an older backup erases them again.
    logErasure(ctx.db, ctx.dbPath, ctx.encryption.key, 'volunteer', v);
    const traces = await eraseVolunteer(ctx.db, v);
    return recordErasure(ctx, { entity: 'volunteer', entityId: id, whose: 'a volunteer’s', extra: { drops: v.drops, assignments: v.assignments } }, traces);
  },

  'leaflets.list': async (ctx, filter) => Promise.all((await listLeaflets(ctx.db, filter)).map((l) => toLeaflet(ctx, l))),
  'leaflets.get': async (ctx, { id }) => requireLeaflet(ctx, id),
  'leaflets.create': async (ctx, input) => {
    await checkContests(ctx, input.contestIds);
    const id = await insertLeaflet(ctx.db, input);
    const after = await requireLeaflet(ctx, id);
    await ctx.audit({ action: 'create', entity: 'leaflet', entityId: id, summary: `Added leaflet "${after.title}"`, after });
    return after;
  },
  'leaflets.update': async (ctx, { id, ...input }) => {
    const before = await requireLeaflet(ctx, id);
    await checkContests(ctx, input.contestIds);
    await updateLeaflet(ctx.db, id, input);
    let after = await requireLeaflet(ctx, id);
    let summary = `Changed leaflet "${after.title}"`;
    if (after.status === 'ready' && after.imprintGaps.length > 0) {
      await setLeafletStatus(ctx.db, id, 'draft');
      after = await requireLeaflet(ctx, id);
      summary += ' (back to draft: its imprint is no longer complete)';
    }
    await ctx.audit({ action: 'update', entity: 'leaflet', entityId: id, summary, before, after });
    return after;
  },
  'leaflets.setStatus': async (ctx, { id, status }) => {
    const before = await requireLeafletRecord(ctx, id);
    if (status === 'ready') {
      const problem = readinessProblem(before);
      if (problem) throw new AppError('invalid_input', problem, { ...fieldsOf(imprintGaps(before)), status: problem });
    }
    await setLeafletStatus(ctx.db, id, status);
    const after = await requireLeaflet(ctx, id);
    await ctx.audit({ action: 'update', entity: 'leaflet', entityId: id, summary: `Leaflet "${after.title}" marked ${status}`, before, after });
    return after;
  },
  'leaflets.deleteImpact': async (ctx, { id }) => {
    const { leaflet: _, ...impact } = await leafletImpact(ctx, id);
    return impact;
  },
  'leaflets.delete': async (ctx, { id, confirm }) => {
    const { leaflet, drops, printRuns, message } = await leafletImpact(ctx, id);
    if ((drops > 0 || printRuns > 0) && !confirm) throw new AppError('needs_confirmation', `${message} Confirm to delete.`);
    const before = await toLeaflet(ctx, leaflet);
    await deleteLeaflet(ctx.db, id);
    removeArtworkFile(ctx, leaflet.artworkFile);
    await ctx.audit({ action: 'delete', entity: 'leaflet', entityId: id, summary: `Deleted leaflet "${leaflet.title}"`, before });
    return { deletedDrops: drops, deletedPrintRuns: printRuns };
  },
  'leaflets.attachArtwork': async (ctx, { id, fileName, dataBase64 }) => {
    const before = await requireLeafletRecord(ctx, id);
    const data = Buffer.from(dataBase64, 'base64');
    if (data.length === 0) throw new AppError('invalid_input', 'The artwork file is empty', { dataBase64: 'The file is empty' });
    if (data.length > ARTWORK_MAX_BYTES) throw new AppError('invalid_input', 'The artwork file is over 18 MB', { dataBase64: 'The file is over 18 MB' });
    const problem = artworkProblem(basename(fileName), data);
    if (problem) throw new AppError('invalid_input', problem, { dataBase64: problem });
    // The type kept is what the content is; the `type` the caller sent is only the browser's guess from the name.
    const type = artworkTypeOf(data)!;
    const safeName = basename(fileName).replace(/[^A-Za-z0-9._-]+/g, '_').slice(-80) || 'artwork';
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
    await ctx.audit({ action: 'update', entity: 'leaflet', entityId: id, summary: `Removed the artwork of "${before.title}"`, before: { artwork: before.artworkName } });
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
  'leaflets.coverage': async (ctx, { leafletId, contestId, today }) => {
    await requireLeafletRecord(ctx, leafletId);
    const contest = contestId === null ? null : await requireContest(ctx, contestId);
    const rounds = await Promise.all((await listRounds(ctx.db, contest ? { areaId: contest.areaId } : {})).map((r) => toRound(ctx, r)));
    const drops = await listDrops(ctx.db, { leafletId });
    const runs = await listPrintRuns(ctx.db, { leafletId });
    // With the register loaded, a district's households are the register's (rounds may not cover it all).
    const registered = contest ? Object.fromEntries((await householdCounts(ctx.db, contest.areaId)).map((d) => [d.pollingDistrict, d.households])) : {};
    const c = coverage(
      rounds.map((r) => ({ roundId: r.id, name: r.name, pollingDistrict: r.pollingDistrict || null, households: r.households })),
      drops,
      registered,
    );
    const pollingDay = contest?.pollingDay ?? null;
    const byId = new Map(rounds.map((r) => [r.id, r]));
    const remaining = c.notCovered.map((r) => ({
      roundId: r.roundId,
      name: r.name,
      households: r.households,
      leftHouseholds: r.left,
      estimatedMinutes: byId.get(r.roundId)!.estimatedMinutes,
    }));
    const assignments = rounds.flatMap((r) => r.assignments).filter((a) => a.leafletId === null || a.leafletId === leafletId);
    const plan = pollingDay
      ? planFit(remaining, assignments, { today: today ?? ukToday(), pollingDay })
      : {
          ...planFit(remaining, assignments, { today: today ?? ukToday(), pollingDay: '9999-12-31' }),
          summary: 'Choose a contest to check the remaining rounds against its polling day.',
        };
    return { leafletId, contestId, pollingDay, stock: stockOf(runs, drops), ...c, plan };
  },

  'printRuns.list': async (ctx, filter) => listPrintRuns(ctx.db, filter),
  'printRuns.create': async (ctx, input) => {
    await requireLeafletRecord(ctx, input.leafletId);
    if (input.contestId !== null) await requireContest(ctx, input.contestId);
    const id = await insertPrintRun(ctx.db, input);
    const after = (await getPrintRun(ctx.db, id))!;
    await ctx.audit({
      action: 'create',
      entity: 'print_run',
      entityId: id,
      summary: `Printed ${after.quantity} of "${after.leafletTitle}" on ${after.printedOn}`,
      after,
    });
    return after;
  },
  'printRuns.update': async (ctx, { id, ...input }) => {
    const before = (await getPrintRun(ctx.db, id)) ?? notFound('print run', id);
    await requireLeafletRecord(ctx, input.leafletId);
    if (input.contestId !== null) await requireContest(ctx, input.contestId);
    await updatePrintRun(ctx.db, id, input);
    await checkStockStillCovers(ctx, [before.leafletId, input.leafletId]);
    const after = (await getPrintRun(ctx.db, id))!;
    await ctx.audit({ action: 'update', entity: 'print_run', entityId: id, summary: `Changed a print run of "${after.leafletTitle}"`, before, after });
    return after;
  },
  'printRuns.delete': async (ctx, { id }) => {
    const before = (await getPrintRun(ctx.db, id)) ?? notFound('print run', id);
    await deletePrintRun(ctx.db, id);
    await checkStockStillCovers(ctx, [before.leafletId]);
    await ctx.audit({ action: 'delete', entity: 'print_run', entityId: id, summary: `Deleted a print run of "${before.leafletTitle}"`, before });
    return { deleted: true };
  },

  'rounds.list': async (ctx, filter) => Promise.all((await listRounds(ctx.db, filter)).map((r) => toRound(ctx, r))),
  'rounds.get': async (ctx, { id }) => requireRound(ctx, id),
  'rounds.create': async (ctx, input) => {
    await checkRound(ctx, input);
    const id = await insertRound(ctx.db, input);
    const after = await requireRound(ctx, id);
    await ctx.audit({ action: 'create', entity: 'round', entityId: id, summary: `Added round "${after.name}"`, after });
    return after;
  },
  'rounds.update': async (ctx, { id, ...input }) => {
    const before = await requireRound(ctx, id);
    await checkRound(ctx, input);
    await updateRound(ctx.db, id, input);
    const after = await requireRound(ctx, id);
    await ctx.audit({ action: 'update', entity: 'round', entityId: id, summary: `Changed round "${after.name}"`, before, after });
    return after;
  },
  'rounds.deleteImpact': async (ctx, { id }) => {
    const { round: _, ...impact } = await roundImpact(ctx, id);
    return impact;
  },
  'rounds.delete': async (ctx, { id, confirm }) => {
    const { drops, message } = await roundImpact(ctx, id);
    if (drops > 0 && !confirm) throw new AppError('needs_confirmation', `${message} Confirm to delete.`);
    const before = await requireRound(ctx, id);
    await deleteRound(ctx.db, id);
    await ctx.audit({ action: 'delete', entity: 'round', entityId: id, summary: `Deleted round "${before.name}"`, before });
    return { deletedDrops: drops };
  },
  'rounds.registerStreets': async (ctx, { areaId, pollingDistrict }) => {
    await requireArea(ctx, areaId);
    return streetHouseholdCounts(ctx.db, areaId, pollingDistrict?.trim().toUpperCase());
  },
  'rounds.assign': async (ctx, input) => {
    const round = await requireRoundRecord(ctx, input.roundId);
    const volunteer = await requireVolunteer(ctx, input.volunteerId);
    if (input.leafletId !== null) await requireLeafletRecord(ctx, input.leafletId);
    const id = await insertAssignment(ctx.db, input);
    const after = (await getAssignment(ctx.db, id))!;
    const when = input.plannedOn ? ` for ${input.plannedOn}` : '';
    await ctx.audit({ action: 'create', entity: 'round_assignment', entityId: id, summary: `Assigned "${round.name}" to ${volunteer.name}${when}`, after });
    return after;
  },
  'rounds.unassign': async (ctx, { id }) => {
    const before = (await getAssignment(ctx.db, id)) ?? notFound('assignment', id);
    await deleteAssignment(ctx.db, id);
    await ctx.audit({ action: 'delete', entity: 'round_assignment', entityId: id, summary: `Took a round off ${before.volunteerName}`, before });
    return { deleted: true };
  },

  'drops.list': async (ctx, filter) => listDrops(ctx.db, filter),
  'drops.create': async (ctx, { confirm, ...input }) => {
    const leaflet = await requireLeafletRecord(ctx, input.leafletId);
    const round = await requireRound(ctx, input.roundId);
    if (input.volunteerId !== null) await requireVolunteer(ctx, input.volunteerId);
    const check = checkDrop(input, {
      today: ukToday(),
      round: { roundId: round.id, name: round.name, households: round.households, streetCount: round.streets.length },
      printRuns: await listPrintRuns(ctx.db, { leafletId: leaflet.id }),
      otherDrops: await listDrops(ctx.db, { leafletId: leaflet.id }),
      overCountConfirmed: confirm === true,
    });
    if (check.errors.length > 0) invalid(check.errors);
    if (check.confirm) throw new AppError('needs_confirmation', check.confirm);
    const id = await insertDrop(ctx.db, input);
    const after = (await getDrop(ctx.db, id))!;
    const how = input.complete ? 'in full' : `in part, ${check.leftAfter} households left`;
    await ctx.audit({
      action: 'create',
      entity: 'drop',
      entityId: id,
      summary: `${after.delivered} of "${leaflet.title}" delivered on "${round.name}" ${how}`,
      after,
    });
    return after;
  },
  'drops.delete': async (ctx, { id }) => {
    const before = (await getDrop(ctx.db, id)) ?? notFound('drop', id);
    await deleteDrop(ctx.db, id);
    await ctx.audit({ action: 'delete', entity: 'drop', entityId: id, summary: `Deleted a drop of "${before.leafletTitle}" on "${before.roundName}"`, before });
    return { deleted: true };
  },
};

/** After print runs change, the drops already logged must still have had copies to deliver. */
async function checkStockStillCovers(ctx: Ctx, leafletIds: number[]) {
  for (const leafletId of new Set(leafletIds)) {
    const runs = await listPrintRuns(ctx.db, { leafletId });
    const drops = await listDrops(ctx.db, { leafletId });
    const short = firstShortfall(runs, drops);
    if (short) {
      throw new AppError(
        'invalid_input',
        `That would leave the drops logged by ${short.date} with ${-short.onHand} more copies than were printed. Change or delete those drops first.`,
        { quantity: 'Fewer copies than the drops already logged' },
      );
    }
  }
}
