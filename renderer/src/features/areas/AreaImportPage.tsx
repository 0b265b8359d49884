import { useState } from 'react';
import { Link } from 'react-router';
import type { AreaMapping, ImportPreview, ImportProblem } from '../../../../shared/contract/areas.ts';
import { AREA_KINDS } from '../../../../shared/contract/areas.ts';
import { AREA_FIELDS, AREA_FIELD_LABELS, type ImportDecision } from '../../../../shared/domain/area-import.ts';
import { NATIONS, NATION_LABELS, type Nation } from '../../../../shared/domain/election-types.ts';
import { api } from '../../app/api.ts';
import { Options } from '../../ui/Options.tsx';
import { Field } from '../../ui/Field.tsx';
import { formatNumber, plural } from '../../ui/format.ts';
import { ErrorMessage, PageHeader } from '../../ui/Page.tsx';
import { KIND_LABELS } from './AreaForm.tsx';

type Kind = (typeof AREA_KINDS)[number];

const GROUPS: { kind: ImportProblem['kind']; title: string }[] = [
  { kind: 'duplicate-row', title: 'Rows repeated exactly' },
  { kind: 'duplicate-code', title: 'GSS codes used twice' },
  { kind: 'invalid', title: 'Rows that cannot be imported (they will be skipped)' },
  { kind: 'already-present', title: 'Already in Hustings (left as they are)' },
];

const CHOICE_LABELS: Record<ImportDecision, string> = {
  skip: 'Skip this row',
  import: 'Import it as well',
  'import-without-code': 'Import it without the GSS code',
};

export function AreaImportPage() {
  const [file, setFile] = useState<{ name: string; csv: string }>();
  const [kind, setKind] = useState<Kind>('constituency');
  const [nation, setNation] = useState<Nation>('england');
  const [preview, setPreview] = useState<ImportPreview>();
  const [decisions, setDecisions] = useState<Record<string, ImportDecision>>({});
  const [error, setError] = useState<string>();
  const [result, setResult] = useState<{ imported: number; skipped: number }>();
  const [busy, setBusy] = useState(false);

  const load = async (csv: string, mapping?: AreaMapping) => {
    setError(undefined);
    setResult(undefined);
    try {
      setPreview(await api('areas.importPreview', { csv, kind, defaultNation: nation, mapping }));
    } catch (e) {
      setPreview(undefined);
      setError((e as Error).message);
    }
  };

  const needsChoice = (preview?.problems ?? []).filter((p) => p.choices.length > 1);
  const undecided = needsChoice.filter((p) => !decisions[p.line]);

  const runImport = async () => {
    if (!file || !preview) return;
    setBusy(true);
    setError(undefined);
    try {
      setResult(await api('areas.import', { csv: file.csv, kind, defaultNation: nation, mapping: preview.mapping, decisions }));
      setPreview(undefined);
      setFile(undefined);
      setDecisions({});
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeader
        title="Import areas from CSV"
        back={{ to: '/areas', label: 'Areas' }}
        subtitle="One row per area, with a header row. Nothing is saved until you press Import."
      />
      <ErrorMessage error={error} />
      {result && (
        <p className="success" role="status">
          Imported {plural(result.imported, 'area')}; skipped {plural(result.skipped, 'row')}. <Link to="/areas">See the areas</Link>.
        </p>
      )}
      <section className="panel">
        <h2>1. Choose the file</h2>
        <div className="row">
          <Field label="What the rows are">
            {(a) => (
              <select {...a} value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
                <Options values={AREA_KINDS} labels={KIND_LABELS} />
              </select>
            )}
          </Field>
          <Field label="Nation, where the file does not say" hint="GSS codes (E…, W…, S…, N…) decide it when present">
            {(a) => (
              <select {...a} value={nation} onChange={(e) => setNation(e.target.value as Nation)}>
                <Options values={NATIONS} labels={NATION_LABELS} />
              </select>
            )}
          </Field>
          <Field label="CSV file">
            {(a) => (
              <input
                {...a}
                type="file"
                accept=".csv,text/csv"
                onChange={async (e) => {
                  const f = e.target.files?.[0];
                  if (!f) return;
                  const csv = await f.text();
                  setFile({ name: f.name, csv });
                  setDecisions({});
                  await load(csv);
                }}
              />
            )}
          </Field>
        </div>
      </section>

      {file && preview && (
        <>
          <section className="panel">
            <h2>2. Match the columns</h2>
            <p>
              {file.name}: {plural(preview.rowCount, 'row')}, {formatNumber(preview.readyCount)} ready to import.
            </p>
            <div className="row">
              {AREA_FIELDS.map((field) => (
                <Field key={field} label={AREA_FIELD_LABELS[field]}>
                  {(a) => (
                    <select {...a} value={preview.mapping[field]} onChange={(e) => load(file.csv, { ...preview.mapping, [field]: e.target.value })}>
                      <option value="">{field === 'name' ? 'Choose a column…' : 'Not in this file'}</option>
                      {preview.headers.map((h) => (
                        <option key={h} value={h}>
                          {h}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
              ))}
            </div>
            {preview.sample.length > 0 && (
              <table>
                <caption>The first rows as they will be read</caption>
                <thead>
                  <tr>
                    <th scope="col">Line</th>
                    <th scope="col">Name</th>
                    <th scope="col">GSS code</th>
                    <th scope="col" className="num">
                      Electorate
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {preview.sample.map((r) => (
                    <tr key={r.line}>
                      <td>{r.line}</td>
                      <td>{r.name}</td>
                      <td>
                        <code>{r.gssCode}</code>
                      </td>
                      <td className="num">{formatNumber(r.electorate)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>

          <section className="panel" aria-labelledby="problems-heading">
            <h2 id="problems-heading">3. Rows that need your decision</h2>
            {preview.problems.length === 0 && <p>None: every row can be imported as it is.</p>}
            {GROUPS.map((g) => {
              const items = preview.problems.filter((p) => p.kind === g.kind);
              if (items.length === 0) return null;
              const choices = items[0].choices;
              return (
                <div key={g.kind} className="problem-group">
                  <h3>
                    {g.title} ({items.length})
                  </h3>
                  {choices.length > 1 && (
                    <div className="actions">
                      {choices.map((c) => (
                        <button type="button" key={c} onClick={() => setDecisions((d) => ({ ...d, ...Object.fromEntries(items.map((p) => [p.line, c])) }))}>
                          {CHOICE_LABELS[c]}: all {items.length}
                        </button>
                      ))}
                    </div>
                  )}
                  <ul className="problems">
                    {items.map((p) => (
                      <li key={p.line}>
                        {p.choices.length > 1 ? (
                          <fieldset>
                            <legend>{p.message}</legend>
                            {p.choices.map((c) => (
                              <label key={c} className="choice">
                                <input
                                  type="radio"
                                  name={`line-${p.line}`}
                                  checked={decisions[p.line] === c}
                                  onChange={() => setDecisions((d) => ({ ...d, [p.line]: c }))}
                                />
                                {CHOICE_LABELS[c]}
                              </label>
                            ))}
                          </fieldset>
                        ) : (
                          p.message
                        )}
                      </li>
                    ))}
                  </ul>
                </div>
              );
            })}
          </section>

          <div className="actions">
            <button type="button" className="primary" disabled={undecided.length > 0 || busy} onClick={runImport}>
              Import
            </button>
            {undecided.length > 0 && <span className="muted">Decide the {plural(undecided.length, 'row')} above first.</span>}
          </div>
        </>
      )}
    </>
  );
}
