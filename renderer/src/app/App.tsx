import { useEffect, useState } from 'react';
import { createHashRouter, createRoutesFromElements, Navigate, NavLink, Outlet, Route, RouterProvider, useLocation } from 'react-router';
import { ActivityPage } from '../features/activity/ActivityPage.tsx';
import { BackupsPage } from '../features/backups/BackupsPage.tsx';
import { AreaImportPage } from '../features/areas/AreaImportPage.tsx';
import { AreaPage } from '../features/areas/AreaPage.tsx';
import { AreasPage } from '../features/areas/AreasPage.tsx';
import { NewAreaPage } from '../features/areas/NewAreaPage.tsx';
import { CandidacyPage } from '../features/candidates/CandidacyPage.tsx';
import { CandidatePage } from '../features/candidates/CandidatePage.tsx';
import { CandidatesPage, NewCandidatePage } from '../features/candidates/CandidatesPage.tsx';
import { ContestResultPage } from '../features/candidates/ContestResultPage.tsx';
import { NominationPackPage } from '../features/candidates/NominationPackPage.tsx';
import { PartyListPage } from '../features/party-lists/PartyListPage.tsx';
import { ContestPage } from '../features/contests/ContestPage.tsx';
import { ElectionPage } from '../features/elections/ElectionPage.tsx';
import { ElectionsPage } from '../features/elections/ElectionsPage.tsx';
import { NewElectionPage } from '../features/elections/NewElectionPage.tsx';
import { HomePage } from '../features/home/HomePage.tsx';
import { DeadlinesPage } from '../features/timetable/DeadlinesPage.tsx';
import { HolidaysPage } from '../features/timetable/HolidaysPage.tsx';
import { TasksPage } from '../features/timetable/TasksPage.tsx';
import { DonorPage } from '../features/treasury/DonorPage.tsx';
import { LedgerPage } from '../features/treasury/LedgerPage.tsx';
import { ReturnPage } from '../features/treasury/ReturnPage.tsx';
import { TreasuryPage } from '../features/treasury/TreasuryPage.tsx';
import { leafletsRoutes } from '../features/leaflets/routes.tsx';
import { AssignmentsPage } from '../features/canvass/AssignmentsPage.tsx';
import { CanvassPage } from '../features/canvass/CanvassPage.tsx';
import { CodesPage } from '../features/canvass/CodesPage.tsx';
import { EntryPage } from '../features/canvass/EntryPage.tsx';
import { SessionEditPage } from '../features/canvass/SessionEditPage.tsx';
import { TalliesPage } from '../features/canvass/TalliesPage.tsx';
import { ElectorPage } from '../features/register/ElectorPage.tsx';
import { ElectorsPage } from '../features/register/ElectorsPage.tsx';
import { HouseholdPage } from '../features/register/HouseholdPage.tsx';
import { RegisterImportPage } from '../features/register/RegisterImportPage.tsx';
import { RegisterPage } from '../features/register/RegisterPage.tsx';
import { WalkSheetPage } from '../features/register/WalkSheetPage.tsx';
import { ComparePage } from '../features/planner/ComparePage.tsx';
import { PlannerPage } from '../features/planner/PlannerPage.tsx';
import { SettingsPage } from '../features/settings/SettingsPage.tsx';
import { AbsentVotersImportPage } from '../features/polling/AbsentVotersImportPage.tsx';
import { GlancePage } from '../features/polling/GlancePage.tsx';
import { MarkedRegisterImportPage } from '../features/polling/MarkedRegisterImportPage.tsx';
import { PostalWeekPage } from '../features/polling/PostalWeekPage.tsx';
import { LeaveGuard } from '../ui/unsavedChanges.tsx';
import { EmptyState, Loading } from '../ui/Page.tsx';
import type { Caller } from '../../../shared/contract/roles.ts';
import { useApi } from './api.ts';
import { KnockUpPage } from '../features/polling/KnockUpPage.tsx';
import { MarkedRegisterEntryPage } from '../features/polling/MarkedRegisterEntryPage.tsx';
import { TellingPage } from '../features/polling/TellingPage.tsx';
import { canUse, navFor, whoMayUse } from './nav.ts';
import { campaignName, signOut } from './team.ts';
import { setOutboxOwner } from './outbox.ts';
import { StartPage } from '../features/connect/StartPage.tsx';
import { TeamPage } from '../features/team/TeamPage.tsx';
import { SetupPage } from '../features/polling/SetupPage.tsx';
import { SetupStationsImportPage } from '../features/polling/SetupStationsImport.tsx';

