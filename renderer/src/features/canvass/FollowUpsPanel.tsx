import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { canvassContract } from '../../../../shared/contract/canvass.ts';
import type { MethodOutput } from '../../../../shared/contract/index.ts';
import { REQUESTS, REQUEST_LABELS, type Request } from '../../../../shared/domain/canvass-codes.ts';
import { ADDRESS_FIELDS, REGISTER_FIELD_LABELS } from '../../../../shared/domain/register-columns.ts';
import { ukToday } from '../../../../shared/domain/working-days.ts';
import { api, useApi } from '../../app/api.ts';
import { downloadCsv } from '../../ui/download.ts';
import { Field } from '../../ui/Field.tsx';
import { Options } from '../../ui/Options.tsx';
import { usePersonalDataExport } from '../../ui/PersonalDataExport.tsx';
import { formatDate, formatNumber, plural } from '../../ui/format.ts';
import { ErrorMessage } from '../../ui/Page.tsx';
import { useApiForm } from '../../ui/useApiForm.ts';
import { DistrictSelect } from '../register/DistrictSelect.tsx';
import { oneLine } from '../register/labels.ts';

/** What the tick-off form asks; the request and the electors are the list's and the ticks'. */
const tickOffFields = canvassContract['canvass.markFollowUpsDone'].input.pick({ doneOn: true, note: true });

/** Rows a page of each list shows (the CSV has them all). */
const PAGE = 100;

/** Where a page is in its list, with buttons to the pages either side. */
function Pager(props: { label: string; page: number; total: number; onPage: (page: number) => void }) {
  const { page, total } = props;
  if (total <= PAGE) return null;
  const last = Math.ceil(total / PAGE) - 1;
  return (
    <nav className="actions pager" aria-label={props.label}>
      <button type="button" className="small-button" disabled={page === 0} onClick={() => props.onPage(page - 1)}>
        Previous {PAGE}
      </button>
      <span>
        {formatNumber(page * PAGE + 1)}–{formatNumber(Math.min(total, (page + 1) * PAGE))} of {formatNumber(total)}
      </span>
      <button type="button" className="small-button" disabled={page >= last} onClick={() => props.onPage(page + 1)}>
        Next {PAGE}
      </button>
    </nav>
  );
}

/**
 * The follow-up CSV: its first seven columns are what mail merges and spreadsheets have relied on
 * (the address in one cell); each address line follows in a column of its own, for labels.
 */
const CSV_HEADER = [
  'Elector number',
  'Name',
  'Address',
  'Postcode',
  'Polling district',
  'Support',
  'Last canvassed',
  ...ADDRESS_FIELDS.map((f) => REGISTER_FIELD_LABELS[f]),
];

function csvRows(rows: MethodOutput<'canvass.listFollowUps'>): string[][] {
  return [
    CSV_HEADER,
    ...rows.map((r) => {
      const lines = r.address.split('\n');
      return [
        r.electorNumber,
        r.fullName,
        oneLine(r.address),
        r.postcode,
        r.pollingDistrict,
        r.latestSupport ?? '',
        r.lastCanvassedOn ?? '',
        ...ADDRESS_FIELDS.map((_, i) => lines[i] ?? ''),
      ];
    }),
  ];
}

/**
 * Who asked for something (literature, a poster, to join…): those still waiting, to tick off
 * once dealt with, and those done, to check or take back. The CSV is of those still waiting.
 */
