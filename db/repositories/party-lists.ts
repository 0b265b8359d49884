import type { CandidacyStatus, ItemState } from '../../shared/domain/nominations.ts';
import type { ListItemId } from '../../shared/domain/party-lists.ts';
import type { Db } from '../open.ts';

const now = () => new Date().toISOString();

export interface PartyListRow {
  id: number;
  contestId: number;
  partyName: string;
  status: CandidacyStatus;
  agentName: string;
  notes: string;
}

const LIST = `SELECT id, contest_id AS contestId, party_name AS partyName, status, agent_name AS agentName, notes FROM party_lists`;

export async function getPartyList(db: Db, id: number): Promise<PartyListRow | undefined> {
  return db.prepare(`${LIST} WHERE id = ?`).get(id) as PartyListRow | undefined;
}

export async function partyListOfContest(db: Db, contestId: number): Promise<PartyListRow | undefined> {
  return db.prepare(`${LIST} WHERE contest_id = ?`).get(contestId) as PartyListRow | undefined;
}

export async function listPartyLists(db: Db): Promise<PartyListRow[]> {
  return db.prepare(`${LIST} ORDER BY id`).all() as PartyListRow[];
}

export async function insertPartyList(db: Db, contestId: number, partyName: string, today: string): Promise<number> {
  const at = now();
  const r = db
    .prepare("INSERT INTO party_lists (contest_id, party_name, status, created_at, updated_at) VALUES (?, ?, 'prospective', ?, ?)")
    .run(contestId, partyName, at, at);
  const id = Number(r.lastInsertRowid);
  await insertListStatusChange(db, id, 'prospective', today, '');
  return id;
}

export async function updatePartyList(db: Db, id: number, p: { partyName: string; agentName: string; notes: string }): Promise<void> {
  db.prepare('UPDATE party_lists SET party_name = ?, agent_name = ?, notes = ?, updated_at = ? WHERE id = ?').run(p.partyName, p.agentName, p.notes, now(), id);
}

export async function deletePartyList(db: Db, id: number): Promise<void> {
  db.prepare('DELETE FROM party_lists WHERE id = ?').run(id);
}

export async function setPartyListStatus(db: Db, id: number, status: CandidacyStatus, onDate: string, reason: string): Promise<void> {
  db.prepare('UPDATE party_lists SET status = ?, updated_at = ? WHERE id = ?').run(status, now(), id);
  await insertListStatusChange(db, id, status, onDate, reason);
}

async function insertListStatusChange(db: Db, id: number, status: CandidacyStatus, onDate: string, reason: string): Promise<void> {
  db.prepare('INSERT INTO party_list_status_changes (party_list_id, status, on_date, reason, at) VALUES (?, ?, ?, ?, ?)').run(
    id,
    status,
    onDate,
    reason,
    now(),
  );
}

export async function listStatusHistory(db: Db, id: number): Promise<{ status: CandidacyStatus; onDate: string; reason: string; at: string }[]> {
  return db.prepare('SELECT status, on_date AS onDate, reason, at FROM party_list_status_changes WHERE party_list_id = ? ORDER BY id').all(id) as {
    status: CandidacyStatus;
    onDate: string;
    reason: string;
    at: string;
  }[];
}

/** The kind of the contest's area ('region' makes a Scottish Parliament contest a regional list). */
export async function contestAreaKind(db: Db, contestId: number): Promise<string> {
  const r = db.prepare('SELECT a.kind FROM contests c JOIN areas a ON a.id = c.area_id WHERE c.id = ?').get(contestId) as { kind: string } | undefined;
  return r?.kind ?? '';
}

// ---- names on the list ----

export interface MemberRow {
  id: number;
  partyListId: number;
  candidateId: number;
  name: string;
  homeAddress: string;
  consentSignedOn: string | null;
  consentWitnessedBy: string;
  homeAddressFormOn: string | null;
}

