import { Link } from 'react-router';
import { electionTypeLabel } from '../../../../shared/domain/election-types.ts';
import { NATION_LABELS } from '../../../../shared/domain/election-types.ts';
import { useApi } from '../../app/api.ts';
import { formatDate } from '../../ui/format.ts';
import { EmptyState, ErrorMessage, Loading, PageHeader } from '../../ui/Page.tsx';

export function ElectionsPage() {
  const { data, error } = useApi('elections.list', {});
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
      <ErrorMessage error={error} />
      {!data ? (
        !error && <Loading />
      ) : data.length === 0 ? (
        <EmptyState title="No elections yet">
          <p>
            Start with the next election your party might stand in: its type, nation and polling day. Hustings works out the statutory timetable from those.
          </p>
          <Link className="button primary" to="/elections/new">
            Create the first election
          </Link>
        </EmptyState>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">Election</th>
              <th scope="col">Type</th>
              <th scope="col">Nation</th>
              <th scope="col">Polling day</th>
              <th scope="col" className="num">
                Contests
              </th>
            </tr>
          </thead>
          <tbody>
            {data.map((e) => (
              <tr key={e.id}>
                <td>
                  <Link to={`/elections/${e.id}`}>{e.name}</Link>
                </td>
                <td>{electionTypeLabel(e.type, e.nation)}</td>
                <td>{NATION_LABELS[e.nation]}</td>
                <td>{formatDate(e.pollingDay)}</td>
                <td className="num">{e.contestCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
