import type { CandidacySummary } from '../../shared/contract/candidates.ts';
import type { CandidacyStatus, ChecklistItemId, ItemState, PostKind, RegisterEntry } from '../../shared/domain/nominations.ts';
import type { Db } from '../open.ts';

const now = () => new Date().toISOString();

// ---- candidacies ----

const SUMMARY = `SELECT k.id, k.candidate_id AS candidateId, c.ballot_name AS candidateName, k.contest_id AS contestId,
  e.id AS electionId, e.name AS electionName, e.type AS electionType, e.polling_day AS pollingDay,
  a.id AS areaId, a.name AS areaName, a.nation, k.status,
  (SELECT COUNT(*) FROM nomination_subscribers s WHERE s.candidacy_id = k.id) AS subscriberCount
  FROM candidacies k JOIN candidates c ON c.id = k.candidate_id JOIN contests t ON t.id = k.contest_id
  JOIN elections e ON e.id = t.election_id JOIN areas a ON a.id = t.area_id`;

export async function listCandidacies(db: Db, filter: { candidateId?: number; contestId?: number } = {}): Promise<CandidacySummary[]> {
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
  return db.prepare(sql).all(...params) as CandidacySummary[];
}

export async function getCandidacySummary(db: Db, id: number): Promise<CandidacySummary | undefined> {
  return db.prepare(`${SUMMARY} WHERE k.id = ?`).get(id) as CandidacySummary | undefined;
}

export interface CandidacyPapers {
  consentSignedOn: string | null;
  consentWitnessedBy: string;
  agentName: string;
}

export async function getCandidacyPapers(db: Db, id: number): Promise<CandidacyPapers | undefined> {
  return db
    .prepare('SELECT consent_signed_on AS consentSignedOn, consent_witnessed_by AS consentWitnessedBy, agent_name AS agentName FROM candidacies WHERE id = ?')
    .get(id) as CandidacyPapers | undefined;
}

export async function findCandidacy(db: Db, candidateId: number, contestId: number): Promise<number | undefined> {
  const r = db.prepare('SELECT id FROM candidacies WHERE candidate_id = ? AND contest_id = ?').get(candidateId, contestId) as { id: number } | undefined;
  return r?.id;
}

export async function insertCandidacy(db: Db, candidateId: number, contestId: number, today: string): Promise<number> {
  const at = now();
  const r = db
    .prepare("INSERT INTO candidacies (candidate_id, contest_id, status, created_at, updated_at) VALUES (?, ?, 'prospective', ?, ?)")
    .run(candidateId, contestId, at, at);
  const id = Number(r.lastInsertRowid);
  await insertStatusChange(db, id, 'prospective', today, '');
  return id;
}

export async function deleteCandidacy(db: Db, id: number): Promise<void> {
  db.prepare('DELETE FROM candidacies WHERE id = ?').run(id);
}

export async function setCandidacyStatus(db: Db, id: number, status: CandidacyStatus, onDate: string, reason: string): Promise<void> {
  db.prepare('UPDATE candidacies SET status = ?, updated_at = ? WHERE id = ?').run(status, now(), id);
  await insertStatusChange(db, id, status, onDate, reason);
}

async function insertStatusChange(db: Db, id: number, status: CandidacyStatus, onDate: string, reason: string): Promise<void> {
  db.prepare('INSERT INTO candidacy_status_changes (candidacy_id, status, on_date, reason, at) VALUES (?, ?, ?, ?, ?)').run(id, status, onDate, reason, now());
}

export interface StatusChange {
  status: CandidacyStatus;
  onDate: string;
  reason: string;
  at: string;
}

export async function statusHistory(db: Db, id: number): Promise<StatusChange[]> {
  return db.prepare('SELECT status, on_date AS onDate, reason, at FROM candidacy_status_changes WHERE candidacy_id = ? ORDER BY id').all(id) as StatusChange[];
}

export async function setCandidacyPapers(db: Db, id: number, p: CandidacyPapers): Promise<void> {
  db.prepare('UPDATE candidacies SET consent_signed_on = ?, consent_witnessed_by = ?, agent_name = ?, updated_at = ? WHERE id = ?').run(
    p.consentSignedOn,
    p.consentWitnessedBy,
    p.agentName,
    now(),
    id,
  );
}

// ---- checklist ----

export interface ItemRow {
  item: ChecklistItemId;
  state: ItemState;
  doneOn: string | null;
  note: string;
}

