import { listCandidacies } from '../../../db/repositories/candidacies.ts';
import { setDeclaredOn } from '../../../db/repositories/contests.ts';
import { partyListOfContest } from '../../../db/repositories/party-lists.ts';
import { deleteResult, saveResult } from '../../../db/repositories/results.ts';
import type { candidatesContract } from '../../../shared/contract/candidates.ts';
import { declarationProblems, isFirstPastThePost, resultProblems } from '../../../shared/domain/results.ts';
import { formatDateLong, ukToday } from '../../../shared/domain/working-days.ts';
import { requireContest } from '../contests.ts';
import type { HandlersFor } from '../context.ts';
import { listBallotFor } from '../list-ballot.ts';
import { resultOf } from './detail.ts';
import { invalid } from '../records.ts';
import { fieldsOf } from '../../../shared/domain/problems.ts';
import { rulesOf } from './rules.ts';

export const resultHandlers = {
  'results.get': async (ctx, { contestId }) => {
    await requireContest(ctx, contestId);
    return resultOf(ctx, contestId);
  },
  'results.record': async (ctx, input) => {
    const contest = await requireContest(ctx, input.contestId);
    const problems = resultProblems({ ...input, rows: input.rows.map((r, i) => ({ key: String(i), name: r.name, votes: r.votes })) });
    const rules = await rulesOf(ctx, contest);
    problems.push(
      ...declarationProblems({
        declaredOn: input.declaredOn,
        pollingDay: contest.pollingDay,
        today: ukToday(),
        // A multi-member ward gives each elector a vote per seat, whether or not the seats were entered in the rules.
        seats: Math.max(rules.seats, input.votesPerBallot),
        firstPastThePost: isFirstPastThePost(contest.electionType, contest.nation, rules.postKind),
        rows: input.rows,
      }),
    );
    const ours = await listCandidacies(ctx.db, { contestId: contest.id });
    const seen = new Set<number>();
    const list = await partyListOfContest(ctx.db, contest.id);
    const ballot = await listBallotFor(ctx, contest);
    input.rows.forEach((r, i) => {
      if (r.partyListId === null) return;
      if (!ballot) problems.push({ field: `rows.${i}.partyListId`, message: 'This contest elects candidates singly: a result row cannot be a party list' });
      else if (r.partyListId !== list?.id)
        problems.push({ field: `rows.${i}.partyListId`, message: `Party list ${r.partyListId} is not standing in this contest` });
      else if (input.rows.findIndex((o) => o.partyListId === r.partyListId) !== i)
        problems.push({ field: `rows.${i}.partyListId`, message: `${r.name} is entered twice` });
      else if (r.candidacyId !== null)
        problems.push({ field: `rows.${i}.candidacyId`, message: `${r.name} is our list's row: it cannot also be a candidate's` });
    });
    input.rows.forEach((r, i) => {
      if (r.candidacyId === null) return;
      if (!ours.some((k) => k.id === r.candidacyId))
        problems.push({ field: `rows.${i}.candidacyId`, message: `Candidacy ${r.candidacyId} is not in this contest` });
      else if (seen.has(r.candidacyId)) problems.push({ field: `rows.${i}.candidacyId`, message: `${r.name} is entered twice` });
      seen.add(r.candidacyId);
    });
    if (problems.length > 0) {
      const fields = fieldsOf(problems);
      throw invalid(`The result was not saved: ${problems[0].message}${problems.length > 1 ? ` (and ${problems.length - 1} more)` : ''}`, fields);
    }
    const before = await resultOf(ctx, contest.id);
    const { rows, contestId, ...header } = input;
    await saveResult(ctx.db, { contestId, ...header }, rows);
    await setDeclaredOn(ctx.db, contestId, input.declaredOn);
    const after = (await resultOf(ctx, contestId))!;
    await ctx.audit({
      action: before ? 'update' : 'create',
      entity: 'contest_result',
      entityId: contestId,
      summary: `Result of ${contest.areaName} (${contest.electionName}) declared ${formatDateLong(input.declaredOn)}`,
      before,
      after,
    });
    return after;
  },
  'results.delete': async (ctx, { contestId }) => {
    const contest = await requireContest(ctx, contestId);
    const before = await resultOf(ctx, contestId);
    if (!before) return { deleted: false };
    await deleteResult(ctx.db, contestId);
    await setDeclaredOn(ctx.db, contestId, null);
    await ctx.audit({
      action: 'delete',
      entity: 'contest_result',
      entityId: contestId,
      summary: `Deleted the result of ${contest.areaName} (${contest.electionName})`,
      before,
    });
    return { deleted: true };
  },
} satisfies Partial<HandlersFor<typeof candidatesContract>>;
