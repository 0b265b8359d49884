/**
 * Nomination requirements per election (domain notes §4): how many subscribers, what deposit and
 * when it comes back, and the checklist of papers a candidate must deliver by close of
 * nominations. Figures marked (unconfirmed) in the notes are editable defaults: they carry
 * source 'unconfirmed' so the app can flag them, and a user's override replaces them.
 */
import type { ElectionType, Nation } from './election-types.ts';
import { electionTypeLabel } from './election-types.ts';
import type { DepositRule, RuleSource } from './deposits.ts';
import { depositShortfall } from './deposits.ts';
import { formatPence } from './money.ts';
import { addMonths, formatDateLong, isIsoDate } from './working-days.ts';
import { plural } from './words.ts';
import { canonicalElectorNumber, parseElectorNumber } from './elector-number.ts';

/**
 * What is being contested where one election has several kinds of post: the Greater London
 * Authority (Mayor, Assembly constituency, London-wide list) and the Scottish Parliament
 * (constituency, regional list). Every other election has 'standard'.
 */
export const POST_KINDS = ['standard', 'gla-mayor', 'gla-constituency', 'gla-list', 'sp-constituency', 'sp-regional'] as const;
export type PostKind = (typeof POST_KINDS)[number];

export const POST_KIND_LABELS: Record<PostKind, string> = {
  standard: 'Standard',
  'gla-mayor': 'Mayor of London',
  'gla-constituency': 'London Assembly constituency',
  'gla-list': 'London-wide list',
  'sp-constituency': 'Scottish Parliament constituency',
  'sp-regional': 'Scottish Parliament regional list',
};

export function postKindsFor(type: ElectionType): readonly PostKind[] {
  if (type === 'gla') return ['gla-mayor', 'gla-constituency', 'gla-list'];
  if (type === 'scottish-parliament') return ['sp-constituency', 'sp-regional'];
  return ['standard'];
}

/** The post kind to use when none was chosen: a GLA contest defaults to an Assembly constituency. */
export function defaultPostKind(type: ElectionType): PostKind {
  if (type === 'gla') return 'gla-constituency';
  if (type === 'scottish-parliament') return 'sp-constituency';
  return 'standard';
}

/**
 * Whether voters choose among single candidates or among party lists (and individuals standing
 * alone): the Senedd from 2026, a Scottish Parliament region and the London-wide Assembly list.
 */
export type Ballot = 'single' | 'list';

export function ballotOf(type: ElectionType, postKind: PostKind = defaultPostKind(type)): Ballot {
  return type === 'senedd' || postKind === 'sp-regional' || postKind === 'gla-list' ? 'list' : 'single';
}

interface SubscriberRule {
  /** Subscribers on the nomination form, proposer and seconder included. 0 = none needed. */
  required: number;
  source: RuleSource;
  /** e.g. "proposer, seconder and 8 assentors". */
  roles: string;
  /** Where subscribers must be registered, e.g. "the constituency". */
  registeredIn: string;
  /** A spread the app cannot check without sub-area data (Mayor of London: 10 per borough). */
  spread: string | null;
  /** No subscribers: the candidate signs the nomination paper, with a witness. */
  candidateSigns: boolean;
}

export interface NominationRequirements {
  electionType: ElectionType;
  nation: Nation;
  postKind: PostKind;
  /** The row of the notes' table this came from, e.g. "UK Parliament". */
  label: string;
  subscribers: SubscriberRule;
  /** null: no deposit is payable. */
  deposit: DepositRule | null;
  notes: string[];
  /** The legislation the subscriber and deposit figures come from, and when they were last checked. */
  instrument: string;
  checkedOn: string;
}

/** A user's per-election correction of a default. */
export interface RequirementOverrides {
  subscribersRequired?: number | null;
  depositPence?: number | null;
}

interface Row {
  label: string;
  subscribers: Omit<SubscriberRule, 'roles'>;
  deposit: DepositRule | null;
  notes?: string[];
  instrument: string;
}

const FIVE_PERCENT = { kind: 'share-above', basisPoints: 500 } as const;

