import { Link } from 'react-router';
import { electionTypeLabel } from '../../../../shared/domain/election-types.ts';
import { NATION_LABELS } from '../../../../shared/domain/election-types.ts';
import { useApi } from '../../app/api.ts';
import { DataTable } from '../../ui/DataTable.tsx';
import { formatDate } from '../../ui/format.ts';
import { Loaded } from '../../ui/Loaded.tsx';
import { EmptyState, PageHeader } from '../../ui/Page.tsx';

export function ElectionsPage() {
  const elections = useApi('elections.list', {});
  return (
    <>
      <PageHeader
        title="Elections"
        actions={
          <Link className="button primary" to="/elections/new">
            New election
          </Link>
        }
      />
      <Loaded of={elections}>
        {(data) => (
          <DataTable
            rows={data}
            rowKey={(e) => e.id}
            empty={
              <EmptyState title="No elections yet">
                <p>
                  Start with the next election your party might stand in: its type, nation and polling day. Hustings works out the statutory timetable from
                  those.
                </p>
                <Link className="button primary" to="/elections/new">
                  Create the first election
                </Link>
              </EmptyState>
            }
            columns={[
              { header: 'Election', cell: (e) => <Link to={`/elections/${e.id}`}>{e.name}</Link>, sort: (e) => e.name },
              { header: 'Type', cell: (e) => electionTypeLabel(e.type, e.nation), sort: (e) => electionTypeLabel(e.type, e.nation) },
              { header: 'Nation', cell: (e) => NATION_LABELS[e.nation], sort: (e) => NATION_LABELS[e.nation] },
              { header: 'Polling day', cell: (e) => formatDate(e.pollingDay), sort: (e) => e.pollingDay },
              { header: 'Contests', num: true, cell: (e) => e.contestCount, sort: (e) => e.contestCount },
            ]}
          />
        )}
      </Loaded>
    </>
  );
}
