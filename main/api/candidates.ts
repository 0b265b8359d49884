import type { CandidacyDetail, ContestResult, ContestRules, NominationCheck, candidatesContract } from '../../shared/contract/candidates.ts';
import type { Contest } from '../../shared/contract/contests.ts';
import { AppError } from '../../shared/contract/result.ts';
import { type DepositOutcome, depositOutcome, describeReturnRule } from '../../shared/domain/deposits.ts';
import { canonicalElectorNumber } from '../../shared/domain/elector-number.ts';
import {
  CANDIDACY_STATUS_LABELS,
  type CandidacyStatus,
  type ChecklistItemId,
  type ItemState,
  type NominationRequirements,
  allowedNextStatuses,
  checkSubscriber,
  consentProblems,
  deliveryProblems,
  defaultPostKind,
  evaluateChecklist,
  itemStateProblem,
  nominationRequirements,
  postKindsFor,
  statusChangeProblem,
  subscriberRole,
} from '../../shared/domain/nominations.ts';
import { computeResult, declarationProblems, isFirstPastThePost, resultProblems } from '../../shared/domain/results.ts';
import { formatTime } from '../../shared/domain/timetable.ts';
import { ukToday } from '../../shared/domain/working-days.ts';
import { ERASED_TEXT } from '../../shared/domain/erasure.ts';
import { deleteCandidate, getCandidate, insertCandidate, listCandidates, updateCandidate } from '../../db/repositories/candidates.ts';
import {
  checklistRows,
  deleteCandidacy,
  deleteSubscriber,
  electorsByNumber,
  findCandidacy,
  getCandidacyPapers,
  getCandidacySummary,
  getContestRules,
  getSubscriber,
  insertCandidacy,
  insertSubscriber,
  listCandidacies,
  listSubscribers,
  registerLoadedFor,
  reorderSubscribers,
  setCandidacyPapers,
  setCandidacyStatus,
  statusHistory,
  upsertChecklistItem,
  upsertContestRules,
} from '../../db/repositories/candidacies.ts';
import { setDeclaredOn } from '../../db/repositories/contests.ts';
import { partyListOfContest } from '../../db/repositories/party-lists.ts';
import { listBallotFor, seatsByRow } from './list-ballot.ts';
import { deleteResult, getResult, saveResult } from '../../db/repositories/results.ts';
import { getDeposit } from '../../db/repositories/treasury.ts';
import type { Ctx, HandlersFor } from './context.ts';
import { confirmErasure, personTrail, recordErasure } from './erasure.ts';
import { logErasure } from '../../db/erasure-log.ts';
import { candidateIdentifiers, eraseCandidate, eraseSubscriber } from '../../db/repositories/person-erasure.ts';
import { requireContest } from './contests.ts';
import { requireElection } from './elections.ts';
import { contestTimetable, loadTimetableData } from './timetable.ts';

const invalid = (message: string, fields?: Record<string, string>) => new AppError('invalid_input', message, fields);

async function requireCandidate(ctx: Ctx, id: number) {
  const c = await getCandidate(ctx.db, id);
  if (!c) throw new AppError('not_found', `There is no candidate with id ${id}`, { id: 'No such candidate' });
  return c;
}

async function requireCandidacy(ctx: Ctx, id: number) {
  const k = await getCandidacySummary(ctx.db, id);
  if (!k) throw new AppError('not_found', `There is no candidacy with id ${id}`, { id: 'No such candidacy' });
  return k;
}

async function requireSubscriber(ctx: Ctx, id: number) {
  const s = await getSubscriber(ctx.db, id);
  if (!s) throw new AppError('not_found', `There is no subscriber with id ${id}`, { id: 'No such subscriber' });
  return s;
}

// ---- rules ----