function row(
  label: string,
  instrument: string,
  required: number,
  subscriberSource: RuleSource,
  registeredIn: string,
  depositPounds: number | null,
  depositSource: RuleSource = 'rules',
  extra: Partial<Pick<Row, 'notes'>> & { spread?: string; returnRule?: DepositRule['returnRule']; candidateSigns?: boolean } = {},
): Row {
  return {
    label,
    instrument,
    subscribers: { required, source: subscriberSource, registeredIn, spread: extra.spread ?? null, candidateSigns: extra.candidateSigns ?? false },
    deposit: depositPounds === null ? null : { amountPence: depositPounds * 100, amountSource: depositSource, returnRule: extra.returnRule ?? FIVE_PERCENT },
    notes: extra.notes,
  };
}

const UNCONFIRMED_COUNT_NOTE =
  "The notes give no confirmed subscriber count for this election: the figure shown is a default — check it against the returning officer's nomination pack and correct it.";

/** When the nomination figures below were last compared with the domain notes (§4) and ../data. */
const NOMINATION_RULES_CHECKED_ON = '2026-12-02';

const SELF_NOMINATED = { candidateSigns: true, notes: ['No subscribers: the candidate signs the nomination paper, with a witness.'] };
const SENEDD_NOTE =
  "A deposit is needed for each party list and each individual candidate. The 2026 amount was not found: £500 (the 2021 figure) is a default — check it against the returning officer's nomination pack and correct it. Whether the paper needs subscribers was not found either.";

/** Combined authority mayor: 100 subscribers, at least 10 from each constituent council (so 10 × councils beyond 10). */
function combinedAuthoritySubscribers(councils: number | null | undefined): number {
  return councils && councils > 10 ? 10 * councils : 100;
}

