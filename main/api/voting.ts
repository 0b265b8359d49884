import type { votingContract } from '../../shared/contract/voting.ts';
import { AppError } from '../../shared/contract/result.ts';
import { writeCsv } from '../../shared/domain/csv.ts';
import { ABSENT_VOTE_LABELS, type AbsentVote, type VotingListMapping, recogniseVotingList, votingMappingProblems } from '../../shared/domain/voting-columns.ts';
import { TEXT_ENCODING_LABELS, type TextEncoding } from '../../shared/domain/text-encoding.ts';
import { absentVoteCounts, absentVotesFromMarkers, postalWeekList, setAbsentVotes } from '../../db/repositories/absent-voters.ts';
import { electorsByNumber } from '../../db/repositories/electors.ts';
import { recordVoteBatch } from '../../db/repositories/votes.ts';
import { promiseRule } from '../../db/repositories/knock-up.ts';
import { absentVoteOf, electionLabels, electorHistory, knownElections } from '../../db/repositories/voting-history.ts';
import { readAbsentList, readMarkedRegister, readUploadedCsv } from '../voting-import.ts';
import { requireArea } from './areas.ts';
import type { Ctx, HandlersFor } from './context.ts';
import { requireContest } from './contests.ts';
import { requireElection } from './elections.ts';
import { requireElector } from './register.ts';
import { requireUpload } from './uploads.ts';
import { glance } from './voting-glance.ts';

const MAX_LISTED = 500;

/** The support codes a postal week list is for: those asked for, else the contest's promise rule. */
async function postalWeek(ctx: Ctx, contestId: number, asked: string[] | undefined) {
  const contest = await requireContest(ctx, contestId);
  const rule = await promiseRule(ctx.db, contestId);
  const supports = asked ?? rule ?? [];
  return { contest, supports, fromRule: asked === undefined && rule !== null, items: await postalWeekList(ctx.db, contest.areaId, supports) };
}

/** Reads an upload through `read`, the upload discarded whatever happens (the user sends it again to retry). */
function readUpload<T>(ctx: Ctx, fileId: string, read: (file: ReturnType<typeof readUploadedCsv>, fileName: string) => T): { fileName: string; rows: T } {
  const upload = requireUpload(ctx, fileId);
  try {
    return { fileName: upload.name, rows: read(readUploadedCsv(upload.path, upload.name), upload.name) };
  } finally {
    ctx.uploads.discard(fileId);
  }
}

