import type { Contest, ContestBatch } from '../../shared/contract/contests.ts';
import type { AreaFilter } from '../../shared/domain/contest-areas.ts';
import type { Queries } from '../store.ts';
import { foreignKeysTo } from './dialect.ts';

const SELECT = `SELECT c.id, c.election_id AS electionId, e.name AS electionName, e.type AS electionType, e.polling_day AS pollingDay,
  c.area_id AS areaId, a.name AS areaName, a.nation, c.status, c.reason, c.declared_on AS declaredOn
  FROM contests c JOIN elections e ON e.id = c.election_id JOIN areas a ON a.id = c.area_id`;

export async function listContests(db: Queries, filter: { electionId?: number; areaId?: number } = {}): Promise<Contest[]> {
  const where: string[] = [];
  const params: number[] = [];
  if (filter.electionId !== undefined) {
    where.push('c.election_id = ?');
    params.push(filter.electionId);
  }
  if (filter.areaId !== undefined) {
    where.push('c.area_id = ?');
    params.push(filter.areaId);
  }
  return (await db.all(`${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY e.polling_day, a.name`, params)) as Contest[];
}

export async function getContest(db: Queries, id: number): Promise<Contest | undefined> {
  return (await db.get(`${SELECT} WHERE c.id = ?`, [id])) as Contest | undefined;
}

export async function findContest(db: Queries, electionId: number, areaId: number): Promise<Contest | undefined> {
  return (await db.get(`${SELECT} WHERE c.election_id = ? AND c.area_id = ?`, [electionId, areaId])) as Contest | undefined;
}

export async function insertContest(db: Queries, c: { electionId: number; areaId: number; status: string; reason: string; batchId?: number }): Promise<number> {
  const now = new Date().toISOString();
  const r = await db.insert('INSERT INTO contests (election_id, area_id, status, reason, batch_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)', [
    c.electionId,
    c.areaId,
    c.status,
    c.reason,
    c.batchId ?? null,
    now,
    now,
  ]);
  return r;
}

// ---------------------------------------------------------------- batches ("consider all")

const BATCH_SELECT = `SELECT b.id, b.election_id AS electionId, b.nation, b.name_contains AS nameContains, b.region, b.created_at AS createdAt,
  (SELECT COUNT(*) FROM contests c WHERE c.batch_id = b.id) AS contests
  FROM contest_batches b`;

export async function insertContestBatch(db: Queries, electionId: number, filter: AreaFilter): Promise<number> {
  const r = await db.insert('INSERT INTO contest_batches (election_id, nation, region, name_contains, created_at) VALUES (?, ?, ?, ?, ?)', [
    electionId,
    filter.nation,
    filter.region,
    filter.nameContains,
    new Date().toISOString(),
  ]);
  return r;
}

export async function getContestBatch(db: Queries, id: number): Promise<ContestBatch | undefined> {
  return (await db.get(`${BATCH_SELECT} WHERE b.id = ?`, [id])) as ContestBatch | undefined;
}

/** An election's batches that still hold contests, newest first. */
export async function listContestBatches(db: Queries, electionId: number): Promise<ContestBatch[]> {
  return (await db.all(`${BATCH_SELECT} WHERE b.election_id = ? AND EXISTS (SELECT 1 FROM contests c WHERE c.batch_id = b.id) ORDER BY b.id DESC`, [
    electionId,
  ])) as ContestBatch[];
}

export async function deleteContestBatch(db: Queries, id: number): Promise<void> {
  await db.run('DELETE FROM contest_batches WHERE id = ?', [id]);
}

/** What a record refers to a contest from, in words: "Aldershot holds a plan and 2 tasks". */
const HOLDINGS: Record<string, string> = {
  tasks: 'tasks',
  contest_nomination_rules: 'nomination rules',
  candidacies: 'candidates',
  contest_results: 'a result',
  leaflet_contests: 'leaflets',
  print_runs: 'print runs',
  treasury_settings: 'treasury settings',
  deposits: 'a deposit',
  donations: 'donations',
  expenses: 'spending',
  contest_plans: 'a plan',
  contest_decisions: 'decisions',
};

/**
 * The contests of a batch, each with what it has gained since the batch added it: a changed
 * status, reason or declaration, and rows in any table that refers to contests (found from the
 * schema, so a table added later counts too).
 */
export async function batchContestHoldings(db: Queries, batchId: number): Promise<{ id: number; areaName: string; holds: string[] }[]> {
  const contests = (await db.all(
    `SELECT c.id, a.name AS areaName, c.created_at != c.updated_at AS changed
       FROM contests c JOIN areas a ON a.id = c.area_id WHERE c.batch_id = ? ORDER BY a.name`,
    [batchId],
  )) as { id: number; areaName: string; changed: number }[];
  const references = await foreignKeysTo(db, 'contests');
  const holds = new Map(contests.map((c) => [c.id, c.changed ? ['a changed status or reason'] : ([] as string[])]));
  for (const { tableName, columnName } of references) {
    const rows = (await db.all(
      `SELECT t."${columnName}" AS id FROM "${tableName}" t JOIN contests c ON c.id = t."${columnName}" WHERE c.batch_id = ? GROUP BY t."${columnName}"`,
      [batchId],
    )) as { id: number }[];
    for (const { id } of rows) holds.get(id)?.push(HOLDINGS[tableName] ?? tableName.replaceAll('_', ' '));
  }
  return contests.map((c) => ({ id: c.id, areaName: c.areaName, holds: holds.get(c.id)! }));
}

export async function updateContestStatus(db: Queries, id: number, status: string, reason: string): Promise<void> {
  await db.run('UPDATE contests SET status = ?, reason = ?, updated_at = ? WHERE id = ?', [status, reason, new Date().toISOString(), id]);
}

export async function setDeclaredOn(db: Queries, id: number, declaredOn: string | null): Promise<void> {
  await db.run('UPDATE contests SET declared_on = ?, updated_at = ? WHERE id = ?', [declaredOn, new Date().toISOString(), id]);
}

export async function deleteContest(db: Queries, id: number): Promise<void> {
  await db.run('DELETE FROM contests WHERE id = ?', [id]);
}
