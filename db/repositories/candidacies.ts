import type { CandidacySummary } from '../../shared/contract/candidates.ts';
import type { CandidacyStatus, ChecklistItemId, ItemState, PostKind, RegisterEntry } from '../../shared/domain/nominations.ts';
import type { Queries } from '../store.ts';

const now = () => new Date().toISOString();

// ---- candidacies ----

const SUMMARY = `SELECT k.id, k.candidate_id AS candidateId, c.ballot_name AS candidateName, k.contest_id AS contestId,
  e.id AS electionId, e.name AS electionName, e.type AS electionType, e.polling_day AS pollingDay,
  a.id AS areaId, a.name AS areaName, a.nation, k.status,
  (SELECT COUNT(*) FROM nomination_subscribers s WHERE s.candidacy_id = k.id) AS subscriberCount
  FROM candidacies k JOIN candidates c ON c.id = k.candidate_id JOIN contests t ON t.id = k.contest_id
  JOIN elections e ON e.id = t.election_id JOIN areas a ON a.id = t.area_id`;

export async function listCandidacies(db: Queries, filter: { candidateId?: number; contestId?: number } = {}): Promise<CandidacySummary[]> {
  const where: string[] = [];
  const params: number[] = [];
  if (filter.candidateId !== undefined) {
    where.push('k.candidate_id = ?');
    params.push(filter.candidateId);
  }
  if (filter.contestId !== undefined) {
    where.push('k.contest_id = ?');
    params.push(filter.contestId);
  }
  const sql = `${SUMMARY} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY e.polling_day DESC, a.name, c.ballot_name`;
  return (await db.all(sql, params)) as CandidacySummary[];
}

export async function getCandidacySummary(db: Queries, id: number): Promise<CandidacySummary | undefined> {
  return (await db.get(`${SUMMARY} WHERE k.id = ?`, [id])) as CandidacySummary | undefined;
}

export interface CandidacyPapers {
  consentSignedOn: string | null;
  consentWitnessedBy: string;
  agentName: string;
  /** The candidacy's version: its status and papers change it. */
  updatedAt: string;
}

export async function getCandidacyPapers(db: Queries, id: number): Promise<CandidacyPapers | undefined> {
  return (await db.get(
    'SELECT consent_signed_on AS consentSignedOn, consent_witnessed_by AS consentWitnessedBy, agent_name AS agentName, updated_at AS updatedAt FROM candidacies WHERE id = ?',
    [id],
  )) as CandidacyPapers | undefined;
}

export async function findCandidacy(db: Queries, candidateId: number, contestId: number): Promise<number | undefined> {
  const r = (await db.get('SELECT id FROM candidacies WHERE candidate_id = ? AND contest_id = ?', [candidateId, contestId])) as { id: number } | undefined;
  return r?.id;
}

export async function insertCandidacy(db: Queries, candidateId: number, contestId: number, today: string): Promise<number> {
  const at = now();
  const id = await db.insert("INSERT INTO candidacies (candidate_id, contest_id, status, created_at, updated_at) VALUES (?, ?, 'prospective', ?, ?)", [
    candidateId,
    contestId,
    at,
    at,
  ]);
  await insertStatusChange(db, id, 'prospective', today, '');
  return id;
}

export async function deleteCandidacy(db: Queries, id: number): Promise<void> {
  await db.run('DELETE FROM candidacies WHERE id = ?', [id]);
}

export async function setCandidacyStatus(db: Queries, id: number, status: CandidacyStatus, onDate: string, reason: string): Promise<void> {
  await db.run('UPDATE candidacies SET status = ?, updated_at = ? WHERE id = ?', [status, now(), id]);
  await insertStatusChange(db, id, status, onDate, reason);
}

async function insertStatusChange(db: Queries, id: number, status: CandidacyStatus, onDate: string, reason: string): Promise<void> {
  await db.run('INSERT INTO candidacy_status_changes (candidacy_id, status, on_date, reason, at) VALUES (?, ?, ?, ?, ?)', [id, status, onDate, reason, now()]);
}

export interface StatusChange {
  status: CandidacyStatus;
  onDate: string;
  reason: string;
  at: string;
}

export async function statusHistory(db: Queries, id: number): Promise<StatusChange[]> {
  return (await db.all('SELECT status, on_date AS onDate, reason, at FROM candidacy_status_changes WHERE candidacy_id = ? ORDER BY id', [
    id,
  ])) as StatusChange[];
}

export async function setCandidacyPapers(db: Queries, id: number, p: Omit<CandidacyPapers, 'updatedAt'>): Promise<void> {
  await db.run('UPDATE candidacies SET consent_signed_on = ?, consent_witnessed_by = ?, agent_name = ?, updated_at = ? WHERE id = ?', [
    p.consentSignedOn,
    p.consentWitnessedBy,
    p.agentName,
    now(),
    id,
  ]);
}

// ---- checklist ----

export interface ItemRow {
  item: ChecklistItemId;
  state: ItemState;
  doneOn: string | null;
  note: string;
}

export async function checklistRows(db: Queries, candidacyId: number): Promise<ItemRow[]> {
  return (await db.all('SELECT item, state, done_on AS doneOn, note FROM candidacy_checklist_items WHERE candidacy_id = ?', [candidacyId])) as ItemRow[];
}

