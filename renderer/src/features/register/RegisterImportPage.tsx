import { useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { ImportReport } from '../../../../shared/contract/register.ts';
import { REGISTER_FIELDS, REGISTER_FIELD_LABELS, mappingProblems, type ColumnMapping, type RegisterField } from '../../../../shared/domain/register-columns.ts';
import { api, useApi } from '../../app/api.ts';
import { type JobEvent, useJob } from '../../app/jobs.ts';
import { uploadFile } from '../../app/upload.ts';
import { TEXT_ENCODING_LABELS, type TextEncoding } from '../../../../shared/domain/text-encoding.ts';
import { Field } from '../../ui/Field.tsx';
import { plural } from '../../ui/format.ts';
import { ErrorMessage, PageHeader } from '../../ui/Page.tsx';
import { JobProgress, ProgressBar } from '../../ui/Progress.tsx';

interface Preview {
  headers: string[];
  sample: string[][];
  mapping: ColumnMapping;
  remembered: boolean;
}

const REQUIRED: RegisterField[] = ['electorNumber', 'fullName', 'surname'];

type Mode = 'replace' | 'alterations';

/** Brings a panel that appears below the form into view, its heading focused for screen readers. */
function useShownPanel(shown: unknown) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (!shown || !ref.current) return;
    ref.current.scrollIntoView({ block: 'start' });
    ref.current.focus({ preventScroll: true });
  }, [shown]);
  return ref;
}