// A data router, so that a page with unsaved changes can ask before the user leaves it.
const routes = createRoutesFromElements(
  <Route element={<Shell />}>
    <Route errorElement={<PageFailed />}>
      <Route path="/" element={<HomePage />} />
      <Route path="/elections" element={<ElectionsPage />} />
      <Route path="/elections/new" element={<NewElectionPage />} />
      <Route path="/elections/:id" element={<ElectionPage />} />
      <Route path="/areas" element={<AreasPage />} />
      <Route path="/areas/new" element={<NewAreaPage />} />
      <Route path="/areas/import" element={<AreaImportPage />} />
      <Route path="/areas/:id" element={<AreaPage />} />
      <Route path="/contests/:id" element={<ContestPage />} />
      <Route path="/contests/:id/result" element={<ContestResultPage />} />
      <Route path="/contests/:id/polling-day/absent-voters" element={<AbsentVotersImportPage />} />
      <Route path="/contests/:id/polling-day/postal-week" element={<PostalWeekPage />} />
      <Route path="/contests/:id/polling-day/marked-register/import" element={<MarkedRegisterImportPage />} />
      <Route path="/contests/:id/polling-day/glance" element={<GlancePage />} />
      <Route path="/candidates" element={<CandidatesPage />} />
      <Route path="/candidates/new" element={<NewCandidatePage />} />
      <Route path="/candidates/:id" element={<CandidatePage />} />
      <Route path="/candidacies/:id" element={<CandidacyPage />} />
      <Route path="/candidacies/:id/pack" element={<NominationPackPage />} />
      <Route path="/lists/:id" element={<PartyListPage />} />
      <Route path="/treasury" element={<TreasuryPage />} />
      <Route path="/treasury/:contestId" element={<LedgerPage />} />
      <Route path="/treasury/:contestId/return" element={<ReturnPage />} />
      <Route path="/donors/:donationId" element={<DonorPage />} />
      {leafletsRoutes}
      <Route path="/register" element={<RegisterPage />} />
      <Route path="/register/import" element={<RegisterImportPage />} />
      <Route path="/register/:areaId" element={<ElectorsPage />} />
      <Route path="/register/:areaId/walk-sheet" element={<WalkSheetPage />} />
      <Route path="/electors/:id" element={<ElectorPage />} />
      <Route path="/households/:id" element={<HouseholdPage />} />
      <Route path="/canvass" element={<CanvassPage />} />
      <Route path="/canvass/codes" element={<CodesPage />} />
      <Route path="/canvass/districts" element={<AssignmentsPage />} />
      <Route path="/canvass/sessions/:id" element={<EntryPage />} />
      <Route path="/canvass/sessions/:id/edit" element={<SessionEditPage />} />
      <Route path="/canvass/tallies" element={<TalliesPage />} />
      <Route path="/canvass/tallies/:areaId" element={<TalliesPage />} />
      <Route path="/contests/:id/plan" element={<PlannerPage />} />
      <Route path="/contests/:id/polling-day/telling" element={<TellingPage />} />
      <Route path="/contests/:id/polling-day/knock-up" element={<KnockUpPage />} />
      <Route path="/contests/:id/polling-day/marked-register" element={<MarkedRegisterEntryPage />} />
      <Route path="/planner" element={<ComparePage />} />
      <Route path="/activity" element={<ActivityPage />} />
      <Route path="/deadlines" element={<DeadlinesPage />} />
      <Route path="/tasks" element={<TasksPage />} />
      <Route path="/settings" element={<SettingsPage />} />
      <Route path="/settings/holidays" element={<HolidaysPage />} />
      <Route path="/backups" element={<BackupsPage />} />
      <Route path="/team" element={<TeamPage />} />
      <Route path="/start" element={<StartPage />} />
      <Route path="/contests/:id/polling-day" element={<SetupPage />} />
      <Route path="/contests/:id/polling-day/stations-import" element={<SetupStationsImportPage />} />
      <Route path="*" element={<p>There is no such page. Choose one from the menu.</p>} />
    </Route>
  </Route>,
);