function baseRow(type: ElectionType, nation: Nation, post: PostKind, councils: number | null): Row {
  switch (type) {
    case 'uk-parliament':
    case 'uk-parliament-by':
      return row('UK Parliament', 'RPA 1983 Sch 1 (Parliamentary Elections Rules) r.7 (subscribers) and r.9 (deposit)', 10, 'rules', 'the constituency', 500);
    case 'local':
      if (nation === 'england')
        return row(
          'English principal council',
          'Local Elections (Principal Areas) (England and Wales) Rules 2006 (SI 2006/3304)',
          2,
          'rules',
          'the ward or division',
          null,
        );
      if (nation === 'wales')
        return row(
          'Welsh council',
          'Local Elections (Principal Areas) (Wales) Rules 2021 (SI 2021/1460)',
          0,
          'rules',
          'the ward',
          null,
          'rules',
          SELF_NOMINATED,
        );
      if (nation === 'scotland')
        return row(
          'Scottish council',
          'Scottish Local Government Elections Amendment Order 2020 (SSI 2020/239)',
          0,
          'rules',
          'the ward',
          null,
          'rules',
          SELF_NOMINATED,
        );
      return row(
        'Northern Ireland council',
        'Electoral Law Act (Northern Ireland) 1962 Sch 5 (Local Elections Rules)',
        2,
        'unconfirmed',
        'the district electoral area',
        null,
        'rules',
        { notes: [UNCONFIRMED_COUNT_NOTE] },
      );
    case 'parish':
      if (nation === 'wales')
        return row(
          'Welsh community council',
          'the Welsh local election rules of 2021 (Local Elections (Principal Areas) (Wales) Rules 2021, SI 2021/1460, and the community council rules made with them)',
          0,
          'rules',
          'the community or ward',
          null,
          'rules',
          SELF_NOMINATED,
        );
      return row(
        'Parish or town council',
        'Local Elections (Parishes and Communities) (England and Wales) Rules 2006 (SI 2006/3305)',
        2,
        'rules',
        'the parish or ward',
        null,
      );
    case 'mayor':
      return row(
        'Local authority mayor',
        'Local Authorities (Mayoral Elections) (England and Wales) Regulations 2007 (SI 2007/1024)',
        30,
        'rules',
        'the local authority area',
        500,
        'unconfirmed',
      );
    case 'combined-authority-mayor':
      return row(
        'Combined authority mayor',
        'Combined Authorities (Mayoral Elections) Order 2017 (SI 2017/67)',
        combinedAuthoritySubscribers(councils),
        'rules',
        'the combined authority area',
        5000,
        'rules',
        {
          spread: 'at least 10 from each constituent council',
          notes: councils
            ? []
            : ['Enter the number of constituent councils: with more than 10, the paper needs 10 subscribers from each, so more than 100 in all.'],
        },
      );
    case 'pcc':
      return row(
        'Police and crime commissioner',
        'Police and Crime Commissioner Elections Order 2012 (SI 2012/1917) Sch 3',
        100,
        'rules',
        'the police area',
        5000,
      );
    case 'gla':
      if (post === 'gla-mayor') {
        return row('Mayor of London', 'Greater London Authority Elections Rules 2007 (SI 2007/3541)', 330, 'rules', 'Greater London', 10_000, 'rules', {
          spread: '10 from each London borough and the City of London',
        });
      }
      if (post === 'gla-list') {
        return row('London-wide list', 'Greater London Authority Elections Rules 2007 (SI 2007/3541)', 0, 'rules', 'Greater London', 5000, 'rules', {
          returnRule: { kind: 'share-above', basisPoints: 250 },
        });
      }
      return row(
        'London Assembly constituency',
        'Greater London Authority Elections Rules 2007 (SI 2007/3541)',
        0,
        'unconfirmed',
        'the Assembly constituency',
        1000,
        'unconfirmed',
        {
          notes: [UNCONFIRMED_COUNT_NOTE],
        },
      );
    case 'scottish-parliament':
      if (post === 'sp-regional') {
        return row(
          'Scottish Parliament regional list',
          'Scottish Parliament (Elections etc.) Order 2015 (SSI 2015/425) Sch 2',
          0,
          'rules',
          'the region',
          500,
          'rules',
          {
            notes: ['£500 for each party list or individual regional candidate. The vote share above which it comes back was not confirmed: 5% is a default.'],
          },
        );
      }
      return row(
        'Scottish Parliament constituency',
        'Scottish Parliament (Elections etc.) Order 2015 (SSI 2015/425) Sch 2; SI 1999/787 r.4(2)',
        0,
        'rules',
        'the constituency',
        500,
        'rules',
        SELF_NOMINATED,
      );
    case 'senedd':
      return row(
        'Senedd',
        'Senedd Cymru (Representation of the People) Order 2025 (WSI 2025/864) Sch 5',
        0,
        'unconfirmed',
        'the constituency',
        500,
        'unconfirmed',
        { notes: [SENEDD_NOTE] },
      );
    case 'ni-assembly':
      return row(
        'Northern Ireland Assembly',
        'Northern Ireland Assembly (Elections) Order 2001 applying the Parliamentary Elections Rules',
        10,
        'rules',
        'the constituency',
        150,
        'rules',
        {
          returnRule: { kind: 'elected-or-quota-fraction', numerator: 1, denominator: 4 },
        },
      );
  }
}

/** "proposer, seconder and 8 assentors" for a required count. */
function describeRoles(required: number): string {
  if (required === 0) return 'no subscribers';
  if (required === 1) return 'a proposer';
  if (required === 2) return 'a proposer and a seconder';
  const assentors = required - 2;
  return `a proposer, a seconder and ${assentors} assentor${assentors === 1 ? '' : 's'}`;
}

/**
 * The nomination requirements for one contest. A post kind that does not belong to the election
 * type (e.g. 'gla-list' for a council) is read as the type's default post.
 */