export function RegisterImportPage() {
  const [params] = useSearchParams();
  const areas = useApi('areas.list', {});
  const [areaId, setAreaId] = useState(params.get('area') ?? '');
  const [file, setFile] = useState<File>();
  const [fileId, setFileId] = useState<string>();
  const [sent, setSent] = useState<number>();
  const [preview, setPreview] = useState<Preview>();
  const [mapping, setMapping] = useState<ColumnMapping>();
  const [error, setError] = useState<string>();
  const [mode, setMode] = useState<Mode>('replace');
  const [encoding, setEncoding] = useState<TextEncoding>('utf-8');
  const [started, setStarted] = useState<JobEvent>();
  const job = useJob(started);

  const choose = async (f: File | undefined) => {
    setError(undefined);
    setPreview(undefined);
    setStarted(undefined);
    setFile(f);
    if (!f) return;
    try {
      setSent(0);
      const sent = await uploadFile(f, setSent);
      setSent(undefined);
      setFileId(sent.fileId);
      setEncoding(sent.encoding);
      const p = await api('register.importPreview', { fileId: sent.fileId });
      setPreview(p);
      setMapping(p.mapping);
      setMode(p.mapping.alteration === null ? 'replace' : 'alterations');
    } catch (e) {
      setSent(undefined);
      setError((e as Error).message);
    }
  };

  /** A whole register has no change column: it is read only from notices of alteration. */
  const mappingFor = (as: Mode) => (mapping && as === 'replace' ? { ...mapping, alteration: null } : mapping);
  const sentMapping = mappingFor(mode);
  const start = async (as: Mode = mode, confirmRemovals = false) => {
    const sent = mappingFor(as);
    if (!fileId || !sent) return;
    setError(undefined);
    setMode(as);
    try {
      setStarted(await api('register.importStart', { fileId, areaId: Number(areaId), mapping: sent, remember: true, mode: as, confirmRemovals }));
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const problems = sentMapping && preview ? mappingProblems(sentMapping, preview.headers.length) : [];
  const running = job?.state === 'running';
  const report = job?.state === 'done' ? (job.result as ImportReport) : undefined;
  const toConfirm = job?.state === 'error' && job.error?.code === 'needs_confirmation' ? job : undefined;
  const failure = job?.state === 'error' && !toConfirm ? job : undefined;
  const details = failure?.error?.details as { problems?: { line: number; reason: string }[]; problemCount?: number } | undefined;
  const removals = (toConfirm?.error?.details as { removals?: { electors: number; returns: number } } | undefined)?.removals;
  const outcomeRef = useShownPanel(job?.state === 'running' ? undefined : job);
  const fields = REGISTER_FIELDS.filter((f) => f !== 'alteration' || mode === 'alterations');

  return (
    <>
      <PageHeader
        title="Import an electoral register"
        back={{ to: '/register', label: 'Register' }}
        subtitle="The council’s register as CSV, one elector a line, or its monthly notices of alteration. Importing a whole register again replaces the area’s register; electors are matched by name and address so their canvass history stays."
      />
      <ErrorMessage error={error} />
      <section className="panel">
        <h2>1. Area and file</h2>
        <div className="row">
          <Field label="Area" hint={areas.data?.length === 0 ? 'Add the area first, under Areas' : undefined}>
            {(a) => (
              <select {...a} value={areaId} onChange={(e) => setAreaId(e.target.value)} disabled={running}>
                <option value="">Choose the area…</option>
                {areas.data?.map((x) => (
                  <option key={x.id} value={x.id}>
                    {x.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Register CSV file">
            {(a) => <input {...a} type="file" accept=".csv,text/csv" disabled={running} onChange={(e) => void choose(e.target.files?.[0])} />}
          </Field>
        </div>
        {file && sent !== undefined && <ProgressBar label="Sending the file" percent={file.size ? Math.round((sent / file.size) * 100) : undefined} />}
      </section>

      {preview && mapping && (
        <section className="panel">
          <h2>2. Match the columns</h2>
          <p>
            {file?.name}: {plural(preview.headers.length, 'column')}.{' '}
            {preview.remembered ? 'Your choices from last time are filled in.' : 'Columns with the usual headings are filled in; check them.'}
          </p>
          {encoding !== 'utf-8' && (
            <p>Its characters were read as {TEXT_ENCODING_LABELS[encoding]} text: check that accented names in the first lines below look right.</p>
          )}
          <fieldset className="import-mode">
            <legend>What is in this file?</legend>
            <label className="choice">
              <input type="radio" name="mode" value="replace" checked={mode === 'replace'} disabled={running} onChange={() => setMode('replace')} />
              The whole register: it replaces the area’s register, and anyone not in it is removed (you are asked first)
            </label>
            <label className="choice">
              <input type="radio" name="mode" value="alterations" checked={mode === 'alterations'} disabled={running} onChange={() => setMode('alterations')} />
              Notices of alteration, or some electors only: adds, deletes and changes the electors in the file and no one else
            </label>
          </fieldset>
          <div className="mapping">
            {fields.map((field) => (
              <Field key={field} label={REGISTER_FIELD_LABELS[field]} error={problems.find((p) => p.field === field)?.message}>
                {(a) => (
                  <select
                    {...a}
                    value={mapping[field] ?? ''}
                    disabled={running}
                    onChange={(e) => setMapping({ ...mapping, [field]: e.target.value === '' ? null : Number(e.target.value) })}
                  >
                    <option value="">{REQUIRED.includes(field) ? 'Choose a column…' : 'Not in this file'}</option>
                    {preview.headers.map((h, i) => (
                      <option key={i} value={i}>
                        {h || `Column ${i + 1}`}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            ))}
          </div>
          {preview.sample.length > 0 && (
            <div className="scroll-x" tabIndex={0} role="region" aria-label="The first lines of the file">
              <table>
                <caption>The first lines of the file</caption>
                <thead>
                  <tr>
                    {preview.headers.map((h, i) => (
                      <th key={i} scope="col">
                        {h}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {preview.sample.map((r, i) => (
                    <tr key={i}>
                      {preview.headers.map((_, j) => (
                        <td key={j}>{r[j] ?? ''}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <div className="actions">
            <button type="button" className="primary" disabled={running || problems.length > 0 || !areaId} onClick={() => void start()}>
              {mode === 'replace' ? 'Import' : 'Apply the changes'}
            </button>
            {!areaId && <span className="muted">Choose the area first.</span>}
          </div>
        </section>
      )}

      {job && running && <JobProgress heading="Importing" label="Import progress" job={job} />}
      {job?.state === 'cancelled' && (
        <p className="success" role="status">
          Import cancelled: nothing was changed.
        </p>
      )}
      {toConfirm && removals && (
        <section className="panel" aria-labelledby="confirm-heading">
          <h2 id="confirm-heading" ref={outcomeRef} tabIndex={-1}>
            {mode === 'replace' ? `This would remove ${plural(removals.electors, 'elector')}` : `This deletes ${plural(removals.electors, 'elector')}`}
          </h2>
          <p className="error-banner" role="alert">
            {toConfirm.message}
          </p>
          <div className="actions">
            <button type="button" className="danger" onClick={() => void start(mode, true)}>
              {mode === 'replace' ? `Remove ${plural(removals.electors, 'elector')} and import` : `Delete ${plural(removals.electors, 'elector')} and apply`}
            </button>
            {mode === 'replace' && (
              <button type="button" className="primary" onClick={() => void start('alterations')}>
                Import as notices of alteration instead
              </button>
            )}
            <button type="button" onClick={() => setStarted(undefined)}>
              Cancel
            </button>
          </div>
        </section>
      )}
      {failure && (
        <section className="panel" aria-labelledby="failure-heading">
          <h2 id="failure-heading" ref={outcomeRef} tabIndex={-1}>
            Nothing was imported
          </h2>
          <p className="error-banner" role="alert">
            {failure.message}
          </p>
          {details?.problems && (
            <table>
              <caption>
                Lines that cannot be imported
                {details.problemCount && details.problemCount > details.problems.length
                  ? ` (the first ${details.problems.length} of ${details.problemCount})`
                  : ''}
              </caption>
              <thead>
                <tr>
                  <th scope="col" className="num">
                    Line
                  </th>
                  <th scope="col">Reason</th>
                </tr>
              </thead>
              <tbody>
                {details.problems.map((p) => (
                  <tr key={p.line}>
                    <td className="num">{p.line}</td>
                    <td>{p.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      )}
      {report && (
        <section className="panel" aria-labelledby="report-heading">
          <h2 id="report-heading" ref={outcomeRef} tabIndex={-1}>
            {report.mode === 'alterations' ? 'Changes applied' : 'Imported'}
          </h2>
          <p className="success" role="status">
            {report.mode === 'alterations'
              ? `Applied ${plural(report.electors, 'notice')} of alteration: ${report.added.toLocaleString('en-GB')} added, ${report.matched.toLocaleString('en-GB')} changed, ${report.left.toLocaleString('en-GB')} deleted.`
              : report.reimport
                ? `Re-imported ${plural(report.electors, 'elector')}: ${report.matched.toLocaleString('en-GB')} matched, ${report.added.toLocaleString('en-GB')} new, ${report.left.toLocaleString('en-GB')} left.`
                : `Imported ${plural(report.electors, 'elector')} in ${plural(report.households, 'household')}.`}
          </p>
          <dl className="facts">
            <dt>{report.mode === 'alterations' ? 'Polling districts in the file' : 'Polling districts'}</dt>
            <dd>{report.pollingDistricts.join(', ')}</dd>
            <dt>Households</dt>
            <dd>{report.households.toLocaleString('en-GB')}</dd>
            {report.reimport && report.mode === 'replace' && (
              <>
                <dt>Matched (history kept)</dt>
                <dd>{report.matched.toLocaleString('en-GB')}</dd>
                <dt>New on the register</dt>
                <dd>{report.added.toLocaleString('en-GB')}</dd>
                <dt>No longer on the register (removed with their history)</dt>
                <dd>{report.left.toLocaleString('en-GB')}</dd>
              </>
            )}
          </dl>
          <Link className="button primary" to={`/register/${areaId}`}>
            See the electors
          </Link>
        </section>
      )}
    </>
  );
}
