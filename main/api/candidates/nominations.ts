import { listCandidacies, upsertContestRules } from '../../../db/repositories/candidacies.ts';
import type { NominationCheck, candidatesContract } from '../../../shared/contract/candidates.ts';
import { postKindsFor } from '../../../shared/domain/nominations.ts';
import { requireContest } from '../contests.ts';
import type { HandlersFor } from '../context.ts';
import { detail } from './detail.ts';
import { invalid } from '../records.ts';
import { closeOfNominations, publicRules, rulesOf } from './rules.ts';

export const nominationHandlers = {
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
    await upsertContestRules(ctx.db, contestId, {
      postKind,
      seats,
      subscribersRequired,
      depositPence,
      councils: councils === undefined ? before.councils : councils,
    });
    const after = publicRules(await rulesOf(ctx, contest));
    await ctx.audit({
      action: 'update',
      entity: 'contest_nomination_rules',
      entityId: contestId,
      summary: `Nomination rules of ${contest.areaName} (${contest.electionName})`,
      before,
      after,
    });
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
} satisfies Partial<HandlersFor<typeof candidatesContract>>;
