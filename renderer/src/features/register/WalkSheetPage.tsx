import { Link, useParams, useSearchParams } from 'react-router';
import { useApi } from '../../app/api.ts';
import { plural } from '../../ui/format.ts';
import { ErrorMessage, Loading } from '../../ui/Page.tsx';
import { DistrictSelect } from './DistrictSelect.tsx';

/** A printable walk sheet: streets in order, houses by number, a box for each elector’s codes. */
export function WalkSheetPage() {
  const areaId = Number(useParams().areaId);
  const [params, setParams] = useSearchParams();
  const district = params.get('district') ?? '';
  const districts = useApi('register.listDistricts', { areaId });
  const { data, error } = useApi('register.getWalkSheet', { areaId, pollingDistrict: district || undefined });
  const electors = data?.households.reduce((n, h) => n + h.electors.length, 0) ?? 0;
  let street = '';
  return (
    <>
      <div className="screen-only">
        <Link className="back" to={`/register/${areaId}`}>
          ← Electors
        </Link>
        <div className="row">
          <DistrictSelect value={district} onChange={(d) => setParams(d ? { district: d } : {})} districts={districts.data ?? []} />
        </div>
        <div className="actions">
          <button type="button" className="primary" onClick={() => window.print()}>
            Print walk sheet
          </button>
          <span className="muted">A4; electors who moved, died or asked not to be contacted are left off.</span>
        </div>
      </div>
      <ErrorMessage error={error} />
      {!data && !error && <Loading />}
      {data && (
        <article className="walk-sheet">
          <h1>
            Walk sheet: {data.areaName}
            {data.pollingDistrict ? `, polling district ${data.pollingDistrict}` : ''}
          </h1>
          <p>
            {plural(data.households.length, 'household')}, {plural(electors, 'elector')}. Canvasser: ______________ Date: ____________
          </p>
          <table>
            <thead>
              <tr>
                <th scope="col">Address</th>
                <th scope="col">Number</th>
                <th scope="col">Name</th>
                <th scope="col">Last</th>
                <th scope="col" className="codes">
                  Codes
                </th>
              </tr>
            </thead>
            {data.households.map((h) => {
              const newStreet = h.street !== street;
              street = h.street;
              return (
                <tbody key={h.id} className="household">
                  {newStreet && (
                    <tr className="street">
                      <th scope="rowgroup" colSpan={5}>
                        {h.street || 'Other addresses'}
                      </th>
                    </tr>
                  )}
                  {h.electors.map((e, i) => (
                    <tr key={e.id}>
                      <td>{i === 0 ? [h.flat, h.house].filter(Boolean).join(', ') || h.address.split('\n')[0] : ''}</td>
                      <td>
                        <code>{e.electorNumber}</code>
                      </td>
                      <td>
                        {e.fullName}
                        {e.markers ? ` (${e.markers})` : ''}
                      </td>
                      <td>{[e.latestOutcome === 'in' ? '' : e.latestOutcome, e.latestSupport].filter(Boolean).join(' ')}</td>
                      <td className="codes" />
                    </tr>
                  ))}
                </tbody>
              );
            })}
          </table>
        </article>
      )}
    </>
  );
}
