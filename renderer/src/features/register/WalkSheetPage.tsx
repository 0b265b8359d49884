import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useApi } from '../../app/api.ts';
import { lastResult, walkRoute } from '../../../../shared/domain/walk-route.ts';
import { Field } from '../../ui/Field.tsx';
import { plural } from '../../ui/format.ts';
import { ErrorMessage, Loading } from '../../ui/Page.tsx';
import { PdfDownload } from '../../ui/PdfDownload.tsx';
import { type PagePart, pageRoute } from './walk-pages.ts';
import type { MethodOutput } from '../../../../shared/contract/index.ts';

/** Elector rows on one screen page: about 1,500 DOM elements, and a page a coordinator can scan. */
const PAGE_ROWS = 200;
import { type VotedIn, VotedInFilter, votedInFromParams } from '../polling/VotedInFilter.tsx';
import { votedInText } from '../../../../shared/domain/voting-columns.ts';

/**
 * One polling district's walk sheet on screen (a whole area would be tens of thousands of rows),
 * a page of it at a time with its street headings, a way to any street and a find box (the
 * browser's own find sees only the page shown), and the PDFs for printing.
 */
export function WalkSheetPage() {
  const areaId = Number(useParams().areaId);
  const [params, setParams] = useSearchParams();
  const districts = useApi('register.listDistricts', { areaId });
  const district = params.get('district') ?? '';
  const votedIn = votedInFromParams(params);
  /** The address with one choice changed and the others kept. */
  const choose = (district: string, v: VotedIn | undefined) => setParams({ district, ...(v ? { voted: String(v.n), of: String(v.m) } : {}) });
  const first = districts.data?.[0]?.pollingDistrict;
  // Opened without a district: show the first, never the whole area.
  useEffect(() => {
    if (district === '' && first) setParams((p) => ({ ...Object.fromEntries(p), district: first }), { replace: true });
  }, [district, first, setParams]);
  const { data, error } = useApi('register.getWalkSheet', district ? { areaId, pollingDistrict: district, votedIn } : null);
  const codes = useApi('canvass.getCodes', {});
  const route = useMemo(() => (data ? walkRoute(data.households.map((h) => ({ ...h, electorNumbers: h.electors.map((e) => e.electorNumber) }))) : []), [data]);
  const pages = useMemo(() => pageRoute(route, PAGE_ROWS), [route]);
  const pageNo = Math.min(Math.max(1, Number(params.get('page')) || 1), Math.max(1, pages.length));
  const [found, setFound] = useState<number | null>(null);
  const electors = data?.households.reduce((n, h) => n + h.electors.length, 0) ?? 0;
  const goTo = (page: number, elector: number | null = null) => {
    setFound(elector);
    setParams({ district, ...(page > 1 ? { page: String(page) } : {}) });
  };
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
        <div className="actions">
          {district && (
            <PdfDownload className="primary" what={{ kind: 'walkSheets', areaId, pollingDistrict: district, votedIn }}>
              Download PDF for district {district}
            </PdfDownload>
          )}
          <PdfDownload what={{ kind: 'walkSheets', areaId, votedIn }}>Download PDF for the whole area</PdfDownload>
          <span className="muted">A4, in the order a canvasser walks; electors who moved, died or asked not to be contacted are left off.</span>
        </div>
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
          {pages.length > 1 && <SheetNavigation pages={pages} pageNo={pageNo} goTo={goTo} />}
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
            {(pages[pageNo - 1] ?? []).map((part) => (
              <tbody key={`${part.section}/${part.continued}`}>
                <tr className="street">
                  <th scope="rowgroup" colSpan={5}>
                    {part.heading}
                    {part.continued ? ' (continued)' : ''}
                  </th>
                </tr>
                {part.households.map((h) =>
                  h.electors.map((e, i) => (
                    <tr key={e.id} className={found === e.id ? 'found' : undefined} data-elector={e.id}>
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
          {pages.length > 1 && <SheetNavigation pages={pages} pageNo={pageNo} goTo={goTo} bottom />}
        </article>
      )}
    </>
  );
}

type SheetHousehold = MethodOutput<'register.getWalkSheet'>['households'][number] & { electorNumbers: string[] };
type Pages = PagePart<SheetHousehold>[][];

/** Previous and next, a street to go to, and (at the top) finding an elector by name or number. */
function SheetNavigation(props: { pages: Pages; pageNo: number; goTo: (page: number, elector?: number | null) => void; bottom?: boolean }) {
  const { pages, pageNo, goTo } = props;
  const streets = useMemo(() => {
    const seen = new Map<number, { section: number; heading: string; page: number }>();
    pages.forEach((page, i) =>
      page.forEach((part) => seen.has(part.section) || seen.set(part.section, { section: part.section, heading: part.heading, page: i + 1 })),
    );
    return [...seen.values()];
  }, [pages]);
  const [text, setText] = useState('');
  const [message, setMessage] = useState('');
  const after = useRef({ page: 0, elector: -1 });
  const find = (e: FormEvent) => {
    e.preventDefault();
    const needle = text.trim().toLowerCase();
    if (needle === '') return;
    // From the row after the last one found (or the page shown), round to the start again.
    const hits: { page: number; elector: number }[] = [];
    pages.forEach((page, p) =>
      page.forEach((part) =>
        part.households.forEach((h) =>
          h.electors.forEach(
            (el) => (el.fullName.toLowerCase().includes(needle) || el.electorNumber.toLowerCase() === needle) && hits.push({ page: p + 1, elector: el.id }),
          ),
        ),
      ),
    );
    if (hits.length === 0) return setMessage(`No elector on this sheet is called or numbered “${text.trim()}”.`);
    const last = hits.findIndex((h) => h.elector === after.current.elector);
    const next = last >= 0 ? hits[(last + 1) % hits.length] : (hits.find((h) => h.page >= pageNo) ?? hits[0]);
    after.current = next;
    setMessage(`${hits.indexOf(next) + 1} of ${plural(hits.length, 'match', 'matches')}: page ${next.page}.`);
    goTo(next.page, next.elector);
    requestAnimationFrame(() => document.querySelector(`tr[data-elector="${next.elector}"]`)?.scrollIntoView({ block: 'center' }));
  };
  return (
    <nav className="sheet-nav screen-only" aria-label={props.bottom ? 'Walk sheet pages (bottom)' : 'Walk sheet pages'}>
      <button type="button" disabled={pageNo <= 1} onClick={() => goTo(pageNo - 1)}>
        ← Previous page
      </button>
      <span aria-live="polite">
        Page {pageNo} of {pages.length}
      </span>
      <button type="button" disabled={pageNo >= pages.length} onClick={() => goTo(pageNo + 1)}>
        Next page →
      </button>
      {!props.bottom && (
        <>
          <label>
            Go to street{' '}
            <select value="" onChange={(e) => e.target.value && goTo(Number(e.target.value))}>
              <option value="">Choose…</option>
              {streets.map((s) => (
                <option key={s.section} value={s.page}>
                  {s.heading} (page {s.page})
                </option>
              ))}
            </select>
          </label>
          <form role="search" onSubmit={find}>
            <label>
              Find elector <input type="search" value={text} onChange={(e) => setText(e.target.value)} placeholder="Name or number" />
            </label>{' '}
            <button type="submit">Find</button>
          </form>
          <span className="muted" role="status">
            {message}
          </span>
        </>
      )}
    </nav>
  );
}
