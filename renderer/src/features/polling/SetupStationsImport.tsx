import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { api, ApiCallError, useApi } from '../../app/api.ts';
import { Field } from '../../ui/Field.tsx';
import { ErrorMessage, PageHeader } from '../../ui/Page.tsx';
import { Loaded } from '../../ui/Loaded.tsx';
import { pollingDayBack } from './links.ts';

type Columns = { district: number | null; name: number | null; address: number | null };
const FIELDS: { key: keyof Columns; label: string; optional?: boolean }[] = [
  { key: 'district', label: 'Polling district' },
  { key: 'name', label: 'Station name' },
  { key: 'address', label: 'Address', optional: true },
];

/** /contests/:id/polling-day/stations-import: a council's list of stations, columns chosen by the user. */
export function SetupStationsImportPage() {
  const contestId = Number(useParams().id);
  const navigate = useNavigate();
  const overview = useApi('polling.get', { contestId });
  const [csv, setCsv] = useState<{ name: string; text: string }>();
  const [preview, setPreview] = useState<{ headers: string[]; sample: string[][] }>();
  const [columns, setColumns] = useState<Columns>({ district: null, name: null, address: null });
  const [move, setMove] = useState(false);
  const [error, setError] = useState<string>();
  const [problems, setProblems] = useState<[string, string][]>([]);
  const [busy, setBusy] = useState(false);
  if (!overview.data) return <Loaded of={overview} />;
  const c = overview.data.contest;

  const choose = async (file: File | undefined) => {
    setError(undefined);
    setProblems([]);
    setPreview(undefined);
    if (!file) return;
    try {
      const text = await file.text();
      const p = await api('polling.previewStationsCsv', { csv: text });
      setCsv({ name: file.name, text });
      setPreview(p);
      setColumns(p.columns);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const importNow = async () => {
    if (!csv) return;
    setError(undefined);
    setProblems([]);
    if (columns.district === null || columns.name === null) {
      setError('Choose the columns holding the polling district and the station name');
      return;
    }
    setBusy(true);
    try {
      await api('polling.importStations', {
        areaId: c.areaId,
        csv: csv.text,
        columns: { district: columns.district, name: columns.name, address: columns.address },
        moveDistricts: move,
      });
      navigate(`/contests/${contestId}/polling-day`);
    } catch (e) {
      const lines = e instanceof ApiCallError ? Object.entries(e.fields).filter(([k]) => k.startsWith('line ')) : [];
      setProblems(lines);
      setError(
        lines.length > 0
          ? `Nothing was imported. Put right the ${lines.length > 1 ? 'lines' : 'line'} below in the file, then choose it again.`
          : (e as Error).message,
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeader
        title="Import polling stations"
        back={pollingDayBack(contestId, c.areaName)}
        subtitle={`A CSV file with one row per polling district: its code, the station’s name and address. Stations are saved for ${c.areaName}.`}
      />
      <section className="panel">
        <Field label="CSV file">{(a) => <input {...a} type="file" accept=".csv,text/csv" onChange={(e) => void choose(e.target.files?.[0])} />}</Field>
        {preview && (
          <>
            <div className="row">
              {FIELDS.map((f) => (
                <Field key={f.key} label={`${f.label} column`}>
                  {(a) => (
                    <select
                      {...a}
                      value={columns[f.key] ?? ''}
                      onChange={(e) => setColumns({ ...columns, [f.key]: e.target.value === '' ? null : Number(e.target.value) })}
                    >
                      <option value="">{f.optional ? '(none)' : 'Choose…'}</option>
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
            <table aria-label="First rows of the file">
              <thead>
                <tr>
                  {FIELDS.map((f) => (
                    <th key={f.key} scope="col">
                      {f.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {preview.sample.map((row, i) => (
                  <tr key={i}>
                    {FIELDS.map((f) => (
                      <td key={f.key}>{columns[f.key] === null ? '' : row[columns[f.key]!]}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
            <label className="choice">
              <input type="checkbox" checked={move} onChange={(e) => setMove(e.target.checked)} />
              Move them here (districts another station serves now go to the station in the file)
            </label>
          </>
        )}
        <ErrorMessage error={error} />
        {problems.length > 0 && (
          <ul className="warnings" aria-label="Problems in the file">
            {problems.map(([line, reason]) => (
              <li key={line}>
                {line[0].toUpperCase() + line.slice(1)}: {reason}
              </li>
            ))}
          </ul>
        )}
        <div className="actions">
          <button type="button" className="primary" disabled={!preview || busy} onClick={() => void importNow()}>
            Import stations
          </button>
        </div>
      </section>
    </>
  );
}
