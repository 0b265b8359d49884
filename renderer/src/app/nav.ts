import { matchRoutes } from 'react-router';
import { allows, whoMay } from '../../../shared/contract/access.ts';
import { type MethodName, contract } from '../../../shared/contract/index.ts';
import { type Caller, ROLES, type Role } from '../../../shared/contract/roles.ts';

/**
 * The methods each page needs, by its route (App.tsx, features/leaflets/routes.tsx): on a team
 * server a page is for whoever may call all of them, by the contract's declarations. A route
 * left out here is open to every role (the server still refuses what it must).
 */
export const PAGES: Record<string, MethodName[]> = {
  '/': ['elections.list', 'contests.list'],
  '/elections': ['elections.list'],
  '/elections/new': ['elections.create'],
  '/elections/:id': ['elections.get'],
  '/areas': ['areas.list'],
  '/areas/new': ['areas.create'],
  '/areas/import': ['areas.import'],
  '/areas/:id': ['areas.get', 'contests.list'],
  '/contests/:id': ['contests.get', 'candidacies.list'],
  '/contests/:id/result': ['results.get', 'candidates.list'],
  '/contests/:id/plan': ['planner.get'],
  '/contests/:id/polling-day': ['polling.get'],
  '/contests/:id/polling-day/stations-import': ['polling.importStations'],
  '/contests/:id/polling-day/absent-voters': ['voting.importAbsent'],
  '/contests/:id/polling-day/postal-week': ['voting.postalWeek'],
  '/contests/:id/polling-day/marked-register/import': ['voting.importMarked'],
  '/contests/:id/polling-day/marked-register': ['telling.recordBatch', 'elections.list'],
  '/contests/:id/polling-day/telling': ['contests.get', 'telling.recordBatch'],
  '/contests/:id/polling-day/knock-up': ['contests.get', 'knockUp.list'],
  '/contests/:id/polling-day/glance': ['voting.glance'],
  '/candidates': ['candidates.list'],
  '/candidates/new': ['candidates.create'],
  '/candidates/:id': ['candidates.get'],
  '/candidacies/:id': ['candidacies.get'],
  '/candidacies/:id/pack': ['candidacies.get'],
  '/lists/:id': ['partyLists.get'],
  '/planner': ['planner.list'],
  '/treasury': ['treasury.listOverview'],
  '/treasury/:contestId': ['treasury.getLedger'],
  '/treasury/:contestId/return': ['treasury.getReturn'],
  '/donors/:donationId': ['treasury.getDonor'],
  '/volunteers': ['volunteers.list'],
  '/volunteers/new': ['volunteers.create'],
  '/volunteers/:id': ['volunteers.get'],
  '/offer': ['volunteers.getMyOffer', 'volunteers.offerMyself'],
  '/leaflets': ['leaflets.list'],
  '/leaflets/new': ['leaflets.create'],
  '/leaflets/:id': ['leaflets.get'],
  '/print-runs': ['printRuns.list'],
  '/rounds': ['rounds.list'],
  '/rounds/new': ['rounds.create'],
  '/rounds/:id': ['rounds.get'],
  '/rounds/:id/sheet': ['rounds.get'],
  '/drops': ['drops.list'],
  '/coverage': ['leaflets.coverage'],
  '/register': ['register.list'],
  '/register/import': ['register.importStart'],
  '/register/:areaId': ['register.listElectors'],
  '/register/:areaId/walk-sheet': ['register.getWalkSheet'],
  '/electors/:id': ['register.getElector'],
  '/households/:id': ['register.getHousehold'],
  '/canvass': ['canvass.listSessions'],
  '/canvass/codes': ['canvass.getCodes'],
  '/canvass/districts': ['assignments.assign', 'assignments.list', 'team.canvassers'],
  '/canvass/sessions/:id': ['canvass.recordReturn'],
  '/canvass/sessions/:id/edit': ['canvass.updateSession'],
  '/canvass/tallies': ['canvass.getTallies'],
  '/canvass/tallies/:areaId': ['canvass.getTallies'],
  '/activity': ['audit.list', 'audit.facets'],
  '/deadlines': ['deadlines.list'],
  '/tasks': ['tasks.list'],
  '/settings': ['encryption.status'],
  '/settings/holidays': ['holidays.list'],
  '/backups': ['backups.list'],
  '/team': ['team.list'],
  // The start page: the file on this computer or a team server (linked from the file's sidebar only).
  '/start': ['connect.team'],
};

/**
 * The sidebar, in the order a coordinator works; each entry is a page of PAGES. Each feature adds
 * its entry here. `team` pages exist only on a team server, where someone is signed in.
 */
export const NAV: { to: string; label: string; team?: true }[] = [
  { to: '/', label: 'Home' },
  { to: '/deadlines', label: 'Deadlines' },
  { to: '/tasks', label: 'Tasks' },
  { to: '/elections', label: 'Elections' },
  { to: '/areas', label: 'Areas' },
  { to: '/candidates', label: 'Candidates' },
  { to: '/planner', label: 'Where to stand' },
  { to: '/treasury', label: 'Treasury' },
  { to: '/leaflets', label: 'Leaflets' },
  { to: '/volunteers', label: 'Volunteers' },
  { to: '/offer', label: 'Offer to help', team: true },
  { to: '/register', label: 'Register' },
  { to: '/canvass', label: 'Canvass' },
  { to: '/activity', label: 'Activity' },
  { to: '/settings/holidays', label: 'Holidays' },
  { to: '/backups', label: 'Backups' },
  { to: '/settings', label: 'Settings' },
  { to: '/team', label: 'Team', team: true },
];

/** What a page at `pathname` needs: its route's entry in PAGES (none: open to every role). */
function needsOf(pathname: string): MethodName[] {
  const match = matchRoutes(
    Object.keys(PAGES).map((path) => ({ path })),
    pathname,
  )?.at(-1);
  return match ? PAGES[match.route.path] : [];
}

/**
 * Whether the caller may use the page at `pathname`: all it needs is allowed to one of their
 * roles. Null is the single user of a file, who may use every page.
 */
export function canUse(pathname: string, caller: Caller | null): boolean {
  return caller === null || needsOf(pathname).every((method) => allows(contract[method].access, caller.roles));
}

/** The sidebar entries the caller may use. */
export function navFor(caller: Caller | null): typeof NAV {
  return NAV.filter((item) => (caller !== null || !item.team) && canUse(item.to, caller));
}

/** Who may use the page at `pathname`, in words ("a coordinator or a canvasser"); null when no role may use all it needs. */
export function whoMayUse(pathname: string): string | null {
  const roles = needsOf(pathname).reduce<Role[]>((left, method) => left.filter((role) => contract[method].access.includes(role)), [...ROLES]);
  return roles.length > 0 ? whoMay(roles) : null;
}