const MEMBER = `SELECT m.id, m.party_list_id AS partyListId, m.candidate_id AS candidateId, c.ballot_name AS name, c.home_address AS homeAddress,
  m.consent_signed_on AS consentSignedOn, m.consent_witnessed_by AS consentWitnessedBy, m.home_address_form_on AS homeAddressFormOn
  FROM party_list_members m JOIN candidates c ON c.id = m.candidate_id`;

/** The names in ballot order. */
export async function listMembers(db: Db, partyListId: number): Promise<MemberRow[]> {
  return db.prepare(`${MEMBER} WHERE m.party_list_id = ? ORDER BY m.position, m.id`).all(partyListId) as MemberRow[];
}

export async function getMember(db: Db, id: number): Promise<MemberRow | undefined> {
  return db.prepare(`${MEMBER} WHERE m.id = ?`).get(id) as MemberRow | undefined;
}

/** The list (in the same election) a candidate is already on, if any. */
export async function listOfCandidateInElection(db: Db, candidateId: number, electionId: number): Promise<{ listId: number; areaName: string } | undefined> {
  return db
    .prepare(
      `SELECT l.id AS listId, a.name AS areaName FROM party_list_members m JOIN party_lists l ON l.id = m.party_list_id
       JOIN contests t ON t.id = l.contest_id JOIN areas a ON a.id = t.area_id WHERE m.candidate_id = ? AND t.election_id = ?`,
    )
    .get(candidateId, electionId) as { listId: number; areaName: string } | undefined;
}

export async function insertMember(db: Db, partyListId: number, candidateId: number): Promise<number> {
  const at = now();
  const next = db.prepare('SELECT COALESCE(MAX(position), 0) + 1 AS p FROM party_list_members WHERE party_list_id = ?').get(partyListId) as { p: number };
  const r = db
    .prepare('INSERT INTO party_list_members (party_list_id, candidate_id, position, created_at, updated_at) VALUES (?, ?, ?, ?, ?)')
    .run(partyListId, candidateId, next.p, at, at);
  return Number(r.lastInsertRowid);
}

export async function deleteMember(db: Db, id: number): Promise<void> {
  db.prepare('DELETE FROM party_list_members WHERE id = ?').run(id);
}

/** Writes the ballot order given as member ids, first = place 1. */
export async function orderMembers(db: Db, orderedIds: readonly number[]): Promise<void> {
  const stmt = db.prepare('UPDATE party_list_members SET position = ? WHERE id = ?');
  orderedIds.forEach((id, i) => stmt.run(i + 1, id));
}

export async function setMemberPapers(
  db: Db,
  id: number,
  p: { consentSignedOn: string | null; consentWitnessedBy: string; homeAddressFormOn: string | null },
): Promise<void> {
  db.prepare('UPDATE party_list_members SET consent_signed_on = ?, consent_witnessed_by = ?, home_address_form_on = ?, updated_at = ? WHERE id = ?').run(
    p.consentSignedOn,
    p.consentWitnessedBy,
    p.homeAddressFormOn,
    now(),
    id,
  );
}

// ---- the list's papers ----

export interface ListItemRow {
  item: ListItemId;
  state: ItemState;
  doneOn: string | null;
  note: string;
}

export async function listItemRows(db: Db, partyListId: number): Promise<ListItemRow[]> {
  return db.prepare('SELECT item, state, done_on AS doneOn, note FROM party_list_checklist_items WHERE party_list_id = ?').all(partyListId) as ListItemRow[];
}

export async function upsertListItem(db: Db, partyListId: number, r: ListItemRow): Promise<void> {
  db.prepare(
    `INSERT INTO party_list_checklist_items (party_list_id, item, state, done_on, note, updated_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (party_list_id, item) DO UPDATE SET state = excluded.state, done_on = excluded.done_on, note = excluded.note, updated_at = excluded.updated_at`,
  ).run(partyListId, r.item, r.state, r.doneOn, r.note, now());
}
