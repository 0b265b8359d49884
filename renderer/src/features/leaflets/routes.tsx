import { Route } from 'react-router';
import { CoveragePage } from './CoveragePage.tsx';
import { DropsPage } from './DropsPage.tsx';
import { LeafletPage } from './LeafletPage.tsx';
import { LeafletsPage, NewLeafletPage } from './LeafletsPage.tsx';
import { OfferPage } from './OfferPage.tsx';
import { PrintRunsPage } from './PrintRunsPage.tsx';
import { RoundPage } from './RoundPage.tsx';
import { NewRoundPage, RoundsPage } from './RoundsPage.tsx';
import { RoundSheetPage } from './RoundSheetPage.tsx';
import { VolunteerPage } from './VolunteerPage.tsx';
import { NewVolunteerPage, VolunteersPage } from './VolunteersPage.tsx';

/** Volunteers, leaflets, print runs, rounds, drops and coverage. */
export const leafletsRoutes = (
  <>
    <Route path="/volunteers" element={<VolunteersPage />} />
    <Route path="/volunteers/new" element={<NewVolunteerPage />} />
    <Route path="/volunteers/:id" element={<VolunteerPage />} />
    <Route path="/offer" element={<OfferPage />} />
    <Route path="/leaflets" element={<LeafletsPage />} />
    <Route path="/leaflets/new" element={<NewLeafletPage />} />
    <Route path="/leaflets/:id" element={<LeafletPage />} />
    <Route path="/print-runs" element={<PrintRunsPage />} />
    <Route path="/rounds" element={<RoundsPage />} />
    <Route path="/rounds/new" element={<NewRoundPage />} />
    <Route path="/rounds/:id" element={<RoundPage />} />
    <Route path="/rounds/:id/sheet" element={<RoundSheetPage />} />
    <Route path="/drops" element={<DropsPage />} />
    <Route path="/coverage" element={<CoveragePage />} />
  </>
);
