import { Link } from 'react-router';
import { useApi } from '../../app/api.ts';
import { formatNumber } from '../../ui/format.ts';
import { EmptyState, ErrorMessage, Loading, PageHeader } from '../../ui/Page.tsx';
import { NothingAssigned, useMayImportRegister } from '../canvass/NothingAssigned.tsx';

export function RegisterPage() {
  const { data, error } = useApi('register.list', {});
  const mayImport = useMayImportRegister();
  const actions = mayImport && (
    <Link className="button primary" to="/register/import">
      Import a register
    </Link>
  );
  return (
    <>
      <PageHeader
        title="Electoral register"
        subtitle="The council registers of the areas you canvass, with their polling districts and households."
        actions={actions}
      />
      <ErrorMessage error={error} />
      {!data && !error && <Loading />}
      {data && data.length === 0 && !mayImport && <NothingAssigned />}
      {data && data.length === 0 && mayImport && (
        <EmptyState title="No register yet">
          <p>Ask the council’s electoral services for the register as a CSV file, add the area under Areas if it is not there, then import the file.</p>
          <div className="actions">{actions}</div>
        </EmptyState>
      )}
      {data && data.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">Area</th>
              <th scope="col" className="num">
                Electors
              </th>
              <th scope="col" className="num">
                Households
              </th>
              <th scope="col" className="num">
                Polling districts
              </th>
              <th scope="col">
                <span className="visually-hidden">Links</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {data.map((r) => (
              <tr key={r.areaId}>
                <td>
                  <Link to={`/register/${r.areaId}`}>{r.areaName}</Link>
                </td>
                <td className="num">{formatNumber(r.electors)}</td>
                <td className="num">{formatNumber(r.households)}</td>
                <td className="num">{r.districts}</td>
                <td>
                  <Link to={`/canvass/tallies/${r.areaId}`}>Tallies</Link> · <Link to={`/register/${r.areaId}/walk-sheet`}>Walk sheet</Link> ·{' '}
                  <Link to={`/register/import?area=${r.areaId}`}>Import again</Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
