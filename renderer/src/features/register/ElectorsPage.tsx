import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { ElectorSummaryOut } from '../../../../shared/contract/register.ts';
import { api, useApi } from '../../app/api.ts';
import { Field } from '../../ui/Field.tsx';
import { plural } from '../../ui/format.ts';
import { ErrorMessage, PageHeader } from '../../ui/Page.tsx';
import { oneLine, outcomeLabel } from './labels.ts';
import { DistrictSelect } from './DistrictSelect.tsx';
import { type VotedIn, VotedInFilter } from '../polling/VotedInFilter.tsx';

/** The walk sheet's address for the list's district and voting-history filter. */
function walkQuery(district: string, votedIn: VotedIn | undefined): string {
  const q = new URLSearchParams({ ...(district ? { district } : {}), ...(votedIn ? { voted: String(votedIn.n), of: String(votedIn.m) } : {}) }).toString();
  return q ? `?${q}` : '';
}

const ROW = 44;
const PAGE = 100;
const VISIBLE = 14;

/** Pages of a search, fetched as they scroll into view. */
function usePagedElectors(areaId: number, pollingDistrict: string, search: string, votedIn?: VotedIn) {
  const [total, setTotal] = useState<number>();
  const [pages, setPages] = useState<Map<number, ElectorSummaryOut[]>>(new Map());
  const [error, setError] = useState<string>();
  const asked = useRef(new Set<number>());
  const key = `${areaId}|${pollingDistrict}|${search}|${votedIn ? `${votedIn.n}/${votedIn.m}` : ''}`;
  const keyRef = useRef(key);
  useEffect(() => {
    keyRef.current = key;
    asked.current = new Set();
    setPages(new Map());
    setTotal(undefined);
  }, [key]);
  const need = useCallback(
    (page: number) => {
      if (asked.current.has(page)) return;
      asked.current.add(page);
      const mine = key;
      api('register.listElectors', {
        areaId,
        pollingDistrict: pollingDistrict || undefined,
        search: search || undefined,
        offset: page * PAGE,
        limit: PAGE,
        votedIn,
      })
        .then((r) => {
          if (keyRef.current !== mine) return;
          setTotal(r.total);
          setPages((p) => new Map(p).set(page, r.items));
        })
        .catch((e: Error) => setError(e.message));
    },
    [key, areaId, pollingDistrict, search, votedIn],
  );
  return { total, pages, need, error };
}

export function ElectorsPage() {
  const areaId = Number(useParams().areaId);
  const area = useApi('areas.get', { id: areaId });
  const districts = useApi('register.listDistricts', { areaId });
  const [district, setDistrict] = useState('');
  const [search, setSearch] = useState('');
  const [debounced, setDebounced] = useState('');
  useEffect(() => {
    const t = setTimeout(() => setDebounced(search.trim()), 200);
    return () => clearTimeout(t);
  }, [search]);
  const [votedIn, setVotedIn] = useState<VotedIn>();
  const { total, pages, need, error } = usePagedElectors(areaId, district, debounced, votedIn);
  const [scrollTop, setScrollTop] = useState(0);
  // A new search or district starts at its top: scrolled down a long list, a short answer's
  // rows would otherwise lie above the view and none would show.
  const listRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (listRef.current) listRef.current.scrollTop = 0;
    setScrollTop(0);
  }, [district, debounced, votedIn]);
  const first = Math.max(0, Math.floor(scrollTop / ROW) - 5);
  const last = Math.min(total ?? PAGE, first + VISIBLE + 10);
  useEffect(() => {
    need(Math.floor(first / PAGE));
    need(Math.floor(Math.max(first, last - 1) / PAGE));
  }, [first, last, need]);

  const rows: { index: number; e?: ElectorSummaryOut }[] = [];
  for (let i = first; i < last; i++) rows.push({ index: i, e: pages.get(Math.floor(i / PAGE))?.[i % PAGE] });

  return (
    <>
      <PageHeader
        title={`Electors of ${area.data?.name ?? '…'}`}
        back={{ to: '/register', label: 'Register' }}
        actions={
          <>
            <Link className="button" to={`/register/${areaId}/walk-sheet${walkQuery(district, votedIn)}`}>
              Walk sheet
            </Link>
            <Link className="button" to={`/canvass/tallies/${areaId}`}>
              Tallies
            </Link>
          </>
        }
      />
      <ErrorMessage error={error ?? area.error} />
      <div className="row">
        <Field label="Search electors" hint="Name, elector number, street or postcode">
          {(a) => <input {...a} type="search" value={search} onChange={(e) => setSearch(e.target.value)} />}
        </Field>
        <DistrictSelect
          value={district}
          onChange={setDistrict}
          districts={(districts.data ?? []).map((d) => ({
            ...d,
            label: `${d.pollingDistrict} (${plural(d.electors, 'elector')}, ${plural(d.households, 'household')})`,
          }))}
        />
        <VotedInFilter areaId={areaId} value={votedIn} onChange={setVotedIn} />
      </div>
      <p className="muted" role="status" aria-live="polite">
        {total === undefined ? 'Loading…' : total === 0 ? 'No electors match.' : `${plural(total, 'elector')}, in walk order.`}
      </p>
      {total !== undefined && total > 0 && (
        <div
          ref={listRef}
          className="virtual-list"
          role="list"
          aria-label="Electors"
          tabIndex={0}
          style={{ height: ROW * VISIBLE }}
          onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
        >
          <div style={{ height: total * ROW, position: 'relative' }}>
            {rows.map(({ index, e }) => (
              <div key={index} role="listitem" className="virtual-row" style={{ top: index * ROW, height: ROW }}>
                {e ? (
                  <>
                    <code className="en">{e.electorNumber}</code>
                    <Link to={`/electors/${e.id}`}>{e.fullName}</Link>
                    <span className="addr">{oneLine(e.address, e.postcode)}</span>
                    <span className="muted">
                      {outcomeLabel(e.latestOutcome)}
                      {e.latestSupport ? ` · ${e.latestSupport}` : ''}
                    </span>
                  </>
                ) : (
                  <span className="muted">…</span>
                )}
              </div>
            ))}
          </div>
        </div>
      )}
    </>
  );
}
