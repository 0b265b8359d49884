/** Polling day set-up (issue 17): the overview, polling stations and their CSV import, committee rooms. */
import type { pollingSetupContract } from '../../shared/contract/polling-setup.ts';
import { AppError } from '../../shared/contract/result.ts';
import { readStationsCsv, suggestStationColumns } from '../../shared/domain/polling-stations-csv.ts';
import { coverGaps } from '../../shared/domain/tellers-rota.ts';
import { readCsv } from '../../shared/domain/csv.ts';
import { householdCounts, pollingDistricts } from '../../db/repositories/electors.ts';
import {
  countDuties,
  deleteRoom,
  deleteStation,
  findStationByName,
  getPromiseRule,
  getRoom,
  getStation,
  listDuties,
  listRooms,
  listStations,
  roomOfDistricts,
  saveRoom,
  saveStation,
  setRoomDistricts,
  setStationDistricts,
  stationOfDistricts,
} from '../../db/repositories/polling-setup.ts';
import { requireArea } from './areas.ts';
import type { Ctx, HandlersFor } from './context.ts';
import { requireContest } from './contests.ts';
import { pollingDutiesHandlers, promiseCount } from './polling-duties.ts';

type Handlers = HandlersFor<typeof pollingSetupContract>;

/** Every district must be on the area's register. */
async function checkDistricts(ctx: Ctx, areaId: number, districts: readonly string[]): Promise<void> {
  const known = await pollingDistricts(ctx.db, areaId);
  const unknown = districts.filter((d) => !known.includes(d));
  if (unknown.length === 0) return;
  const list = known.length > 0 ? `its districts are ${known.join(', ')}` : 'import its register first';
  const message = `Polling district${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')} ${unknown.length > 1 ? 'are' : 'is'} not on this area’s register (${list})`;
  throw new AppError('invalid_input', message, { districts: message });
}

/** A district served by another station or room moves only when the user said so. */
function checkMoves(
  owners: Map<string, { id: number; name: string }>,
  selfId: number | undefined,
  districts: readonly string[],
  move: boolean,
  what: string,
): void {
  if (move) return;
  const taken = districts.filter((d) => owners.has(d) && owners.get(d)?.id !== selfId).map((d) => `${d} (${owners.get(d)?.name})`);
  if (taken.length === 0) return;
  const message = `Already ${what}: ${taken.join(', ')}. Tick “Move them here” to move ${taken.length > 1 ? 'them' : 'it'}.`;
  throw new AppError('conflict', message, { districts: message });
}

async function requireStation(ctx: Ctx, id: number) {
  const s = await getStation(ctx.db, id);
  if (!s) throw new AppError('not_found', `There is no polling station with id ${id}`, { id: 'No such polling station' });
  return s;
}

async function requireRoom(ctx: Ctx, id: number) {
  const r = await getRoom(ctx.db, id);
  if (!r) throw new AppError('not_found', `There is no committee room with id ${id}`, { id: 'No such committee room' });
  return r;
}

