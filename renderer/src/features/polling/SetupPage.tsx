import { Link, useParams } from 'react-router';
import { useApi } from '../../app/api.ts';
import { formatDate, plural } from '../../ui/format.ts';
import { PageHeader } from '../../ui/Page.tsx';
import { Loaded } from '../../ui/Loaded.tsx';
import { DutiesPanel } from './SetupDuties.tsx';
import { PromisesPanel } from './SetupPromises.tsx';
import { RoomsPanel } from './SetupRooms.tsx';
import { StationsPanel } from './SetupStations.tsx';
import { POLLING_LINKS } from './links.ts';

/** /contests/:id/polling-day: everything set up before polling day, and the way to the day's pages. */
export function SetupPage() {
  const contestId = Number(useParams().id);
  const overview = useApi('polling.get', { contestId });
  const { data } = overview;
  if (!data) return <Loaded of={overview} />;
  const c = data.contest;
  return (
    <>
      <PageHeader
        title={`Polling day: ${c.areaName}`}
        back={{ to: `/contests/${c.id}`, label: `${c.areaName} (${c.electionName})` }}
        subtitle={[
          formatDate(c.pollingDay),
          plural(data.stations.length, 'polling station'),
          plural(data.rooms.length, 'committee room'),
          `${plural(data.duties.length, 'duty', 'duties')} on the rota`,
          data.rule ? plural(data.promises.count, 'promise') : 'no promise rule yet',
        ].join(' · ')}
      />
      {POLLING_LINKS.length > 0 && (
        <nav className="panel" aria-label="Polling day pages">
          <ul className="polling-links">
            {POLLING_LINKS.map((l) => (
              <li key={l.label}>
                <Link to={l.to(c.id)}>{l.label}</Link> <span className="muted">— {l.hint}</span>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <StationsPanel overview={data} />
      <RoomsPanel overview={data} />
      <DutiesPanel overview={data} />
      <PromisesPanel key={data.rule?.updatedAt ?? 'none'} overview={data} />
    </>
  );
}
