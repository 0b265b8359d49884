import { type ReactNode, useState } from 'react';
import { VOTING_LIST_FIELDS, VOTING_LIST_LABELS, type VotingListMapping, votingMappingProblems } from '../../../../shared/domain/voting-columns.ts';
import { ApiCallError, api } from '../../app/api.ts';
import { uploadFile } from '../../app/upload.ts';
import { Field } from '../../ui/Field.tsx';
import { plural } from '../../ui/format.ts';
import { ErrorMessage } from '../../ui/Page.tsx';

/** A refusal's lines, from its fields (`line.12` → reason). */
function refusedLines(e: unknown): { line: number; reason: string }[] {
  if (!(e instanceof ApiCallError)) return [];
  return Object.entries(e.fields)
    .filter(([k]) => k.startsWith('line.'))
    .map(([k, reason]) => ({ line: Number(k.slice(5)), reason }));
}

/**
 * Choose a CSV file, check which column holds what (suggested from its headings), then import:
 * the steps an absent voters list and a marked register share. `run` sends the import; the page
 * shows what it did.
 */
export function VotingListImport(props: {
  list: 'absent' | 'marked';
  fileLabel: string;
  /** Choices of the page's own (district, election…), shown before the file. */
  choices?: ReactNode;
  /** Why the import cannot be sent yet, if so. */
  notReady?: string;
  /** Whether a column may be left unmapped for `mark` (the page offers another way). */
  markOptional: boolean;
  run(fileId: string, mapping: VotingListMapping): Promise<ReactNode>;
}) {
  const [file, setFile] = useState<File>();
  const [fileId, setFileId] = useState<string>();
  const [preview, setPreview] = useState<{ headers: string[]; sample: string[][] }>();
  const [mapping, setMapping] = useState<VotingListMapping>();
  const [error, setError] = useState<string>();
  const [lines, setLines] = useState<{ line: number; reason: string }[]>([]);
  const [done, setDone] = useState<ReactNode>();
  const [busy, setBusy] = useState(false);

  const choose = async (f: File | undefined) => {
    setError(undefined);
    setLines([]);
    setDone(undefined);
    setPreview(undefined);
    setFile(f);
    if (!f) return;
    try {
      const sent = await uploadFile(f);
      const p = await api('voting.listPreview', { fileId: sent.fileId, list: props.list });
      setFileId(sent.fileId);
      setPreview(p);
      setMapping(p.mapping);
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const start = async () => {
    if (!fileId || !mapping) return;
    setBusy(true);
    setError(undefined);
    setLines([]);
    try {
      setDone(await props.run(fileId, mapping));
    } catch (e) {
      setError((e as Error).message);
      setLines(refusedLines(e));
    } finally {
      // The file is read once, whatever the outcome: to try again, choose it again.
      setFileId(undefined);
      setBusy(false);
    }
  };

  const labels = VOTING_LIST_LABELS[props.list];
  const problems = mapping && preview ? votingMappingProblems(mapping, preview.headers.length, props.list) : [];
  return (
    <>
      <section className="panel">
        <h2>1. The file</h2>
        <div className="row">
          {props.choices}
          <Field label={props.fileLabel} hint="CSV, one elector a line, with headings">
            {(a) => <input {...a} type="file" accept=".csv,text/csv" disabled={busy} onChange={(e) => void choose(e.target.files?.[0])} />}
          </Field>
        </div>
      </section>
      <ErrorMessage error={error} />
      {lines.length > 0 && (
        <table>
          <caption>Lines that cannot be read (nothing was imported)</caption>
          <thead>
            <tr>
              <th scope="col" className="num">
                Line
              </th>
              <th scope="col">Reason</th>
            </tr>
          </thead>
          <tbody>
            {lines.map((p) => (
              <tr key={p.line}>
                <td className="num">{p.line}</td>
                <td>{p.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {preview && mapping && !done && (
        <section className="panel">
          <h2>2. Match the columns</h2>
          <p>
            {file?.name}: {plural(preview.headers.length, 'column')}. Columns with the usual headings are filled in; check them.
          </p>
          <div className="mapping">
            {VOTING_LIST_FIELDS.map((field) => (
              <Field key={field} label={labels[field]} error={problems.find((p) => p.field === field)?.message}>
                {(a) => (
                  <select
                    {...a}
                    value={mapping[field] ?? ''}
                    disabled={busy}
                    onChange={(e) => setMapping({ ...mapping, [field]: e.target.value === '' ? null : Number(e.target.value) })}
                  >
                    <option value="">
                      {field === 'electorNumber'
                        ? 'Choose a column…'
                        : field === 'mark' && !props.markOptional
                          ? 'Not in this file (all in person)'
                          : 'Not in this file'}
                    </option>
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
            <button type="button" className="primary" disabled={busy || !fileId || problems.length > 0 || Boolean(props.notReady)} onClick={() => void start()}>
              Import
            </button>
            {props.notReady && <span className="muted">{props.notReady}</span>}
            {!fileId && <span className="muted">Choose the file again to import it.</span>}
          </div>
        </section>
      )}
      {done}
    </>
  );
}

/** The numbers of a file not found on the register, by line. */
export function UnmatchedTable(props: { caption: string; rows: { line: number; electorNumber: string }[]; total: number }) {
  if (props.total === 0) return null;
  return (
    <table>
      <caption>
        {props.caption}
        {props.total > props.rows.length ? ` (the first ${props.rows.length} of ${props.total})` : ''}
      </caption>
      <thead>
        <tr>
          <th scope="col" className="num">
            Line
          </th>
          <th scope="col">Elector number</th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((r) => (
          <tr key={r.line}>
            <td className="num">{r.line}</td>
            <td>
              <code>{r.electorNumber}</code>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
