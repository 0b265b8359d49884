import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { Leaflet } from '../../../../shared/contract/leaflets.ts';
import { ApiCallError, api, useApi } from '../../app/api.ts';
import { formatNumber } from '../../ui/format.ts';
import { Loaded } from '../../ui/Loaded.tsx';
import { RecordPage } from '../../ui/RecordPage.tsx';
import { ErrorMessage } from '../../ui/Page.tsx';
import { LeafletStatusBadge, LeafletingNav } from './common.tsx';
import { DropsTable, PrintRunsTable } from './tables.tsx';
import { LeafletForm } from './LeafletForm.tsx';

export function LeafletPage() {
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const leafletQuery = useApi('leaflets.get', { id });
  const l = leafletQuery.data;
  const { data: runs } = useApi('printRuns.list', { leafletId: id });
  const { data: drops } = useApi('drops.list', { leafletId: id });
  const [editing, setEditing] = useState(false);
  const [statusError, setStatusError] = useState<string>();
  if (!l) return <Loaded of={leafletQuery} />;
  // Against the version on screen: a leaflet someone changed meanwhile is refused, and shown anew.
  const setStatus = async (status: Leaflet['status']) => {
    setStatusError(undefined);
    try {
      await api('leaflets.setStatus', { id, status, expectedUpdatedAt: l.updatedAt });
    } catch (e) {
      setStatusError((e as Error).message);
      if (e instanceof ApiCallError && e.updatedAt !== undefined) leafletQuery.reload();
    }
  };
  return (
    <>
      <RecordPage
        title={l.title}
        back={{ to: '/leaflets', label: 'Leaflets' }}
        subtitle={
          <>
            <LeafletStatusBadge leaflet={l} /> {l.size}
            {l.version && ` · ${l.version}`}
            {l.contests.length > 0 && ` · for ${l.contests.map((c) => c.name).join(', ')}`}
          </>
        }
        editing={editing}
        onEdit={() => setEditing(true)}
        remove={{
          what: `"${l.title}"`,
          describe: async () => (await api('leaflets.deleteImpact', { id })).message,
          remove: async () => {
            await api('leaflets.delete', { id, confirm: true });
            navigate('/leaflets');
          },
        }}
        actions={
          <>
            {l.status !== 'ready' && (
              <button type="button" className="primary" onClick={() => setStatus('ready')}>
                Mark ready
              </button>
            )}
            {l.status === 'ready' && (
              <button type="button" onClick={() => setStatus('retired')}>
                Retire
              </button>
            )}
            {l.status !== 'draft' && (
              <button type="button" onClick={() => setStatus('draft')}>
                Back to draft
              </button>
            )}
          </>
        }
      />
      <LeafletingNav />
      <ErrorMessage error={statusError} />
      {editing ? (
        <LeafletForm
          initial={l}
          submitLabel="Save changes"
          onSubmit={async (values) => {
            await api('leaflets.update', { id, ...values });
            setEditing(false);
          }}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <section className="panel" aria-labelledby="imprint-heading">
          <h2 id="imprint-heading">Imprint</h2>
          <p className="imprint">{l.imprintText || 'No imprint yet.'}</p>
          {l.imprintGaps.length > 0 && (
            <div className="warning">
              <p>
                <strong>Imprint incomplete</strong> — this leaflet cannot be marked ready until you add:
              </p>
              <ul>
                {l.imprintGaps.map((g) => (
                  <li key={g.field}>{g.message}</li>
                ))}
              </ul>
            </div>
          )}
          {l.imprintWarnings.map((w) => (
            <p key={w.field} className="muted">
              {w.message}
            </p>
          ))}
          {l.notes && <p className="pre">{l.notes}</p>}
        </section>
      )}
      <Artwork leaflet={l} />
      <section className="panel" aria-labelledby="stock-heading">
        <h2 id="stock-heading">Stock</h2>
        <dl className="facts stock">
          <dt>Printed</dt>
          <dd>{formatNumber(l.stock.printed)}</dd>
          <dt>Delivered</dt>
          <dd>{formatNumber(l.stock.delivered)}</dd>
          <dt>In stock</dt>
          <dd data-testid="in-stock">{formatNumber(l.stock.onHand)}</dd>
        </dl>
        <div className="actions">
          <Link className="button" to={`/print-runs?leaflet=${id}`}>
            Log a print run
          </Link>
          <Link className="button" to={`/drops?leaflet=${id}`}>
            Log a drop
          </Link>
          <Link className="button" to={`/coverage?leaflet=${id}`}>
            Coverage
          </Link>
        </div>
        <h3>Print runs</h3>
        {runs && runs.length === 0 && <p className="muted">None yet. Log the print run when the copies arrive from the printer.</p>}
        {runs && runs.length > 0 && <PrintRunsTable runs={runs} />}
        <h3>Drops</h3>
        {drops && drops.length === 0 && <p className="muted">Not delivered anywhere yet.</p>}
        {drops && drops.length > 0 && <DropsTable drops={drops} hide={['leaflet']} />}
      </section>
    </>
  );
}

