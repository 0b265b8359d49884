/**
 * The day at a glance, put together from the district figures: stations and committee rooms
 * each sum their districts (districts with neither are shown on their own line), and a station
 * is silent when, an hour or more into polling, its tellers have sent nothing for an hour.
 */
import type { Contest } from '../../shared/contract/contests.ts';
import { promiseRule } from '../../db/repositories/knock-up.ts';
import { type DistrictFigures, type HourFigures, glanceData } from '../../db/repositories/polling-glance.ts';
import type { Ctx } from './context.ts';

const HOUR = 60 * 60_000;

/** The date and hour on the campaign's clock (polls open 07:00 to 22:00 UK time). */
function ukClock(at: Date): { date: string; hour: number } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', hourCycle: 'h23' })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, hour: Number(parts.hour) };
}

function sum(districts: readonly DistrictFigures[]) {
  return districts.reduce(
    (t, d) => ({
      electors: t.electors + d.electors,
      voted: t.voted + d.voted,
      promises: t.promises + d.promises,
      promisesVoted: t.promisesVoted + d.promisesVoted,
    }),
    { electors: 0, voted: 0, promises: 0, promisesVoted: 0 },
  );
}

/** The hours from the first numbers to the last, a quiet hour shown as none rather than left out. */
function everyHour(hours: readonly HourFigures[]): HourFigures[] {
  if (hours.length === 0) return [];
  const byHour = new Map(hours.map((h) => [h.hour, h]));
  const out: HourFigures[] = [];
  for (let t = Date.parse(hours[0].hour); t <= Date.parse(hours.at(-1)!.hour); t += HOUR) {
    const hour = new Date(t).toISOString().replace('.000Z', 'Z');
    out.push(byHour.get(hour) ?? { hour, voted: 0, promisesVoted: 0 });
  }
  return out;
}

export async function glance(ctx: Ctx, contest: Contest, now: Date) {
  const supports = await promiseRule(ctx.db, contest.id);
  const data = await glanceData(ctx.db, { contestId: contest.id, electionId: contest.electionId, areaId: contest.areaId }, supports);
  const byDistrict = new Map(data.districts.map((d) => [d.pollingDistrict, d]));
  const figures = (districts: readonly string[]) => sum(districts.flatMap((d) => byDistrict.get(d) ?? []));
  const clock = ukClock(now);
  const polling = clock.date === contest.pollingDay && clock.hour >= 8 && clock.hour < 22;

  const withStation = new Set(data.stations.flatMap((s) => s.districts));
  const noStation = data.districts.map((d) => d.pollingDistrict).filter((d) => !withStation.has(d));
  const stationList = [...data.stations, ...(noStation.length ? [{ id: null, name: 'No polling station set', districts: noStation }] : [])];
  const stations = stationList.map((s) => {
    const reports = s.districts.flatMap((d) => data.lastReports.get(d) ?? []);
    const lastReport = reports.length ? reports.reduce((a, b) => (a > b ? a : b)) : null;
    const silent = polling && s.districts.length > 0 && (lastReport === null || now.getTime() - new Date(lastReport).getTime() >= HOUR);
    return { id: s.id, name: s.name, districts: s.districts, ...figures(s.districts), lastReport, silent };
  });

  const withRoom = new Set(data.rooms.flatMap((r) => r.districts));
  const noRoom = data.districts.map((d) => d.pollingDistrict).filter((d) => !withRoom.has(d));
  const roomList = [...data.rooms, ...(noRoom.length && data.rooms.length ? [{ id: null, name: 'No committee room', districts: noRoom }] : [])];
  const rooms = roomList.map((r) => {
    const f = figures(r.districts);
    return { id: r.id, name: r.name, districts: r.districts, promises: f.promises, promisesVoted: f.promisesVoted, left: f.promises - f.promisesVoted };
  });

  return {
    electionName: contest.electionName,
    areaName: contest.areaName,
    pollingDay: contest.pollingDay,
    now: now.toISOString(),
    supports,
    total: sum(data.districts),
    stations,
    hours: everyHour(data.hours),
    rooms,
  };
}
