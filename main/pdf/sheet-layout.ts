/**
 * A4 sheets written with pdfkit: a table of rows under section headings, with a header (title,
 * "Page 3 of 12", what the page holds) and a footer (legend) repeated on every page. Rows have one
 * fixed height, so a run of pages is laid out by counting before anything is drawn: the page count
 * is known for "of 12", and pages go to the output stream as they are finished (pdfkit keeps no
 * finished page), so a whole area never sits in memory at once, only one run (a polling district).
 */
import PDFDocument from 'pdfkit';
import type { Writable } from 'node:stream';

export const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 28;
const ROW = 13.5;
const TABLE_TOP = 94;
const FOOTER_TOP = A4.height - MARGIN - 34;
/** Rows on a page, headings included. */
export const ROWS_PER_PAGE = Math.floor((FOOTER_TOP - 4 - TABLE_TOP) / ROW);
const FONT = 'Helvetica';
const BOLD = 'Helvetica-Bold';

export interface Column {
  title: string;
  width: number;
}

/** Tick boxes after the text columns, in labelled groups (e.g. Outcome: I N R). */
export interface BoxGroup {
  title: string;
  codes: string[];
}

export interface Section {
  heading: string;
  /** Rows in groups a page break should not split (a household), each row one cell per column. */
  groups: string[][][];
}

export interface Run {
  title: string;
  sections: Section[];
}

export type Line = { kind: 'heading'; text: string } | { kind: 'row'; cells: string[]; first: boolean };

/**
 * Pages of a run. A heading never ends a page (it goes over with the rows it heads, and at least
 * two of them); a group of up to a quarter page is not split; a section carried over to a new
 * page starts it with its heading marked "(continued)".
 */
export function paginate(sections: readonly Section[], rowsPerPage = ROWS_PER_PAGE): Line[][] {
  const pages: Line[][] = [];
  let page: Line[] = [];
  const newPage = () => {
    if (page.length > 0) pages.push(page);
    page = [];
  };
  for (const s of sections) {
    const rows = s.groups.reduce((n, g) => n + g.length, 0);
    if (page.length + 1 + Math.min(2, rows) > rowsPerPage) newPage();
    page.push({ kind: 'heading', text: s.heading });
    for (const g of s.groups) {
      const room = rowsPerPage - page.length;
      if (g.length > room && g.length <= rowsPerPage / 4) {
        newPage();
        page.push({ kind: 'heading', text: `${s.heading} (continued)` });
      }
      g.forEach((cells, i) => {
        if (page.length === rowsPerPage) {
          newPage();
          page.push({ kind: 'heading', text: `${s.heading} (continued)` });
        }
        page.push({ kind: 'row', cells, first: i === 0 });
      });
    }
  }
  newPage();
  return pages;
}

export interface SheetFrame {
  columns: Column[];
  boxes: BoxGroup[];
  /** Right of the second header line, e.g. "Canvasser ______  Date ______". */
  fillIn: string;
  /** What the page holds, for the second header line (e.g. its streets). */
  pageSummary: (lines: Line[]) => string;
  /** Footer text (legends); wraps within the footer. */
  footer: string;
}

const BOX = 8;
const BOX_PITCH = 10.5;
const GROUP_GAP = 4;

export function boxesWidth(boxes: readonly BoxGroup[]): number {
  return boxes.reduce((w, g) => w + g.codes.length * BOX_PITCH, 0) + GROUP_GAP * Math.max(0, boxes.length - 1);
}
export const CONTENT_WIDTH = A4.width - 2 * MARGIN;