function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('Could not read the file'));
    reader.readAsDataURL(file);
  });
}

function Artwork(props: { leaflet: Leaflet }) {
  const { leaflet: l } = props;
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const attach = async (file: File | undefined) => {
    if (!file) return;
    setError(undefined);
    setBusy(true);
    try {
      await api('leaflets.attachArtwork', {
        id: l.id,
        fileName: file.name,
        type: file.type || 'application/octet-stream',
        dataBase64: await readAsBase64(file),
      });
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const download = async () => {
    const a = await api('leaflets.artwork', { id: l.id });
    const bytes = Uint8Array.from(atob(a.dataBase64), (c) => c.charCodeAt(0));
    const url = URL.createObjectURL(new Blob([bytes], { type: a.type }));
    const link = document.createElement('a');
    link.href = url;
    link.download = a.name;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
  // The desktop app shows artwork in its own viewer window; browser mode in a new tab of the
  // browser's image or PDF viewer (GET /api/artwork/<id>, served as its checked type).
  const open = async () => {
    setError(undefined);
    try {
      await api('leaflets.openArtwork', { id: l.id });
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <section className="panel" aria-labelledby="artwork-heading">
      <h2 id="artwork-heading">Artwork</h2>
      <ErrorMessage error={error} />
      {l.artwork ? (
        <p>
          {l.artwork.name} <span className="muted">({formatNumber(Math.ceil(l.artwork.bytes / 1024))} KB, kept in the data folder)</span>
        </p>
      ) : (
        <p className="muted">No artwork attached. Attach the print-ready file (PDF, PNG, JPEG, GIF or WebP); a copy is kept with your data.</p>
      )}
      <div className="actions">
        <label className="button" htmlFor="artwork-file">
          {l.artwork ? 'Replace artwork…' : 'Attach artwork…'}
        </label>
        <input
          id="artwork-file"
          className="sr-only"
          type="file"
          accept="application/pdf,image/png,image/jpeg,image/gif,image/webp"
          disabled={busy}
          onChange={(e) => attach(e.target.files?.[0])}
        />
        {l.artwork && (
          <>
            {window.hustings ? (
              <button type="button" onClick={open}>
                Open artwork
              </button>
            ) : (
              <>
                <a className="button" href={`/api/artwork/${l.id}`} target="_blank" rel="noopener noreferrer">
                  View artwork
                </a>
                <button type="button" onClick={() => download().catch((e: Error) => setError(e.message))}>
                  Download artwork
                </button>
              </>
            )}
            <button type="button" onClick={() => api('leaflets.removeArtwork', { id: l.id }).catch((e: Error) => setError(e.message))}>
              Remove artwork
            </button>
          </>
        )}
      </div>
    </section>
  );
}