export function nominationRequirements(
  type: ElectionType,
  nation: Nation,
  postKind: PostKind = defaultPostKind(type),
  overrides: RequirementOverrides = {},
  facts: { councils?: number | null } = {},
): NominationRequirements {
  const post = postKindsFor(type).includes(postKind) ? postKind : defaultPostKind(type);
  const base = baseRow(type, nation, post, facts.councils ?? null);
  const required = base.subscribers.required;
  const subscribers: SubscriberRule = { ...base.subscribers, roles: describeRoles(required) };
  if (overrides.subscribersRequired !== undefined && overrides.subscribersRequired !== null) {
    subscribers.required = overrides.subscribersRequired;
    subscribers.source = 'override';
    subscribers.roles = describeRoles(overrides.subscribersRequired);
  }
  let deposit = base.deposit;
  if (overrides.depositPence !== undefined && overrides.depositPence !== null) {
    deposit =
      overrides.depositPence === 0
        ? null
        : { amountPence: overrides.depositPence, amountSource: 'override', returnRule: base.deposit?.returnRule ?? FIVE_PERCENT };
  }
  const label = type === 'local' ? electionTypeLabel(type, nation) : base.label;
  return {
    electionType: type,
    nation,
    postKind: post,
    label,
    subscribers,
    deposit,
    notes: base.notes ?? [],
    instrument: base.instrument,
    checkedOn: NOMINATION_RULES_CHECKED_ON,
  };
}

/** Checks a user's override values; returns field → message for each bad one. */
export function validateOverrides(o: RequirementOverrides): Record<string, string> {
  const errors: Record<string, string> = {};
  const s = o.subscribersRequired;
  if (s !== undefined && s !== null && (!Number.isSafeInteger(s) || s < 0 || s > 1000)) {
    errors.subscribersRequired = 'Subscribers required must be a whole number from 0 to 1000';
  }
  const d = o.depositPence;
  if (d !== undefined && d !== null && (!Number.isSafeInteger(d) || d < 0 || d > 10_000_000)) {
    errors.depositPence = 'The deposit must be a whole number of pence from 0 to £100,000';
  }
  return errors;
}

// ---------------------------------------------------------------------------------------------
// Subscribers
// ---------------------------------------------------------------------------------------------

export type SubscriberRole = 'proposer' | 'seconder' | 'assentor';

/** Role of the subscriber signing in 1-based position `position`. */
export function subscriberRole(position: number): SubscriberRole {
  if (position === 1) return 'proposer';
  if (position === 2) return 'seconder';
  return 'assentor';
}

/** An elector found in the loaded register. */
export interface RegisterEntry {
  areaId: string | number;
  fullName: string;
}

/**
 * Finds register entries by canonical elector number (`AB-123`, `AB-123/1`), in any area.
 * null stands for "no register loaded for this contest's area": entries are then accepted and
 * flagged unchecked.
 */
type RegisterLookup = ((canonicalElectorNumber: string) => readonly RegisterEntry[]) | null;

export interface SubscriberContext {
  /** The contest's area. */
  areaId: string | number;
  /** Canonical elector numbers already on this nomination form. */
  existing: readonly string[];
  /** Subscribers the form has room for (the requirement). */
  required: number;
  lookup: RegisterLookup;
}

export type SubscriberCheck =
  { ok: true; electorNumber: string; name: string; checked: boolean; note: string | null } | { ok: false; field: 'electorNumber' | 'name'; reason: string };