export async function rulesOf(ctx: Ctx, contest: Contest): Promise<ContestRules & { req: NominationRequirements }> {
  const row = await getContestRules(ctx.db, contest.id);
  const overrides = { subscribersRequired: row?.subscribersRequired ?? null, depositPence: row?.depositPence ?? null };
  const councils = row?.councils ?? null;
  const req = nominationRequirements(contest.electionType, contest.nation, row?.postKind ?? defaultPostKind(contest.electionType), overrides, { councils });
  return {
    contestId: contest.id,
    postKind: req.postKind,
    postKinds: [...postKindsFor(contest.electionType)],
    seats: row?.seats ?? 1,
    ...overrides,
    councils,
    requirements: {
      label: req.label,
      postKind: req.postKind,
      subscribers: req.subscribers,
      deposit: req.deposit && { ...req.deposit, returnRuleText: describeReturnRule(req.deposit.returnRule) },
      notes: req.notes,
      instrument: req.instrument,
      checkedOn: req.checkedOn,
    },
    req,
  };
}

const publicRules = ({ req: _req, ...rules }: ContestRules & { req: NominationRequirements }): ContestRules => rules;

/**
 * Close of nominations from the contest's timetable (with the user's holidays and overrides): the
 * deadline of every checklist item. Unknown (null) while the returning officer has not set it,
 * e.g. for a by-election without an override.
 */
export async function closeOfNominations(ctx: Ctx, contest: Contest): Promise<{ date: string; time: string | null } | null> {
  const election = await requireElection(ctx, contest.electionId);
  const timetable = await contestTimetable(ctx.db, contest, election, await loadTimetableData(ctx.db, [election.id]));
  const m = timetable.milestones.find((x) => x.key === 'close_of_nominations');
  if (!m || m.provisional) return null;
  return { date: m.date, time: m.time ? formatTime(m.time) : null };
}

/**
 * The dates of a status change (of a candidacy or a party list): withdrawal only until close of
 * nominations, after which the name stays on the ballot paper, and never before the last change.
 */
export function statusDateProblem(
  before: { history: readonly { status: CandidacyStatus; onDate: string }[]; closeOfNominations: string | null },
  status: CandidacyStatus,
  onDate: string,
  whoWithdraws: string,
): string | null {
  if (status === 'withdrawn' && before.closeOfNominations && onDate > before.closeOfNominations) {
    return `${whoWithdraws} only until close of nominations (${before.closeOfNominations}); after that the name stays on the ballot paper`;
  }
  // The first entry is the day the record was entered, which may be after the events being recorded.
  const last = before.history.length > 1 ? before.history[before.history.length - 1] : undefined;
  if (last && onDate < last.onDate) return `The date is before the last change (${CANDIDACY_STATUS_LABELS[last.status].toLowerCase()} on ${last.onDate})`;
  return null;
}

// ---- detail ----

function depositFor(req: NominationRequirements, seats: number, result: ContestResult | null, candidacyId: number): DepositOutcome | null {
  if (!req.deposit) return { outcome: 'no-deposit', reason: 'no deposit is required for this election' };
  const row = result?.rows.find((r) => r.candidacyId === candidacyId);
  if (!result || !row) return null;
  try {
    return depositOutcome(req.deposit, { votes: row.votes, totalValidVotes: result.totalVotes, elected: row.elected, seats });
  } catch {
    return null;
  }
}

async function detail(ctx: Ctx, id: number): Promise<CandidacyDetail> {
  const summary = await requireCandidacy(ctx, id);
  const contest = await requireContest(ctx, summary.contestId);
  const candidate = await requireCandidate(ctx, summary.candidateId);
  const papers = (await getCandidacyPapers(ctx.db, id))!;
  const rules = await rulesOf(ctx, contest);
  const history = await statusHistory(ctx.db, id);
  const subscribers = await listSubscribers(ctx.db, id);
  const items = await checklistRows(ctx.db, id);
  const close = await closeOfNominations(ctx, contest);
  const deliveredOn = [...history].reverse().find((h) => h.status === 'delivered')?.onDate ?? null;
  const deposit = await getDeposit(ctx.db, contest.id);
  const checklist = evaluateChecklist(
    rules.req,
    { partyCandidate: candidate.partyCandidate },
    {
      items: Object.fromEntries(items.map((r) => [r.item, { state: r.state, doneOn: r.doneOn, note: r.note }])),
      consent: { signedOn: papers.consentSignedOn, witnessedBy: papers.consentWitnessedBy },
      subscribers,
      closeOfNominations: close?.date ?? null,
      deliveredOn,
      depositPaid: deposit ? { amountPence: deposit.amountPence, paidOn: deposit.paidOn } : null,
      today: ukToday(),
    },
  );
  const result = await resultOf(ctx, contest.id);
  return {
    ...summary,
    candidate,
    ...papers,
    deliveredOn,
    history,
    allowedNext: [...allowedNextStatuses(summary.status)],
    rules: publicRules(rules),
    closeOfNominations: close?.date ?? null,
    closeOfNominationsTime: close?.time ?? null,
    checklist,
    subscribers: subscribers.map((s) => ({
      id: s.id,
      position: s.position,
      role: subscriberRole(s.position),
      electorNumber: s.electorNumber,
      fullName: s.fullName,
      checked: s.checked,
    })),
    registerLoaded: await registerLoadedFor(ctx.db, contest.areaId),
    deposit: depositFor(rules.req, rules.seats, result, id),
  };
}

