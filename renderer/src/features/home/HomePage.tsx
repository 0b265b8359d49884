import { Link } from 'react-router';
import { electionTypeLabel } from '../../../../shared/domain/election-types.ts';
import { ukToday } from '../../../../shared/domain/working-days.ts';
import { useApi } from '../../app/api.ts';
import { formatDate, plural } from '../../ui/format.ts';
import { PageHeader } from '../../ui/Page.tsx';
import { Loaded } from '../../ui/Loaded.tsx';
import { NextDeadlinesPanel } from '../timetable/DeadlinesPage.tsx';
import { PendingRecoveryKey } from '../settings/RecoveryKeyPanel.tsx';
import { DashboardContests } from './DashboardContests.tsx';

export function HomePage() {
  const elections = useApi('elections.list', {});
  const areas = useApi('areas.list', {});
  const contests = useApi('contests.list', {});
  if (!elections.data || !areas.data || !contests.data) return <Loaded of={[elections, areas, contests]} />;

  if (elections.data.length === 0 || areas.data.length === 0) {
    return (
      <>
        <PageHeader title="Welcome to Hustings" subtitle="Plan where to stand, meet every deadline, and keep the money right." />
        <PendingRecoveryKey />
        {elections.data.length > 0 && <NextDeadlinesPanel />}
        <ol className="steps">
          <li className={elections.data.length > 0 ? 'done' : ''}>
            <h2>Create an election</h2>
            <p>Its type, nation and polling day set the statutory timetable.</p>
            {elections.data.length > 0 ? (
              <p>Done: {plural(elections.data.length, 'election')}.</p>
            ) : (
              <Link className="button primary" to="/elections/new">
                Create an election
              </Link>
            )}
          </li>
          <li className={areas.data.length > 0 ? 'done' : ''}>
            <h2>Add the areas you might contest</h2>
            <p>Import constituencies or wards from a CSV file, or add them one by one.</p>
            {areas.data.length > 0 ? (
              <p>Done: {plural(areas.data.length, 'area')}.</p>
            ) : (
              <Link className="button primary" to="/areas/import">
                Import areas
              </Link>
            )}
          </li>
          <li>
            <h2>Add contests</h2>
            <p>On an election’s page, add each area you are considering and record whether you will stand.</p>
          </li>
        </ol>
      </>
    );
  }

  const today = ukToday();
  const allContests = contests.data;
  const upcoming = elections.data.filter((e) => e.pollingDay >= today).sort((a, b) => a.pollingDay.localeCompare(b.pollingDay));
  return (
    <>
      <PageHeader title="Home" subtitle={`${plural(upcoming.length, 'election')} ahead · ${plural(allContests.length, 'contest')} in all`} />
      <PendingRecoveryKey />
      <NextDeadlinesPanel />
      <section className="panel" aria-labelledby="upcoming-heading">
        <h2 id="upcoming-heading">Elections ahead</h2>
        {upcoming.length === 0 && (
          <p className="muted">
            No election ahead. <Link to="/elections/new">Create the next one</Link>.
          </p>
        )}
        {upcoming.map((e) => (
          <article key={e.id} className="card">
            <h3>
              <Link to={`/elections/${e.id}`}>{e.name}</Link>
            </h3>
            <p className="muted">
              {electionTypeLabel(e.type, e.nation)} · polling day {formatDate(e.pollingDay)}
            </p>
            <DashboardContests electionId={e.id} contests={allContests.filter((c) => c.electionId === e.id)} />
          </article>
        ))}
      </section>
    </>
  );
}
