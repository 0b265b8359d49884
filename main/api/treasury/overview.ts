import { getCandidacyPapers, listCandidacies } from '../../../db/repositories/candidacies.ts';
import { listContests } from '../../../db/repositories/contests.ts';
import { contestIdsWithMoney } from '../../../db/repositories/treasury.ts';
import type { treasuryContract } from '../../../shared/contract/treasury.ts';
import { electionTypeLabel } from '../../../shared/domain/election-types.ts';
import type { HandlersFor } from '../context.ts';
import { everything, titleOf } from './figures.ts';

export const overviewHandlers = {
  'treasury.listOverview': async (ctx) => {
    const withMoney = new Set(await contestIdsWithMoney(ctx.db));
    const contests = (await listContests(ctx.db)).filter((c) => c.status === 'contesting' || withMoney.has(c.id));
    const rows = [];
    for (const c of contests) {
      const x = await everything(ctx, c.id);
      const undecided = x.donations.filter((d) => d.deadlineState === 'open' || d.deadlineState === 'lapsed');
      rows.push({
        contestId: c.id,
        electionName: c.electionName,
        areaName: c.areaName,
        pollingDay: c.pollingDay,
        limitPence: x.limit.limitPence,
        spend: x.spend,
        donationsPence: x.ret.totalDonationsPence,
        undecidedDonations: undecided.length,
        nextDonationDeadline: undecided.map((d) => d.deadline!).sort()[0] ?? null,
        depositOutcome: x.deposit.outcome,
        depositPence: x.deposit.recorded?.amountPence ?? null,
        returnDue: x.postPoll?.returnDue ?? null,
      });
    }
    return rows;
  },
  'treasury.getLedger': async (ctx, { contestId }) => {
    const x = await everything(ctx, contestId);
    return {
      contestId,
      title: titleOf(x.contest),
      type: x.contest.electionType,
      electionType: electionTypeLabel(x.contest.electionType, x.contest.nation),
      nation: x.contest.nation,
      settings: x.settings,
      limit: x.limit,
      spend: x.spend,
      periods: x.periods,
      deposit: x.deposit,
      donations: x.donations,
      lines: x.lines,
      postPoll: x.postPoll,
      returnDeliveredOn: x.settings.returnDeliveredOn,
    };
  },
  'treasury.getLimit': async (ctx, { contestId }) => {
    const x = await everything(ctx, contestId);
    return { ...x.limit, spend: x.spend, periods: x.periods };
  },
  'treasury.getReturn': async (ctx, { contestId }) => {
    const x = await everything(ctx, contestId);
    const { ret } = x;
    const candidacies = await listCandidacies(ctx.db, { contestId });
    const candidates = await Promise.all(
      candidacies.map(async (k) => ({ name: k.candidateName, agentName: (await getCandidacyPapers(ctx.db, k.id))?.agentName ?? '' })),
    );
    return {
      contestId,
      title: titleOf(x.contest),
      candidates,
      categories: ret.categories,
      totalPaidPence: ret.totalPaidPence,
      totalUnpaidPence: ret.totalUnpaidPence,
      totalNotionalPence: ret.totalNotionalPence,
      totalRefundsPence: ret.totalRefundsPence,
      totalSpendPence: ret.totalSpendPence,
      donationsSchedule: ret.donationsSchedule,
      returnedDonations: ret.returnedDonations,
      totalDonationsPence: ret.totalDonationsPence,
      deposit: x.deposit,
      limit: x.limit,
      nil: ret.nil,
      problems: ret.problems,
      returnDue: x.postPoll?.returnDue ?? null,
      returnDeliveredOn: x.settings.returnDeliveredOn,
    };
  },
} satisfies Partial<HandlersFor<typeof treasuryContract>>;
