/**
 * Erasing the people Hustings holds besides electors — volunteers, candidates, nomination
 * subscribers and donors — used both by the handlers that erase them on request and by the
 * erasure log, which erases them again after a restore. Each removes or blanks the person's own
 * record and scrubs every other copy: the name, email, phone and address wherever written; a
 * postcode and an elector or company number (shared by neighbours, recurring in other areas)
 * only in a record that also named them. The caller records that an erasure happened.
 */
import { addressIdentifiers, ERASED_TEXT, personIdentifiers, postcodeOf } from '../../shared/domain/erasure.ts';
import type { Queries } from '../store.ts';
import { blankCandidate } from './candidates.ts';
import { deleteSubscriber, listSubscribers, reorderSubscribers } from './candidacies.ts';
import { eraseTraces, redactAuditFields, type ScrubCount } from './erasure.ts';
import { blankDonor } from './treasury.ts';
import { deleteVolunteer } from './volunteers.ts';

export interface VolunteerIdentity {
  id: number;
  name: string;
  email: string;
  phone: string;
  address: string;
}

export interface CandidateIdentity {
  id: number;
  ballotName: string;
  commonName: string;
  email: string;
  phone: string;
  homeAddress: string;
}

export interface SubscriberIdentity {
  id: number;
  candidacyId: number;
  fullName: string;
  electorNumber: string;
}

/** A donor: everyone who gave under one name and address, as the treasury groups them. */
export interface DonorIdentity {
  name: string;
  address: string;
  /** Their donations' ids, each of which is blanked. */
  donationIds: readonly number[];
  electorNumbers: readonly string[];
  companyNumbers: readonly string[];
}

export const volunteerIdentifiers = (v: Omit<VolunteerIdentity, 'id'>) => [v.name, v.email, v.phone, ...addressIdentifiers(v.address)];

export const candidateIdentifiers = (c: Omit<CandidateIdentity, 'id'>) => [c.ballotName, c.commonName, c.email, c.phone, ...addressIdentifiers(c.homeAddress)];

export const donorIdentifiers = (d: Pick<DonorIdentity, 'name' | 'address'>) => [d.name, ...addressIdentifiers(d.address)];

/** Deletes the volunteer (their round assignments go with them) and every copy of them. */
export async function eraseVolunteer(db: Queries, v: VolunteerIdentity): Promise<ScrubCount> {
  await deleteVolunteer(db, v.id);
  return eraseTraces(db, {
    entity: 'volunteer',
    entityId: v.id,
    references: [{ entity: 'round_assignment', field: 'volunteerId' }],
    identifiers: personIdentifiers(volunteerIdentifiers(v)),
    alongside: postcodeOf(v.address),
  });
}

/**
 * Blanks the candidate's details, keeping the row so their candidacies (results, deposits, the
 * return of expenses) still add up, and every copy of them.
 */
export async function eraseCandidate(db: Queries, c: CandidateIdentity): Promise<ScrubCount> {
  await blankCandidate(db, c.id, ERASED_TEXT);
  return eraseTraces(db, {
    entity: 'candidate',
    entityId: c.id,
    identifiers: personIdentifiers(candidateIdentifiers(c)),
    alongside: postcodeOf(c.homeAddress),
  });
}

/** Takes the subscriber off the nomination paper (those after them move up) and every copy of them. */
export async function eraseSubscriber(db: Queries, s: SubscriberIdentity): Promise<ScrubCount> {
  await deleteSubscriber(db, s.id);
  const rest = await listSubscribers(db, s.candidacyId);
  await reorderSubscribers(
    db,
    rest.map((r) => r.id),
  );
  return eraseTraces(db, {
    entity: 'nomination_subscriber',
    entityId: s.id,
    identifiers: personIdentifiers([s.fullName]),
    alongside: personIdentifiers([s.electorNumber]),
  });
}

/**
 * Blanks the donor on each of their donations (what was given, when and its decision stay in
 * the accounts) and every copy of them: their numbers are taken out of the donations' copies.
 */
export async function eraseDonor(db: Queries, d: DonorIdentity): Promise<ScrubCount> {
  await blankDonor(db, d.donationIds, ERASED_TEXT);
  await redactAuditFields(db, 'donation', d.donationIds, ['electorNumber', 'companyNumber']);
  return eraseTraces(db, {
    entity: 'donor',
    entityId: null,
    identifiers: personIdentifiers(donorIdentifiers(d)),
    alongside: personIdentifiers([...d.electorNumbers, ...d.companyNumbers, ...postcodeOf(d.address)]),
  });
}

/** Everyone of each kind in the database, not yet erased: what a restored backup may hold. */
export async function allVolunteers(db: Queries): Promise<VolunteerIdentity[]> {
  return (await db.all('SELECT id, name, email, phone, address FROM volunteers')) as VolunteerIdentity[];
}

export async function allCandidates(db: Queries): Promise<CandidateIdentity[]> {
  return (await db.all(
    'SELECT id, ballot_name AS ballotName, common_name AS commonName, email, phone, home_address AS homeAddress FROM candidates WHERE ballot_name != ?',
    [ERASED_TEXT],
  )) as CandidateIdentity[];
}

export async function allSubscribers(db: Queries): Promise<SubscriberIdentity[]> {
  return (await db.all(
    'SELECT id, candidacy_id AS candidacyId, full_name AS fullName, elector_number AS electorNumber FROM nomination_subscribers',
  )) as SubscriberIdentity[];
}

const donorKey = (text: string) => text.trim().replace(/\s+/g, ' ').toLowerCase();

/** Donations grouped into donors the way the treasury finds a donor: same name and address. */
export async function allDonors(db: Queries): Promise<DonorIdentity[]> {
  const rows = (await db.all(
    `SELECT id, donor_name AS name, donor_address AS address, elector_number AS electorNumber, company_number AS companyNumber
       FROM donations WHERE donor_name != ? ORDER BY received_on, id`,
    [ERASED_TEXT],
  )) as { id: number; name: string; address: string; electorNumber: string | null; companyNumber: string | null }[];
  const donors = new Map<string, { name: string; address: string; donationIds: number[]; electorNumbers: Set<string>; companyNumbers: Set<string> }>();
  for (const r of rows) {
    const key = `${donorKey(r.name)}\n${donorKey(r.address)}`;
    const d = donors.get(key) ?? { name: r.name, address: r.address, donationIds: [], electorNumbers: new Set(), companyNumbers: new Set() };
    d.donationIds.push(r.id);
    if (r.electorNumber) d.electorNumbers.add(r.electorNumber);
    if (r.companyNumber) d.companyNumbers.add(r.companyNumber);
    donors.set(key, d);
  }
  return [...donors.values()].map((d) => ({ ...d, electorNumbers: [...d.electorNumbers], companyNumbers: [...d.companyNumbers] }));
}
