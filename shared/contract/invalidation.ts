import type { MethodName } from './index.ts';

/**
 * Which data a view shows and a change touches, so that a save reloads only the open views
 * whose data it changed (on a 100,000-elector register, reloading every view after every return
 * held up the next lookup behind tallies and lists that had not changed).
 *
 * Every query of the contract is listed in SHOWS and every mutation in CHANGES
 * (tests/unit/invalidation.test.ts fails otherwise); maintenance (a backup, a restore) is not,
 * as it may change everything. SHOWS names everything a view's answer is made of, names it
 * joins in included; CHANGES names what a mutation writes, what its deletes cascade to
 * included. Still safe by default: a method missing from either list reloads every view. Every
 * mutation writes an audit row, so it changes 'audit' too.
 */
export type Data =
  | 'elections'
  | 'areas'
  | 'contests'
  | 'candidates'
  // Candidacies with their subscribers, checklist, papers and status history.
  | 'candidacies'
  | 'nominationRules'
  | 'results'
  | 'partyLists'
  | 'volunteers'
  | 'leaflets'
  | 'printRuns'
  // Rounds with their assignments.
  | 'rounds'
  | 'drops'
  // Dates set by hand and extra holidays.
  | 'timetable'
  | 'tasks'
  // Donations, expenses, deposits, print-run payments and spending-limit settings.
  | 'treasury'
  | 'plans'
  | 'register'
  | 'returns'
  | 'followUps'
  | 'sessions'
  // Which canvasser canvasses which area or polling district.
  | 'assignments'
  | 'codes'
  | 'audit'
  | 'encryption'
  | 'backups'
  // Long jobs and uploads: no mutation changes them (the renderer follows a job's own events).
  | 'jobs'
  // Polling stations, committee rooms, duties and the promise rule.
  | 'polling'
  // Who voted (tellers' numbers, the marked register) and the knocks made.
  | 'votes'
  // A team server's accounts and their role grants.
  | 'team';

/** Everything a record can be part of: for views made of all of it and changes that reach all of it (an erasure). */
const EVERYTHING: readonly Data[] = [
  'elections',
  'areas',
  'contests',
  'candidates',
  'candidacies',
  'nominationRules',
  'results',
  'partyLists',
  'volunteers',
  'leaflets',
  'printRuns',
  'rounds',
  'drops',
  'timetable',
  'tasks',
  'treasury',
  'plans',
  'register',
  'returns',
  'followUps',
  'sessions',
  'assignments',
  'codes',
  'polling',
  'votes',
];

/** Where a contest is and when: most views name it. */
const CONTEST: readonly Data[] = ['elections', 'areas', 'contests'];
/** A candidacy's checklist reads the timetable (close of nominations), the deposit paid and the register. */
const NOMINATIONS: readonly Data[] = [...CONTEST, 'candidates', 'candidacies', 'nominationRules', 'results', 'partyLists', 'timetable', 'treasury', 'register'];
const DELIVERY: readonly Data[] = [...CONTEST, 'volunteers', 'leaflets', 'printRuns', 'rounds', 'drops', 'register'];
/** The limit reads the area and the nomination rules; the ledger counts print runs; the deposit follows the result. */
const MONEY: readonly Data[] = [
  ...CONTEST,
  'candidates',
  'candidacies',
  'nominationRules',
  'results',
  'partyLists',
  'leaflets',
  'printRuns',
  'timetable',
  'treasury',
];
const DATES: readonly Data[] = [...CONTEST, 'nominationRules', 'timetable'];

