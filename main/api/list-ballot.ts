/**
 * Whether a contest is fought by party lists, and the seats each row of its result wins. Shared
 * by the results (candidates) and the party lists, so neither imports the other.
 */
import type { Contest } from '../../shared/contract/contests.ts';
import { defaultPostKind } from '../../shared/domain/nominations.ts';
import { type ListBallot, allocateSeats, listBallotOf } from '../../shared/domain/party-lists.ts';
import { getContestRules } from '../../db/repositories/candidacies.ts';
import { contestAreaKind, listMembers } from '../../db/repositories/party-lists.ts';
import type { Ctx } from './context.ts';

export async function listBallotFor(ctx: Ctx, contest: Contest): Promise<ListBallot | null> {
  const rules = await getContestRules(ctx.db, contest.id);
  return listBallotOf({
    electionType: contest.electionType,
    postKind: rules?.postKind ?? defaultPostKind(contest.electionType),
    areaKind: await contestAreaKind(ctx.db, contest.id),
    pollingDay: contest.pollingDay,
  });
}

export interface SeatRow {
  name: string;
  party: string;
  votes: number;
  candidacyId: number | null;
  partyListId: number | null;
  constituencySeats: number;
}

/**
 * Seats won by each row, in row order. A row is a list when it is our list or names a party
 * (as many seats as it has names: ours counted, others' up to the most a list may hold); a row
 * with no party, or our individual candidate, is an individual who can win one seat.
 */
export async function seatsByRow(ctx: Ctx, ballot: ListBallot, rows: readonly SeatRow[]): Promise<{ seats: number[]; ties: string[] }> {
  const entries = await Promise.all(
    rows.map(async (r, i) => {
      const isList = r.partyListId !== null || (r.candidacyId === null && r.party.trim() !== '');
      const maxSeats = r.partyListId !== null ? (await listMembers(ctx.db, r.partyListId)).length : isList ? (ballot.maxNames ?? ballot.seats) : 1;
      return { key: String(i), name: r.name, votes: r.votes, maxSeats, priorSeats: ballot.allocation === 'additional-member' ? r.constituencySeats : 0 };
    }),
  );
  const a = allocateSeats(entries, ballot.seats, { thresholdBasisPoints: ballot.thresholdBasisPoints });
  return { seats: rows.map((_, i) => a.seats[String(i)]), ties: a.ties };
}