export async function upsertChecklistItem(db: Queries, candidacyId: number, r: ItemRow): Promise<void> {
  await db.run(
    `INSERT INTO candidacy_checklist_items (candidacy_id, item, state, done_on, note, updated_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (candidacy_id, item) DO UPDATE SET state = excluded.state, done_on = excluded.done_on, note = excluded.note, updated_at = excluded.updated_at`,
    [candidacyId, r.item, r.state, r.doneOn, r.note, now()],
  );
}

// ---- subscribers ----

export interface SubscriberRow {
  id: number;
  candidacyId: number;
  position: number;
  electorNumber: string;
  fullName: string;
  checked: boolean;
}

const SUBSCRIBER = `SELECT id, candidacy_id AS candidacyId, position, elector_number AS electorNumber, full_name AS fullName, checked
  FROM nomination_subscribers`;
type SubRaw = Omit<SubscriberRow, 'checked'> & { checked: number };
const subFromRow = (r: SubRaw): SubscriberRow => ({ ...r, checked: r.checked === 1 });

export async function listSubscribers(db: Queries, candidacyId: number): Promise<SubscriberRow[]> {
  return ((await db.all(`${SUBSCRIBER} WHERE candidacy_id = ? ORDER BY position`, [candidacyId])) as SubRaw[]).map(subFromRow);
}

export async function getSubscriber(db: Queries, id: number): Promise<SubscriberRow | undefined> {
  const r = (await db.get(`${SUBSCRIBER} WHERE id = ?`, [id])) as SubRaw | undefined;
  return r && subFromRow(r);
}

/**
 * Claims a candidacy's row for the rest of the transaction, before reading its subscribers to
 * change them: on PostgreSQL two changes at once then go in turn instead of both numbering from
 * the same list.
 */
export async function claimCandidacy(db: Queries, candidacyId: number): Promise<void> {
  await db.run('UPDATE candidacies SET updated_at = updated_at WHERE id = ?', [candidacyId]);
}

export async function insertSubscriber(db: Queries, candidacyId: number, s: { electorNumber: string; fullName: string; checked: boolean }): Promise<number> {
  const next = (await db.get('SELECT COALESCE(MAX(position), 0) + 1 AS p FROM nomination_subscribers WHERE candidacy_id = ?', [candidacyId])) as { p: number };
  const r = await db.insert(
    'INSERT INTO nomination_subscribers (candidacy_id, position, elector_number, full_name, checked, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    [candidacyId, next.p, s.electorNumber, s.fullName, s.checked ? 1 : 0, now()],
  );
  return r;
}

/** Writes the signing order given as subscriber ids, first = position 1. */
export async function reorderSubscribers(db: Queries, orderedIds: readonly number[]): Promise<void> {
  const stmt = 'UPDATE nomination_subscribers SET position = ? WHERE id = ?';
  for (const [i, sid] of orderedIds.entries()) await db.run(stmt, [i + 1, sid]);
}

export async function deleteSubscriber(db: Queries, id: number): Promise<void> {
  await db.run('DELETE FROM nomination_subscribers WHERE id = ?', [id]);
}

// ---- per-contest nomination rules ----

export interface ContestRulesRow {
  postKind: PostKind | null;
  seats: number;
  subscribersRequired: number | null;
  depositPence: number | null;
  councils: number | null;
}

export async function getContestRules(db: Queries, contestId: number): Promise<ContestRulesRow | undefined> {
  return (await db.get(
    `SELECT post_kind AS postKind, seats, subscribers_required AS subscribersRequired, deposit_pence AS depositPence, councils
       FROM contest_nomination_rules WHERE contest_id = ?`,
    [contestId],
  )) as ContestRulesRow | undefined;
}

export async function upsertContestRules(db: Queries, contestId: number, r: ContestRulesRow): Promise<void> {
  await db.run(
    `INSERT INTO contest_nomination_rules (contest_id, post_kind, seats, subscribers_required, deposit_pence, councils, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (contest_id) DO UPDATE SET post_kind = excluded.post_kind, seats = excluded.seats,
       subscribers_required = excluded.subscribers_required, deposit_pence = excluded.deposit_pence, councils = excluded.councils, updated_at = excluded.updated_at`,
    [contestId, r.postKind ?? 'standard', r.seats, r.subscribersRequired, r.depositPence, r.councils, now()],
  );
}

// ---- the electoral register (the register feature's `electors` table, migration 003) ----

/** Whether any elector of the area is loaded: without one, subscribers are accepted unchecked. */
export async function registerLoadedFor(db: Queries, areaId: number): Promise<boolean> {
  return (await db.get('SELECT 1 FROM electors WHERE area_id = ? LIMIT 1', [areaId])) !== undefined;
}

/**
 * Register entries with this canonical elector number: those in the area (an index lookup), or
 * when there are none, those in any other area (to say "not in this contest's area").
 */
export async function electorsByNumber(db: Queries, areaId: number, electorNumber: string): Promise<RegisterEntry[]> {
  const select = 'SELECT area_id AS areaId, full_name AS fullName FROM electors WHERE elector_number = ?';
  const inArea = (await db.all(`${select} AND area_id = ?`, [electorNumber, areaId])) as RegisterEntry[];
  return inArea.length > 0 ? inArea : ((await db.all(select, [electorNumber])) as RegisterEntry[]);
}