/** Queries: the data their answer is made of. */
export const SHOWS: Partial<Record<MethodName, readonly Data[]>> = {
  'elections.list': [...CONTEST, 'timetable', 'treasury'],
  'elections.get': [...CONTEST, 'timetable', 'treasury'],
  'elections.deleteImpact': EVERYTHING,
  'areas.list': [...CONTEST, 'register', 'treasury'],
  'areas.get': [...CONTEST, 'register', 'treasury'],
  'areas.deleteImpact': EVERYTHING,
  'areas.importPreview': ['areas'],
  'contests.list': [...CONTEST, 'nominationRules', 'results', 'candidacies', 'partyLists', 'treasury'],
  'contests.get': [...CONTEST, 'nominationRules', 'results', 'candidacies', 'partyLists', 'treasury'],
  'contests.listBatches': CONTEST,
  'candidates.list': NOMINATIONS,
  'candidates.get': NOMINATIONS,
  'candidates.getPersonExport': EVERYTHING,
  'candidacies.list': NOMINATIONS,
  'candidacies.get': NOMINATIONS,
  'subscribers.getPersonExport': EVERYTHING,
  'nominations.rules': NOMINATIONS,
  'nominations.check': NOMINATIONS,
  'results.get': NOMINATIONS,
  'partyLists.list': NOMINATIONS,
  'partyLists.ballotOf': NOMINATIONS,
  'partyLists.get': NOMINATIONS,
  'volunteers.list': DELIVERY,
  'volunteers.get': DELIVERY,
  'volunteers.deleteImpact': DELIVERY,
  'volunteers.getMyOffer': ['volunteers'],
  'volunteers.getPersonExport': EVERYTHING,
  'leaflets.list': DELIVERY,
  'leaflets.get': DELIVERY,
  'leaflets.deleteImpact': DELIVERY,
  'leaflets.artwork': ['leaflets'],
  'leaflets.coverage': DELIVERY,
  'printRuns.list': DELIVERY,
  'rounds.list': DELIVERY,
  'rounds.get': DELIVERY,
  'rounds.deleteImpact': DELIVERY,
  'rounds.registerStreets': ['areas', 'register'],
  'drops.list': DELIVERY,
  'audit.list': ['audit'],
  'audit.facets': ['audit'],
  'team.list': ['team'],
  'team.canvassers': ['team'],
  'timetable.forElection': DATES,
  'timetable.forContest': DATES,
  'timetable.compute': DATES,
  'holidays.list': ['timetable'],
  'tasks.list': [...DATES, 'tasks', 'volunteers'],
  'tasks.get': [...DATES, 'tasks', 'volunteers'],
  // Deadlines gather the timetable, tasks, nominations and money.
  'deadlines.list': EVERYTHING,
  'deadlines.ics': EVERYTHING,
  'treasury.getDonor': MONEY,
  'treasury.getDonorExport': EVERYTHING,
  'treasury.listOverview': MONEY,
  'treasury.getLedger': MONEY,
  'treasury.getLimit': MONEY,
  'treasury.getReturn': MONEY,
  'jobs.get': ['jobs'],
  'jobs.cancel': ['jobs'],
  'uploads.begin': ['jobs'],
  'uploads.append': ['jobs'],
  'register.list': ['register', 'areas'],
  'register.listDistricts': ['register'],
  'register.importPreview': ['jobs'],
  'register.importStart': ['jobs'],
  // Electors carry their standing (latest return, requests) and follow-ups done.
  'register.listElectors': ['register', 'returns', 'followUps', 'votes'],
  'register.getElector': ['register', 'returns', 'followUps'],
  'register.getByNumber': ['register', 'returns'],
  'register.listNames': ['register'],
  'register.getNeighbour': ['register', 'returns'],
  'register.firstInWalk': ['register', 'returns'],
  'register.getHousehold': ['register', 'returns'],
  'register.findHouseholds': ['register', 'returns'],
  'register.getWalkSheet': ['register', 'returns', 'codes', 'areas', 'votes'],
  // Polling day set-up: duties name volunteers.
  'polling.get': [...CONTEST, 'polling', 'volunteers', 'register', 'returns', 'codes'],
  'polling.countPromises': ['register', 'returns', 'codes'],
  'polling.previewStationsCsv': [],
  // Polling day: who voted, and the promises still to vote (from the returns) and knocks made.
  'telling.getDistricts': ['votes', 'register'],
  'telling.listRecent': ['votes', 'register'],
  'knockUp.rooms': ['votes', 'register', 'returns', 'polling'],
  'knockUp.list': ['votes', 'register', 'returns', 'polling'],
  'register.getPersonExport': EVERYTHING,
  'canvass.getCodes': ['codes'],
  'assignments.list': ['assignments', 'areas'],
  // Sessions carry their area's name and how many returns they hold.
  'canvass.listSessions': ['sessions', 'returns', 'areas'],
  'canvass.getSession': ['sessions', 'returns', 'areas'],
  'canvass.listRecent': ['returns', 'register'],
  'canvass.getTallies': ['returns', 'register', 'codes', 'areas'],
  'canvass.countContacts': ['returns', 'register', 'areas'],
  'canvass.listFollowUps': ['returns', 'followUps', 'register'],
  'canvass.countFollowUps': ['returns', 'followUps', 'register'],
  // The planner weighs the whole campaign.
  'planner.get': EVERYTHING,
  'planner.list': EVERYTHING,
  'planner.listDecisions': ['plans'],
  'backups.list': ['backups'],
  'backups.start': ['backups'],
  'backups.verify': ['backups'],
  'encryption.status': ['encryption'],
  'pdf.walkSheets': ['register', 'returns', 'codes', 'areas', 'votes'],
  'pdf.roundSheet': DELIVERY,
  'pdf.expensesReturn': MONEY,
  // Voting history and absent votes; the postal week list and the glance also read polling-day
  // setup (the promise rule, stations, rooms).
  'voting.listPreview': [],
  'voting.electorHistory': ['votes', 'register'],
  'voting.knownElections': ['votes'],
  'voting.postalWeek': [...CONTEST, 'polling', 'votes', 'register', 'returns', 'codes'],
  'voting.postalWeekCsv': [...CONTEST, 'polling', 'votes', 'register', 'returns', 'codes'],
  'voting.glance': [...CONTEST, 'polling', 'votes', 'register', 'returns', 'codes'],
  // Who is calling and their roles: none of the campaign's data.
  'access.me': [],
  // A team server's answer about itself: none of this campaign's data.
  'connect.team': [],
};