function strip(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/** Name words, lower-case without accents or punctuation; "SMITH, John A." → ["john", "a", "smith"]. */
function nameTokens(name: string): string[] {
  let s = strip(name).trim();
  const comma = s.indexOf(',');
  if (comma > 0) s = `${s.slice(comma + 1)} ${s.slice(0, comma)}`;
  return s
    .replace(/['’`]/g, '')
    .split(/[^a-z]+/)
    .filter((t) => t.length > 0);
}

function editDistanceAtMostOne(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    if (++edits > 1) return false;
    if (a.length > b.length) i++;
    else if (b.length > a.length) j++;
    else {
      i++;
      j++;
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}

function tokenMatches(entered: string, registered: string): boolean {
  if (entered === registered) return true;
  if (entered.length === 1 || registered.length === 1) return entered[0] === registered[0];
  return entered.length >= 5 && registered.length >= 5 && editDistanceAtMostOne(entered, registered);
}

/**
 * Loose name match: case, accents, punctuation, word order ("Smith, John") and missing middle
 * names do not matter; initials match names; one typo is forgiven in words of five letters or
 * more. Every entered word must match a registered word, and the surname (the entered name's
 * last word) must match one of the register's words after its first (forename).
 */
export function namesMatch(entered: string, registered: string): boolean {
  const e = nameTokens(entered);
  const r = nameTokens(registered);
  if (e.length === 0 || r.length === 0) return false;
  const surname = e[e.length - 1];
  const surnames = r.length > 1 ? r.slice(1) : r;
  if (surname.length > 1 && !surnames.some((t) => t.length > 1 && tokenMatches(surname, t))) return false;
  const used = new Set<number>();
  for (const t of e) {
    const k = r.findIndex((rt, idx) => !used.has(idx) && tokenMatches(t, rt));
    if (k < 0) return false;
    used.add(k);
  }
  return e.some((t) => t.length > 1);
}

/**
 * Checks one subscriber before it is added to a nomination form: the elector number parses, it
 * is not already on the form, the form has room, and — when a register is loaded — the elector
 * exists, is registered in the contest's area and the name matches. Without a register the
 * entry is accepted and marked unchecked.
 */
export function checkSubscriber(entry: { electorNumber: string; name: string }, ctx: SubscriberContext): SubscriberCheck {
  const name = entry.name.trim().replace(/\s+/g, ' ');
  const parsed = parseElectorNumber(entry.electorNumber);
  if (!parsed.ok) return { ok: false, field: 'electorNumber', reason: parsed.message };
  const number = canonicalElectorNumber(entry.electorNumber) as string;
  if (name.length === 0) return { ok: false, field: 'name', reason: `Enter the name of elector ${number} as it appears on the register` };
  if (name.length > 200) return { ok: false, field: 'name', reason: 'The name is too long (200 characters at most)' };
  if (ctx.existing.includes(number)) {
    const pos = ctx.existing.indexOf(number) + 1;
    return { ok: false, field: 'electorNumber', reason: `${number} is already a subscriber on this form (number ${pos}, ${subscriberRole(pos)})` };
  }
  if (ctx.required === 0) return { ok: false, field: 'electorNumber', reason: 'This election needs no subscribers on the nomination form' };
  if (ctx.existing.length >= ctx.required) {
    return {
      ok: false,
      field: 'electorNumber',
      reason: `The form already has all ${ctx.required} subscribers it needs; only the first ${ctx.required} count, so remove one before adding another`,
    };
  }
  if (ctx.lookup === null) {
    return { ok: true, electorNumber: number, name, checked: false, note: 'not checked: no register is loaded for this area' };
  }
  const found = ctx.lookup(number);
  if (found.length === 0) return { ok: false, field: 'electorNumber', reason: `${number} is not on the register` };
  const inArea = found.filter((f) => f.areaId === ctx.areaId);
  if (inArea.length === 0) {
    return { ok: false, field: 'electorNumber', reason: `${number} is on the register but not in this contest's area: subscribers must be registered in it` };
  }
  const match = inArea.find((f) => namesMatch(name, f.fullName));
  if (!match) {
    return {
      ok: false,
      field: 'name',
      reason: `The register has ${number} as ${inArea.map((f) => f.fullName).join(' or ')}, which does not match "${name}"`,
    };
  }
  return { ok: true, electorNumber: number, name, checked: true, note: null };
}

// ---------------------------------------------------------------------------------------------
// Checklist
// ---------------------------------------------------------------------------------------------

export const CHECKLIST_ITEM_IDS = [
  'nomination-form',
  'home-address-form',
  'consent',
  'certificate-of-authorisation',
  'emblem-request',
  'deposit',
  'election-agent',
] as const;
export type ChecklistItemId = (typeof CHECKLIST_ITEM_IDS)[number];

export const ITEM_STATES = ['todo', 'in-progress', 'done', 'not-needed'] as const;
export type ItemState = (typeof ITEM_STATES)[number];

export const ITEM_STATE_LABELS: Record<ItemState, string> = {
  todo: 'To do',
  'in-progress': 'In progress',
  done: 'Done',
  'not-needed': 'Not needed',
};

export interface ChecklistItemDef {
  id: ChecklistItemId;
  label: string;
  description: string;
  /** Whether the item applies to this candidacy; those that don't are shown as not needed. */
  applies: boolean;
  /** Optional items (emblem request) never block a complete checklist. */
  optional: boolean;
  /** May be marked not needed (no emblem wanted; the candidate acts as their own agent). */
  skippable: boolean;
  /** Every item is due by close of nominations (§2, §4). */
  deadline: 'close-of-nominations';
}

export interface CandidacyKind {
  /** Standing for a registered party (needs a certificate of authorisation); false = independent. */
  partyCandidate: boolean;
}

export function checklistFor(req: NominationRequirements, kind: CandidacyKind): ChecklistItemDef[] {
  const s = req.subscribers;
  const d = req.deposit;
  const def = (id: ChecklistItemId, label: string, description: string, applies = true, optional = false): ChecklistItemDef => ({
    id,
    label,
    description,
    applies,
    optional,
    skippable: optional || id === 'election-agent',
    deadline: 'close-of-nominations',
  });
  return [
    def(
      'nomination-form',
      'Nomination form',
      s.required === 0
        ? s.candidateSigns
          ? 'The nomination form, signed by the candidate with a witness and delivered by hand. This election needs no subscribers.'
          : 'The nomination form, delivered by hand. This election needs no subscribers.'
        : `The nomination form signed by ${s.required} subscriber${s.required === 1 ? '' : 's'} (${s.roles}) registered in ${s.registeredIn}${s.spread ? `, ${s.spread}` : ''}. Delivered by hand.`,
    ),
    def('home-address-form', 'Home address form', "The candidate's home address form, delivered by hand with the nomination form."),
    def('consent', 'Consent to nomination', 'Signed by the candidate and witnessed, no earlier than one month before close of nominations. Delivered by hand.'),
    def(
      'certificate-of-authorisation',
      'Certificate of authorisation',
      "From the party's nominating officer, allowing the party name and description. May be posted, not emailed.",
      kind.partyCandidate,
    ),
    def('emblem-request', 'Emblem request', 'Asks for the party emblem on the ballot paper. Optional; may be posted, not emailed.', kind.partyCandidate, true),
    def(
      'deposit',
      'Deposit',
      d
        ? `${formatPence(d.amountPence, { wholePounds: true })} paid to the returning officer by close of nominations (a treasury record).`
        : 'No deposit for this election.',
      d !== null,
    ),
    def('election-agent', 'Election agent', "Notice of the election agent's appointment; mark it not needed when the candidate acts as their own agent."),
  ];
}

/**
 * Problems with the consent to nomination's dates. Refusals (the consent cannot have been signed
 * after the papers were delivered) and warnings (outside the window, so the paper would be invalid).
 */
export function consentProblems(c: {
  signedOn: string | null;
  witnessedBy: string | null;
  closeOfNominations: string | null;
  deliveredOn: string | null;
  today: string;
}): { refusals: string[]; warnings: string[] } {
  const refusals: string[] = [];
  const warnings: string[] = [];
  if (!c.signedOn) return { refusals, warnings };
  if (!isIsoDate(c.signedOn)) return { refusals: [`"${c.signedOn}" is not a date: write it as YYYY-MM-DD`], warnings };
  if (c.signedOn > c.today)
    refusals.push(`The consent is dated ${formatDateLong(c.signedOn)}, which is in the future: enter the date written on the signed form`);
  if (c.deliveredOn && c.signedOn > c.deliveredOn) {
    refusals.push(`The consent is dated ${formatDateLong(c.signedOn)}, after the papers were delivered on ${formatDateLong(c.deliveredOn)}: check the date`);
  }
  if (c.closeOfNominations) {
    const earliest = addMonths(c.closeOfNominations, -1);
    if (c.signedOn < earliest) {
      warnings.push(
        `Signed on ${formatDateLong(c.signedOn)}, more than one month before close of nominations (${formatDateLong(c.closeOfNominations)}): the consent must be signed again on or after ${formatDateLong(earliest)}`,
      );
    } else if (c.signedOn > c.closeOfNominations) {
      warnings.push(`Signed on ${formatDateLong(c.signedOn)}, after close of nominations (${formatDateLong(c.closeOfNominations)})`);
    }
  }
  if (!c.witnessedBy || c.witnessedBy.trim() === '') warnings.push("The consent must be witnessed: record the witness's name");
  return { refusals, warnings };
}

/** null when an applicable item may take the state; otherwise why not. */
export function itemStateProblem(def: Pick<ChecklistItemDef, 'label' | 'applies' | 'skippable'>, state: ItemState): string | null {
  if (state === 'not-needed' && def.applies && !def.skippable) return `The ${def.label.toLowerCase()} is always needed for this candidacy`;
  return null;
}

interface ChecklistItemState {
  state: ItemState;
  /** Date the item was completed (delivered, paid, received). */
  doneOn: string | null;
  note: string | null;
}

export interface ChecklistInput {
  items: Partial<Record<ChecklistItemId, ChecklistItemState>>;
  consent: { signedOn: string | null; witnessedBy: string | null };
  subscribers: readonly { checked: boolean }[];
  /** Close of nominations from the contest's timetable; null when not known yet. */
  closeOfNominations: string | null;
  deliveredOn: string | null;
  /** The deposit as the treasury recorded it: it, not a tick by hand, says whether the deposit is paid. */
  depositPaid: { amountPence: number; paidOn: string } | null;
  /** Today's date, for overdue warnings. */
  today: string;
}

export interface EvaluatedItem extends ChecklistItemDef {
  state: ItemState;
  doneOn: string | null;
  note: string | null;
  deadline: 'close-of-nominations';
  /** The deadline's date when the timetable gives one. */
  dueOn: string | null;
  problems: string[];
}

export interface ChecklistEvaluation {
  items: EvaluatedItem[];
  /** Every applicable, non-optional item done and no problems. */
  complete: boolean;
  problems: string[];
  subscribers: { count: number; required: number; unchecked: number };
}

/** The checklist with each item's state, deadline and problems. */
export function evaluateChecklist(req: NominationRequirements, kind: CandidacyKind, input: ChecklistInput): ChecklistEvaluation {
  const required = req.subscribers.required;
  const count = input.subscribers.length;
  const unchecked = input.subscribers.filter((s) => !s.checked).length;
  const items = checklistFor(req, kind).map((def): EvaluatedItem => {
    const saved = input.items[def.id];
    let state: ItemState = def.applies ? (saved?.state ?? 'todo') : 'not-needed';
    let doneOn = saved?.doneOn ?? null;
    const problems: string[] = [];
    if (def.applies && def.id === 'deposit') {
      const linked = depositItem(req.deposit!.amountPence, input.depositPaid, state, input.closeOfNominations);
      state = linked.state;
      doneOn = linked.doneOn ?? doneOn;
      problems.push(...linked.problems);
    }
    if (def.applies) {
      const bad = itemStateProblem(def, state);
      if (bad) problems.push(bad);
      if (def.id === 'nomination-form') {
        if (count < required) problems.push(`${count} of ${required} subscribers entered`);
        if (unchecked > 0) problems.push(`${plural(unchecked, 'subscriber')} not checked against the register`);
      }
      if (def.id === 'consent') {
        const c = consentProblems({ ...input.consent, closeOfNominations: input.closeOfNominations, deliveredOn: input.deliveredOn, today: input.today });
        problems.push(...c.refusals, ...c.warnings);
        if (state === 'done' && !input.consent.signedOn) problems.push('Record the date the consent was signed');
      }
      if (state !== 'done' && state !== 'not-needed' && input.closeOfNominations && input.today > input.closeOfNominations && !def.optional) {
        problems.push(`Overdue: nominations closed on ${input.closeOfNominations}`);
      }
    }
    return { ...def, state, doneOn, note: saved?.note ?? null, dueOn: input.closeOfNominations, problems };
  });
  const problems = items.flatMap((i) => i.problems.map((p) => `${i.label}: ${p}`));
  const complete = items.every((i) => !i.applies || i.optional || i.state === 'done' || (i.skippable && i.state === 'not-needed')) && problems.length === 0;
  return { items, complete, problems, subscribers: { count, required, unchecked } };
}

/**
 * The deposit item from the treasury's record: paid in full is done on the day paid; paid short
 * is in progress with the shortfall; marked done with nothing recorded is a problem.
 */
export function depositItem(
  requiredPence: number,
  paid: ChecklistInput['depositPaid'],
  state: ItemState,
  closeOfNominations: string | null,
): { state: ItemState; doneOn?: string; problems: string[] } {
  if (!paid) {
    return { state, problems: state === 'done' ? ['Marked done, but the treasury has no record of the payment: record it on the contest’s money page'] : [] };
  }
  const short = depositShortfall(paid.amountPence, requiredPence);
  if (short) return { state: 'in-progress', problems: [`The treasury records ${short}`] };
  const late = closeOfNominations !== null && paid.paidOn > closeOfNominations;
  return {
    state: 'done',
    doneOn: paid.paidOn,
    problems: late ? [`Paid on ${formatDateLong(paid.paidOn)}, after close of nominations (${formatDateLong(closeOfNominations)})`] : [],
  };
}

// ---------------------------------------------------------------------------------------------
// Candidacy status
// ---------------------------------------------------------------------------------------------

export const CANDIDACY_STATUSES = ['prospective', 'papers-in-progress', 'delivered', 'validly-nominated', 'rejected', 'withdrawn'] as const;
export type CandidacyStatus = (typeof CANDIDACY_STATUSES)[number];

export const CANDIDACY_STATUS_LABELS: Record<CandidacyStatus, string> = {
  prospective: 'Prospective',
  'papers-in-progress': 'Papers in progress',
  delivered: 'Delivered',
  'validly-nominated': 'Validly nominated',
  rejected: 'Rejected',
  withdrawn: 'Withdrawn',
};

const NEXT: Record<CandidacyStatus, readonly CandidacyStatus[]> = {
  prospective: ['papers-in-progress', 'withdrawn'],
  'papers-in-progress': ['prospective', 'delivered', 'withdrawn'],
  delivered: ['papers-in-progress', 'validly-nominated', 'rejected', 'withdrawn'],
  'validly-nominated': ['withdrawn'],
  rejected: ['papers-in-progress'],
  withdrawn: [],
};

export function allowedNextStatuses(from: CandidacyStatus): readonly CandidacyStatus[] {
  return NEXT[from];
}

/** The papers handed to the returning officer: these must be done before a candidacy is marked delivered. */
const DELIVERED_PAPERS: readonly ChecklistItemId[] = ['nomination-form', 'home-address-form', 'consent'];

/**
 * Why the papers cannot be marked delivered yet: subscribers missing, or a paper delivered by hand
 * not done. Empty when they can.
 */
export function deliveryProblems(checklist: {
  items: readonly Pick<EvaluatedItem, 'id' | 'label' | 'applies' | 'state'>[];
  subscribers: Pick<ChecklistEvaluation['subscribers'], 'count' | 'required'>;
}): string[] {
  const problems: string[] = [];
  const s = checklist.subscribers;
  if (s.count < s.required) problems.push(`the nomination form has ${s.count} of the ${s.required} subscribers it needs`);
  const notDone = checklist.items.filter((i) => DELIVERED_PAPERS.includes(i.id) && i.applies && i.state !== 'done').map((i) => i.label.toLowerCase());
  if (notDone.length > 0) problems.push(`not yet done: ${notDone.join(', ')}`);
  return problems;
}

/** null when the change is allowed; otherwise why not. */
export function statusChangeProblem(from: CandidacyStatus, to: CandidacyStatus, reason: string | null): string | null {
  if (from === to) return `The candidacy is already ${CANDIDACY_STATUS_LABELS[to].toLowerCase()}`;
  if (!NEXT[from].includes(to)) {
    const allowed = NEXT[from].map((s) => CANDIDACY_STATUS_LABELS[s].toLowerCase());
    return `A ${CANDIDACY_STATUS_LABELS[from].toLowerCase()} candidacy cannot become ${CANDIDACY_STATUS_LABELS[to].toLowerCase()}${allowed.length ? ` (it can become: ${allowed.join(', ')})` : ' (withdrawal is final)'}`;
  }
  if (to === 'rejected' && (!reason || reason.trim() === '')) return "Give the returning officer's reason for rejecting the nomination";
  return null;
}