// ---- results ----

async function resultOf(ctx: Ctx, contestId: number): Promise<ContestResult | null> {
  const saved = await getResult(ctx.db, contestId);
  if (!saved) return null;
  const { header, rows } = saved;
  const computed = computeResult({ ...header, rows: rows.map((r) => ({ key: String(r.id), name: r.name, votes: r.votes })) });
  const contest = await requireContest(ctx, contestId);
  const rules = await rulesOf(ctx, contest);
  const byKey = new Map(computed.rows.map((r) => [r.key, r]));
  const partial: ContestResult = {
    ...header,
    totalVotes: computed.totalVotes,
    ballots: computed.ballots,
    turnout: computed.turnout,
    rows: rows.map((r) => ({ ...r, share: byKey.get(String(r.id))!.share, position: byKey.get(String(r.id))!.position, deposit: null })),
  };
  for (const row of partial.rows) {
    if (row.candidacyId !== null) row.deposit = depositFor(rules.req, rules.seats, partial, row.candidacyId);
  }
  const ballot = await listBallotFor(ctx, contest);
  if (ballot) {
    const { seats, ties } = await seatsByRow(ctx, ballot, rows);
    partial.listSeats = ballot.seats;
    partial.ties = ties;
    // In a list election who is elected follows from the seats won, not from a tick.
    partial.rows.forEach((row, i) => Object.assign(row, { seatsWon: seats[i], elected: seats[i] > 0 }));
  }
  return partial;
}

function fieldsOf(problems: { field: string; message: string }[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const p of problems) fields[p.field] ??= p.message;
  return fields;
}

// ---- handlers ----

