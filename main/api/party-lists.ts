import type { Contest } from '../../shared/contract/contests.ts';
import type { PartyList, partyListsContract } from '../../shared/contract/party-lists.ts';
import { AppError } from '../../shared/contract/result.ts';
import { type DepositRule, depositOutcome, describeReturnRule } from '../../shared/domain/deposits.ts';
import { ELECTION_TYPE_INFO } from '../../shared/domain/election-types.ts';
import { CANDIDACY_STATUS_LABELS, allowedNextStatuses, consentProblems, itemStateProblem, statusChangeProblem } from '../../shared/domain/nominations.ts';
import { type ListBallot, evaluateList, listSizeProblems, seneddListDeposit } from '../../shared/domain/party-lists.ts';
import { ukToday } from '../../shared/domain/working-days.ts';
import { listCandidacies } from '../../db/repositories/candidacies.ts';
import { getCandidate } from '../../db/repositories/candidates.ts';
import { getDeposit } from '../../db/repositories/treasury.ts';
import {
  deleteMember,
  deletePartyList,
  getMember,
  getPartyList,
  insertMember,
  insertPartyList,
  listItemRows,
  listMembers,
  listOfCandidateInElection,
  listPartyLists,
  listStatusHistory,
  orderMembers,
  partyListOfContest,
  setMemberPapers,
  setPartyListStatus,
  updatePartyList,
  upsertListItem,
} from '../../db/repositories/party-lists.ts';
import { candidatesHandlers, closeOfNominations, rulesOf, statusDateProblem } from './candidates.ts';
import { requireContest } from './contests.ts';
import type { Ctx, HandlersFor } from './context.ts';
import { listBallotFor } from './list-ballot.ts';

const invalid = (message: string, fields: Record<string, string>) => new AppError('invalid_input', message, fields);

async function requireList(ctx: Ctx, id: number) {
  const l = await getPartyList(ctx.db, id);
  if (!l) throw new AppError('not_found', `There is no party list with id ${id}`, { id: 'No such party list' });
  return l;
}

async function requireMember(ctx: Ctx, id: number) {
  const m = await getMember(ctx.db, id);
  if (!m) throw new AppError('not_found', `There is no name on a list with id ${id}`, { id: 'No such name on a list' });
  return m;
}

/** What a list contest that stopped being one (its election type or post changed) is shown as. */
const NOT_A_LIST: ListBallot = { label: 'Not a list election', seats: 1, maxNames: null, allocation: 'dhondt', thresholdBasisPoints: 0, source: '' };

/**
 * One deposit per list: the contest's corrected deposit, else the nomination rules' figure, else
 * (Senedd, while the rules give none) the unconfirmed list default.
 */
export async function listDeposit(ctx: Ctx, contest: Contest): Promise<DepositRule | null> {
  const rules = await rulesOf(ctx, contest);
  if (rules.depositPence !== null || rules.req.deposit) return rules.req.deposit;
  return contest.electionType === 'senedd' ? seneddListDeposit() : null;
}

/** The list's own row in the recorded result, with the seats it won and its deposit's fate. */
export async function listResult(ctx: Ctx, contest: Contest, listId: number, deposit: DepositRule | null) {
  const result = await candidatesHandlers['results.get'](ctx, { contestId: contest.id });
  const row = result?.rows.find((r) => r.partyListId === listId);
  if (!result || !row) return null;
  return { row, seatsWon: row.seatsWon ?? 0, deposit: deposit && depositOutcome(deposit, { votes: row.votes, totalValidVotes: result.totalVotes }) };
}

