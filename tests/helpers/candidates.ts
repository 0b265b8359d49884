/**
 * A candidacy to work on, shared by candidates.test.ts (in process) and candidates-cli.test.ts:
 * an election, the constituency contested and its neighbour, and Alice Green standing.
 */
import type { Hustings } from '../../main/app.ts';
import { ok } from './db.ts';

export async function nominationSetup(app: Hustings, type = 'uk-parliament') {
  const election = await ok(app, 'elections.create', { name: 'General election 2024', type, pollingDay: '2024-07-04', nation: 'england' });
  const area = await ok(app, 'areas.create', {
    name: 'Hyndburn',
    kind: 'constituency',
    gssCode: '',
    electorate: 70_000,
    classification: 'county',
    nation: 'england',
    notes: '',
  });
  const other = await ok(app, 'areas.create', {
    name: 'Burnley',
    kind: 'constituency',
    gssCode: '',
    electorate: 70_000,
    classification: 'borough',
    nation: 'england',
    notes: '',
  });
  const contest = await ok(app, 'contests.create', { electionId: election.id, areaId: area.id, status: 'contesting', reason: '' });
  const candidate = await ok(app, 'candidates.create', { ballotName: 'Alice Green', homeAddress: '1 High St, Accrington', partyDescription: 'Small Party' });
  const k = await ok(app, 'candidacies.create', { candidateId: candidate.id, contestId: contest.id });
  return { election, area, other, contest, candidate, k };
}
