import { writeCsv } from '../../../shared/domain/csv.ts';

/** Offers text as a file download (browser mode and the desktop app alike). */
export function downloadText(filename: string, text: string, type = 'text/plain;charset=utf-8') {
  downloadBlob(filename, new Blob([text], { type }));
}

/** Offers bytes made in the page as a file download. */
export function downloadBlob(filename: string, blob: Blob) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Offers rows (the first the header) as a CSV file, written by the app's one CSV writer. */
export function downloadCsv(filename: string, rows: readonly (readonly string[])[]) {
  downloadText(filename, writeCsv(rows), 'text/csv;charset=utf-8');
}