async function detail(ctx: Ctx, id: number): Promise<PartyList> {
  const list = await requireList(ctx, id);
  const contest = await requireContest(ctx, list.contestId);
  const ballot = await listBallotFor(ctx, contest);
  const members = await listMembers(ctx.db, id);
  const history = await listStatusHistory(ctx.db, id);
  const close = (await closeOfNominations(ctx, contest))?.date ?? null;
  const deposit = await listDeposit(ctx, contest);
  const paid = await getDeposit(ctx.db, contest.id);
  const items = await listItemRows(ctx.db, id);
  const deliveredOn = [...history].reverse().find((h) => h.status === 'delivered')?.onDate ?? null;
  const e = evaluateList({
    ballot: ballot ?? NOT_A_LIST,
    deposit,
    items: Object.fromEntries(items.map((r) => [r.item, { state: r.state, doneOn: r.doneOn, note: r.note }])),
    members,
    closeOfNominations: close,
    deliveredOn,
    today: ukToday(),
    depositPaid: paid ? { amountPence: paid.amountPence, paidOn: paid.paidOn } : null,
  });
  const problems = ballot
    ? e.problems
    : [`${contest.areaName} (${ELECTION_TYPE_INFO[contest.electionType].label}) no longer elects from party lists: change the election or post back, or remove this list`, ...e.problems];
  const result = await listResult(ctx, contest, id, deposit);
  return {
    id,
    contest,
    partyName: list.partyName,
    agentName: list.agentName,
    notes: list.notes,
    status: list.status,
    allowedNext: [...allowedNextStatuses(list.status)],
    history,
    ballot: ballot ?? NOT_A_LIST,
    members: members.map((m, i) => ({ ...m, position: i + 1, problems: e.members[i].problems, elected: result !== null && i < result.seatsWon })),
    items: e.items,
    problems,
    complete: ballot !== null && e.complete,
    closeOfNominations: close,
    deposit: deposit && {
      amountPence: deposit.amountPence,
      source: deposit.amountSource,
      returnRuleText: describeReturnRule(deposit.returnRule),
      outcome: result?.deposit && result.deposit.outcome !== 'no-deposit' ? result.deposit.outcome : null,
      reason: result?.deposit?.reason ?? null,
    },
    seatsWon: result?.seatsWon ?? null,
  };
}

/** Whose list this is, for audit summaries: "Small Party list in Clwyd (Senedd 2026)". */
const titleOf = (d: PartyList) => `${d.partyName} list in ${d.contest.areaName} (${d.contest.electionName})`;

