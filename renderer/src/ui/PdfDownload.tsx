import { type ReactNode, useState } from 'react';
import { api } from '../app/api.ts';
import { downloadBlob } from './download.ts';

/** A paper the app writes as PDF, and what it is of. */
export type PdfOf =
  | { kind: 'walkSheets'; areaId: number; pollingDistrict?: string; votedIn?: { n: number; m: number } }
  | { kind: 'roundSheet'; roundId: number }
  | { kind: 'expensesReturn'; contestId: number };

/** Browser mode: the server streams the file from GET /api/pdf/… (the page's cookie carries the token). */
function href(of: PdfOf): string {
  switch (of.kind) {
    case 'walkSheets':
      return `/api/pdf/walk-sheets?${new URLSearchParams({ area: String(of.areaId), ...(of.pollingDistrict ? { district: of.pollingDistrict } : {}), ...(of.votedIn ? { voted: String(of.votedIn.n), of: String(of.votedIn.m) } : {}) })}`;
    case 'roundSheet':
      return `/api/pdf/round-sheet?round=${of.roundId}`;
    case 'expensesReturn':
      return `/api/pdf/expenses-return?contest=${of.contestId}`;
  }
}

/** The desktop app: the bytes over IPC (its window cannot follow a link to the server it has not got). */
function fetchBytes(of: PdfOf) {
  switch (of.kind) {
    case 'walkSheets':
      return api('pdf.walkSheets', { areaId: of.areaId, pollingDistrict: of.pollingDistrict, votedIn: of.votedIn });
    case 'roundSheet':
      return api('pdf.roundSheet', { roundId: of.roundId });
    case 'expensesReturn':
      return api('pdf.expensesReturn', { contestId: of.contestId });
  }
}

/**
 * "Download PDF": a link in browser mode, a button in the desktop app that asks for the file and
 * offers it as a download (a refusal shows beside it).
 */
export function PdfDownload(props: { what: PdfOf; className?: string; children: ReactNode }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const className = ['button', props.className].filter(Boolean).join(' ');
  if (!window.hustings) {
    return (
      <a className={className} href={href(props.what)} download>
        {props.children}
      </a>
    );
  }
  const download = async () => {
    setBusy(true);
    setError('');
    try {
      const file = await fetchBytes(props.what);
      const bytes = Uint8Array.from(atob(file.dataBase64), (c) => c.charCodeAt(0));
      downloadBlob(file.fileName, new Blob([bytes], { type: 'application/pdf' }));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" className={props.className} disabled={busy} onClick={() => void download()}>
        {busy ? 'Writing the PDF…' : props.children}
      </button>
      {error && (
        <span className="error" role="alert">
          {error}
        </span>
      )}
    </>
  );
}
