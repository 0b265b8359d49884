import { getContestRules } from '../../../db/repositories/candidacies.ts';
import { getSettings, latestExpenseDate, saveSettings } from '../../../db/repositories/treasury.ts';
import type { TreasurySettings, treasuryContract } from '../../../shared/contract/treasury.ts';
import { findPoliceArea } from '../../../shared/domain/pcc-limits.ts';
import { findLimitRule } from '../../../shared/domain/spending-limits.ts';
import { treasurySettingsProblems } from '../../../shared/domain/treasury-settings.ts';
import { requireContest } from '../contests.ts';
import type { HandlersFor } from '../context.ts';
import { titleOf } from './figures.ts';
import { invalid } from '../records.ts';
import { today } from './links.ts';

export const settingsHandlers = {
  'treasury.updateSettings': async (ctx, input) => {
    const contest = await requireContest(ctx, input.contestId);
    const before = await getSettings(ctx.db, contest.id);
    const after: TreasurySettings = {
      contestId: contest.id,
      electors: input.electors,
      areaKind: input.areaKind,
      glaPost: contest.electionType === 'gla' ? input.glaPost : null,
      jointCandidates: input.jointCandidates,
      limitOverridePence: input.limitOverride,
      limitSource: input.limitOverride === null ? '' : input.limitSource,
      returnDeliveredOn: input.returnDeliveredOn,
      policeArea: contest.electionType === 'pcc' ? input.policeArea : null,
      earlyLimitOverridePence: input.earlyLimitOverride,
    };
    const problems = treasurySettingsProblems(after, {
      today: today(),
      latestExpenseOn: after.returnDeliveredOn ? await latestExpenseDate(ctx.db, contest.id) : null,
      jointReductions:
        findLimitRule(contest.electionType, contest.nation, after.glaPost, (await getContestRules(ctx.db, contest.id))?.postKind ?? undefined)
          ?.jointReductions ?? false,
    });
    if (problems.length > 0) throw invalid(problems);
    // The police area as the list spells it.
    if (after.policeArea !== null) after.policeArea = findPoliceArea(after.policeArea)!.policeArea;
    await saveSettings(ctx.db, after);
    await ctx.audit({
      action: 'update',
      entity: 'treasury-settings',
      entityId: contest.id,
      summary: `Spending-limit settings for ${titleOf(contest)}`,
      before,
      after,
    });
    return after;
  },
} satisfies Partial<HandlersFor<typeof treasuryContract>>;
