import type { CandidacyStatus, ItemState } from '../../shared/domain/nominations.ts';
import type { ListItemId } from '../../shared/domain/party-lists.ts';
import type { Queries } from '../store.ts';

const now = () => new Date().toISOString();

export interface PartyListRow {
  id: number;
  contestId: number;
  partyName: string;
  status: CandidacyStatus;
  agentName: string;
  notes: string;
  updatedAt: string;
}

const LIST = `SELECT id, contest_id AS contestId, party_name AS partyName, status, agent_name AS agentName, notes, updated_at AS updatedAt FROM party_lists`;

export async function getPartyList(db: Queries, id: number): Promise<PartyListRow | undefined> {
  return (await db.get(`${LIST} WHERE id = ?`, [id])) as PartyListRow | undefined;
}

export async function partyListOfContest(db: Queries, contestId: number): Promise<PartyListRow | undefined> {
  return (await db.get(`${LIST} WHERE contest_id = ?`, [contestId])) as PartyListRow | undefined;
}

export async function listPartyLists(db: Queries): Promise<PartyListRow[]> {
  return (await db.all(`${LIST} ORDER BY id`)) as PartyListRow[];
}

export async function insertPartyList(db: Queries, contestId: number, partyName: string, today: string): Promise<number> {
  const at = now();
  const id = await db.insert("INSERT INTO party_lists (contest_id, party_name, status, created_at, updated_at) VALUES (?, ?, 'prospective', ?, ?)", [
    contestId,
    partyName,
    at,
    at,
  ]);
  await insertListStatusChange(db, id, 'prospective', today, '');
  return id;
}

export async function updatePartyList(db: Queries, id: number, p: { partyName: string; agentName: string; notes: string }): Promise<void> {
  await db.run('UPDATE party_lists SET party_name = ?, agent_name = ?, notes = ?, updated_at = ? WHERE id = ?', [p.partyName, p.agentName, p.notes, now(), id]);
}

export async function deletePartyList(db: Queries, id: number): Promise<void> {
  await db.run('DELETE FROM party_lists WHERE id = ?', [id]);
}

export async function setPartyListStatus(db: Queries, id: number, status: CandidacyStatus, onDate: string, reason: string): Promise<void> {
  await db.run('UPDATE party_lists SET status = ?, updated_at = ? WHERE id = ?', [status, now(), id]);
  await insertListStatusChange(db, id, status, onDate, reason);
}

async function insertListStatusChange(db: Queries, id: number, status: CandidacyStatus, onDate: string, reason: string): Promise<void> {
  await db.run('INSERT INTO party_list_status_changes (party_list_id, status, on_date, reason, at) VALUES (?, ?, ?, ?, ?)', [
    id,
    status,
    onDate,
    reason,
    now(),
  ]);
}

export async function listStatusHistory(db: Queries, id: number): Promise<{ status: CandidacyStatus; onDate: string; reason: string; at: string }[]> {
  return (await db.all('SELECT status, on_date AS onDate, reason, at FROM party_list_status_changes WHERE party_list_id = ? ORDER BY id', [id])) as {
    status: CandidacyStatus;
    onDate: string;
    reason: string;
    at: string;
  }[];
}

/** The kind of the contest's area ('region' makes a Scottish Parliament contest a regional list). */
export async function contestAreaKind(db: Queries, contestId: number): Promise<string> {
  const r = (await db.get('SELECT a.kind FROM contests c JOIN areas a ON a.id = c.area_id WHERE c.id = ?', [contestId])) as { kind: string } | undefined;
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
export async function listMembers(db: Queries, partyListId: number): Promise<MemberRow[]> {
  return (await db.all(`${MEMBER} WHERE m.party_list_id = ? ORDER BY m.position, m.id`, [partyListId])) as MemberRow[];
}

export async function getMember(db: Queries, id: number): Promise<MemberRow | undefined> {
  return (await db.get(`${MEMBER} WHERE m.id = ?`, [id])) as MemberRow | undefined;
}

/** The list (in the same election) a candidate is already on, if any. */
export async function listOfCandidateInElection(
  db: Queries,
  candidateId: number,
  electionId: number,
): Promise<{ listId: number; areaName: string } | undefined> {
  return (await db.get(
    `SELECT l.id AS listId, a.name AS areaName FROM party_list_members m JOIN party_lists l ON l.id = m.party_list_id
       JOIN contests t ON t.id = l.contest_id JOIN areas a ON a.id = t.area_id WHERE m.candidate_id = ? AND t.election_id = ?`,
    [candidateId, electionId],
  )) as { listId: number; areaName: string } | undefined;
}

/**
 * Claims a list's row for the rest of the transaction, before reading its names to change their
 * order: on PostgreSQL two changes at once then go in turn instead of both numbering from the
 * same names.
 */
export async function claimList(db: Queries, partyListId: number): Promise<void> {
  await db.run('UPDATE party_lists SET updated_at = updated_at WHERE id = ?', [partyListId]);
}

export async function insertMember(db: Queries, partyListId: number, candidateId: number): Promise<number> {
  const at = now();
  const next = (await db.get('SELECT COALESCE(MAX(position), 0) + 1 AS p FROM party_list_members WHERE party_list_id = ?', [partyListId])) as { p: number };
  const r = await db.insert('INSERT INTO party_list_members (party_list_id, candidate_id, position, created_at, updated_at) VALUES (?, ?, ?, ?, ?)', [
    partyListId,
    candidateId,
    next.p,
    at,
    at,
  ]);
  return r;
}

export async function deleteMember(db: Queries, id: number): Promise<void> {
  await db.run('DELETE FROM party_list_members WHERE id = ?', [id]);
}

/** Writes the ballot order given as member ids, first = place 1. */
export async function orderMembers(db: Queries, orderedIds: readonly number[]): Promise<void> {
  const stmt = 'UPDATE party_list_members SET position = ? WHERE id = ?';
  for (const [i, id] of orderedIds.entries()) await db.run(stmt, [i + 1, id]);
}

export async function setMemberPapers(
  db: Queries,
  id: number,
  p: { consentSignedOn: string | null; consentWitnessedBy: string; homeAddressFormOn: string | null },
): Promise<void> {
  await db.run('UPDATE party_list_members SET consent_signed_on = ?, consent_witnessed_by = ?, home_address_form_on = ?, updated_at = ? WHERE id = ?', [
    p.consentSignedOn,
    p.consentWitnessedBy,
    p.homeAddressFormOn,
    now(),
    id,
  ]);
}

// ---- the list's papers ----

export interface ListItemRow {
  item: ListItemId;
  state: ItemState;
  doneOn: string | null;
  note: string;
}

export async function listItemRows(db: Queries, partyListId: number): Promise<ListItemRow[]> {
  return (await db.all('SELECT item, state, done_on AS doneOn, note FROM party_list_checklist_items WHERE party_list_id = ?', [partyListId])) as ListItemRow[];
}

export async function upsertListItem(db: Queries, partyListId: number, r: ListItemRow): Promise<void> {
  await db.run(
    `INSERT INTO party_list_checklist_items (party_list_id, item, state, done_on, note, updated_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (party_list_id, item) DO UPDATE SET state = excluded.state, done_on = excluded.done_on, note = excluded.note, updated_at = excluded.updated_at`,
    [partyListId, r.item, r.state, r.doneOn, r.note, now()],
  );
}
