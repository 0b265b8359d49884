/**
 * What identifies an elector to be erased, and where it may be written besides their record.
 * Their name is searched for everywhere. Their elector number and the house they live in are
 * searched for everywhere too unless someone still on the register shares them (another area's
 * "AB-12", a spouse at "17 Zanzibar Crescent", a neighbour in the same block of flats, another
 * town's "17 High Street"): then, like the postcode (shared by a street of neighbours), they are
 * replaced only in a note or audit row that named the elector, so notes about the people who
 * remain keep their address.
 */
import { personIdentifiers } from '../../shared/domain/erasure.ts';
import type { Queries } from '../store.ts';
import { deleteElector } from './electors.ts';
import { eraseTraces, type ScrubCount } from './erasure.ts';
import { electorVoteCount } from './voting-history.ts';

/** The register's fields of an elector that identify them, read before they are deleted. */
export interface ElectorIdentity {
  id: number;
  fullName: string;
  electorNumber: string;
  /** Address lines joined by newlines, as on the register. */
  addressLines: string;
  postcode: string;
  /** Their household's house ('17', 'Rose Cottage') and street, when they have one. */
  house: string | null;
  street: string | null;
}

export async function electorIdentity(db: Queries, id: number): Promise<ElectorIdentity | undefined> {
  return (await db.get(
    `SELECT e.id, e.full_name AS fullName, e.elector_number AS electorNumber, e.address_lines AS addressLines,
              e.postcode, h.house, h.street
       FROM electors e LEFT JOIN households h ON h.id = e.household_id WHERE e.id = ?`,
    [id],
  )) as ElectorIdentity | undefined;
}

/** The house as it is written in notes: "17 Zanzibar Crescent", "Rose Cottage, Mill Lane". */
function houseOnStreet(e: ElectorIdentity): string[] {
  if (!e.house || !e.street) return [];
  return /^\d/.test(e.house) ? [`${e.house} ${e.street}`, `${e.house}, ${e.street}`] : [`${e.house}, ${e.street}`, `${e.house} ${e.street}`];
}

/** The whole address as written on one line or several, with and without its postcode. */
function wholeAddress(e: ElectorIdentity): string[] {
  const lines = e.addressLines
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  if (lines.length < 2) return [];
  const out = [lines.join('\n'), lines.join(', ')];
  if (e.postcode) out.push(`${lines.join(', ')}, ${e.postcode}`, `${lines.join('\n')}\n${e.postcode}`);
  return out;
}

/**
 * The strings to scrub for an elector, split into those searched for everywhere and those
 * replaced only alongside them. Call before deleting the elector (the sharing checks exclude
 * them by id).
 */
async function electorMentions(db: Queries, e: ElectorIdentity): Promise<{ identifiers: string[]; alongside: string[] }> {
  const numberShared = (await db.get('SELECT 1 FROM electors WHERE elector_number = ? AND id != ? LIMIT 1', [e.electorNumber, e.id])) !== undefined;
  const homeShared =
    (await db.get('SELECT 1 FROM electors WHERE address_lines = ? AND postcode = ? AND id != ? LIMIT 1', [e.addressLines, e.postcode, e.id])) !== undefined;
  const houseShared =
    e.house !== null &&
    (await db.get(
      `SELECT 1 FROM electors o JOIN households h ON h.id = o.household_id
         WHERE o.id != ? AND lower(h.house) = lower(?) AND lower(h.street) = lower(?) LIMIT 1`,
      [e.id, e.house, e.street],
    )) !== undefined;
  const identifiers = [e.fullName];
  const alongside = [e.postcode];
  (numberShared ? alongside : identifiers).push(e.electorNumber);
  (homeShared ? alongside : identifiers).push(...wholeAddress(e));
  (houseShared ? alongside : identifiers).push(...houseOnStreet(e));
  return { identifiers, alongside };
}

/**
 * Deletes the elector (their canvass returns, follow-ups, absent vote, voting history and
 * knock-ups go with them), blanks their audit rows and scrubs them from other records. Call
 * inside a transaction; the caller records that an erasure happened.
 */
export async function eraseElector(db: Queries, e: ElectorIdentity): Promise<ScrubCount & { returns: number; votes: number }> {
  const { identifiers, alongside } = await electorMentions(db, e);
  const returns = ((await db.get('SELECT count(*) AS n FROM canvass_returns WHERE elector_id = ?', [e.id])) as { n: number }).n;
  const votes = await electorVoteCount(db, e.id);
  await deleteElector(db, e.id);
  const traces = await eraseTraces(db, {
    entity: 'elector',
    entityId: e.id,
    identifiers: personIdentifiers(identifiers),
    alongside: personIdentifiers(alongside),
  });
  return { returns, votes, ...traces };
}
