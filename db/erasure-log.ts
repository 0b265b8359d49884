/**
 * The erasure log, `<dbPath>.erasures`: a note of every erasure kept beside the database but
 * outside it, so a backup restored later (which still holds the person) can be erased again.
 * It holds nothing personal: per erasure the date, the kind of record and keyed hashes
 * (HMAC-SHA256) of what identifies the person, which can only be checked against a copy of the
 * person's details by someone holding the key.
 *
 * JSON lines, mode 0600. The first line holds the log's own random HMAC key: in the clear beside
 * a plain database (which holds the names in the clear anyway), sealed with AES-256-GCM under a
 * key derived by HKDF from the data key beside an encrypted one, so the hashes cannot be tested
 * against a copy of the register by whoever finds the file. A plain database's log is sealed the
 * first time it is used with a data key, so conversion keeps every entry.
 */
import { createCipheriv, createDecipheriv, hash, hkdfSync, randomBytes } from 'node:crypto';
import { closeSync, existsSync, fstatSync, fsyncSync, openSync, readFileSync, renameSync, truncateSync, writeSync } from 'node:fs';
import type { Queries, Store } from './store.ts';
import { onRollback, writeAudit } from './repositories/audit.ts';
import { eraseElector, electorIdentity, type ElectorIdentity } from './repositories/elector-erasure.ts';
import {
  allCandidates,
  allDonors,
  allSubscribers,
  allVolunteers,
  type CandidateIdentity,
  type DonorIdentity,
  eraseCandidate,
  eraseDonor,
  eraseSubscriber,
  eraseVolunteer,
  type SubscriberIdentity,
  type VolunteerIdentity,
} from './repositories/person-erasure.ts';

export type ErasureKind = 'elector' | 'candidate' | 'subscriber' | 'volunteer' | 'donor';

interface ErasureEntry {
  /** When the person was erased (ISO-8601 UTC). */
  at: string;
  kind: ErasureKind;
  /** Keyed hashes of what identifies the person: any one of them finds them again. */
  match: string[];
}

interface Sealed {
  iv: string;
  tag: string;
  data: string;
}

interface Header {
  hustingsErasureLog: 1;
  hmacKey: { plain: string } | { sealed: Sealed };
}

export function erasureLogPath(dbPath: string): string {
  return `${dbPath}.erasures`;
}

/** Writes the whole file under a temporary name and renames it over, so a crash leaves the old one. */
function writeWhole(path: string, text: string): void {
  const temp = `${path}.tmp`;
  const fd = openSync(temp, 'w', 0o600);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, path);
}

function sealingKey(dataKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', dataKey, 'hustings', 'erasure log key', 32));
}

function seal(hmacKey: Buffer, dataKey: Buffer): Sealed {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', sealingKey(dataKey), iv);
  const data = Buffer.concat([cipher.update(hmacKey), cipher.final()]);
  return { iv: iv.toString('hex'), tag: cipher.getAuthTag().toString('hex'), data: data.toString('hex') };
}

function unseal(s: Sealed, dataKey: Buffer, path: string): Buffer {
  try {
    const decipher = createDecipheriv('aes-256-gcm', sealingKey(dataKey), Buffer.from(s.iv, 'hex'));
    decipher.setAuthTag(Buffer.from(s.tag, 'hex'));
    return Buffer.concat([decipher.update(Buffer.from(s.data, 'hex')), decipher.final()]);
  } catch {
    throw new Error(`The erasure log ${path} does not open with this database's key.`);
  }
}

function readLog(path: string): { header: Header | null; entries: ErasureEntry[] } {
  if (!existsSync(path)) return { header: null, entries: [] };
  const text = readFileSync(path, 'utf8');
  const lines = text.split('\n');
  const parsed: unknown[] = [];
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    try {
      parsed.push(JSON.parse(line));
    } catch {
      // A crash while appending can leave the last line torn; anything else is damage.
      if (i === lines.length - 1) return;
      throw new Error(`The erasure log ${path} is damaged at line ${i + 1}; erasures cannot be checked against it.`);
    }
  });
  const [header, ...entries] = parsed as [Header | undefined, ...ErasureEntry[]];
  if (header?.hustingsErasureLog !== 1) throw new Error(`${path} is not a Hustings erasure log.`);
  return { header, entries };
}

/**
 * The log's HMAC key, creating the log when there is none and sealing a plain key once the
 * database has a data key. `dataKey` is null for a plain database.
 */