const pollingSetupHandlers: Omit<Handlers, keyof typeof pollingDutiesHandlers> = {
  'polling.get': async (ctx, { contestId }) => {
    const c = await requireContest(ctx, contestId);
    const duties = await listDuties(ctx.db, contestId);
    const rule = await getPromiseRule(ctx.db, contestId);
    const stations = (await listStations(ctx.db, c.areaId)).map((s) => ({
      ...s,
      gaps: coverGaps(
        duties.filter((d) => d.stationId === s.id) as {
          startsAt: string;
          endsAt: string;
        }[],
      ),
    }));
    return {
      contest: {
        id: c.id,
        areaId: c.areaId,
        areaName: c.areaName,
        electionName: c.electionName,
        pollingDay: c.pollingDay,
      },
      districts: (await householdCounts(ctx.db, c.areaId)).map((d) => ({
        pollingDistrict: d.pollingDistrict,
        electors: d.electors,
      })),
      stations,
      rooms: await listRooms(ctx.db, contestId),
      duties,
      rule,
      promises: await promiseCount(ctx, c.areaId, rule?.supports ?? []),
    };
  },
  'polling.saveStation': async (ctx, { id, areaId, name, address, districts, moveDistricts }) => {
    const before = id === undefined ? undefined : await requireStation(ctx, id);
    if (before && before.areaId !== areaId) throw new AppError('invalid_input', 'A polling station stays in its area', { areaId: 'Not this station’s area' });
    const area = await requireArea(ctx, areaId);
    await checkDistricts(ctx, areaId, districts);
    checkMoves(await stationOfDistricts(ctx.db, areaId), id, districts, moveDistricts, 'voting at another station');
    const sid = await saveStation(ctx.db, { id, areaId, name, address });
    await setStationDistricts(ctx.db, sid, areaId, districts);
    const after = await requireStation(ctx, sid);
    await ctx.audit({
      action: before ? 'update' : 'create',
      entity: 'polling_station',
      entityId: sid,
      summary: `${before ? 'Changed' : 'Added'} polling station ${name} in ${area.name}`,
      before,
      after,
    });
    return after;
  },
  'polling.deleteStation': async (ctx, { id, confirm }) => {
    const before = await requireStation(ctx, id);
    const duties = await countDuties(ctx.db, { stationId: id });
    if (duties > 0 && !confirm) {
      throw new AppError('needs_confirmation', `${before.name} has ${duties} teller shift${duties > 1 ? 's' : ''}: deleting it takes them off the rota`);
    }
    await deleteStation(ctx.db, id);
    await ctx.audit({
      action: 'delete',
      entity: 'polling_station',
      entityId: id,
      summary: `Deleted polling station ${before.name}`,
      before,
    });
    return { deletedDuties: duties };
  },
  'polling.previewStationsCsv': async (_ctx, { csv }) => {
    const { headers, rows } = readCsv(csv);
    if (headers.length === 0) throw new AppError('invalid_input', 'The file is empty', { csv: 'The file is empty' });
    return {
      headers,
      sample: rows.slice(0, 5).map((r) => r.cells),
      columns: suggestStationColumns(headers),
    };
  },
  'polling.importStations': async (ctx, { areaId, csv, columns, moveDistricts }) => {
    const area = await requireArea(ctx, areaId);
    const known = await pollingDistricts(ctx.db, areaId);
    if (known.length === 0) throw new AppError('invalid_input', `${area.name} has no register yet: import it first, then its polling stations`);
    const { stations, problems } = readStationsCsv(csv, columns, known);
    if (problems.length > 0) {
      const fields = Object.fromEntries(problems.slice(0, 50).map((p) => [`line ${p.line}`, p.reason]));
      const shown = problems
        .slice(0, 5)
        .map((p) => `line ${p.line}: ${p.reason}`)
        .join('; ');
      throw new AppError(
        'invalid_input',
        `Nothing was imported: ${problems.length} problem${problems.length > 1 ? 's' : ''} in the file (${shown}${problems.length > 5 ? '; …' : ''})`,
        fields,
      );
    }
    const owners = await stationOfDistricts(ctx.db, areaId);
    let added = 0;
    let updated = 0;
    for (const s of stations) {
      const existing = await findStationByName(ctx.db, areaId, s.name);
      checkMoves(owners, existing?.id, s.districts, moveDistricts, 'voting at another station');
      const sid = await saveStation(ctx.db, {
        id: existing?.id,
        areaId,
        name: existing?.name ?? s.name,
        address: s.address || (existing?.address ?? ''),
      });
      await setStationDistricts(ctx.db, sid, areaId, [...new Set([...(existing?.districts ?? []), ...s.districts])].sort());
      if (existing) updated++;
      else added++;
    }
    const districts = stations.reduce((n, s) => n + s.districts.length, 0);
    await ctx.audit({
      action: 'import',
      entity: 'polling_station',
      entityId: null,
      summary: `Imported ${stations.length} polling stations (${districts} districts) in ${area.name}`,
      after: stations,
    });
    return { stationsAdded: added, stationsUpdated: updated, districts };
  },
  'polling.saveRoom': async (ctx, { id, contestId, name, address, notes, districts, moveDistricts }) => {
    const before = id === undefined ? undefined : await requireRoom(ctx, id);
    if (before && before.contestId !== contestId)
      throw new AppError('invalid_input', 'A committee room stays in its contest', { contestId: 'Not this room’s contest' });
    const c = await requireContest(ctx, contestId);
    await checkDistricts(ctx, c.areaId, districts);
    checkMoves(await roomOfDistricts(ctx.db, contestId), id, districts, moveDistricts, 'knocked up from another room');
    const rid = await saveRoom(ctx.db, {
      id,
      contestId,
      name,
      address,
      notes,
    });
    await setRoomDistricts(ctx.db, rid, contestId, districts);
    const after = await requireRoom(ctx, rid);
    await ctx.audit({
      action: before ? 'update' : 'create',
      entity: 'committee_room',
      entityId: rid,
      summary: `${before ? 'Changed' : 'Added'} committee room ${name} for ${c.areaName}`,
      before,
      after,
    });
    return after;
  },
  'polling.deleteRoom': async (ctx, { id, confirm }) => {
    const before = await requireRoom(ctx, id);
    const duties = await countDuties(ctx.db, { roomId: id });
    if (duties > 0 && !confirm) {
      throw new AppError('needs_confirmation', `${before.name} has ${duties} knocker${duties > 1 ? 's' : ''}-up on duty: deleting it takes them off`);
    }
    await deleteRoom(ctx.db, id);
    await ctx.audit({
      action: 'delete',
      entity: 'committee_room',
      entityId: id,
      summary: `Deleted committee room ${before.name}`,
      before,
    });
    return { deletedDuties: duties };
  },
};

export const pollingHandlers: Handlers = {
  ...pollingSetupHandlers,
  ...pollingDutiesHandlers,
};
