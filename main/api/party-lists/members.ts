import { listCandidacies } from '../../../db/repositories/candidacies.ts';
import { getCandidate } from '../../../db/repositories/candidates.ts';
import { claimList, deleteMember, insertMember, listOfCandidateInElection, orderMembers, setMemberPapers } from '../../../db/repositories/party-lists.ts';
import type { partyListsContract } from '../../../shared/contract/party-lists.ts';
import { AppError } from '../../../shared/contract/result.ts';
import { consentProblems } from '../../../shared/domain/nominations.ts';
import { formatDateLong, ukToday } from '../../../shared/domain/working-days.ts';
import type { HandlersFor } from '../context.ts';
import { detail, requireMember, titleOf } from './detail.ts';
import { invalid, requireRecord } from '../records.ts';

export const memberHandlers = {
  'partyLists.addMember': async (ctx, { listId, candidateId, position }) => {
    await claimList(ctx.db, listId);
    const before = await detail(ctx, listId);
    const candidate = requireRecord(await getCandidate(ctx.db, candidateId), 'candidate', candidateId, { field: 'candidateId' });
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
    await ctx.audit({
      action: 'create',
      entity: 'party_list_member',
      entityId: memberId,
      summary: `${candidate.ballotName} put at ${place} on the ${titleOf(after)}`,
      after: { listId, candidateId, position: place },
    });
    return after;
  },
  'partyLists.removeMember': async (ctx, { id }) => {
    const m = await requireMember(ctx, id);
    await claimList(ctx.db, m.partyListId);
    const before = await detail(ctx, m.partyListId);
    const place = before.members.find((x) => x.id === id)!.position;
    await deleteMember(ctx.db, id);
    await orderMembers(
      ctx.db,
      before.members.filter((x) => x.id !== id).map((x) => x.id),
    );
    const after = await detail(ctx, m.partyListId);
    await ctx.audit({
      action: 'delete',
      entity: 'party_list_member',
      entityId: id,
      summary: `${m.name} taken off the ${titleOf(after)} (was ${place})`,
      before: { ...m, position: place },
    });
    return after;
  },
  'partyLists.reorder': async (ctx, { listId, order }) => {
    await claimList(ctx.db, listId);
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
    if (missing.length > 0)
      fields.order = `Give a place to every name on the list: ${missing.map((m) => m.name).join(', ')} ${missing.length === 1 ? 'has' : 'have'} none`;
    const messages = Object.values(fields);
    if (messages.length > 0) throw invalid(`The order was not changed: ${messages.join('; ')}`, fields);
    await orderMembers(
      ctx.db,
      [...order].sort((a, b) => a.position - b.position).map((o) => o.memberId),
    );
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
    const c = consentProblems({
      signedOn: consentSignedOn,
      witnessedBy: consentWitnessedBy,
      closeOfNominations: before.closeOfNominations,
      deliveredOn,
      today: ukToday(),
    });
    if (c.refusals.length > 0) throw invalid(c.refusals[0], { consentSignedOn: c.refusals[0] });
    if (homeAddressFormOn && deliveredOn && homeAddressFormOn > deliveredOn) {
      const message = `The home address form is dated ${formatDateLong(homeAddressFormOn)}, after the list's papers were delivered on ${formatDateLong(deliveredOn)}: check the date`;
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
} satisfies Partial<HandlersFor<typeof partyListsContract>>;
