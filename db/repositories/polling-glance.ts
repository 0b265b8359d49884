/**
 * Polling day at a glance: turnout among promises and among everyone, by polling district
 * (gathered into stations and committee rooms) and by hour, and when each district's tellers
 * last sent numbers. Four grouped reads, whatever the size of the register.
 */
import type { Queries } from '../store.ts';
import { indexedBy } from './dialect.ts';
import { promiseWhere } from '../../shared/domain/promises.ts';

export interface DistrictFigures {
  pollingDistrict: string;
  electors: number;
  voted: number;
  promises: number;
  promisesVoted: number;
}

export interface HourFigures {
  /** The hour's start, ISO in UTC (the renderer shows it in the campaign's clock). */
  hour: string;
  voted: number;
  promisesVoted: number;
}

export interface GlanceData {
  districts: DistrictFigures[];
  hours: HourFigures[];
  /** The last tellers' batch of each district that has sent one. */
  lastReports: Map<string, string>;
  stations: { id: number; name: string; districts: string[] }[];
  rooms: { id: number; name: string; districts: string[] }[];
}

export async function glanceData(
  db: Queries,
  c: { contestId: number; electionId: number; areaId: number },
  supports: readonly string[] | null,
): Promise<GlanceData> {
  const promise = promiseWhere('e', supports ?? []);
  const districts = (await db.all(
    `SELECT e.polling_district AS pollingDistrict, COUNT(*) AS electors, COUNT(v.elector_id) AS voted,
              SUM(CASE WHEN ${promise.sql} THEN 1 ELSE 0 END) AS promises,
              SUM(CASE WHEN v.elector_id IS NOT NULL AND ${promise.sql} THEN 1 ELSE 0 END) AS promisesVoted
       FROM electors e LEFT JOIN votes v ON v.election_id = ? AND v.elector_id = e.id
       WHERE e.area_id = ? GROUP BY e.polling_district ORDER BY e.polling_district`,
    [...promise.params, ...promise.params, c.electionId, c.areaId],
  )) as DistrictFigures[];
  // By hour only tellers' numbers count: a marked register knows the day, not the hour. Everyone's
  // votes come from the index votes_time_batch alone; the promises' from the promises' index
  // (migration 018), so neither reads every vote's elector.
  const tellers = `JOIN vote_batches b ON b.id = v.batch_id AND b.source = 'teller' AND b.area_id = ?`;
  // A teller's batch is stamped in UTC ('…Z', shared/contract/telling.ts): its hour is its first 13 characters.
  const hour = `substr(v.voted_at, 1, 13) || ':00:00Z'`;
  const voted = (await db.all(
    `SELECT ${hour} AS hour, COUNT(*) AS n FROM votes v ${indexedBy(db, 'votes_time_batch')} ${tellers} WHERE v.election_id = ? GROUP BY hour`,
    [c.areaId, c.electionId],
  )) as { hour: string; n: number }[];
  const promisesVoted = new Map(
    (
      (await db.all(
        `SELECT ${hour} AS hour, COUNT(*) AS n FROM electors e ${indexedBy(db, 'electors_promise_walk')}
           JOIN votes v ON v.election_id = ? AND v.elector_id = e.id ${tellers}
           WHERE e.area_id = ? AND ${promise.sql} GROUP BY hour`,
        [c.electionId, c.areaId, c.areaId, ...promise.params],
      )) as { hour: string; n: number }[]
    ).map((h) => [h.hour, h.n]),
  );
  const hours: HourFigures[] = voted
    .sort((a, b) => a.hour.localeCompare(b.hour))
    .map((h) => ({ hour: h.hour, voted: h.n, promisesVoted: promisesVoted.get(h.hour) ?? 0 }));
  const reports = (await db.all(
    `SELECT polling_district AS d, MAX(received_at) AS at FROM vote_batches
       WHERE election_id = ? AND area_id = ? AND source = 'teller' GROUP BY polling_district`,
    [c.electionId, c.areaId],
  )) as { d: string; at: string }[];
  const grouped = async (sql: string, id: number) =>
    ((await db.all(sql, [id])) as { id: number; name: string; districts: string | null }[]).map((r) => ({
      id: r.id,
      name: r.name,
      districts: r.districts ? r.districts.split(',').sort() : [],
    }));
  return {
    districts,
    hours,
    lastReports: new Map(reports.map((r) => [r.d, r.at])),
    stations: await grouped(
      `SELECT s.id, s.name, string_agg(d.polling_district, ',') AS districts FROM polling_stations s
       LEFT JOIN polling_station_districts d ON d.station_id = s.id WHERE s.area_id = ? GROUP BY s.id ORDER BY s.name, s.id`,
      c.areaId,
    ),
    rooms: await grouped(
      `SELECT r.id, r.name, string_agg(d.polling_district, ',') AS districts FROM committee_rooms r
       LEFT JOIN committee_room_districts d ON d.room_id = r.id WHERE r.contest_id = ? GROUP BY r.id ORDER BY r.name, r.id`,
      c.contestId,
    ),
  };
}
