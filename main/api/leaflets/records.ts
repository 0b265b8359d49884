import { listDrops } from '../../../db/repositories/drops.ts';
import { getLeaflet, type LeafletRecord } from '../../../db/repositories/leaflets.ts';
import { listPrintRuns } from '../../../db/repositories/print-runs.ts';
import { getRound, listAssignments, type RoundRecord } from '../../../db/repositories/rounds.ts';
import { getVolunteer } from '../../../db/repositories/volunteers.ts';
import type { Leaflet, Round } from '../../../shared/contract/leaflets.ts';
import { estimateRoundMinutes } from '../../../shared/domain/delivery-rounds.ts';
import { imprintGaps, imprintText, imprintWarnings } from '../../../shared/domain/imprint.ts';
import { stockOf } from '../../../shared/domain/leaflet-stock.ts';
import type { Ctx } from '../context.ts';
import { requireRecord } from '../records.ts';

export async function requireVolunteer(ctx: Ctx, id: number) {
  return requireRecord(await getVolunteer(ctx.db, id), 'volunteer', id);
}

export async function toLeaflet(ctx: Ctx, r: LeafletRecord): Promise<Leaflet> {
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
    updatedAt: r.updatedAt,
  };
}

export async function requireLeafletRecord(ctx: Ctx, id: number) {
  return requireRecord(await getLeaflet(ctx.db, id), 'leaflet', id);
}

export async function requireLeaflet(ctx: Ctx, id: number) {
  return toLeaflet(ctx, await requireLeafletRecord(ctx, id));
}

export async function toRound(ctx: Ctx, r: RoundRecord): Promise<Round> {
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
    updatedAt: r.updatedAt,
  };
}

export async function requireRoundRecord(ctx: Ctx, id: number) {
  return requireRecord(await getRound(ctx.db, id), 'round', id);
}

export async function requireRound(ctx: Ctx, id: number) {
  return toRound(ctx, await requireRoundRecord(ctx, id));
}

export function plural(n: number, one: string, many = `${one}s`) {
  return `${n} ${n === 1 ? one : many}`;
}

export function impactMessage(what: string, d: { drops: number; printRuns: number; assignments: number }, extra = ''): string {
  const parts = [
    d.printRuns ? plural(d.printRuns, 'print run') : '',
    d.drops ? plural(d.drops, 'drop') : '',
    d.assignments ? plural(d.assignments, 'assignment') : '',
  ].filter(Boolean);
  if (parts.length === 0) return `Nothing else is deleted with ${what}.`;
  const list = parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
  return `Deleting ${what} also deletes its ${list}${extra}.`;
}
