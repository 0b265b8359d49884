import Papa from 'papaparse';

export interface CsvRow {
  /** 1-based line of the file where the row starts (the header is line 1). */
  line: number;
  cells: string[];
}

/**
 * Reads CSV text into rows with the line number each starts on, so problems can be reported
 * where the user will find them. Tolerates a byte-order mark, CRLF and blank lines.
 */
export function readCsv(text: string): { headers: string[]; rows: CsvRow[] } {
  const csv = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: CsvRow[] = [];
  let counted = 0; // characters scanned for newlines so far
  let line = 1;
  let start = 0;
  Papa.parse<string[]>(csv, {
    skipEmptyLines: false,
    step(result) {
      const end = result.meta.cursor;
      // Skip the line break(s) that ended the previous row.
      while (start < end && (csv[start] === '\n' || csv[start] === '\r')) start++;
      for (; counted < start; counted++) if (csv[counted] === '\n') line++;
      const cells = result.data.map((c) => c.trim());
      if (cells.some((c) => c !== '')) rows.push({ line, cells });
      start = end;
    },
  });
  const header = rows.shift();
  return { headers: header ? header.cells : [], rows };
}

/**
 * CSV text from rows (first row the header), quoted where needed, CRLF line ends as spreadsheet
 * programs expect. Cells starting with = + - @ are prefixed with ' so a spreadsheet never runs them
 * as formulas (plain numbers such as -5 are left alone).
 */
export function writeCsv(rows: readonly (readonly string[])[]): string {
  const safe = rows.map((r) => r.map((c) => (/^[=+\-@\t\r]/.test(c) && !/^-?\d+(\.\d+)?$/.test(c) ? `'${c}` : c)));
  return `${Papa.unparse(safe, { newline: '\r\n', quotes: false })}\r\n`;
}
