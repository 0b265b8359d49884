import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { api, useApi } from '../../app/api.ts';
import { lastResult } from '../../../../shared/domain/walk-route.ts';
import { householdsOfParts, type SheetPaging } from '../../../../shared/domain/walk-pages.ts';
import { Field } from '../../ui/Field.tsx';
import { plural } from '../../ui/format.ts';
import { ErrorMessage, Loading } from '../../ui/Page.tsx';
import { PdfDownload } from '../../ui/PdfDownload.tsx';
import { type VotedIn, VotedInFilter, votedInFromParams } from '../polling/VotedInFilter.tsx';
import { votedInText } from '../../../../shared/domain/voting-columns.ts';

/** Elector rows on one screen page: about 1,500 DOM elements, and a page a coordinator can scan. */
const PAGE_ROWS = 200;

/**
 * One polling district's walk sheet on screen (a whole area would be tens of thousands of rows),
 * a page of it at a time with its street headings, a way to any street and a find box (the
 * browser's own find sees only the page shown), and the PDFs for printing. The server sends the
 * page shown and no more (a 4,000-elector district was a megabyte of JSON).
 */
export function WalkSheetPage() {
  const areaId = Number(useParams().areaId);
  const [params, setParams] = useSearchParams();
  const districts = useApi('register.listDistricts', { areaId });
  const district = params.get('district') ?? '';
  const votedIn = votedInFromParams(params);
  /** The address with one choice changed and the others kept. */
  /** The address of a district's sheet, its filter and page: every move keeps what it does not change. */
  const show = (district: string, v: VotedIn | undefined, page = 1) =>
    setParams({ district, ...(v ? { voted: String(v.n), of: String(v.m) } : {}), ...(page > 1 ? { page: String(page) } : {}) });
  const first = districts.data?.[0]?.pollingDistrict;
  // Opened without a district: show the first, never the whole area.
  useEffect(() => {
    if (district === '' && first) setParams((p) => ({ ...Object.fromEntries(p), district: first }), { replace: true });
  }, [district, first, setParams]);
  const sheetQuery = { areaId, pollingDistrict: district, votedIn, page: Math.max(1, Number(params.get('page')) || 1), pageRows: PAGE_ROWS };
  const { data, error } = useApi('register.getWalkSheet', district ? sheetQuery : null);
  const codes = useApi('canvass.getCodes', {});
  const paging = data?.paging;
  const [found, setFound] = useState<number | null>(null);
  const goTo = (page: number, elector: number | null = null) => {
    setFound(elector);
    show(district, votedIn, page);
  };
  // The elector found is on the page once it has come.
  useEffect(() => {
    if (found !== null) document.querySelector(`tr[data-elector="${found}"]`)?.scrollIntoView({ block: 'center' });
  }, [found, data]);
  /** Every elector of the sheet called or numbered so, with their page (asked of the server: the page holds only its own). */
  const findOnSheet = async (text: string) => (await api('register.getWalkSheet', { ...sheetQuery, find: text })).paging?.found ?? [];
  const parts = data && paging ? householdsOfParts(data.households, paging.parts) : [];
  return (
    <>
      <div className="screen-only">
        <Link className="back" to={`/register/${areaId}`}>
          ← Electors
        </Link>
        <div className="row">
          <Field label="Polling district">
            {(a) => (
              <select {...a} value={district} onChange={(e) => show(e.target.value, votedIn)}>
                {(districts.data ?? []).map((d) => (
                  <option key={d.pollingDistrict} value={d.pollingDistrict}>
                    {d.pollingDistrict} ({plural(d.electors, 'elector')})
                  </option>
                ))}
              </select>
            )}
          </Field>
          <VotedInFilter areaId={areaId} value={votedIn} onChange={(v) => show(district, v)} />
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
            {plural(paging?.households ?? 0, 'household')}, {plural(paging?.electors ?? 0, 'elector')}. Canvasser: ______________ Date: ____________
          </p>
          {paging && paging.pages > 1 && <SheetNavigation paging={paging} goTo={goTo} find={findOnSheet} />}
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
            {parts.map((part) => (
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
          {paging && paging.pages > 1 && <SheetNavigation paging={paging} goTo={goTo} find={findOnSheet} bottom />}
        </article>
      )}
    </>
  );
}

/** Previous and next, a street to go to, and (at the top) finding an elector by name or number. */
function SheetNavigation(props: {
  paging: SheetPaging;
  goTo: (page: number, elector?: number | null) => void;
  find: (text: string) => Promise<NonNullable<SheetPaging['found']>>;
  bottom?: boolean;
}) {
  const { paging, goTo } = props;
  const pageNo = paging.page;
  const [text, setText] = useState('');
  const [message, setMessage] = useState('');
  const after = useRef({ page: 0, electorId: -1 });
  const find = async (e: FormEvent) => {
    e.preventDefault();
    if (text.trim() === '') return;
    let hits: NonNullable<SheetPaging['found']>;
    try {
      hits = await props.find(text);
    } catch (err) {
      return setMessage((err as Error).message);
    }
    if (hits.length === 0) return setMessage(`No elector on this sheet is called or numbered “${text.trim()}”.`);
    // From the row after the last one found (or the page shown), round to the start again.
    const last = hits.findIndex((h) => h.electorId === after.current.electorId);
    const next = last >= 0 ? hits[(last + 1) % hits.length] : (hits.find((h) => h.page >= pageNo) ?? hits[0]);
    after.current = next;
    setMessage(`${hits.indexOf(next) + 1} of ${plural(hits.length, 'match', 'matches')}: page ${next.page}.`);
    goTo(next.page, next.electorId);
  };
  return (
    <nav className="sheet-nav screen-only" aria-label={props.bottom ? 'Walk sheet pages (bottom)' : 'Walk sheet pages'}>
      <button type="button" disabled={pageNo <= 1} onClick={() => goTo(pageNo - 1)}>
        ← Previous page
      </button>
      <span aria-live="polite">
        Page {pageNo} of {paging.pages}
      </span>
      <button type="button" disabled={pageNo >= paging.pages} onClick={() => goTo(pageNo + 1)}>
        Next page →
      </button>
      {!props.bottom && (
        <>
          <label>
            Go to street{' '}
            <select value="" onChange={(e) => e.target.value && goTo(Number(e.target.value))}>
              <option value="">Choose…</option>
              {paging.streets.map((s) => (
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
