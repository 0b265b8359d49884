import type { Volunteer } from '../../shared/contract/leaflets.ts';
import type { Db } from '../open.ts';

/** A volunteer as written: the contract's volunteer without its id and the work counted from other tables. */
export type VolunteerRow = Omit<Volunteer, 'id' | 'drops' | 'delivered' | 'assignments'>;

const SELECT = `SELECT v.id, v.name, v.email, v.phone, v.address, v.availability,
  v.consent_to_contact AS consentToContact, v.consent_recorded_on AS consentRecordedOn, v.notes,
  (SELECT COUNT(*) FROM drops d WHERE d.volunteer_id = v.id) AS drops,
  (SELECT COALESCE(SUM(d.delivered), 0) FROM drops d WHERE d.volunteer_id = v.id) AS delivered,
  (SELECT COUNT(*) FROM round_assignments a WHERE a.volunteer_id = v.id) AS assignments
  FROM volunteers v`;

type Raw = Omit<Volunteer, 'roles' | 'consentToContact'> & { consentToContact: number };

function withRoles(db: Db, rows: Raw[]): Volunteer[] {
  const roles = db.prepare('SELECT role FROM volunteer_roles WHERE volunteer_id = ? ORDER BY rowid');
  return rows.map((r) => ({
    ...r,
    consentToContact: r.consentToContact === 1,
    roles: (roles.all(r.id) as { role: string }[]).map((x) => x.role),
  }));
}

export async function listVolunteers(db: Db, filter: { role?: string } = {}): Promise<Volunteer[]> {
  const rows = filter.role
    ? db
        .prepare(`${SELECT} WHERE v.id IN (SELECT volunteer_id FROM volunteer_roles WHERE role = ?) ORDER BY v.name, v.id`)
        .all(filter.role.trim().toLowerCase())
    : db.prepare(`${SELECT} ORDER BY v.name, v.id`).all();
  return withRoles(db, rows as Raw[]);
}

export async function getVolunteer(db: Db, id: number): Promise<Volunteer | undefined> {
  const row = db.prepare(`${SELECT} WHERE v.id = ?`).get(id) as Raw | undefined;
  return row ? withRoles(db, [row])[0] : undefined;
}

function setRoles(db: Db, id: number, roles: string[]): void {
  db.prepare('DELETE FROM volunteer_roles WHERE volunteer_id = ?').run(id);
  const insert = db.prepare('INSERT INTO volunteer_roles (volunteer_id, role) VALUES (?, ?)');
  for (const role of roles) insert.run(id, role);
}

export async function insertVolunteer(db: Db, v: VolunteerRow): Promise<number> {
  const now = new Date().toISOString();
  const r = db
    .prepare(
      `INSERT INTO volunteers (name, email, phone, address, availability, consent_to_contact, consent_recorded_on, notes, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(v.name, v.email, v.phone, v.address, v.availability, v.consentToContact ? 1 : 0, v.consentRecordedOn, v.notes, now, now);
  const id = Number(r.lastInsertRowid);
  setRoles(db, id, v.roles);
  return id;
}

export async function updateVolunteer(db: Db, id: number, v: VolunteerRow): Promise<void> {
  db.prepare(
    `UPDATE volunteers SET name = ?, email = ?, phone = ?, address = ?, availability = ?, consent_to_contact = ?,
     consent_recorded_on = ?, notes = ?, updated_at = ? WHERE id = ?`,
  ).run(v.name, v.email, v.phone, v.address, v.availability, v.consentToContact ? 1 : 0, v.consentRecordedOn, v.notes, new Date().toISOString(), id);
  setRoles(db, id, v.roles);
}

export async function deleteVolunteer(db: Db, id: number): Promise<void> {
  db.prepare('DELETE FROM volunteers WHERE id = ?').run(id);
}