export const candidatesHandlers: HandlersFor<typeof candidatesContract> = {
  'candidates.list': async (ctx) => listCandidates(ctx.db),
  'candidates.get': async (ctx, { id }) => requireCandidate(ctx, id),
  'candidates.create': async (ctx, input) => {
    const id = await insertCandidate(ctx.db, input);
    const after = await requireCandidate(ctx, id);
    await ctx.audit({ action: 'create', entity: 'candidate', entityId: id, summary: `Added candidate ${input.ballotName}`, after });
    return after;
  },
  'candidates.update': async (ctx, { id, ...input }) => {
    const before = await requireCandidate(ctx, id);
    await updateCandidate(ctx.db, id, input);
    const after = await requireCandidate(ctx, id);
    await ctx.audit({ action: 'update', entity: 'candidate', entityId: id, summary: `Changed candidate ${input.ballotName}`, before, after });
    return after;
  },
  'candidates.delete': async (ctx, { id }) => {
    const before = await requireCandidate(ctx, id);
    await deleteCandidate(ctx.db, id);
    await ctx.audit({ action: 'delete', entity: 'candidate', entityId: id, summary: `Deleted candidate ${before.ballotName} and ${before.candidacyCount} candidacies`, before });
    return { deleted: true };
  },

  'candidates.getPersonExport': async (ctx, { id }) => {
    const candidate = await requireCandidate(ctx, id);
    const list = await listCandidacies(ctx.db, { candidateId: id });
    const trail = await personTrail(
      ctx,
      [{ entity: 'candidate', ids: [id] }, { entity: 'candidacy', ids: list.map((k) => k.id) }],
      candidateIdentifiers(candidate),
    );
    return { ...trail, candidate, candidacies: await Promise.all(list.map((k) => detail(ctx, k.id))) };
  },
  'candidates.erasePerson': async (ctx, { id, confirm }) => {
    const c = await requireCandidate(ctx, id);
    const n = c.candidacyCount;
    const kept = n
      ? ` Their ${n === 1 ? 'candidacy stays' : `${n} candidacies stay`} under “${ERASED_TEXT}” (status, dates, checklist, subscribers and votes), so results, deposits and the return of expenses still add up; delete ${n === 1 ? 'it' : 'them'} separately if they should go too.`
      : '';
    confirmErasure(
      confirm,
      `Erasing ${c.ballotName} blanks their names, home address, email, phone and notes, takes their name out of results, tasks, papers and notes, and blanks their details in the activity log, leaving only a note that an erasure happened.${kept}`,
    );
    logErasure(ctx.db, ctx.dbPath, ctx.encryption.key, 'candidate', c);
    const traces = await eraseCandidate(ctx.db, c);
    return recordErasure(ctx, { entity: 'candidate', entityId: id, whose: 'a candidate’s', extra: { candidacies: n } }, traces);
  },

  'candidacies.list': async (ctx, filter) => listCandidacies(ctx.db, filter),
  'candidacies.get': async (ctx, { id }) => detail(ctx, id),
  'candidacies.create': async (ctx, { candidateId, contestId }) => {
    const candidate = await requireCandidate(ctx, candidateId);
    const contest = await requireContest(ctx, contestId);
    if (await findCandidacy(ctx.db, candidateId, contestId)) {
      throw new AppError('conflict', `${candidate.ballotName} is already standing in ${contest.areaName} (${contest.electionName})`, {
        contestId: 'Already a candidacy in this contest',
      });
    }
    const id = await insertCandidacy(ctx.db, candidateId, contestId, ukToday());
    const after = await detail(ctx, id);
    await ctx.audit({ action: 'create', entity: 'candidacy', entityId: id, summary: `${candidate.ballotName} to stand in ${contest.areaName} (${contest.electionName})`, after: { candidateId, contestId } });
    return after;
  },
  'candidacies.delete': async (ctx, { id }) => {
    const before = await requireCandidacy(ctx, id);
    await deleteCandidacy(ctx.db, id);
    await ctx.audit({ action: 'delete', entity: 'candidacy', entityId: id, summary: `Removed ${before.candidateName} from ${before.areaName} (${before.electionName})`, before });
    return { deleted: true };
  },
  'candidacies.setStatus': async (ctx, { id, status, onDate, reason }) => {
    const before = await detail(ctx, id);
    const problem = statusChangeProblem(before.status, status, reason);
    if (problem) throw invalid(problem, { status: problem });
    const missing = status === 'delivered' ? deliveryProblems(before.checklist) : [];
    if (missing.length > 0) {
      const message = `The papers cannot be marked delivered yet: ${missing.join('; ')}`;
      throw invalid(message, { status: message });
    }
    if (status === 'delivered' && before.consentSignedOn && before.consentSignedOn > onDate) {
      const message = `The consent is dated ${before.consentSignedOn}, after this delivery date: check both dates`;
      throw invalid(message, { onDate: message });
    }
    const late = statusDateProblem(before, status, onDate, 'A candidate can withdraw');
    if (late) throw invalid(late, { onDate: late });
    await setCandidacyStatus(ctx.db, id, status, onDate, reason);
    const after = await detail(ctx, id);
    await ctx.audit({
      action: 'update',
      entity: 'candidacy',
      entityId: id,
      summary: `${before.candidateName} (${before.areaName}): ${CANDIDACY_STATUS_LABELS[status]} on ${onDate}${reason ? ` — ${reason}` : ''}`,
      before: { status: before.status },
      after: { status, onDate, reason },
    });
    return after;
  },
  'candidacies.setItem': async (ctx, { id, item, state, doneOn, note }) => {
    const before = await detail(ctx, id);
    const def = before.checklist.items.find((i) => i.id === item)!;
    if (!def.applies && state !== 'not-needed') {
      const message = `The ${def.label.toLowerCase()} does not apply to this candidacy${item === 'deposit' ? ' (no deposit for this election)' : ' (an independent candidate)'}`;
      throw invalid(message, { state: message });
    }
    const bad = itemStateProblem(def, state);
    if (bad) throw invalid(bad, { state: bad });
    if (state === 'done') {
      const s = before.checklist.subscribers;
      if (item === 'nomination-form' && s.count < s.required) {
        const message = `Enter all ${s.required} subscribers before marking the nomination form done (${s.count} so far)`;
        throw invalid(message, { state: message });
      }
      if (item === 'deposit' && before.checklist.items.find((i) => i.id === 'deposit')!.state !== 'done') {
        const message = 'Record the deposit on the contest’s money page (treasury): the payment, once recorded in full, ticks it';
        throw invalid(message, { state: message });
      }
      if (item === 'consent' && !before.consentSignedOn) {
        const message = 'Record the date the consent was signed (and its witness) before marking it done';
        throw invalid(message, { state: message });
      }
    }
    if (doneOn && state !== 'done') throw invalid('A completion date belongs only to a done item', { doneOn: 'Leave the date empty unless the item is done' });
    const previous = before.checklist.items.find((i) => i.id === item)!;
    await upsertChecklistItem(ctx.db, id, { item: item as ChecklistItemId, state: state as ItemState, doneOn, note });
    const after = await detail(ctx, id);
    await ctx.audit({
      action: 'update',
      entity: 'candidacy',
      entityId: id,
      summary: `${before.candidateName} (${before.areaName}): ${def.label} ${state}`,
      before: { item, state: previous.state, doneOn: previous.doneOn, note: previous.note },
      after: { item, state, doneOn, note },
    });
    return after;
  },
  'candidacies.setPapers': async (ctx, { id, consentSignedOn, consentWitnessedBy, agentName }) => {
    const before = await detail(ctx, id);
    const c = consentProblems({ signedOn: consentSignedOn, witnessedBy: consentWitnessedBy, closeOfNominations: before.closeOfNominations, deliveredOn: before.deliveredOn, today: ukToday() });
    if (c.refusals.length > 0) throw invalid(c.refusals[0], { consentSignedOn: c.refusals[0] });
    const prior = { consentSignedOn: before.consentSignedOn, consentWitnessedBy: before.consentWitnessedBy, agentName: before.agentName };
    await setCandidacyPapers(ctx.db, id, { consentSignedOn, consentWitnessedBy, agentName });
    // The signed date is the consent: recording it ticks the item, clearing it unticks it.
    const consent = before.checklist.items.find((i) => i.id === 'consent')!;
    if ((consent.state === 'done') !== (consentSignedOn !== null)) {
      await upsertChecklistItem(ctx.db, id, { item: 'consent', state: consentSignedOn ? 'done' : 'todo', doneOn: consentSignedOn, note: consent.note ?? '' });
    }
    const after = await detail(ctx, id);
    await ctx.audit({ action: 'update', entity: 'candidacy', entityId: id, summary: `${before.candidateName} (${before.areaName}): consent and agent`, before: prior, after: { consentSignedOn, consentWitnessedBy, agentName } });
    return after;
  },

  'subscribers.add': async (ctx, { candidacyId, electorNumber, name }) => {
    const before = await detail(ctx, candidacyId);
    const canonical = canonicalElectorNumber(electorNumber);
    const loaded = before.registerLoaded;
    const found = loaded && canonical ? await electorsByNumber(ctx.db, before.areaId, canonical) : [];
    const check = checkSubscriber(
      { electorNumber, name },
      {
        areaId: before.areaId,
        existing: before.subscribers.map((s) => s.electorNumber),
        required: before.checklist.subscribers.required,
        lookup: loaded ? (n) => (n === canonical ? found : []) : null,
      },
    );
    if (!check.ok) throw invalid(check.reason, { [check.field]: check.reason });
    const id = await insertSubscriber(ctx.db, candidacyId, { electorNumber: check.electorNumber, fullName: check.name, checked: check.checked });
    const after = await detail(ctx, candidacyId);
    const added = after.subscribers.find((s) => s.id === id)!;
    await ctx.audit({
      action: 'create',
      entity: 'nomination_subscriber',
      entityId: id,
      summary: `${before.candidateName} (${before.areaName}): subscriber ${added.position} (${added.role}) ${check.electorNumber} ${check.name}${check.checked ? '' : ', not checked'}`,
      after: added,
    });
    return after;
  },
  'subscribers.remove': async (ctx, { id }) => {
    const s = await requireSubscriber(ctx, id);
    await deleteSubscriber(ctx.db, id);
    const rest = await listSubscribers(ctx.db, s.candidacyId);
    await reorderSubscribers(ctx.db, rest.map((r) => r.id));
    await ctx.audit({ action: 'delete', entity: 'nomination_subscriber', entityId: id, summary: `Removed subscriber ${s.electorNumber} ${s.fullName}`, before: s });
    return detail(ctx, s.candidacyId);
  },
  'subscribers.getPersonExport': async (ctx, { id }) => {
    const s = await requireSubscriber(ctx, id);
    const k = await detail(ctx, s.candidacyId);
    const subscriber = k.subscribers.find((x) => x.id === id)!;
    const trail = await personTrail(ctx, [{ entity: 'nomination_subscriber', ids: [id] }], [s.fullName]);
    return { ...trail, subscriber, candidacy: { id: k.id, candidateName: k.candidateName, areaName: k.areaName, electionName: k.electionName } };
  },
  'subscribers.erasePerson': async (ctx, { id, confirm }) => {
    const s = await requireSubscriber(ctx, id);
    const k = await requireCandidacy(ctx, s.candidacyId);
    confirmErasure(
      confirm,
      `Erasing ${s.fullName} (${s.electorNumber}) takes them off ${k.candidateName}’s nomination paper for ${k.areaName} (those after them move up, leaving ${k.subscriberCount - 1} subscribers), takes their name out of notes and blanks their details in the activity log, leaving only a note that an erasure happened. Their entry in the electoral register, if any, is not touched.`,
    );
    logErasure(ctx.db, ctx.dbPath, ctx.encryption.key, 'subscriber', s);
    const traces = await eraseSubscriber(ctx.db, s);
    return recordErasure(ctx, { entity: 'nomination_subscriber', entityId: id, whose: 'a nomination subscriber’s', extra: { candidacyId: s.candidacyId } }, traces);
  },
  'subscribers.move': async (ctx, { id, position }) => {
    const s = await requireSubscriber(ctx, id);
    const all = await listSubscribers(ctx.db, s.candidacyId);
    if (position > all.length) throw invalid(`There are only ${all.length} subscribers`, { position: `Choose a position from 1 to ${all.length}` });
    const ids = all.map((r) => r.id).filter((x) => x !== id);
    ids.splice(position - 1, 0, id);
    await reorderSubscribers(ctx.db, ids);
    await ctx.audit({ action: 'update', entity: 'nomination_subscriber', entityId: id, summary: `Moved subscriber ${s.electorNumber} from ${s.position} to ${position}`, before: { position: s.position }, after: { position } });
    return detail(ctx, s.candidacyId);
  },

  'nominations.rules': async (ctx, { contestId }) => publicRules(await rulesOf(ctx, await requireContest(ctx, contestId))),
  'nominations.setRules': async (ctx, { contestId, postKind, seats, subscribersRequired, depositPence, councils }) => {
    const contest = await requireContest(ctx, contestId);
    if (!postKindsFor(contest.electionType).includes(postKind)) {
      const message = `A ${contest.electionType} contest has the post kind ${postKindsFor(contest.electionType).join(' or ')}`;
      throw invalid(message, { postKind: message });
    }
    const before = publicRules(await rulesOf(ctx, contest));
    if (councils != null && contest.electionType !== 'combined-authority-mayor') {
      throw invalid('Only a combined authority mayor contest has constituent councils', { councils: 'Only for a combined authority mayor' });
    }
    await upsertContestRules(ctx.db, contestId, { postKind, seats, subscribersRequired, depositPence, councils: councils === undefined ? before.councils : councils });
    const after = publicRules(await rulesOf(ctx, contest));
    await ctx.audit({ action: 'update', entity: 'contest_nomination_rules', entityId: contestId, summary: `Nomination rules of ${contest.areaName} (${contest.electionName})`, before, after });
    return after;
  },
  'nominations.check': async (ctx, { contestId }): Promise<NominationCheck> => {
    const contest = await requireContest(ctx, contestId);
    const rules = await rulesOf(ctx, contest);
    const list = await listCandidacies(ctx.db, { contestId });
    const details = await Promise.all(list.map((k) => detail(ctx, k.id)));
    return {
      contestId,
      contest: `${contest.areaName} (${contest.electionName})`,
      closeOfNominations: (await closeOfNominations(ctx, contest))?.date ?? null,
      requirements: publicRules(rules).requirements,
      candidacies: details.map((d) => ({
        candidacyId: d.id,
        candidate: d.candidateName,
        status: d.status,
        complete: d.checklist.complete,
        subscribers: d.checklist.subscribers,
        items: d.checklist.items.map((i) => ({ id: i.id, label: i.label, applies: i.applies, state: i.state, dueOn: i.dueOn, problems: i.problems })),
        problems: d.checklist.problems,
      })),
    };
  },

  'results.get': async (ctx, { contestId }) => {
    await requireContest(ctx, contestId);
    return resultOf(ctx, contestId);
  },
  'results.record': async (ctx, input) => {
    const contest = await requireContest(ctx, input.contestId);
    const problems = resultProblems({ ...input, rows: input.rows.map((r, i) => ({ key: String(i), name: r.name, votes: r.votes })) });
    const rules = await rulesOf(ctx, contest);
    problems.push(
      ...declarationProblems({
        declaredOn: input.declaredOn,
        pollingDay: contest.pollingDay,
        today: ukToday(),
        // A multi-member ward gives each elector a vote per seat, whether or not the seats were entered in the rules.
        seats: Math.max(rules.seats, input.votesPerBallot),
        firstPastThePost: isFirstPastThePost(contest.electionType, contest.nation, rules.postKind),
        rows: input.rows,
      }),
    );
    const ours = await listCandidacies(ctx.db, { contestId: contest.id });
    const seen = new Set<number>();
    const list = await partyListOfContest(ctx.db, contest.id);
    const ballot = await listBallotFor(ctx, contest);
    input.rows.forEach((r, i) => {
      if (r.partyListId === null) return;
      if (!ballot) problems.push({ field: `rows.${i}.partyListId`, message: 'This contest elects candidates singly: a result row cannot be a party list' });
      else if (r.partyListId !== list?.id) problems.push({ field: `rows.${i}.partyListId`, message: `Party list ${r.partyListId} is not standing in this contest` });
      else if (input.rows.findIndex((o) => o.partyListId === r.partyListId) !== i) problems.push({ field: `rows.${i}.partyListId`, message: `${r.name} is entered twice` });
      else if (r.candidacyId !== null) problems.push({ field: `rows.${i}.candidacyId`, message: `${r.name} is our list's row: it cannot also be a candidate's` });
    });
    input.rows.forEach((r, i) => {
      if (r.candidacyId === null) return;
      if (!ours.some((k) => k.id === r.candidacyId)) problems.push({ field: `rows.${i}.candidacyId`, message: `Candidacy ${r.candidacyId} is not in this contest` });
      else if (seen.has(r.candidacyId)) problems.push({ field: `rows.${i}.candidacyId`, message: `${r.name} is entered twice` });
      seen.add(r.candidacyId);
    });
    if (problems.length > 0) {
      const fields = fieldsOf(problems);
      throw invalid(`The result was not saved: ${problems[0].message}${problems.length > 1 ? ` (and ${problems.length - 1} more)` : ''}`, fields);
    }
    const before = await resultOf(ctx, contest.id);
    const { rows, contestId, ...header } = input;
    await saveResult(ctx.db, { contestId, ...header }, rows);
    await setDeclaredOn(ctx.db, contestId, input.declaredOn);
    const after = (await resultOf(ctx, contestId))!;
    await ctx.audit({ action: before ? 'update' : 'create', entity: 'contest_result', entityId: contestId, summary: `Result of ${contest.areaName} (${contest.electionName}) declared ${input.declaredOn}`, before, after });
    return after;
  },
  'results.delete': async (ctx, { contestId }) => {
    const contest = await requireContest(ctx, contestId);
    const before = await resultOf(ctx, contestId);
    if (!before) return { deleted: false };
    await deleteResult(ctx.db, contestId);
    await setDeclaredOn(ctx.db, contestId, null);
    await ctx.audit({ action: 'delete', entity: 'contest_result', entityId: contestId, summary: `Deleted the result of ${contest.areaName} (${contest.electionName})`, before });
    return { deleted: true };
  },
};
