import type { Candidate } from '../../shared/contract/candidates.ts';
import type { Queries } from '../store.ts';

export type CandidateWrite = Omit<Candidate, 'id' | 'candidacyCount' | 'updatedAt'>;

const SELECT = `SELECT c.id, c.ballot_name AS ballotName, c.common_name AS commonName, c.home_address AS homeAddress, c.email, c.phone,
  c.party_candidate AS partyCandidate, c.party_description AS partyDescription, c.emblem, c.notes, c.updated_at AS updatedAt,
  (SELECT COUNT(*) FROM candidacies k WHERE k.candidate_id = c.id) AS candidacyCount FROM candidates c`;

type Row = Omit<Candidate, 'partyCandidate'> & { partyCandidate: number };
const fromRow = (r: Row): Candidate => ({ ...r, partyCandidate: r.partyCandidate === 1 });

export async function listCandidates(db: Queries): Promise<Candidate[]> {
  return ((await db.all(`${SELECT} ORDER BY c.ballot_name, c.id`)) as Row[]).map(fromRow);
}

export async function getCandidate(db: Queries, id: number): Promise<Candidate | undefined> {
  const r = (await db.get(`${SELECT} WHERE c.id = ?`, [id])) as Row | undefined;
  return r && fromRow(r);
}

export async function insertCandidate(db: Queries, c: CandidateWrite): Promise<number> {
  const now = new Date().toISOString();
  const r = await db.insert(
    `INSERT INTO candidates (ballot_name, common_name, home_address, email, phone, party_candidate, party_description, emblem, notes, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [c.ballotName, c.commonName, c.homeAddress, c.email, c.phone, c.partyCandidate ? 1 : 0, c.partyDescription, c.emblem, c.notes, now, now],
  );
  return r;
}

export async function updateCandidate(db: Queries, id: number, c: CandidateWrite): Promise<void> {
  await db.run(
    `UPDATE candidates SET ballot_name = ?, common_name = ?, home_address = ?, email = ?, phone = ?, party_candidate = ?, party_description = ?,
     emblem = ?, notes = ?, updated_at = ? WHERE id = ?`,
    [
      c.ballotName,
      c.commonName,
      c.homeAddress,
      c.email,
      c.phone,
      c.partyCandidate ? 1 : 0,
      c.partyDescription,
      c.emblem,
      c.notes,
      new Date().toISOString(),
      id,
    ],
  );
}

export async function deleteCandidate(db: Queries, id: number): Promise<void> {
  await db.run('DELETE FROM candidates WHERE id = ?', [id]);
}

/**
 * Erasure: the candidate's personal details are blanked but the row stays, so their candidacies
 * (and with them results, deposits and the return of expenses) still add up.
 */
export async function blankCandidate(db: Queries, id: number, placeholder: string): Promise<void> {
  await db.run(`UPDATE candidates SET ballot_name = ?, common_name = '', home_address = '', email = '', phone = '', notes = '', updated_at = ? WHERE id = ?`, [
    placeholder,
    new Date().toISOString(),
    id,
  ]);
}
