import type { z } from 'zod';
import { getAreaFigures } from '../../../db/repositories/treasury.ts';
import type { Contest } from '../../../shared/contract/contests.ts';
import type { LedgerLine, LimitInfo, PeriodInfo, TreasurySettings, spendInfo } from '../../../shared/contract/treasury.ts';
import type { ElectionReturn } from '../../../shared/domain/election-return.ts';
import { type ElectionRules, RulesInputError, rulesFor } from '../../../shared/domain/election-rules.ts';
import { chooseLimit, periodLimits } from '../../../shared/domain/limit-choice.ts';
import { formatPence } from '../../../shared/domain/money.ts';
import { findPoliceArea } from '../../../shared/domain/pcc-limits.ts';
import { periodOf } from '../../../shared/domain/regulated-periods.ts';
import { noRuleMessage, spendStatus } from '../../../shared/domain/spending-limits.ts';
import { candidatesHandlers } from '../candidates.ts';
import type { Ctx } from '../context.ts';
import { loadHolidays } from '../timetable.ts';
import { listSpendingLimit } from './links.ts';

type SpendInfo = z.infer<typeof spendInfo>;

const GLA_POST_KIND = { mayor: 'gla-mayor', constituency: 'gla-constituency', list: 'gla-list' } as const;

/**
 * The contest's limit and regulated periods from the election rules (election-rules.ts, the same
 * figures `hustings rules` prints), with the area's figures, the settings and the nomination
 * rules' post and councils; the user's figures from the returning officer's notice replace them.
 */
export async function limitOf(ctx: Ctx, contest: Contest, settings: TreasurySettings): Promise<{ limit: LimitInfo; periods: PeriodInfo[] }> {
  const area = await getAreaFigures(ctx.db, contest.id);
  const nominations = await candidatesHandlers['nominations.rules'](ctx, { contestId: contest.id });
  const electors = settings.electors ?? area?.electorate ?? null;
  const electorsFrom = settings.electors !== null ? 'settings' : area?.electorate != null ? 'area' : null;
  const areaKind = settings.areaKind ?? area?.classification ?? null;
  const isPcc = contest.electionType === 'pcc';
  const policeArea = isPcc ? (settings.policeArea ?? (area && findPoliceArea(area.name)?.policeArea) ?? null) : null;
  // A GLA contest's post is chosen here (the Mayor's rule says which inputs matter until it is).
  const post = contest.electionType === 'gla' ? GLA_POST_KIND[settings.glaPost ?? 'mayor'] : nominations.postKind;
  const query = {
    type: contest.electionType,
    nation: contest.nation,
    post,
    designation: areaKind,
    electorate: electors,
    councils: nominations.councils,
    policeArea,
    jointCandidates: settings.jointCandidates,
    poll: contest.pollingDay,
    holidays: await loadHolidays(ctx.db),
  };
  let rules: ElectionRules | null = null;
  let refusal: string | null = null;
  try {
    rules = rulesFor(query);
  } catch (e) {
    if (!(e instanceof RulesInputError)) throw e;
    refusal = e.message;
  }
  const rule = rules?.limit.rule ?? null;
  const base = {
    contestId: contest.id,
    electors,
    electorsFrom,
    areaKind,
    glaPost: settings.glaPost,
    jointCandidates: settings.jointCandidates,
    jointReductions: rule?.jointReductions ?? false,
    usesElectors: rule !== null && rule.perElector !== null,
    usesAreaKind: rule?.perElector != null && 'county' in rule.perElector,
    usesPoliceArea: rule?.byPoliceArea === true,
    policeArea,
    usesCouncils: rule?.perCouncil === true,
    councils: nominations.councils,
    ruleLabel: rule?.label ?? null,
    instrument: rules?.limit.instrument ?? null,
    confirmed: rules?.limit.confirmed ?? false,
    checkedOn: rules?.limit.checkedOn ?? null,
    note: rules?.limit.note ?? null,
  } as const;
  const choice = chooseLimit({
    override: settings.limitOverridePence === null ? null : { pence: settings.limitOverridePence, source: settings.limitSource },
    list: await listSpendingLimit(ctx, contest),
    notYet: contest.electionType === 'gla' && !settings.glaPost ? noRuleMessage('gla', contest.nation, null) : null,
    rules: rules ? { limitPence: rules.limit.limitPence, working: rules.limit.working } : { refusal: refusal! },
  });
  let limit: LimitInfo;
  if (choice.basis === 'rule' && choice.fromList) {
    const { label, instrument, confirmed, note } = choice.fromList;
    limit = {
      ...base,
      usesElectors: false,
      usesAreaKind: false,
      ruleLabel: label,
      instrument,
      confirmed,
      note,
      basis: 'rule',
      limitPence: choice.limitPence,
      working: choice.working,
      problem: null,
    };
  } else {
    const { basis, limitPence, working, problem } = choice;
    limit = { ...base, basis, limitPence, working, problem, confirmed: basis === 'override' || base.confirmed };
  }
  const periods: PeriodInfo[] = periodLimits(rules?.periods ?? [], { last: settings.limitOverridePence, earlier: settings.earlyLimitOverridePence }, limit);
  return { limit, periods };
}

export function spendOf(spentPence: number, limit: Pick<LimitInfo, 'limitPence'>): SpendInfo {
  if (limit.limitPence === null) {
    return {
      spentPence,
      level: 'no-limit',
      percent: null,
      headroomPence: null,
      overByPence: null,
      message: `${formatPence(spentPence)} spent; no limit set yet`,
    };
  }
  const s = spendStatus(spentPence, limit.limitPence);
  return { spentPence, level: s.level, percent: s.percent, headroomPence: s.headroomPence, overByPence: s.overByPence, message: s.message };
}

/** Spending in each regulated period, assigned by the line's date (invoice, else payment). */
export function periodSpend(periods: PeriodInfo[], ret: ElectionReturn<LedgerLine>): (PeriodInfo & { spend: SpendInfo })[] {
  const totals = new Map(periods.map((p) => [p.key, 0]));
  for (const c of ret.categories) {
    for (const line of c.lines) {
      const p = periodOf(line.invoiceOn ?? line.paidOn, periods);
      totals.set(p.key, totals.get(p.key)! + (line.kind === 'refund' ? -line.amountPence : line.amountPence));
    }
  }
  return periods.map((p) => ({ ...p, spend: spendOf(totals.get(p.key)!, p) }));
}
