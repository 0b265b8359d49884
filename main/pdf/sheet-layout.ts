/**
 * A4 sheets written with pdfkit: a table of rows under section headings, with a header (title,
 * "Page 3 of 12", what the page holds) and a footer (legend) repeated on every page. Rows have one
 * fixed height, so a run of pages is laid out by counting before anything is drawn: the page count
 * is known for "of 12", and pages go to the output stream as they are finished (pdfkit keeps no
 * finished page), so a whole area never sits in memory at once, only one run (a polling district).
 */
import PDFDocument from 'pdfkit';
import type { Writable } from 'node:stream';

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 28;
const ROW = 13.5;
const TABLE_TOP = 94;
const FOOTER_TOP = A4.height - MARGIN - 34;
/** Rows on a page, headings included. */
const ROWS_PER_PAGE = Math.floor((FOOTER_TOP - 4 - TABLE_TOP) / ROW);
const FONT = 'Helvetica';
const BOLD = 'Helvetica-Bold';

interface Column {
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
  const fast = fastText(doc);

  function header(frame: SheetFrame, runTitle: string, lines: Line[], pageNo: number, pages: number) {
    doc.font(BOLD).fontSize(12).fillColor('black');
    const pageText = `Page ${pageNo} of ${pages}`;
    const pageWidth = fast.widthOf(pageText);
    fast.put([
      { text: runTitle, x: MARGIN, y: MARGIN, width: CONTENT_WIDTH - pageWidth - 12 },
      { text: pageText, x: A4.width - MARGIN - pageWidth, y: MARGIN },
    ]);
    doc.font(FONT).fontSize(8);
    const fillWidth = fast.widthOf(frame.fillIn);
    fast.put([
      { text: frame.pageSummary(lines), x: MARGIN, y: MARGIN + 18, width: CONTENT_WIDTH - fillWidth - 12 },
      { text: frame.fillIn, x: A4.width - MARGIN - fillWidth, y: MARGIN + 18 },
    ]);
    // Column titles, and each box group's title over its boxes with the codes in the boxes' place.
    doc.font(BOLD).fontSize(7.5);
    const titles: TextItem[] = [];
    let x = MARGIN;
    for (const c of frame.columns) {
      titles.push({ text: c.title, x, y: TABLE_TOP - 12, width: c.width - 3 });
      x += c.width;
    }
    frame.boxes.forEach((g, n) => {
      // The last group's title may run on to the margin (a lone "Done" box is narrower than its word).
      const room = n === frame.boxes.length - 1 ? A4.width - MARGIN - x : g.codes.length * BOX_PITCH + GROUP_GAP;
      titles.push({ text: g.title, x, y: TABLE_TOP - 24, width: room });
      g.codes.forEach((code, i) => titles.push({ text: code, x: x + i * BOX_PITCH + (BOX - fast.widthOf(code)) / 2, y: TABLE_TOP - 12 }));
      x += g.codes.length * BOX_PITCH + GROUP_GAP;
    });
    fast.put(titles);
    doc
      .lineWidth(0.8)
      .moveTo(MARGIN, TABLE_TOP - 2)
      .lineTo(A4.width - MARGIN, TABLE_TOP - 2)
      .stroke();
  }

  const footers = new WeakMap<SheetFrame, string[]>();
  function footer(frame: SheetFrame) {
    doc
      .lineWidth(0.5)
      .moveTo(MARGIN, FOOTER_TOP)
      .lineTo(A4.width - MARGIN, FOOTER_TOP)
      .stroke();
    doc.font(FONT).fontSize(6.5).fillColor('black');
    let lines = footers.get(frame);
    if (lines === undefined) {
      lines = fast.wrap(frame.footer, CONTENT_WIDTH).slice(0, 4);
      footers.set(frame, lines);
    }
    fast.put(lines.map((text, i) => ({ text, x: MARGIN, y: FOOTER_TOP + 3 + i * 7.5 })));
  }

  function row(frame: SheetFrame, line: Line, y: number) {
    if (line.kind === 'heading') {
      doc.rect(MARGIN, y, CONTENT_WIDTH, ROW - 1.5).fill('#e6e6e6');
      doc.fillColor('black').font(BOLD).fontSize(8.5);
      fast.put([{ text: line.text, x: MARGIN + 2, y: y + 2.5, width: CONTENT_WIDTH - 4 }]);
      return;
    }
    if (line.first)
      doc
        .lineWidth(0.3)
        .strokeColor('#888888')
        .moveTo(MARGIN, y - 0.5)
        .lineTo(A4.width - MARGIN, y - 0.5)
        .stroke()
        .strokeColor('black');
    doc.font(FONT).fontSize(8);
    let x = MARGIN;
    fast.put(
      frame.columns.map((c, i) => {
        const item = { text: line.cells[i] ?? '', x, y: y + 3, width: c.width - 3 };
        x += c.width;
        return item;
      }),
    );
    // The row's tick boxes: one path, drawn once per frame and moved down to each row.
    if (frame.boxes.length > 0) doc.lineWidth(0.5).addContent(`q 1 0 0 1 0 ${y.toFixed(2)} cm ${boxPath(frame)} S Q`);
  }

