import { useEffect } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useApi } from '../../app/api.ts';
import { lastResult, sectionHeading, walkRoute } from '../../../../shared/domain/walk-route.ts';
import { Field } from '../../ui/Field.tsx';
import { plural } from '../../ui/format.ts';
import { ErrorMessage, Loading } from '../../ui/Page.tsx';
import { type VotedIn, VotedInFilter, votedInFromParams } from '../polling/VotedInFilter.tsx';
import { votedInText } from '../../../../shared/domain/voting-columns.ts';

/** GET /api/pdf/walk-sheets: the PDF the server writes (browser mode; the page's cookie carries the token). */
function pdfHref(areaId: number, district?: string, votedIn?: VotedIn): string {
  const history: Record<string, string> = votedIn ? { voted: String(votedIn.n), of: String(votedIn.m) } : {};
  return `/api/pdf/walk-sheets?${new URLSearchParams({ area: String(areaId), ...(district ? { district } : {}), ...history })}`;
}

/**
 * One polling district's walk sheet on screen (a whole area would be tens of thousands of rows),
 * with the PDFs for printing: this district, or every district of the area.
 */
export function WalkSheetPage() {
  const areaId = Number(useParams().areaId);
  const [params, setParams] = useSearchParams();
  const districts = useApi('register.listDistricts', { areaId });
  const district = params.get('district') ?? '';
  const votedIn = votedInFromParams(params);
  /** The address with one choice changed and the others kept. */
  const choose = (district: string, v: VotedIn | undefined) =>
    setParams({ district, ...(v ? { voted: String(v.n), of: String(v.m) } : {}) });
  const first = districts.data?.[0]?.pollingDistrict;
  // Opened without a district: show the first, never the whole area.
  useEffect(() => {
    if (district === '' && first) setParams((p) => ({ ...Object.fromEntries(p), district: first }), { replace: true });
  }, [district, first, setParams]);
  const { data, error } = useApi('register.getWalkSheet', district ? { areaId, pollingDistrict: district, votedIn } : null);
  const codes = useApi('canvass.getCodes', {});
  const desktop = Boolean(window.hustings);
  const electors = data?.households.reduce((n, h) => n + h.electors.length, 0) ?? 0;
  return (
    <>
      <div className="screen-only">
        <Link className="back" to={`/register/${areaId}`}>
          ← Electors
        </Link>
        <div className="row">
          <Field label="Polling district">
            {(a) => (
              <select {...a} value={district} onChange={(e) => choose(e.target.value, votedIn)}>
                {(districts.data ?? []).map((d) => (
                  <option key={d.pollingDistrict} value={d.pollingDistrict}>
                    {d.pollingDistrict} ({plural(d.electors, 'elector')})
                  </option>
                ))}
              </select>
            )}
          </Field>
          <VotedInFilter areaId={areaId} value={votedIn} onChange={(v) => choose(district, v)} />
        </div>
        {desktop ? (
          <p className="muted">To print, write the PDF with `hustings register walk-sheets --area {areaId} --pdf FILE`, or open Hustings in a browser.</p>
        ) : (
          <div className="actions">
            {district && (
              <a className="button primary" href={pdfHref(areaId, district, votedIn)} download>
                Download PDF for district {district}
              </a>
            )}
            <a className="button" href={pdfHref(areaId, undefined, votedIn)} download>
              Download PDF for the whole area
            </a>
            <span className="muted">A4, in the order a canvasser walks; electors who moved, died or asked not to be contacted are left off.</span>
          </div>
        )}
      </div>
      <ErrorMessage error={error ?? districts.error} />
      {districts.data?.length === 0 && <p>This area has no register yet.</p>}
      {!data && !error && districts.data?.length !== 0 && <Loading />}
      {data && (
        <article className="walk-sheet">
          <h1>
            Walk sheet: {data.areaName}
            {data.pollingDistrict ? `, polling district ${data.pollingDistrict}` : ''}
            {votedIn ? ` (${votedInText(votedIn)})` : ''}
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
            {walkRoute(data.households.map((h) => ({ ...h, electorNumbers: h.electors.map((e) => e.electorNumber) }))).map((section) => (
              <tbody key={`${section.street}/${section.side}`}>
                <tr className="street">
                  <th scope="rowgroup" colSpan={5}>
                    {sectionHeading(section)}
                  </th>
                </tr>
                {section.households.map((h) =>
                  h.electors.map((e, i) => (
                    <tr key={e.id}>
                      <td>{i === 0 ? [h.flat, h.house].filter(Boolean).join(', ') || h.address.split('\n')[0] : ''}</td>
                      <td>
                        <code>{e.electorNumber}</code>
                      </td>
                      <td>
                        {e.fullName}
                        {e.markers ? ` (${e.markers})` : ''}
                      </td>
                      <td>{codes.data ? lastResult(e.latestOutcome, e.latestSupport, codes.data) : ''}</td>
                      <td className="codes" />
                    </tr>
                  )),
                )}
              </tbody>
            ))}
          </table>
        </article>
      )}
    </>
  );
}