/** Mutations: the data they change (besides the audit row every mutation writes). */
export const CHANGES: Partial<Record<MethodName, readonly Data[]>> = {
  'elections.create': ['elections'],
  // A new polling day moves every date, task and deadline; deleting takes its contests with it.
  'elections.update': EVERYTHING,
  'elections.delete': EVERYTHING,
  'areas.create': ['areas'],
  'areas.update': EVERYTHING,
  'areas.delete': EVERYTHING,
  'areas.import': ['areas'],
  'contests.create': ['contests'],
  'contests.update': EVERYTHING,
  'contests.delete': EVERYTHING,
  'contests.considerAll': ['contests'],
  'contests.undoBatch': ['contests'],
  'candidates.create': ['candidates'],
  'candidates.update': ['candidates', 'candidacies', 'partyLists', 'results'],
  'candidates.delete': ['candidates', 'candidacies', 'partyLists', 'results'],
  // An erasure takes the name out of notes, tasks and papers everywhere.
  'candidates.erasePerson': EVERYTHING,
  'candidacies.create': ['candidacies'],
  'candidacies.delete': ['candidacies', 'results'],
  'candidacies.setStatus': ['candidacies'],
  'candidacies.setItem': ['candidacies'],
  'candidacies.setPapers': ['candidacies'],
  'subscribers.add': ['candidacies'],
  'subscribers.remove': ['candidacies'],
  'subscribers.erasePerson': EVERYTHING,
  'subscribers.move': ['candidacies'],
  'nominations.setRules': ['nominationRules'],
  // A declaration date is the contest's.
  'results.record': ['results', 'contests'],
  'results.delete': ['results', 'contests'],
  'partyLists.create': ['partyLists'],
  'partyLists.update': ['partyLists'],
  'partyLists.delete': ['partyLists', 'results'],
  'partyLists.addMember': ['partyLists'],
  'partyLists.removeMember': ['partyLists'],
  'partyLists.reorder': ['partyLists'],
  'partyLists.setMemberPapers': ['partyLists'],
  'partyLists.setItem': ['partyLists'],
  'partyLists.setStatus': ['partyLists'],
  'volunteers.create': ['volunteers'],
  'volunteers.offerMyself': ['volunteers'],
  'volunteers.update': ['volunteers', 'rounds', 'drops'],
  'volunteers.delete': ['volunteers', 'rounds', 'drops'],
  'volunteers.erasePerson': EVERYTHING,
  'leaflets.create': ['leaflets'],
  'leaflets.update': ['leaflets'],
  'leaflets.setStatus': ['leaflets'],
  'leaflets.delete': ['leaflets', 'printRuns', 'drops', 'rounds', 'treasury'],
  'leaflets.attachArtwork': ['leaflets'],
  'leaflets.removeArtwork': ['leaflets'],
  'leaflets.openArtwork': [],
  'printRuns.create': ['printRuns'],
  'printRuns.update': ['printRuns'],
  'printRuns.delete': ['printRuns', 'treasury'],
  'rounds.create': ['rounds'],
  'rounds.update': ['rounds'],
  'rounds.delete': ['rounds', 'drops'],
  'rounds.assign': ['rounds'],
  'rounds.unassign': ['rounds'],
  'drops.create': ['drops'],
  'drops.delete': ['drops'],
  'timetable.setOverride': ['timetable'],
  'timetable.clearOverride': ['timetable'],
  'holidays.create': ['timetable'],
  'holidays.delete': ['timetable'],
  'tasks.create': ['tasks'],
  'tasks.update': ['tasks'],
  'tasks.setDone': ['tasks'],
  'tasks.delete': ['tasks'],
  'team.invite': ['team'],
  'team.setRoles': ['team'],
  'team.resetLink': ['team'],
  'team.switchOff': ['team'],
  'treasury.eraseDonor': EVERYTHING,
  'treasury.updateSettings': ['treasury'],
  'treasury.saveDeposit': ['treasury'],
  'treasury.deleteDeposit': ['treasury'],
  'treasury.createDonation': ['treasury'],
  'treasury.updateDonation': ['treasury'],
  'treasury.deleteDonation': ['treasury'],
  'treasury.createExpense': ['treasury'],
  'treasury.updateExpense': ['treasury'],
  'treasury.setPrintRunPaid': ['treasury'],
  'treasury.deleteExpense': ['treasury'],
  'register.erasePerson': EVERYTHING,
  'canvass.setCodes': ['codes'],
  'assignments.assign': ['assignments'],
  'assignments.unassign': ['assignments'],
  // A session's new date re-derives its electors' standing; deleting it deletes its returns.
  'canvass.createSession': ['sessions'],
  'canvass.updateSession': ['sessions', 'returns'],
  'canvass.deleteSession': ['sessions', 'returns'],
  // A return may ask again for something already done, which reopens that follow-up.
  'canvass.recordReturn': ['returns', 'followUps'],
  'canvass.undoReturn': ['returns', 'followUps'],
  'canvass.markFollowUpsDone': ['followUps'],
  'canvass.undoFollowUpsDone': ['followUps'],
  'polling.saveStation': ['polling'],
  'polling.deleteStation': ['polling'],
  'polling.importStations': ['polling'],
  'polling.saveRoom': ['polling'],
  'polling.deleteRoom': ['polling'],
  'polling.saveDuty': ['polling'],
  'polling.deleteDuty': ['polling'],
  'polling.setPromiseRule': ['polling'],
  'telling.recordBatch': ['votes'],
  'telling.undo': ['votes'],
  'knockUp.record': ['votes'],
  'knockUp.unrecord': ['votes'],
  'planner.save': ['plans'],
  'planner.decide': ['plans'],
  'planner.deleteDecision': ['plans'],
  'encryption.acknowledgeRecoveryKey': ['encryption'],
  'voting.importAbsent': ['votes'],
  'voting.absentFromMarkers': ['votes'],
  'voting.importMarked': ['votes'],
};

/** Whether a successful call of `change` may have changed the answer of the query `view`. */
export function changesView(change: MethodName, kind: 'query' | 'mutation' | 'maintenance', view: MethodName): boolean {
  if (kind === 'query') return false;
  const changed = kind === 'mutation' ? CHANGES[change] : undefined;
  const shown = SHOWS[view];
  if (changed === undefined || shown === undefined) return true;
  return shown.some((d) => d === 'audit' || changed.includes(d));
}