  const boxPaths = new WeakMap<SheetFrame, string>();
  function boxPath(frame: SheetFrame): string {
    let path = boxPaths.get(frame);
    if (path === undefined) {
      const parts: string[] = [];
      let x = MARGIN + frame.columns.reduce((w, c) => w + c.width, 0);
      for (const g of frame.boxes) {
        for (let i = 0; i < g.codes.length; i++) parts.push(`${(x + i * BOX_PITCH).toFixed(2)} 2.5 ${BOX} ${BOX} re`);
        x += g.codes.length * BOX_PITCH + GROUP_GAP;
      }
      path = parts.join(' ');
      boxPaths.set(frame, path);
    }
    return path;
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

/** What the fast path reads of pdfkit's state (not in its typings): the page's font resources and the current font. */
interface PdfkitState {
  page: { fonts: Record<string, unknown>; height: number };
  _font: { id: string; ascender: number; ref(): unknown };
  _fontSize: number;
}

/** WinAnsi, as the standard fonts are encoded: Latin-1 as is, and the few typographic marks beside it. */
const WIN_ANSI: Record<string, number> = { '…': 0x85, '–': 0x96, '—': 0x97, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '•': 0x95, '€': 0x80 };

function pdfString(text: string): string {
  let out = '(';
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    const byte = code < 0x100 && ch.length === 1 ? code : (WIN_ANSI[ch] ?? 0x3f);
    if (byte === 0x28 || byte === 0x29 || byte === 0x5c) out += `\\${ch}`;
    else if (byte >= 0x20 && byte < 0x7f) out += String.fromCharCode(byte);
    else out += `\\${byte.toString(8).padStart(3, '0')}`;
  }
  return `${out})`;
}

interface TextItem {
  text: string;
  x: number;
  /** Top of the line, as pdfkit's text() takes it. */
  y: number;
  /** Cut to this width with an ellipsis. */
  width?: number;
}

/**
 * One-line texts written straight into the page's content, one text object per call, in the
 * current font. pdfkit's own text() lays out every string (kerning pairs, line wrapping) and took
 * most of a whole area's time; every text here is one line cut to its column, so widths from a
 * per-character table do (kerning is left out, as it is from the cut).
 */
function fastText(doc: PDFKit.PDFDocument) {
  const state = doc as unknown as PdfkitState;
  const widths = new Map<string, number>();
  const widthOf = (text: string) => {
    let w = 0;
    for (const ch of text) {
      const key = `${state._font.id}/${state._fontSize}/${ch}`;
      let cw = widths.get(key);
      if (cw === undefined) {
        cw = doc.widthOfString(ch);
        widths.set(key, cw);
      }
      w += cw;
    }
    return w;
  };
  const cut = (text: string, width: number) => {
    if (widthOf(text) <= width) return text;
    let t = text;
    while (t.length > 0 && widthOf(`${t}…`) > width) t = t.slice(0, -1);
    return `${t}…`;
  };
  return {
    widthOf,
    /** Lines of at most `width`, broken at spaces and at the text's own newlines. */
    wrap(text: string, width: number): string[] {
      const lines: string[] = [];
      for (const para of text.split('\n')) {
        let line = '';
        for (const word of para.split(' ')) {
          const next = line === '' ? word : `${line} ${word}`;
          if (line !== '' && widthOf(next) > width) {
            lines.push(line);
            line = word;
          } else line = next;
        }
        lines.push(line);
      }
      return lines;
    },
    put(items: TextItem[]) {
      const font = state._font;
      state.page.fonts[font.id] ??= font.ref();
      const size = state._fontSize;
      const height = state.page.height;
      let content = `q 1 0 0 -1 0 ${height.toFixed(2)} cm BT /${font.id} ${size} Tf`;
      for (const it of items) {
        if (it.text === '') continue;
        const text = it.width === undefined ? it.text : cut(it.text, it.width);
        content += ` 1 0 0 1 ${it.x.toFixed(2)} ${(height - it.y - (font.ascender / 1000) * size).toFixed(2)} Tm ${pdfString(text)} Tj`;
      }
      doc.addContent(`${content} ET Q`);
    },
  };
}