export const votingHandlers: HandlersFor<typeof votingContract> = {
  'voting.listPreview': async (ctx, { fileId, list }) => {
    const upload = requireUpload(ctx, fileId);
    const file = readUploadedCsv(upload.path, upload.name);
    const mapping = recogniseVotingList(file.headers);
    return {
      headers: file.headers,
      sample: file.rows.slice(0, 5).map((r) => r.cells),
      mapping,
      problems: votingMappingProblems(mapping, file.headers.length, list),
      encoding: TEXT_ENCODING_LABELS[file.encoding as TextEncoding],
    };
  },
  'voting.importAbsent': async (ctx, { fileId, areaId, mapping, absentVote, pollingDistrict }) => {
    const area = await requireArea(ctx, areaId);
    const { fileName, rows } = readUpload(ctx, fileId, (file, name) =>
      readAbsentList(file, name, mapping as VotingListMapping, absentVote, pollingDistrict || undefined),
    );
    const byNumber = await electorsByNumber(ctx.db, areaId);
    const updates: { electorId: number; absentVote: AbsentVote }[] = [];
    const unmatched: { line: number; electorNumber: string }[] = [];
    const byKind = { postal: 0, proxy: 0, postal_proxy: 0 };
    for (const r of rows) {
      const e = byNumber.get(r.electorNumber);
      if (!e) unmatched.push({ line: r.line, electorNumber: r.electorNumber });
      else {
        updates.push({ electorId: e.id, absentVote: r.value });
        byKind[r.value]++;
      }
    }
    const changed = await setAbsentVotes(ctx.db, updates);
    await ctx.audit({
      action: 'import',
      entity: 'absent_voters',
      entityId: areaId,
      summary: `Imported the absent voters list ${fileName} into ${area.name}: ${updates.length} matched (${changed} changed), ${unmatched.length} not on the register`,
    });
    return {
      fileName,
      rows: rows.length,
      matched: updates.length,
      changed,
      byKind,
      unmatched: unmatched.slice(0, MAX_LISTED),
      unmatchedCount: unmatched.length,
    };
  },
  'voting.absentFromMarkers': async (ctx, { areaId, postal, proxy, postalProxy }) => {
    const area = await requireArea(ctx, areaId);
    if (!postal && !proxy && !postalProxy)
      throw new AppError('invalid_input', 'Give the marker letter your register uses for postal or proxy voters', { postal: 'Give a letter' });
    const counts = await absentVotesFromMarkers(ctx.db, areaId, { postal, proxy, postal_proxy: postalProxy });
    await ctx.audit({
      action: 'update',
      entity: 'absent_voters',
      entityId: areaId,
      summary: `Set absent votes in ${area.name} from register markers: ${counts.postal} postal, ${counts.proxy} proxy, ${counts.postal_proxy} postal proxy`,
    });
    return counts;
  },
  'voting.postalWeek': async (ctx, { contestId, supports }) => {
    const { contest, ...list } = await postalWeek(ctx, contestId, supports);
    return { ...list, counts: await absentVoteCounts(ctx.db, contest.areaId) };
  },
  'voting.postalWeekCsv': async (ctx, { contestId, supports }) => {
    const { contest, items } = await postalWeek(ctx, contestId, supports);
    const rows = items.map((e) => [
      e.electorNumber,
      e.fullName,
      e.address.replace(/\r?\n/g, ', '),
      e.postcode,
      e.pollingDistrict,
      ABSENT_VOTE_LABELS[e.absentVote],
      e.latestSupport,
    ]);
    const slug =
      contest.areaName
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '') || 'area';
    return {
      fileName: `postal-vote-week-${slug}.csv`,
      csv: writeCsv([['Elector number', 'Name', 'Address', 'Postcode', 'Polling district', 'Absent vote', 'Support'], ...rows]),
      rows: rows.length,
    };
  },
  'voting.importMarked': async (ctx, { fileId, electionId, areaId, mapping, pollingDistrict }) => {
    const election = await requireElection(ctx, electionId);
    const area = await requireArea(ctx, areaId);
    const { fileName, rows } = readUpload(ctx, fileId, (file, name) =>
      readMarkedRegister(file, name, mapping as VotingListMapping, pollingDistrict || undefined),
    );
    const byNumber = await electorsByNumber(ctx.db, areaId);
    const unknown: { line: number; electorNumber: string }[] = [];
    const byDistrict = new Map<string, { electorId: number; method: 'in_person' | 'postal' | 'proxy' }[]>();
    let notVoted = 0;
    for (const r of rows) {
      const e = byNumber.get(r.electorNumber);
      if (!e) unknown.push({ line: r.line, electorNumber: r.electorNumber });
      else if (r.value === 'not_voted') notVoted++;
      else {
        const district = r.electorNumber.slice(0, r.electorNumber.indexOf('-'));
        byDistrict.set(district, [...(byDistrict.get(district) ?? []), { electorId: e.id, method: r.value }]);
      }
    }
    const receivedAt = new Date().toISOString();
    const districts: { pollingDistrict: string; recorded: number; duplicates: number }[] = [];
    for (const [d, votes] of [...byDistrict].sort(([a], [b]) => a.localeCompare(b))) {
      const batch = await recordVoteBatch(ctx.db, {
        electionId,
        areaId,
        pollingDistrict: d,
        source: 'import',
        clientId: null,
        receivedAt,
        enteredBy: ctx.actor,
        votedAt: election.pollingDay,
        votes,
      });
      districts.push({ pollingDistrict: d, recorded: batch.recorded.length, duplicates: batch.duplicates.length });
    }
    const recorded = districts.reduce((n, d) => n + d.recorded, 0);
    const duplicates = districts.reduce((n, d) => n + d.duplicates, 0);
    await ctx.audit({
      action: 'import',
      entity: 'marked_register',
      entityId: electionId,
      summary: `Imported the marked register ${fileName} of ${election.name} for ${area.name}: ${recorded} votes recorded${duplicates ? ` (${duplicates} already on record)` : ''}, ${unknown.length} numbers not on the register`,
    });
    return { fileName, districts, recorded, duplicates, notVoted, unknown: unknown.slice(0, MAX_LISTED), unknownCount: unknown.length };
  },
  'voting.electorHistory': async (ctx, { electorId }) => {
    await requireElector(ctx, electorId);
    return { absentVote: await absentVoteOf(ctx.db, electorId), history: await electorHistory(ctx.db, electorId) };
  },
  'voting.knownElections': async (ctx, { areaId }) => {
    await requireArea(ctx, areaId);
    const elections = await knownElections(ctx.db, areaId);
    const labels = electionLabels(elections);
    return elections.map((e) => ({ id: e.id, name: e.name, label: labels.get(e.id)!, pollingDay: e.pollingDay }));
  },
  'voting.glance': async (ctx, { contestId, now }) => glance(ctx, await requireContest(ctx, contestId), now ? new Date(now) : new Date()),
};
