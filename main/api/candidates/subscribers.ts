import { logErasure } from '../../../db/erasure-log.ts';
import {
  claimCandidacy,
  deleteSubscriber,
  electorsByNumber,
  insertSubscriber,
  listSubscribers,
  reorderSubscribers,
} from '../../../db/repositories/candidacies.ts';
import { eraseSubscriber } from '../../../db/repositories/person-erasure.ts';
import type { candidatesContract } from '../../../shared/contract/candidates.ts';
import { canonicalElectorNumber } from '../../../shared/domain/elector-number.ts';
import { checkSubscriber } from '../../../shared/domain/nominations.ts';
import type { HandlersFor } from '../context.ts';
import { accountsNote, accountsReached, confirmErasure, personTrail, recordErasure } from '../erasure.ts';
import { detail, requireCandidacy, requireSubscriber } from './detail.ts';
import { invalid } from '../records.ts';

export const subscriberHandlers = {
  'subscribers.add': async (ctx, { candidacyId, electorNumber, name }) => {
    await claimCandidacy(ctx.db, candidacyId);
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
    await claimCandidacy(ctx.db, s.candidacyId);
    await deleteSubscriber(ctx.db, id);
    const rest = await listSubscribers(ctx.db, s.candidacyId);
    await reorderSubscribers(
      ctx.db,
      rest.map((r) => r.id),
    );
    await ctx.audit({
      action: 'delete',
      entity: 'nomination_subscriber',
      entityId: id,
      summary: `Removed subscriber ${s.electorNumber} ${s.fullName}`,
      before: s,
    });
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
    const accounts = await accountsReached(ctx, [s.fullName]);
    confirmErasure(
      confirm,
      `Erasing ${s.fullName} (${s.electorNumber}) takes them off ${k.candidateName}’s nomination paper for ${k.areaName} (those after them move up, leaving ${k.subscriberCount - 1} subscribers), takes their name out of notes and blanks their details in the activity log, leaving only a note that an erasure happened. Their entry in the electoral register, if any, is not touched.${accountsNote(accounts)}`,
    );
    logErasure(ctx.db, ctx.dbPath, ctx.encryption.key, 'subscriber', s);
    const traces = await eraseSubscriber(ctx.db, s);
    return recordErasure(
      ctx,
      { entity: 'nomination_subscriber', entityId: id, whose: 'a nomination subscriber’s', extra: { candidacyId: s.candidacyId } },
      traces,
      accounts,
    );
  },
  'subscribers.move': async (ctx, { id, position }) => {
    const s = await requireSubscriber(ctx, id);
    await claimCandidacy(ctx.db, s.candidacyId);
    const all = await listSubscribers(ctx.db, s.candidacyId);
    if (position > all.length) throw invalid(`There are only ${all.length} subscribers`, { position: `Choose a position from 1 to ${all.length}` });
    const ids = all.map((r) => r.id).filter((x) => x !== id);
    ids.splice(position - 1, 0, id);
    await reorderSubscribers(ctx.db, ids);
    await ctx.audit({
      action: 'update',
      entity: 'nomination_subscriber',
      entityId: id,
      summary: `Moved subscriber ${s.electorNumber} from ${s.position} to ${position}`,
      before: { position: s.position },
      after: { position },
    });
    return detail(ctx, s.candidacyId);
  },
} satisfies Partial<HandlersFor<typeof candidatesContract>>;