export function FollowUpsPanel(props: { areaId: number; districts: readonly { pollingDistrict: string }[] }) {
  const [request, setRequest] = useState<Request>('literature');
  const [district, setDistrict] = useState('');
  const [page, setPage] = useState(0);
  const [donePage, setDonePage] = useState(0);
  const query = { areaId: props.areaId, request, pollingDistrict: district || undefined };
  // A page of each list and the two counts: switching request reads 200 rows, not every request.
  const counts = useApi('canvass.countFollowUps', query);
  const waiting = useApi('canvass.listFollowUps', { ...query, state: 'open', offset: page * PAGE, limit: PAGE });
  const done = useApi('canvass.listFollowUps', { ...query, state: 'done', offset: donePage * PAGE, limit: PAGE });
  const [chosen, setChosen] = useState<ReadonlySet<number>>(new Set());
  const form = useApiForm(tickOffFields, { doneOn: ukToday(), note: '' });
  const [status, setStatus] = useState('');
  const exporting = usePersonalDataExport();
  const what = REQUEST_LABELS[request].replace(/^Wants /, '').replace(/^to /, '');

  const changeList = (f: () => void) => {
    f();
    setPage(0);
    setDonePage(0);
    setChosen(new Set());
    form.clearErrors();
    form.setFormError(undefined);
    setStatus('');
  };

  const shown = waiting.data ?? [];
  const open = counts.data?.open;
  const doneCount = counts.data?.done;
  // Ticking off (or undoing) the last of a page leaves it empty: show the last page there is.
  useEffect(() => {
    if (open !== undefined && page > 0 && page * PAGE >= open) setPage(Math.max(0, Math.ceil(open / PAGE) - 1));
    if (doneCount !== undefined && donePage > 0 && donePage * PAGE >= doneCount) setDonePage(Math.max(0, Math.ceil(doneCount / PAGE) - 1));
  }, [open, doneCount, page, donePage]);
  const allChosen = shown.length > 0 && shown.every((f) => chosen.has(f.electorId));
  const toggle = (id: number) =>
    setChosen((c) => {
      const next = new Set(c);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  const markDone = form.submit(async ({ doneOn, note }) => {
    // Only those still on the list (another window may have ticked some off meanwhile).
    const ids = shown.filter((f) => chosen.has(f.electorId)).map((f) => f.electorId);
    if (ids.length === 0) throw new Error('Tick the electors you have dealt with first.');
    const r = await api('canvass.markFollowUpsDone', { request, electorIds: ids, doneOn, note });
    // Only what was sent: boxes ticked and a note typed while the answer came stay as they are.
    setChosen((c) => new Set([...c].filter((id) => !ids.includes(id))));
    if ((form.getValues('note') ?? '').trim() === note) form.setValue('note', '');
    setStatus(`${plural(r.marked, 'elector')} ticked off as done: no longer waiting.`);
  });

  const undo = async (f: { electorId: number; electorNumber: string; fullName: string }) => {
    form.setFormError(undefined);
    try {
      await api('canvass.undoFollowUpsDone', { request, electorIds: [f.electorId] });
      setStatus(`${f.electorNumber} ${f.fullName} is waiting again.`);
    } catch (e) {
      form.setFormError((e as Error).message);
    }
  };

  const exportCsv = async () => {
    try {
      const rows = await api('canvass.listFollowUps', { ...query, state: 'open' });
      downloadCsv(`follow-up-${request}.csv`, csvRows(rows));
    } catch (e) {
      form.setFormError((e as Error).message);
    }
  };

  return (
    <section className="panel" aria-labelledby="follow-heading">
      <h2 id="follow-heading">Follow-ups</h2>
      <div className="row">
        <Field label="Who asked for">
          {(a) => (
            <select {...a} value={request} onChange={(e) => changeList(() => setRequest(e.target.value as Request))}>
              <Options values={REQUESTS} labels={REQUEST_LABELS} />
            </select>
          )}
        </Field>
        <DistrictSelect value={district} onChange={(d) => changeList(() => setDistrict(d))} districts={props.districts} />
      </div>
      <div className="actions follow-counts">
        <p role="status">{open !== undefined && doneCount !== undefined ? `${formatNumber(open)} still waiting · ${formatNumber(doneCount)} done` : ''}</p>
        <button
          type="button"
          onClick={() => exporting.ask(`names, addresses and canvass answers of ${plural(open ?? 0, 'elector')}`, exportCsv)}
          disabled={!open}
        >
          Export the waiting list to CSV
        </button>
        {exporting.dialog}
      </div>
      <ErrorMessage error={form.formError ?? counts.error ?? waiting.error ?? done.error} />
      {status && (
        <p className="success" role="status">
          {status}
        </p>
      )}

      <h3 id="waiting-heading">Still waiting: {what}</h3>
      {open === 0 ? (
        <p className="muted">Nobody is waiting{doneCount ? ': everyone who asked has been dealt with' : ''}.</p>
      ) : (
        <form
          onSubmit={(ev) => {
            setStatus('');
            return markDone(ev);
          }}
          noValidate
          aria-labelledby="waiting-heading"
        >
          <Pager label="Pages of those still waiting" page={page} total={open ?? 0} onPage={setPage} />
          <table>
            <thead>
              <tr>
                <th scope="col" className="tick-col">
                  <input
                    type="checkbox"
                    aria-label="Choose all shown"
                    checked={allChosen}
                    onChange={() => setChosen(allChosen ? new Set() : new Set(shown.map((f) => f.electorId)))}
                  />
                </th>
                <th scope="col">Number</th>
                <th scope="col">Name</th>
                <th scope="col">Address</th>
                <th scope="col">Last canvassed</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((f) => (
                <tr key={f.electorId} className={chosen.has(f.electorId) ? 'chosen' : undefined}>
                  <td className="tick-col">
                    <input
                      type="checkbox"
                      aria-label={`Choose ${f.electorNumber} ${f.fullName}`}
                      checked={chosen.has(f.electorId)}
                      onChange={() => toggle(f.electorId)}
                    />
                  </td>
                  <td>
                    <code>{f.electorNumber}</code>
                  </td>
                  <td>
                    <Link to={`/electors/${f.electorId}`}>{f.fullName}</Link>
                    {f.askedAgain && f.doneOn && <span className="small muted"> · asked again since it was done on {formatDate(f.doneOn)}</span>}
                  </td>
                  <td>{oneLine(f.address, f.postcode)}</td>
                  <td className="nowrap">{formatDate(f.lastCanvassedOn)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <fieldset className="tick-off">
            <legend>Mark the chosen as done ({formatNumber(chosen.size)} chosen)</legend>
            <div className="row">
              <Field label="Done on" hint="The day it was posted, delivered or the call made" error={form.errorOf('doneOn')}>
                {(a) => <input {...a} type="date" max={ukToday()} {...form.register('doneOn')} />}
              </Field>
              <Field label="Note (optional)" hint="e.g. posted second class, or phoned: joining online" error={form.errorOf('note')}>
                {(a) => <input {...a} {...form.register('note')} />}
              </Field>
            </div>
            <div className="actions">
              <button type="submit" className="primary">
                Mark as done
              </button>
            </div>
          </fieldset>
        </form>
      )}

      <h3 id="done-heading">Done</h3>
      <Pager label="Pages of those done" page={donePage} total={doneCount ?? 0} onPage={setDonePage} />
      {doneCount === 0 ? (
        <p className="muted">None ticked off yet.</p>
      ) : (
        done.data && (
          <table aria-labelledby="done-heading">
            <thead>
              <tr>
                <th scope="col">Number</th>
                <th scope="col">Name</th>
                <th scope="col">Done on</th>
                <th scope="col">By</th>
                <th scope="col">Note</th>
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {done.data.map((f) => (
                <tr key={f.electorId}>
                  <td>
                    <code>{f.electorNumber}</code>
                  </td>
                  <td>
                    <Link to={`/electors/${f.electorId}`}>{f.fullName}</Link>
                  </td>
                  <td className="nowrap">{formatDate(f.doneOn)}</td>
                  <td>{f.doneBy}</td>
                  <td>{f.doneNote || '—'}</td>
                  <td>
                    <button
                      type="button"
                      className="small-button"
                      aria-label={`Undo: put ${f.electorNumber} ${f.fullName} back on the waiting list`}
                      onClick={() => void undo(f)}
                    >
                      Undo
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )
      )}
    </section>
  );
}
