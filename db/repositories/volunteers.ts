import type { Volunteer } from '../../shared/contract/leaflets.ts';
import type { Queries } from '../store.ts';

/** A volunteer as written: the contract's volunteer without its id and the work counted from other tables. */
export type VolunteerRow = Omit<Volunteer, 'id' | 'drops' | 'delivered' | 'assignments' | 'updatedAt'>;

const SELECT = `SELECT v.id, v.name, v.email, v.phone, v.address, v.availability,
  v.consent_to_contact AS consentToContact, v.consent_recorded_on AS consentRecordedOn, v.notes, v.updated_at AS updatedAt,
  (SELECT COUNT(*) FROM drops d WHERE d.volunteer_id = v.id) AS drops,
  (SELECT COALESCE(SUM(d.delivered), 0) FROM drops d WHERE d.volunteer_id = v.id) AS delivered,
  (SELECT COUNT(*) FROM round_assignments a WHERE a.volunteer_id = v.id) AS assignments
  FROM volunteers v`;

type Raw = Omit<Volunteer, 'roles' | 'consentToContact'> & { consentToContact: number };

async function withRoles(db: Queries, rows: Raw[]): Promise<Volunteer[]> {
  const roles = 'SELECT role FROM volunteer_roles WHERE volunteer_id = ? ORDER BY position';
  return Promise.all(
    rows.map(async (r) => ({
      ...r,
      consentToContact: r.consentToContact === 1,
      roles: ((await db.all(roles, [r.id])) as { role: string }[]).map((x) => x.role),
    })),
  );
}

export async function listVolunteers(db: Queries, filter: { role?: string } = {}): Promise<Volunteer[]> {
  const rows = filter.role
    ? await db.all(`${SELECT} WHERE v.id IN (SELECT volunteer_id FROM volunteer_roles WHERE role = ?) ORDER BY v.name, v.id`, [
        filter.role.trim().toLowerCase(),
      ])
    : await db.all(`${SELECT} ORDER BY v.name, v.id`);
  return await withRoles(db, rows as Raw[]);
}

export async function getVolunteer(db: Queries, id: number): Promise<Volunteer | undefined> {
  const row = (await db.get(`${SELECT} WHERE v.id = ?`, [id])) as Raw | undefined;
  return row ? (await withRoles(db, [row]))[0] : undefined;
}

async function setRoles(db: Queries, id: number, roles: string[]): Promise<void> {
  await db.run('DELETE FROM volunteer_roles WHERE volunteer_id = ?', [id]);
  const insert = 'INSERT INTO volunteer_roles (volunteer_id, role, position) VALUES (?, ?, ?)';
  for (const [i, role] of roles.entries()) await db.run(insert, [id, role, i + 1]);
}

/** A new volunteer; `accountId` when a member offered themselves from their account. */
export async function insertVolunteer(db: Queries, v: VolunteerRow, accountId: number | null = null): Promise<number> {
  const now = new Date().toISOString();
  const id = await db.insert(
    `INSERT INTO volunteers (name, email, phone, address, availability, consent_to_contact, consent_recorded_on, notes, account_id, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [v.name, v.email, v.phone, v.address, v.availability, v.consentToContact ? 1 : 0, v.consentRecordedOn, v.notes, accountId, now, now],
  );
  await setRoles(db, id, v.roles);
  return id;
}

/** The volunteer record an account made when its person offered themselves, if any. */
export async function volunteerOfAccount(db: Queries, accountId: number): Promise<Volunteer | undefined> {
  const row = (await db.get(`${SELECT} WHERE v.account_id = ?`, [accountId])) as Raw | undefined;
  return row ? (await withRoles(db, [row]))[0] : undefined;
}

/** The account whose offer made this volunteer record, if one did. */
export async function accountOfVolunteer(db: Queries, id: number): Promise<number | null> {
  return (await db.get<{ accountId: number | null }>('SELECT account_id AS accountId FROM volunteers WHERE id = ?', [id]))?.accountId ?? null;
}

export async function updateVolunteer(db: Queries, id: number, v: VolunteerRow): Promise<void> {
  await db.run(
    `UPDATE volunteers SET name = ?, email = ?, phone = ?, address = ?, availability = ?, consent_to_contact = ?,
     consent_recorded_on = ?, notes = ?, updated_at = ? WHERE id = ?`,
    [v.name, v.email, v.phone, v.address, v.availability, v.consentToContact ? 1 : 0, v.consentRecordedOn, v.notes, new Date().toISOString(), id],
  );
  await setRoles(db, id, v.roles);
}

export async function deleteVolunteer(db: Queries, id: number): Promise<void> {
  await db.run('DELETE FROM volunteers WHERE id = ?', [id]);
}
