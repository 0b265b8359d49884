import Papa from 'papaparse';

/** Offers text as a file download (browser mode and the desktop app alike). */
export function downloadText(filename: string, text: string, type = 'text/plain;charset=utf-8') {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Rows as CSV with a header line (quoted where needed, CRLF as spreadsheets expect). */
export function toCsv(rows: Record<string, unknown>[], columns: { key: string; label: string }[]): string {
  return Papa.unparse({ fields: columns.map((c) => c.label), data: rows.map((r) => columns.map((c) => r[c.key] ?? '')) }, { newline: '\r\n' });
}