function hmacKeyOf(dbPath: string, dataKey: Buffer | null): Buffer {
  const path = erasureLogPath(dbPath);
  const { header } = readLog(path);
  if (header === null) {
    const key = randomBytes(32);
    const created: Header = { hustingsErasureLog: 1, hmacKey: dataKey ? { sealed: seal(key, dataKey) } : { plain: key.toString('hex') } };
    writeWhole(path, `${JSON.stringify(created)}\n`);
    return key;
  }
  if ('sealed' in header.hmacKey) {
    if (!dataKey) throw new Error(`The erasure log ${path} belongs to an encrypted database, but this one is open without a key.`);
    return unseal(header.hmacKey.sealed, dataKey, path);
  }
  const key = Buffer.from(header.hmacKey.plain, 'hex');
  if (dataKey) {
    const text = readFileSync(path, 'utf8');
    const rest = text.slice(text.indexOf('\n') + 1);
    writeWhole(path, `${JSON.stringify({ ...header, hmacKey: { sealed: seal(key, dataKey) } })}\n${rest}`);
  }
  return key;
}

/**
 * Seals a plain log's key under the data key, for a database just encrypted: until then the
 * log's hashes could be tested against a copy of the register by whoever finds the file.
 */
export function sealErasureLog(dbPath: string, dataKey: Buffer): void {
  if (existsSync(erasureLogPath(dbPath))) hmacKeyOf(dbPath, dataKey);
}

