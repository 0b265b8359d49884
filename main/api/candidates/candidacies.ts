import {
  deleteCandidacy,
  findCandidacy,
  insertCandidacy,
  listCandidacies,
  setCandidacyPapers,
  setCandidacyStatus,
  upsertChecklistItem,
} from '../../../db/repositories/candidacies.ts';
import type { candidatesContract } from '../../../shared/contract/candidates.ts';
import { AppError } from '../../../shared/contract/result.ts';
import {
  CANDIDACY_STATUS_LABELS,
  type ChecklistItemId,
  type ItemState,
  consentProblems,
  deliveryProblems,
  itemStateProblem,
  statusChangeProblem,
} from '../../../shared/domain/nominations.ts';
import { formatDateLong, ukToday } from '../../../shared/domain/working-days.ts';
import { requireContest } from '../contests.ts';
import type { HandlersFor } from '../context.ts';
import { detail, requireCandidacy, requireCandidate } from './detail.ts';
import { EDITABLE, guardedEdit } from '../edits.ts';
import { invalid } from '../records.ts';
import { statusDateProblem } from './rules.ts';

export const candidacyHandlers = {
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
    await ctx.audit({
      action: 'create',
      entity: 'candidacy',
      entityId: id,
      summary: `${candidate.ballotName} to stand in ${contest.areaName} (${contest.electionName})`,
      after: { candidateId, contestId },
    });
    return after;
  },
  'candidacies.delete': async (ctx, { id }) => {
    const before = await requireCandidacy(ctx, id);
    await deleteCandidacy(ctx.db, id);
    await ctx.audit({
      action: 'delete',
      entity: 'candidacy',
      entityId: id,
      summary: `Removed ${before.candidateName} from ${before.areaName} (${before.electionName})`,
      before,
    });
    return { deleted: true };
  },
  'candidacies.setStatus': guardedEdit(EDITABLE.candidacy, async (ctx, { id, status, onDate, reason }) => {
    const before = await detail(ctx, id);
    const problem = statusChangeProblem(before.status, status, reason);
    if (problem) throw invalid(problem, { status: problem });
    const missing = status === 'delivered' ? deliveryProblems(before.checklist) : [];
    if (missing.length > 0) {
      const message = `The papers cannot be marked delivered yet: ${missing.join('; ')}`;
      throw invalid(message, { status: message });
    }
    if (status === 'delivered' && before.consentSignedOn && before.consentSignedOn > onDate) {
      const message = `The consent is dated ${formatDateLong(before.consentSignedOn)}, after this delivery date: check both dates`;
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
      summary: `${before.candidateName} (${before.areaName}): ${CANDIDACY_STATUS_LABELS[status]} on ${formatDateLong(onDate)}${reason ? ` — ${reason}` : ''}`,
      before: { status: before.status },
      after: { status, onDate, reason },
    });
    return after;
  }),
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
  'candidacies.setPapers': guardedEdit(EDITABLE.candidacy, async (ctx, { id, consentSignedOn, consentWitnessedBy, agentName }) => {
    const before = await detail(ctx, id);
    const c = consentProblems({
      signedOn: consentSignedOn,
      witnessedBy: consentWitnessedBy,
      closeOfNominations: before.closeOfNominations,
      deliveredOn: before.deliveredOn,
      today: ukToday(),
    });
    if (c.refusals.length > 0) throw invalid(c.refusals[0], { consentSignedOn: c.refusals[0] });
    const prior = { consentSignedOn: before.consentSignedOn, consentWitnessedBy: before.consentWitnessedBy, agentName: before.agentName };
    await setCandidacyPapers(ctx.db, id, { consentSignedOn, consentWitnessedBy, agentName });
    // The signed date is the consent: recording it ticks the item, clearing it unticks it.
    const consent = before.checklist.items.find((i) => i.id === 'consent')!;
    if ((consent.state === 'done') !== (consentSignedOn !== null)) {
      await upsertChecklistItem(ctx.db, id, { item: 'consent', state: consentSignedOn ? 'done' : 'todo', doneOn: consentSignedOn, note: consent.note ?? '' });
    }
    const after = await detail(ctx, id);
    await ctx.audit({
      action: 'update',
      entity: 'candidacy',
      entityId: id,
      summary: `${before.candidateName} (${before.areaName}): consent and agent`,
      before: prior,
      after: { consentSignedOn, consentWitnessedBy, agentName },
    });
    return after;
  }),
} satisfies Partial<HandlersFor<typeof candidatesContract>>;
