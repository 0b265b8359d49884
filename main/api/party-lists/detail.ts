import { getMember, getPartyList, listItemRows, listMembers, listStatusHistory } from '../../../db/repositories/party-lists.ts';
import { getDeposit } from '../../../db/repositories/treasury.ts';
import type { Contest } from '../../../shared/contract/contests.ts';
import type { PartyList } from '../../../shared/contract/party-lists.ts';
import { type DepositRule, depositOutcome, describeReturnRule } from '../../../shared/domain/deposits.ts';
import { ELECTION_TYPE_INFO } from '../../../shared/domain/election-types.ts';
import { allowedNextStatuses } from '../../../shared/domain/nominations.ts';
import { type ListBallot, evaluateList, seneddListDeposit } from '../../../shared/domain/party-lists.ts';
import { ukToday } from '../../../shared/domain/working-days.ts';
import { candidatesHandlers } from '../candidates.ts';
import { closeOfNominations, rulesOf } from '../candidates/rules.ts';
import { requireContest } from '../contests.ts';
import type { Ctx } from '../context.ts';
import { requireRecord } from '../records.ts';
import { listBallotFor } from '../list-ballot.ts';

async function requireList(ctx: Ctx, id: number) {
  return requireRecord(await getPartyList(ctx.db, id), 'party list', id);
}

export async function requireMember(ctx: Ctx, id: number) {
  return requireRecord(await getMember(ctx.db, id), 'name on a list', id);
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

export async function detail(ctx: Ctx, id: number): Promise<PartyList> {
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
    : [
        `${contest.areaName} (${ELECTION_TYPE_INFO[contest.electionType].label}) no longer elects from party lists: change the election or post back, or remove this list`,
        ...e.problems,
      ];
  const result = await listResult(ctx, contest, id, deposit);
  return {
    id,
    contest,
    partyName: list.partyName,
    agentName: list.agentName,
    notes: list.notes,
    updatedAt: list.updatedAt,
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
export const titleOf = (d: PartyList) => `${d.partyName} list in ${d.contest.areaName} (${d.contest.electionName})`;
