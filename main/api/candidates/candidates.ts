import { logErasure } from '../../../db/erasure-log.ts';
import { listCandidacies } from '../../../db/repositories/candidacies.ts';
import { deleteCandidate, insertCandidate, listCandidates, updateCandidate } from '../../../db/repositories/candidates.ts';
import { candidateIdentifiers, eraseCandidate } from '../../../db/repositories/person-erasure.ts';
import type { candidatesContract } from '../../../shared/contract/candidates.ts';
import { ERASED_TEXT } from '../../../shared/domain/erasure.ts';
import type { HandlersFor } from '../context.ts';
import { EDITABLE, guardedEdit } from '../edits.ts';
import { accountsNote, accountsReached, confirmErasure, personTrail, recordErasure } from '../erasure.ts';
import { detail, requireCandidate } from './detail.ts';

export const candidateHandlers = {
  'candidates.list': async (ctx) => listCandidates(ctx.db),
  'candidates.get': async (ctx, { id }) => requireCandidate(ctx, id),
  'candidates.create': async (ctx, input) => {
    const id = await insertCandidate(ctx.db, input);
    const after = await requireCandidate(ctx, id);
    await ctx.audit({ action: 'create', entity: 'candidate', entityId: id, summary: `Added candidate ${input.ballotName}`, after });
    return after;
  },
  'candidates.update': guardedEdit(EDITABLE.candidate, async (ctx, { id, ...input }) => {
    const before = await requireCandidate(ctx, id);
    await updateCandidate(ctx.db, id, input);
    const after = await requireCandidate(ctx, id);
    await ctx.audit({ action: 'update', entity: 'candidate', entityId: id, summary: `Changed candidate ${input.ballotName}`, before, after });
    return after;
  }),
  'candidates.delete': async (ctx, { id }) => {
    const before = await requireCandidate(ctx, id);
    await deleteCandidate(ctx.db, id);
    await ctx.audit({
      action: 'delete',
      entity: 'candidate',
      entityId: id,
      summary: `Deleted candidate ${before.ballotName} and ${before.candidacyCount} candidacies`,
      before,
    });
    return { deleted: true };
  },
  'candidates.getPersonExport': async (ctx, { id }) => {
    const candidate = await requireCandidate(ctx, id);
    const list = await listCandidacies(ctx.db, { candidateId: id });
    const trail = await personTrail(
      ctx,
      [
        { entity: 'candidate', ids: [id] },
        { entity: 'candidacy', ids: list.map((k) => k.id) },
      ],
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
    const accounts = await accountsReached(ctx, [c.ballotName, c.commonName]);
    confirmErasure(
      confirm,
      `Erasing ${c.ballotName} blanks their names, home address, email, phone and notes, takes their name out of results, tasks, papers and notes, and blanks their details in the activity log, leaving only a note that an erasure happened.${kept}${accountsNote(accounts)}`,
    );
    logErasure(ctx.db, ctx.dbPath, ctx.encryption.key, 'candidate', c);
    const traces = await eraseCandidate(ctx.db, c);
    return recordErasure(ctx, { entity: 'candidate', entityId: id, whose: 'a candidate’s', extra: { candidacies: n } }, traces, accounts);
  },
} satisfies Partial<HandlersFor<typeof candidatesContract>>;