export const partyListsHandlers: HandlersFor<typeof partyListsContract> = {
  'partyLists.list': async (ctx, { contestId }) => {
    const rows = contestId === undefined ? await listPartyLists(ctx.db) : [await partyListOfContest(ctx.db, contestId)].filter((r) => r !== undefined);
    return Promise.all(
      rows.map(async (r) => {
        const c = await requireContest(ctx, r.contestId);
        const names = (await listMembers(ctx.db, r.id)).length;
        return { id: r.id, contestId: r.contestId, partyName: r.partyName, areaName: c.areaName, electionName: c.electionName, status: r.status, names };
      }),
    );
  },
  'partyLists.ballotOf': async (ctx, { contestId }) => listBallotFor(ctx, await requireContest(ctx, contestId)),
  'partyLists.get': async (ctx, { id }) => detail(ctx, id),
  'partyLists.create': async (ctx, { contestId, partyName }) => {
    const contest = await requireContest(ctx, contestId);
    const ballot = await listBallotFor(ctx, contest);
    if (!ballot) {
      const message = `${contest.areaName} (${ELECTION_TYPE_INFO[contest.electionType].label}) elects candidates singly, so it cannot hold a party list: lists stand in the Senedd from 2026, Scottish Parliament regions and the London-wide list`;
      throw invalid(message, { contestId: message });
    }
    const existing = await partyListOfContest(ctx.db, contestId);
    if (existing) {
      throw new AppError('conflict', `The ${existing.partyName} list already stands in ${contest.areaName}: a party stands one list in a contest`, { contestId: 'This contest already has our list' });
    }
    const id = await insertPartyList(ctx.db, contestId, partyName, ukToday());
    const after = await detail(ctx, id);
    await ctx.audit({ action: 'create', entity: 'party_list', entityId: id, summary: `Stood the ${titleOf(after)}`, after: { contestId, partyName } });
    return after;
  },
  'partyLists.update': async (ctx, { id, partyName, agentName, notes }) => {
    const before = await detail(ctx, id);
    await updatePartyList(ctx.db, id, { partyName, agentName, notes });
    const after = await detail(ctx, id);
    await ctx.audit({
      action: 'update',
      entity: 'party_list',
      entityId: id,
      summary: `Changed the ${titleOf(after)}`,
      before: { partyName: before.partyName, agentName: before.agentName, notes: before.notes },
      after: { partyName, agentName, notes },
    });
    return after;
  },
  'partyLists.delete': async (ctx, { id }) => {
    const before = await detail(ctx, id);
    await deletePartyList(ctx.db, id);
    await ctx.audit({ action: 'delete', entity: 'party_list', entityId: id, summary: `Removed the ${titleOf(before)} and its ${before.members.length} names`, before });
    return { deleted: true };
  },
  'partyLists.addMember': async (ctx, { listId, candidateId, position }) => {
    const before = await detail(ctx, listId);
    const candidate = await getCandidate(ctx.db, candidateId);
    if (!candidate) throw new AppError('not_found', `There is no candidate with id ${candidateId}`, { candidateId: 'No such candidate' });
    const n = before.members.length;
    const max = before.ballot.maxNames;
    if (max !== null && n >= max) {
      const message = `The list already has ${n} names, the most a list may hold here: take one off before adding ${candidate.ballotName}`;
      throw invalid(message, { candidateId: message });
    }
    if (before.members.some((m) => m.candidateId === candidateId)) {
      throw new AppError('conflict', `${candidate.ballotName} is already on this list`, { candidateId: 'Already on this list' });
    }
    const other = await listOfCandidateInElection(ctx.db, candidateId, before.contest.electionId);
    if (other) {
      const message = `${candidate.ballotName} is already on the list in ${other.areaName}: a person may be on only one list in an election`;
      throw invalid(message, { candidateId: message });
    }
    const single = (await listCandidacies(ctx.db, { candidateId })).find((k) => k.electionId === before.contest.electionId);
    if (single) {
      const message = `${candidate.ballotName} stands as an individual candidate in ${single.areaName}: nobody may be both on a list and an individual candidate`;
      throw invalid(message, { candidateId: message });
    }
    if (position !== undefined && position > n + 1) {
      const message = `Choose a place from 1 to ${n + 1}`;
      throw invalid(`The list has ${n} names: ${message.toLowerCase()}`, { position: message });
    }
    const memberId = await insertMember(ctx.db, listId, candidateId);
    const ids = before.members.map((m) => m.id);
    ids.splice((position ?? n + 1) - 1, 0, memberId);
    await orderMembers(ctx.db, ids);
    const after = await detail(ctx, listId);
    const place = after.members.find((m) => m.id === memberId)!.position;
    await ctx.audit({ action: 'create', entity: 'party_list_member', entityId: memberId, summary: `${candidate.ballotName} put at ${place} on the ${titleOf(after)}`, after: { listId, candidateId, position: place } });
    return after;
  },
  'partyLists.removeMember': async (ctx, { id }) => {
    const m = await requireMember(ctx, id);
    const before = await detail(ctx, m.partyListId);
    const place = before.members.find((x) => x.id === id)!.position;
    await deleteMember(ctx.db, id);
    await orderMembers(ctx.db, before.members.filter((x) => x.id !== id).map((x) => x.id));
    const after = await detail(ctx, m.partyListId);
    await ctx.audit({ action: 'delete', entity: 'party_list_member', entityId: id, summary: `${m.name} taken off the ${titleOf(after)} (was ${place})`, before: { ...m, position: place } });
    return after;
  },
  'partyLists.reorder': async (ctx, { listId, order }) => {
    const before = await detail(ctx, listId);
    const byId = new Map(before.members.map((m) => [m.id, m]));
    const n = before.members.length;
    const fields: Record<string, string> = {};
    const taken = new Map<number, string>();
    order.forEach((o, i) => {
      const m = byId.get(o.memberId);
      if (!m) fields[`order.${i}.memberId`] = `Name ${o.memberId} is not on this list`;
      else if (order.findIndex((x) => x.memberId === o.memberId) !== i) fields[`order.${i}.memberId`] = `${m.name} is given twice`;
      else if (o.position > n) fields[`order.${i}.position`] = `Places run from 1 to ${n}`;
      else if (taken.has(o.position)) fields[`order.${i}.position`] = `Place ${o.position} is given to both ${taken.get(o.position)} and ${m.name}`;
      else taken.set(o.position, m.name);
    });
    const missing = before.members.filter((m) => !order.some((o) => o.memberId === m.id));
    if (missing.length > 0) fields.order = `Give a place to every name on the list: ${missing.map((m) => m.name).join(', ')} ${missing.length === 1 ? 'has' : 'have'} none`;
    const messages = Object.values(fields);
    if (messages.length > 0) throw invalid(`The order was not changed: ${messages.join('; ')}`, fields);
    await orderMembers(ctx.db, [...order].sort((a, b) => a.position - b.position).map((o) => o.memberId));
    const after = await detail(ctx, listId);
    await ctx.audit({
      action: 'update',
      entity: 'party_list',
      entityId: listId,
      summary: `New order of the ${titleOf(after)}: ${after.members.map((m) => m.name).join(', ')}`,
      before: { order: before.members.map((m) => m.name) },
      after: { order: after.members.map((m) => m.name) },
    });
    return after;
  },
  'partyLists.setMemberPapers': async (ctx, { id, consentSignedOn, consentWitnessedBy, homeAddressFormOn }) => {
    const m = await requireMember(ctx, id);
    const before = await detail(ctx, m.partyListId);
    const deliveredOn = [...before.history].reverse().find((h) => h.status === 'delivered')?.onDate ?? null;
    const c = consentProblems({ signedOn: consentSignedOn, witnessedBy: consentWitnessedBy, closeOfNominations: before.closeOfNominations, deliveredOn, today: ukToday() });
    if (c.refusals.length > 0) throw invalid(c.refusals[0], { consentSignedOn: c.refusals[0] });
    if (homeAddressFormOn && deliveredOn && homeAddressFormOn > deliveredOn) {
      const message = `The home address form is dated ${homeAddressFormOn}, after the list's papers were delivered on ${deliveredOn}: check the date`;
      throw invalid(message, { homeAddressFormOn: message });
    }
    await setMemberPapers(ctx.db, id, { consentSignedOn, consentWitnessedBy, homeAddressFormOn });
    const after = await detail(ctx, m.partyListId);
    await ctx.audit({
      action: 'update',
      entity: 'party_list_member',
      entityId: id,
      summary: `Papers of ${m.name} on the ${titleOf(after)}`,
      before: { consentSignedOn: m.consentSignedOn, consentWitnessedBy: m.consentWitnessedBy, homeAddressFormOn: m.homeAddressFormOn },
      after: { consentSignedOn, consentWitnessedBy, homeAddressFormOn },
    });
    return after;
  },
  'partyLists.setItem': async (ctx, { id, item, state, doneOn, note }) => {
    const before = await detail(ctx, id);
    const def = before.items.find((i) => i.id === item)!;
    if (!def.applies && state !== 'not-needed') {
      const message = `The ${def.label.toLowerCase()} does not apply to this list (no deposit is set for this election)`;
      throw invalid(message, { state: message });
    }
    const bad = itemStateProblem(def, state);
    if (bad) throw invalid(bad, { state: bad });
    if (item === 'party-nomination-paper' && state === 'done') {
      const size = listSizeProblems(before.ballot, before.members.length);
      if (size.length > 0) throw invalid(`${size[0]}: the nomination paper cannot be done yet`, { state: size[0] });
    }
    if (doneOn && state !== 'done') throw invalid('A completion date belongs only to a done item', { doneOn: 'Leave the date empty unless the item is done' });
    await upsertListItem(ctx.db, id, { item, state, doneOn, note });
    const after = await detail(ctx, id);
    await ctx.audit({
      action: 'update',
      entity: 'party_list',
      entityId: id,
      summary: `${titleOf(after)}: ${def.label} ${state}`,
      before: { item, state: def.state, doneOn: def.doneOn, note: def.note },
      after: { item, state, doneOn, note },
    });
    return after;
  },
  'partyLists.setStatus': async (ctx, { id, status, onDate, reason }) => {
    const before = await detail(ctx, id);
    // The candidacies' rules, in a list's words.
    const problem = statusChangeProblem(before.status, status, reason)?.replaceAll('candidacy', 'list');
    if (problem) throw invalid(problem, { status: problem });
    if (status === 'delivered') {
      const size = listSizeProblems(before.ballot, before.members.length);
      if (size.length > 0) throw invalid(`${size[0]}: the papers cannot be delivered yet`, { status: size[0] });
    }
    const late = statusDateProblem(before, status, onDate, 'A list can be withdrawn');
    if (late) throw invalid(late, { onDate: late });
    await setPartyListStatus(ctx.db, id, status, onDate, reason);
    const after = await detail(ctx, id);
    await ctx.audit({
      action: 'update',
      entity: 'party_list',
      entityId: id,
      summary: `${titleOf(after)}: ${CANDIDACY_STATUS_LABELS[status]} on ${onDate}${reason ? ` — ${reason}` : ''}`,
      before: { status: before.status },
      after: { status, onDate, reason },
    });
    return after;
  },
};
