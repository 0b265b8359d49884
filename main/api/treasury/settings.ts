import { getContestRules } from '../../../db/repositories/candidacies.ts';
import { getSettings, latestExpenseDate, saveSettings } from '../../../db/repositories/treasury.ts';
import type { TreasurySettings, treasuryContract } from '../../../shared/contract/treasury.ts';
import { findPoliceArea } from '../../../shared/domain/pcc-limits.ts';
import { findLimitRule } from '../../../shared/domain/spending-limits.ts';
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
    if (after.policeArea !== null) {
      const area = findPoliceArea(after.policeArea);
      if (!area) throw invalid(`"${after.policeArea}" is not a police area`, { policeArea: 'Choose a police area from the list' });
      after.policeArea = area.policeArea;
    }
    if (after.returnDeliveredOn) {
      if (after.returnDeliveredOn > today()) throw invalid('The return cannot be delivered in the future', { returnDeliveredOn: `${after.returnDeliveredOn} is in the future` });
      const latest = await latestExpenseDate(ctx.db, contest.id);
      if (latest && latest > after.returnDeliveredOn) {
        throw invalid(`An expense is dated ${latest}, after ${after.returnDeliveredOn}: nothing on the return may be dated after it`, {
          returnDeliveredOn: `An expense is dated ${latest}, after this date`,
        });
      }
    }
    if (after.jointCandidates > 1 && !findLimitRule(contest.electionType, contest.nation, after.glaPost, (await getContestRules(ctx.db, contest.id))?.postKind ?? undefined)?.jointReductions) {
      throw invalid('Joint-candidate reductions apply to council elections only', { jointCandidates: 'Only council elections have joint candidates' });
    }
    await saveSettings(ctx.db, after);
    await ctx.audit({ action: 'update', entity: 'treasury-settings', entityId: contest.id, summary: `Spending-limit settings for ${titleOf(contest)}`, before, after });
    return after;
  },
} satisfies Partial<HandlersFor<typeof treasuryContract>>;
