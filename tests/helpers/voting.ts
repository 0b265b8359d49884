/**
 * Voting-history test data written straight into the database: tellers' batches (how a test says
 * who voted when), and an area with this year's election and two earlier ones. Stations, rooms,
 * promise rules and canvass standing are in polling.ts.
 */
import type { Queries } from '../../db/store.ts';
import type { Hustings } from '../../main/app.ts';
import { ok } from './db.ts';
import { HEADINGS, importCsv } from './register.ts';

export async function electorId(db: Queries, electorNumber: string): Promise<number> {
  const found = await db.get<{ id: number }>('SELECT id FROM electors WHERE elector_number = ?', [electorNumber]);
  if (!found) throw new Error(`No elector ${electorNumber}`);
  return found.id;
}

/** A tellers' batch for one district at `receivedAt`, each number voting in person then. */
export async function tellerBatch(
  db: Queries,
  b: { electionId: number; areaId: number; district: string; receivedAt: string; numbers: string[] },
): Promise<void> {
  const batch = await db.insert(
    "INSERT INTO vote_batches (election_id, area_id, polling_district, source, received_at, entered_by) VALUES (?, ?, ?, 'teller', ?, 'teller')",
    [b.electionId, b.areaId, b.district, b.receivedAt],
  );
  const vote = "INSERT INTO votes (election_id, elector_id, method, batch_id, voted_at) VALUES (?, ?, 'in_person', ?, ?)";
  for (const n of b.numbers) await db.run(vote, [b.electionId, await electorId(db, n), batch, b.receivedAt]);
}

/** Two districts of ten electors each (AA-1…10 on Mill Lane, AB-1…10 on Park Road). */
export const TWO_DISTRICTS = [
  HEADINGS,
  ...Array.from({ length: 10 }, (_, i) => `AA,${i + 1},,,Miller${i + 1},Ann,${i + 1} Mill Lane,Newtown,AB1 2CD`),
  ...Array.from({ length: 10 }, (_, i) => `AB,${i + 1},,,Parker${i + 1},Bob,${i + 1} Park Road,Newtown,AB1 4CD`),
].join('\r\n');

/** An area with TWO_DISTRICTS, this year's local election and a contest in it, and two earlier elections. */
export async function pollingArea(app: Hustings) {
  const areaId = (await ok(app, 'areas.create', { name: 'Newtown East', kind: 'ward', nation: 'england', electorate: null, classification: null }))
    .id as number;
  await importCsv(app, areaId, TWO_DISTRICTS);
  const election = (name: string, type: string, pollingDay: string) => ok(app, 'elections.create', { name, type, pollingDay, nation: 'england' });
  const local2026 = await election('Newtown council 2026', 'local', '2026-05-07');
  const general2024 = await election('General election 2024', 'uk-parliament', '2024-07-04');
  const local2022 = await election('Newtown council 2022', 'local', '2022-05-05');
  const contest = await ok(app, 'contests.create', { electionId: local2026.id, areaId, status: 'contesting', reason: '' });
  return {
    areaId,
    contestId: contest.id as number,
    local2026: local2026.id as number,
    general2024: general2024.id as number,
    local2022: local2022.id as number,
  };
}