export async function checklistRows(db: Db, candidacyId: number): Promise<ItemRow[]> {
  return db.prepare('SELECT item, state, done_on AS doneOn, note FROM candidacy_checklist_items WHERE candidacy_id = ?').all(candidacyId) as ItemRow[];
}

export async function upsertChecklistItem(db: Db, candidacyId: number, r: ItemRow): Promise<void> {
  db.prepare(
    `INSERT INTO candidacy_checklist_items (candidacy_id, item, state, done_on, note, updated_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (candidacy_id, item) DO UPDATE SET state = excluded.state, done_on = excluded.done_on, note = excluded.note, updated_at = excluded.updated_at`,
  ).run(candidacyId, r.item, r.state, r.doneOn, r.note, now());
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

export async function listSubscribers(db: Db, candidacyId: number): Promise<SubscriberRow[]> {
  return (db.prepare(`${SUBSCRIBER} WHERE candidacy_id = ? ORDER BY position`).all(candidacyId) as SubRaw[]).map(subFromRow);
}

export async function getSubscriber(db: Db, id: number): Promise<SubscriberRow | undefined> {
  const r = db.prepare(`${SUBSCRIBER} WHERE id = ?`).get(id) as SubRaw | undefined;
  return r && subFromRow(r);
}

export async function insertSubscriber(db: Db, candidacyId: number, s: { electorNumber: string; fullName: string; checked: boolean }): Promise<number> {
  const next = db.prepare('SELECT COALESCE(MAX(position), 0) + 1 AS p FROM nomination_subscribers WHERE candidacy_id = ?').get(candidacyId) as { p: number };
  const r = db
    .prepare('INSERT INTO nomination_subscribers (candidacy_id, position, elector_number, full_name, checked, created_at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(candidacyId, next.p, s.electorNumber, s.fullName, s.checked ? 1 : 0, now());
  return Number(r.lastInsertRowid);
}

/** Writes the signing order given as subscriber ids, first = position 1. */
export async function reorderSubscribers(db: Db, orderedIds: readonly number[]): Promise<void> {
  const stmt = db.prepare('UPDATE nomination_subscribers SET position = ? WHERE id = ?');
  orderedIds.forEach((sid, i) => stmt.run(i + 1, sid));
}

export async function deleteSubscriber(db: Db, id: number): Promise<void> {
  db.prepare('DELETE FROM nomination_subscribers WHERE id = ?').run(id);
}

// ---- per-contest nomination rules ----

export interface ContestRulesRow {
  postKind: PostKind | null;
  seats: number;
  subscribersRequired: number | null;
  depositPence: number | null;
  councils: number | null;
}

export async function getContestRules(db: Db, contestId: number): Promise<ContestRulesRow | undefined> {
  return db
    .prepare(
      `SELECT post_kind AS postKind, seats, subscribers_required AS subscribersRequired, deposit_pence AS depositPence, councils
       FROM contest_nomination_rules WHERE contest_id = ?`,
    )
    .get(contestId) as ContestRulesRow | undefined;
}

export async function upsertContestRules(db: Db, contestId: number, r: ContestRulesRow): Promise<void> {
  db.prepare(
    `INSERT INTO contest_nomination_rules (contest_id, post_kind, seats, subscribers_required, deposit_pence, councils, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (contest_id) DO UPDATE SET post_kind = excluded.post_kind, seats = excluded.seats,
       subscribers_required = excluded.subscribers_required, deposit_pence = excluded.deposit_pence, councils = excluded.councils, updated_at = excluded.updated_at`,
  ).run(contestId, r.postKind ?? 'standard', r.seats, r.subscribersRequired, r.depositPence, r.councils, now());
}

// ---- the electoral register (the register feature's `electors` table, migration 003) ----

/** Whether any elector of the area is loaded: without one, subscribers are accepted unchecked. */
export async function registerLoadedFor(db: Db, areaId: number): Promise<boolean> {
  return db.prepare('SELECT 1 FROM electors WHERE area_id = ? LIMIT 1').get(areaId) !== undefined;
}

/**
 * Register entries with this canonical elector number: those in the area (an index lookup), or
 * when there are none, those in any other area (to say "not in this contest's area").
 */
export async function electorsByNumber(db: Db, areaId: number, electorNumber: string): Promise<RegisterEntry[]> {
  const select = 'SELECT area_id AS areaId, full_name AS fullName FROM electors WHERE elector_number = ?';
  const inArea = db.prepare(`${select} AND area_id = ?`).all(electorNumber, areaId) as RegisterEntry[];
  return inArea.length > 0 ? inArea : (db.prepare(select).all(electorNumber) as RegisterEntry[]);
}