function normalise(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * HMAC-SHA256 (RFC 2104) under one key, from one-shot hashes: the same value as `createHmac`,
 * several times faster here, which matters when a restore hashes every elector of a register.
 */
function hmacSha256(key: Buffer): (message: string) => string {
  const block = Buffer.alloc(64);
  key.copy(block);
  const inner = block.map((b) => b ^ 0x36);
  const outer = block.map((b) => b ^ 0x5c);
  return (message) => hash('sha256', Buffer.concat([outer, hash('sha256', Buffer.concat([inner, Buffer.from(message)]), 'buffer')]), 'hex');
}

type Mac = (message: string) => string;

type Identifying = Pick<ElectorIdentity, 'fullName' | 'electorNumber' | 'addressLines' | 'postcode'>;

/**
 * The hashes that find an elector again: name with address, and name with elector number, so a
 * copy from before a renumbering or a move still matches on the other.
 */
export function electorMatcher(hmacKey: Buffer): (e: Identifying) => [byAddress: string, byNumber: string] {
  const mac = hmacSha256(hmacKey);
  return (e) => electorHashes(mac, e);
}

function electorHashes(mac: Mac, e: Identifying): [byAddress: string, byNumber: string] {
  const name = normalise(e.fullName);
  const address = normalise(`${e.addressLines} ${e.postcode}`).replace(/ /g, '');
  const number = e.electorNumber.trim().toUpperCase();
  return [mac(['elector', 'address', name, address].join('\0')), mac(['elector', 'number', name, number].join('\0'))];
}

/**
 * The hashes of one person: `strong` ones find them wherever they match; a `weak` one (a name
 * with an address two people of one name may share, a name alone) only when no strong one
 * matches anyone and it finds exactly one person.
 */
interface Hashes {
  strong: string[];
  weak: string[];
}

/**
 * Whether the hashes are for the log (of the person erased) or of a person in the database
 * being checked against it.
 */
type Side = 'logged' | 'found';

/**
 * Name with each contact detail the record has, and the name alone as a weak fallback: logged
 * always, but checked only for a record with no contact details to go by (a copy from before
 * they gave any), since a namesake with other details is someone else.
 */
function byNameAnd(mac: Mac, kind: ErasureKind, name: string, details: Record<string, string>, side: Side): Hashes {
  const n = normalise(name);
  const strong = Object.entries(details)
    .filter(([, value]) => value !== '')
    .map(([what, value]) => mac([kind, what, n, value].join('\0')));
  return { strong, weak: side === 'logged' || strong.length === 0 ? [mac([kind, 'name', n].join('\0'))] : [] };
}

const emailKey = (email: string) => email.trim().toLowerCase();
const phoneKey = (phone: string) => phone.replace(/\D/g, '');
const addressKey = (address: string) => normalise(address).replace(/ /g, '');

/** How each kind of person is found in a database, hashed, erased and described. */
interface Kind<P> {
  /** For the audit row: "an elector’s", "a donor’s". */
  whose: string;
  entity: string;
  entityId(p: P): number | null;
  /** Tells people apart, so one matched by two entries is erased once. */
  key(p: P): string;
  everyone(db: Queries): Promise<P[]>;
  hashes(mac: Mac, p: P, side: Side): Hashes;
  /** Erases them with the repository function the live erasure uses; null when they are gone. */
  erase(db: Queries, p: P): Promise<Record<string, unknown> | null>;
}

const elector: Kind<Identifying & { id: number }> = {
  whose: 'an elector’s',
  entity: 'elector',
  entityId: (e) => e.id,
  key: (e) => String(e.id),
  everyone: (db) =>
    db.all<Identifying & { id: number }>(
      'SELECT id, full_name AS fullName, elector_number AS electorNumber, address_lines AS addressLines, postcode FROM electors',
    ),
  hashes: (mac, e) => {
    // Two people of one name at one address are told apart by their numbers.
    const [byAddress, byNumber] = electorHashes(mac, e);
    return { strong: [byNumber], weak: [byAddress] };
  },
  erase: async (db, e) => {
    const identity = await electorIdentity(db, e.id);
    return identity ? { ...(await eraseElector(db, identity)) } : null;
  },
};

const volunteer: Kind<VolunteerIdentity> = {
  whose: 'a volunteer’s',
  entity: 'volunteer',
  entityId: (v) => v.id,
  key: (v) => String(v.id),
  everyone: allVolunteers,
  hashes: (mac, v, side) => byNameAnd(mac, 'volunteer', v.name, { email: emailKey(v.email), phone: phoneKey(v.phone), address: addressKey(v.address) }, side),
  erase: async (db, v) => ({ ...(await eraseVolunteer(db, v)) }),
};

const candidate: Kind<CandidateIdentity> = {
  whose: 'a candidate’s',
  entity: 'candidate',
  entityId: (c) => c.id,
  key: (c) => String(c.id),
  everyone: allCandidates,
  hashes: (mac, c, side) =>
    byNameAnd(mac, 'candidate', c.ballotName, { email: emailKey(c.email), phone: phoneKey(c.phone), address: addressKey(c.homeAddress) }, side),
  erase: async (db, c) => ({ ...(await eraseCandidate(db, c)) }),
};

/** A subscriber is one line of one nomination paper: the same person on another paper stays. */
const subscriber: Kind<SubscriberIdentity> = {
  whose: 'a nomination subscriber’s',
  entity: 'nomination_subscriber',
  entityId: (s) => s.id,
  key: (s) => String(s.id),
  everyone: allSubscribers,
  hashes: (mac, s) => ({
    strong: [mac(['subscriber', String(s.candidacyId), normalise(s.fullName), s.electorNumber.trim().toUpperCase()].join('\0'))],
    weak: [],
  }),
  erase: async (db, s) => ({ ...(await eraseSubscriber(db, s)) }),
};

/** A donor is found as the treasury finds one: by name and address, on every donation. */
const donor: Kind<DonorIdentity> = {
  whose: 'a donor’s',
  entity: 'donor',
  entityId: () => null,
  key: (d) => d.donationIds.join(','),
  everyone: allDonors,
  hashes: (mac, d) => ({ strong: [mac(['donor', 'address', normalise(d.name), addressKey(d.address)].join('\0'))], weak: [] }),
  erase: async (db, d) => ({ ...(await eraseDonor(db, d)), donations: d.donationIds }),
};

const KINDS: { [K in ErasureKind]: Kind<never> } = { elector, volunteer, candidate, subscriber, donor } as unknown as { [K in ErasureKind]: Kind<never> };

/** The identity each kind's live erasure logs. */
interface Logged {
  elector: ElectorIdentity;
  volunteer: VolunteerIdentity;
  candidate: CandidateIdentity;
  subscriber: SubscriberIdentity;
  donor: DonorIdentity;
}

/** Appends one entry durably; returns the file's length before it, to take it back. */
function append(dbPath: string, entry: ErasureEntry): number {
  const fd = openSync(erasureLogPath(dbPath), 'a', 0o600);
  try {
    const before = fstatSync(fd).size;
    writeSync(fd, `${JSON.stringify(entry)}\n`);
    fsyncSync(fd);
    return before;
  } finally {
    closeSync(fd);
  }
}

/**
 * Notes a person's erasure in the log, inside the transaction erasing them: written before the
 * commit and taken back if it rolls back, so a crash in between errs towards erasing them again
 * after a restore rather than bringing them back. Erasures are write transactions, so no other
 * erasure appends meanwhile. A log that cannot be used stops the erasure.
 */
export function logErasure<K extends ErasureKind>(db: Queries, dbPath: string, dataKey: Buffer | null, kind: K, person: Logged[K]): void {
  const { strong, weak } = (KINDS[kind] as unknown as Kind<Logged[K]>).hashes(hmacSha256(hmacKeyOf(dbPath, dataKey)), person, 'logged');
  const length = append(dbPath, { at: new Date().toISOString(), kind, match: [...weak, ...strong] });
  onRollback(db, () => truncateSync(erasureLogPath(dbPath), length));
}

export function logElectorErasure(db: Queries, dbPath: string, dataKey: Buffer | null, e: ElectorIdentity): void {
  logErasure(db, dbPath, dataKey, 'elector', e);
}

/** The dates of the erasures in the log, oldest first; needs no key. */
export function erasureDates(dbPath: string): string[] {
  return readLog(erasureLogPath(dbPath))
    .entries.map((e) => e.at)
    .sort();
}

/** How many logged erasures came after a backup taken at `takenAt`: people it may still hold. */
export function erasedSince(dates: readonly string[], takenAt: string): number {
  return dates.filter((at) => at > takenAt).length;
}

/** The people of one kind in the database whom logged entries find, each once, with when they were first erased. */
async function foundAgain<P>(db: Queries, kind: Kind<P>, logged: readonly ErasureEntry[], mac: Mac): Promise<{ person: P; erasedAt: string }[]> {
  const hits = new Map<string, { weak: boolean; people: P[] }>(logged.flatMap((e) => e.match.map((h) => [h, { weak: false, people: [] as P[] }] as const)));
  for (const p of await kind.everyone(db)) {
    const { strong, weak } = kind.hashes(mac, p, 'found');
    for (const h of strong) hits.get(h)?.people.push(p);
    for (const h of weak) {
      const hit = hits.get(h);
      if (hit) {
        hit.weak = true;
        hit.people.push(p);
      }
    }
  }
  const found = new Map<string, { person: P; erasedAt: string }>();
  for (const entry of logged) {
    const matched = entry.match.map((h) => hits.get(h)!).filter((hit) => hit.people.length > 0);
    const strong = matched.filter((hit) => !hit.weak).flatMap((hit) => hit.people);
    const weak = matched.filter((hit) => hit.weak && hit.people.length === 1).flatMap((hit) => hit.people);
    for (const person of strong.length > 0 ? strong : weak.slice(0, 1)) {
      if (!found.has(kind.key(person))) found.set(kind.key(person), { person, erasedAt: entry.at });
    }
  }
  return [...found.values()];
}

/**
 * Erases again everyone in the log who is in the database, e.g. just after a backup from before
 * their erasure was restored, in one transaction. Returns how many people were erased again.
 * Each is erased by the function that erased them live, and an audit row says so.
 */
export async function reapplyErasures(store: Store, dbPath: string, dataKey: Buffer | null): Promise<number> {
  const { entries } = readLog(erasureLogPath(dbPath));
  if (entries.length === 0) return 0;
  const mac = hmacSha256(hmacKeyOf(dbPath, dataKey));

  const again: { kind: Kind<unknown>; person: unknown; erasedAt: string }[] = [];
  for (const k of Object.keys(KINDS) as ErasureKind[]) {
    const logged = entries.filter((e) => e.kind === k);
    if (logged.length > 0)
      for (const f of await foundAgain(store, KINDS[k] as Kind<unknown>, logged, mac)) again.push({ kind: KINDS[k] as Kind<unknown>, ...f });
  }
  if (again.length === 0) return 0;

  const erased = await store.transaction(async (db) => {
    let count = 0;
    for (const { kind, person, erasedAt } of again) {
      const counts = await kind.erase(db, person);
      if (counts === null) continue;
      count++;
      await writeAudit(db, {
        actor: 'hustings',
        action: 'erase',
        entity: kind.entity,
        entityId: kind.entityId(person),
        summary: `Erased ${kind.whose} personal data again after a restore (first erased ${erasedAt.slice(0, 10)})`,
        after: counts,
      });
    }
    return count;
  });
  await store.flushLog(); // no copy of the people erased again left in the engine's log
  return erased;
}
