import {
  deletePartyList,
  insertPartyList,
  listMembers,
  listPartyLists,
  partyListOfContest,
  setPartyListStatus,
  updatePartyList,
  upsertListItem,
} from '../../../db/repositories/party-lists.ts';
import type { partyListsContract } from '../../../shared/contract/party-lists.ts';
import { AppError } from '../../../shared/contract/result.ts';
import { ELECTION_TYPE_INFO } from '../../../shared/domain/election-types.ts';
import { CANDIDACY_STATUS_LABELS, itemStateProblem, statusChangeProblem } from '../../../shared/domain/nominations.ts';
import { listSizeProblems } from '../../../shared/domain/party-lists.ts';
import { formatDateLong, ukToday } from '../../../shared/domain/working-days.ts';
import { statusDateProblem } from '../candidates/rules.ts';
import { requireContest } from '../contests.ts';
import type { HandlersFor } from '../context.ts';
import { listBallotFor } from '../list-ballot.ts';
import { detail, titleOf } from './detail.ts';
import { EDITABLE, guardedEdit } from '../edits.ts';
import { invalid } from '../records.ts';

export const listHandlers = {
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
      throw new AppError('conflict', `The ${existing.partyName} list already stands in ${contest.areaName}: a party stands one list in a contest`, {
        contestId: 'This contest already has our list',
      });
    }
    const id = await insertPartyList(ctx.db, contestId, partyName, ukToday());
    const after = await detail(ctx, id);
    await ctx.audit({ action: 'create', entity: 'party_list', entityId: id, summary: `Stood the ${titleOf(after)}`, after: { contestId, partyName } });
    return after;
  },
  'partyLists.update': guardedEdit(EDITABLE.partyList, async (ctx, { id, partyName, agentName, notes }) => {
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
  }),
  'partyLists.delete': async (ctx, { id }) => {
    const before = await detail(ctx, id);
    await deletePartyList(ctx.db, id);
    await ctx.audit({
      action: 'delete',
      entity: 'party_list',
      entityId: id,
      summary: `Removed the ${titleOf(before)} and its ${before.members.length} names`,
      before,
    });
    return { deleted: true };
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
  'partyLists.setStatus': guardedEdit(EDITABLE.partyList, async (ctx, { id, status, onDate, reason }) => {
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
      summary: `${titleOf(after)}: ${CANDIDACY_STATUS_LABELS[status]} on ${formatDateLong(onDate)}${reason ? ` — ${reason}` : ''}`,
      before: { status: before.status },
      after: { status, onDate, reason },
    });
    return after;
  }),
} satisfies Partial<HandlersFor<typeof partyListsContract>>;
