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
 * The one writer of every CSV the app makes: text from rows (first row the header), quoted where
 * needed, CRLF line ends as spreadsheet programs expect, opening with a byte-order mark so Excel
 * reads it as UTF-8 (accented names stay whole). Cells starting with = + - @ are prefixed with ' so
 * a spreadsheet never runs them as formulas (plain numbers such as -5 are left alone).
 */
export function writeCsv(rows: readonly (readonly string[])[]): string {
  const safe = rows.map((r) => r.map((c) => (/^[=+\-@\t\r]/.test(c) && !/^-?\d+(\.\d+)?$/.test(c) ? `'${c}` : c)));
  return `\ufeff${Papa.unparse(safe, { newline: '\r\n', quotes: false })}\r\n`;
}

const COMMA = 44;
const QUOTE = 34;
const LF = 10;
const CR = 13;

const FIELD_START = 0;
const UNQUOTED = 1;
const QUOTED = 2;
/** A quote seen inside a quoted cell: `""` (a quote) or the cell's closing quote. */
const QUOTE_IN_QUOTED = 3;

/**
 * A streaming CSV reader for large files (a council register of 100,000 lines): feed it text in
 * chunks of any size with `push`, then call `end`. Each row goes to `onRow` with the file line it
 * starts on (1-based; a quoted cell spanning lines counts every line, so users find the row in a
 * text editor).
 *
 * - A byte-order mark opening the text is dropped.
 * - Rows end at CRLF, LF or CR, mixed as they come.
 * - Cells are quoted with `"`, a quote inside written `""`; quoted cells may hold commas and line
 *   breaks. Text after a closing quote is kept as written (`"Smith" Jr` reads `Smith Jr`); a quote
 *   inside an unquoted cell is an ordinary character.
 * - A blank line comes through as a row of one empty cell; rows may have any number of cells.
 * - A quoted cell still open at the end of the text takes the rest of the file: `end` then sets
 *   `unclosedQuoteLine` to the line its row began on.
 *
 * The `cells` array passed to `onRow` is reused for the next row: copy it to keep it.
 */
export class CsvReader {
  /** Line of the row whose quoted cell was never closed, or 0. Set by `end`. */
  unclosedQuoteLine = 0;
  private readonly onRow: (cells: string[], line: number) => void;
  private readonly cells: string[] = [];
  /** The current cell's text carried over from earlier chunks. */
  private partial = '';
  private state = FIELD_START;
  /** Current line of the text, and the line the current row began on. */
  private line = 1;
  private rowLine = 1;
  /** A CR ended a row at the very end of the last chunk: a LF opening the next one is its pair. */
  private rowEndCr = false;
  /** The last character read inside the quoted cell was a CR (a LF next is the same line break). */
  private cellCr = false;
  private started = false;

  constructor(onRow: (cells: string[], line: number) => void) {
    this.onRow = onRow;
  }

  push(text: string): void {
    const n = text.length;
    let i = 0;
    if (!this.started && n > 0) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) i = 1;
    }
    if (this.rowEndCr && i < n) {
      this.rowEndCr = false;
      if (text.charCodeAt(i) === LF) i++;
    }
    const cells = this.cells;
    let state = this.state;
    while (i < n) {
      if (state === FIELD_START) {
        if (text.charCodeAt(i) === QUOTE) {
          state = QUOTED;
          this.cellCr = false;
          i++;
          continue;
        }
        state = UNQUOTED;
      }
      if (state === UNQUOTED) {
        let j = i;
        let c = 0;
        while (j < n) {
          c = text.charCodeAt(j);
          if (c === COMMA || c === LF || c === CR) break;
          j++;
        }
        if (j === n) {
          this.partial += text.slice(i, n);
          break;
        }
        cells.push(this.partial === '' ? text.slice(i, j) : this.partial + text.slice(i, j));
        this.partial = '';
        i = j + 1;
        state = FIELD_START;
        if (c !== COMMA) {
          this.line++;
          this.emit();
          if (c === CR) {
            if (i === n) this.rowEndCr = true;
            else if (text.charCodeAt(i) === LF) i++;
          }
        }
        continue;
      }
      if (state === QUOTED) {
        const q = text.indexOf('"', i);
        const end = q < 0 ? n : q;
        // Line breaks inside the cell are lines of the file too.
        let cr = this.cellCr;
        for (let k = i; k < end; k++) {
          const c = text.charCodeAt(k);
          if (c === CR) this.line++;
          else if (c === LF && !cr) this.line++;
          cr = c === CR;
        }
        this.cellCr = cr;
        this.partial += text.slice(i, end);
        if (q < 0) break;
        i = q + 1;
        state = QUOTE_IN_QUOTED;
        continue;
      }
      // QUOTE_IN_QUOTED
      if (text.charCodeAt(i) === QUOTE) {
        this.partial += '"';
        this.cellCr = false;
        i++;
        state = QUOTED;
      } else state = UNQUOTED; // the closing quote: what follows up to the comma is kept as written
    }
    this.state = state;
  }

  /** Reads the last row (one with no line break after it). */
  end(): void {
    if (this.state === QUOTED) this.unclosedQuoteLine = this.rowLine;
    if (this.state !== FIELD_START || this.cells.length > 0) {
      this.cells.push(this.partial);
      this.partial = '';
      this.emit();
    }
    this.state = FIELD_START;
  }

  private emit(): void {
    this.onRow(this.cells, this.rowLine);
    this.cells.length = 0;
    this.rowLine = this.line;
  }
}
