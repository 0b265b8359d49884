import {
  checklistRows,
  getCandidacyPapers,
  getCandidacySummary,
  getSubscriber,
  listSubscribers,
  registerLoadedFor,
  statusHistory,
} from '../../../db/repositories/candidacies.ts';
import { getCandidate } from '../../../db/repositories/candidates.ts';
import { getResult } from '../../../db/repositories/results.ts';
import { getDeposit } from '../../../db/repositories/treasury.ts';
import type { CandidacyDetail, ContestResult } from '../../../shared/contract/candidates.ts';
import { type DepositOutcome, depositOutcome } from '../../../shared/domain/deposits.ts';
import { type NominationRequirements, allowedNextStatuses, evaluateChecklist, subscriberRole } from '../../../shared/domain/nominations.ts';
import { computeResult } from '../../../shared/domain/results.ts';
import { ukToday } from '../../../shared/domain/working-days.ts';
import { requireContest } from '../contests.ts';
import type { Ctx } from '../context.ts';
import { requireRecord } from '../records.ts';
import { listBallotFor, seatsByRow } from '../list-ballot.ts';
import { closeOfNominations, publicRules, rulesOf } from './rules.ts';

export async function requireCandidate(ctx: Ctx, id: number) {
  return requireRecord(await getCandidate(ctx.db, id), 'candidate', id);
}

export async function requireCandidacy(ctx: Ctx, id: number) {
  return requireRecord(await getCandidacySummary(ctx.db, id), 'candidacy', id);
}

export async function requireSubscriber(ctx: Ctx, id: number) {
  return requireRecord(await getSubscriber(ctx.db, id), 'subscriber', id);
}

function depositFor(req: NominationRequirements, seats: number, result: ContestResult | null, candidacyId: number): DepositOutcome | null {
  if (!req.deposit) return { outcome: 'no-deposit', reason: 'no deposit is required for this election' };
  const row = result?.rows.find((r) => r.candidacyId === candidacyId);
  if (!result || !row) return null;
  try {
    return depositOutcome(req.deposit, { votes: row.votes, totalValidVotes: result.totalVotes, elected: row.elected, seats });
  } catch {
    return null;
  }
}

export async function detail(ctx: Ctx, id: number): Promise<CandidacyDetail> {
  const summary = await requireCandidacy(ctx, id);
  const contest = await requireContest(ctx, summary.contestId);
  const candidate = await requireCandidate(ctx, summary.candidateId);
  const papers = (await getCandidacyPapers(ctx.db, id))!;
  const rules = await rulesOf(ctx, contest);
  const history = await statusHistory(ctx.db, id);
  const subscribers = await listSubscribers(ctx.db, id);
  const items = await checklistRows(ctx.db, id);
  const close = await closeOfNominations(ctx, contest);
  const deliveredOn = [...history].reverse().find((h) => h.status === 'delivered')?.onDate ?? null;
  const deposit = await getDeposit(ctx.db, contest.id);
  const checklist = evaluateChecklist(
    rules.req,
    { partyCandidate: candidate.partyCandidate },
    {
      items: Object.fromEntries(items.map((r) => [r.item, { state: r.state, doneOn: r.doneOn, note: r.note }])),
      consent: { signedOn: papers.consentSignedOn, witnessedBy: papers.consentWitnessedBy },
      subscribers,
      closeOfNominations: close?.date ?? null,
      deliveredOn,
      depositPaid: deposit ? { amountPence: deposit.amountPence, paidOn: deposit.paidOn } : null,
      today: ukToday(),
    },
  );
  const result = await resultOf(ctx, contest.id);
  return {
    ...summary,
    candidate,
    ...papers,
    deliveredOn,
    history,
    allowedNext: [...allowedNextStatuses(summary.status)],
    rules: publicRules(rules),
    closeOfNominations: close?.date ?? null,
    closeOfNominationsTime: close?.time ?? null,
    checklist,
    subscribers: subscribers.map((s) => ({
      id: s.id,
      position: s.position,
      role: subscriberRole(s.position),
      electorNumber: s.electorNumber,
      fullName: s.fullName,
      checked: s.checked,
    })),
    registerLoaded: await registerLoadedFor(ctx.db, contest.areaId),
    deposit: depositFor(rules.req, rules.seats, result, id),
  };
}

export async function resultOf(ctx: Ctx, contestId: number): Promise<ContestResult | null> {
  const saved = await getResult(ctx.db, contestId);
  if (!saved) return null;
  const { header, rows } = saved;
  const computed = computeResult({ ...header, rows: rows.map((r) => ({ key: String(r.id), name: r.name, votes: r.votes })) });
  const contest = await requireContest(ctx, contestId);
  const rules = await rulesOf(ctx, contest);
  const byKey = new Map(computed.rows.map((r) => [r.key, r]));
  const partial: ContestResult = {
    ...header,
    totalVotes: computed.totalVotes,
    ballots: computed.ballots,
    turnout: computed.turnout,
    rows: rows.map((r) => ({ ...r, share: byKey.get(String(r.id))!.share, position: byKey.get(String(r.id))!.position, deposit: null })),
  };
  for (const row of partial.rows) {
    if (row.candidacyId !== null) row.deposit = depositFor(rules.req, rules.seats, partial, row.candidacyId);
  }
  const ballot = await listBallotFor(ctx, contest);
  if (ballot) {
    const { seats, ties } = await seatsByRow(ctx, ballot, rows);
    partial.listSeats = ballot.seats;
    partial.ties = ties;
    // In a list election who is elected follows from the seats won, not from a tick.
    partial.rows.forEach((row, i) => Object.assign(row, { seatsWon: seats[i], elected: seats[i] > 0 }));
  }
  return partial;
}