export function App() {
  // Created on first render, once the address bar no longer holds the browser-mode token.
  const [router] = useState(() => createHashRouter(routes));
  // Navigation renders at once, not as a transition: otherwise the old page stays on screen,
  // live, for a moment after a click, and a fast user (or test) acts on the wrong page.
  return <RouterProvider router={router} useTransitions={false} />;
}

function Shell() {
  // On a team server the signed-in person and their roles; null for the single user of a file,
  // who may use every page. Should it fail, every page is listed, as before there were roles:
  // the server still refuses what a role may not do.
  const me = useApi('access.me', {});
  const caller = me.error ? null : me.data;
  const signedIn = caller ?? null;
  // Work kept on this device is sent as the person who typed it, once the app knows who is here.
  const who = caller === undefined ? undefined : (caller?.name ?? null);
  useEffect(() => {
    if (who !== undefined) setOutboxOwner(who);
  }, [who]);
  // On a team server: the campaign and the person in the title (which window is whose).
  const name = signedIn?.name;
  useEffect(() => {
    if (name === undefined) return;
    document.title = `Hustings — ${name}`;
    void campaignName().then((campaign) => {
      if (campaign) document.title = `Hustings — ${campaign} — ${name}`;
    });
  }, [name]);
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <div className="shell">
        <nav className="sidebar" aria-label="Main">
          <p className="brand">Hustings</p>
          {signedIn && <SignedInAs name={signedIn.name} />}
          <ul>
            {caller !== undefined &&
              navFor(caller).map((item) => (
                <li key={item.to}>
                  <NavLink to={item.to} end={item.to === '/' || item.to === '/settings'}>
                    {item.label}
                  </NavLink>
                </li>
              ))}
          </ul>
          {caller === null && (
            <NavLink className="switch-campaign" to="/start">
              Connect to a team
            </NavLink>
          )}
        </nav>
        <main id="main" tabIndex={-1}>
          <CurrentPage caller={caller} />
        </main>
      </div>
      <LeaveGuard />
    </>
  );
}

/**
 * The page for the address, once the caller is known: a page their roles cannot use says so
 * rather than failing call by call. Keyed by the path, so reaching another record's page by the
 * address bar, a bookmark or Back starts it afresh: forms read their defaults (the record's id
 * among them) once, and a reused page would otherwise save to the record shown before.
 */
function CurrentPage(props: { caller: Caller | null | undefined }) {
  const { pathname } = useLocation();
  if (props.caller === undefined) return <Loading />;
  if (!canUse(pathname, props.caller)) {
    // A canvasser's start is the first page of theirs, not the home page they cannot use.
    const first = navFor(props.caller)[0];
    if (pathname === '/' && first) return <Navigate to={first.to} replace />;
    return <NotYourPage pathname={pathname} />;
  }
  return <Outlet key={pathname} />;
}

function NotYourPage(props: { pathname: string }) {
  const who = whoMayUse(props.pathname);
  return (
    <EmptyState title="Your role does not include this page">
      <p>{who ? `It is for ${who}. ` : ''}Choose a page from the menu, or ask your team secretary if your work needs this one.</p>
    </EmptyState>
  );
}

/** Who is signed in on a team server, and the way out. */
function SignedInAs(props: { name: string }) {
  return (
    <div className="signed-in">
      <p>
        Signed in as <strong>{props.name}</strong>
      </p>
      <button type="button" onClick={() => void signOut(false)}>
        Sign out
      </button>
      <button type="button" className="link" onClick={() => void signOut(true)}>
        Sign out everywhere
      </button>
    </div>
  );
}

/** A page that failed to draw says so in plain words; the menu stays usable. */
function PageFailed() {
  return <p className="error">This page could not be shown. Choose another page from the menu, or reload the app.</p>;
}