/** An A4 document streaming to `out`; call `end()` once every run is written. */
export function openSheet(out: Writable, title: string) {
  const doc = new PDFDocument({ size: 'A4', margin: 0, autoFirstPage: false, bufferPages: false, info: { Title: title, Creator: 'Hustings' } });
  doc.pipe(out);
  const fits = (text: string, width: number) => {
    if (doc.widthOfString(text) <= width) return text;
    let lo = 0;
    let hi = text.length;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (doc.widthOfString(`${text.slice(0, mid)}…`) <= width) lo = mid;
      else hi = mid - 1;
    }
    return `${text.slice(0, lo)}…`;
  };
  const cell = (text: string, x: number, y: number, width: number) => {
    if (text !== '') doc.text(fits(text, width - 3), x, y, { lineBreak: false });
  };

  function header(frame: SheetFrame, runTitle: string, lines: Line[], pageNo: number, pages: number) {
    doc.font(BOLD).fontSize(12).fillColor('black');
    const pageText = `Page ${pageNo} of ${pages}`;
    const pageWidth = doc.widthOfString(pageText);
    cell(runTitle, MARGIN, MARGIN, CONTENT_WIDTH - pageWidth - 12);
    doc.text(pageText, A4.width - MARGIN - pageWidth, MARGIN, { lineBreak: false });
    doc.font(FONT).fontSize(8);
    const fillWidth = doc.widthOfString(frame.fillIn);
    cell(frame.pageSummary(lines), MARGIN, MARGIN + 18, CONTENT_WIDTH - fillWidth - 12);
    doc.text(frame.fillIn, A4.width - MARGIN - fillWidth, MARGIN + 18, { lineBreak: false });
    // Column titles, and each box group's title over its boxes with the codes in the boxes' place.
    doc.font(BOLD).fontSize(7.5);
    let x = MARGIN;
    for (const c of frame.columns) {
      cell(c.title, x, TABLE_TOP - 12, c.width);
      x += c.width;
    }
    for (const g of frame.boxes) {
      cell(g.title, x, TABLE_TOP - 24, g.codes.length * BOX_PITCH + GROUP_GAP);
      g.codes.forEach((code, i) => {
        const w = doc.widthOfString(code);
        doc.text(code, x + i * BOX_PITCH + (BOX - w) / 2, TABLE_TOP - 12, { lineBreak: false });
      });
      x += g.codes.length * BOX_PITCH + GROUP_GAP;
    }
    doc.lineWidth(0.8).moveTo(MARGIN, TABLE_TOP - 2).lineTo(A4.width - MARGIN, TABLE_TOP - 2).stroke();
  }

  function footer(frame: SheetFrame) {
    doc.lineWidth(0.5).moveTo(MARGIN, FOOTER_TOP).lineTo(A4.width - MARGIN, FOOTER_TOP).stroke();
    doc.font(FONT).fontSize(6.5).fillColor('black');
    doc.text(frame.footer, MARGIN, FOOTER_TOP + 3, { width: CONTENT_WIDTH, height: 30, lineGap: 0.5, ellipsis: true });
  }

  function row(frame: SheetFrame, line: Line, y: number) {
    if (line.kind === 'heading') {
      doc.rect(MARGIN, y, CONTENT_WIDTH, ROW - 1.5).fill('#e6e6e6');
      doc.fillColor('black').font(BOLD).fontSize(8.5);
      cell(line.text, MARGIN + 2, y + 2.5, CONTENT_WIDTH - 4);
      return;
    }
    if (line.first) doc.lineWidth(0.3).strokeColor('#888888').moveTo(MARGIN, y - 0.5).lineTo(A4.width - MARGIN, y - 0.5).stroke().strokeColor('black');
    doc.font(FONT).fontSize(8);
    let x = MARGIN;
    frame.columns.forEach((c, i) => {
      cell(line.cells[i] ?? '', x, y + 3, c.width);
      x += c.width;
    });
    doc.lineWidth(0.5);
    for (const g of frame.boxes) {
      for (let i = 0; i < g.codes.length; i++) doc.rect(x + i * BOX_PITCH, y + 2.5, BOX, BOX);
      x += g.codes.length * BOX_PITCH + GROUP_GAP;
    }
    doc.stroke();
  }

  return {
    /** Writes one run (e.g. a polling district): its own "Page i of n". Returns its page count. */
    run(frame: SheetFrame, r: Run): number {
      const pages = paginate(r.sections);
      if (pages.length === 0) pages.push([]);
      pages.forEach((lines, i) => {
        doc.addPage({ size: 'A4', margin: 0 });
        header(frame, r.title, lines, i + 1, pages.length);
        lines.forEach((line, j) => row(frame, line, TABLE_TOP + j * ROW));
        footer(frame);
      });
      return pages.length;
    },
    /** Finishes the file; resolves once `out` has it all. */
    end(): Promise<void> {
      return new Promise((resolve, reject) => {
        out.once('finish', resolve);
        out.once('error', reject);
        doc.end();
      });
    },
  };
}
