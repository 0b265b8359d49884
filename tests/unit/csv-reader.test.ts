import { describe, expect, it } from 'vitest';
import { CsvReader } from '../../shared/domain/csv.ts';
import { seededRandom } from '../support/malformed-payloads.ts';

type Row = { line: number; cells: string[] };

/** Rows read from `chunks` pushed one after another, and the line of an unclosed quote. */
function read(chunks: readonly string[]): { rows: Row[]; unclosed: number } {
  const rows: Row[] = [];
  const reader = new CsvReader((cells, line) => rows.push({ line, cells: [...cells] }));
  for (const c of chunks) reader.push(c);
  reader.end();
  return { rows, unclosed: reader.unclosedQuoteLine };
}

const rows = (text: string) => read([text]).rows;

/**
 * The same rules written as plainly as possible, one character at a time over the whole text:
 * what the chunked, scanning reader must agree with.
 */
function reference(text: string): { rows: Row[]; unclosed: number } {
  const out: Row[] = [];
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let rowLine = 1;
  let i = 0;
  let unclosed = 0;
  let started = false; // anything read since the row began
  const endRow = () => {
    cells.push(cell);
    out.push({ line: rowLine, cells });
    cells = [];
    cell = '';
    started = false;
  };
  while (i < s.length) {
    started = true;
    // A cell: quoted when it opens with a quote.
    if (s[i] === '"') {
      i++;
      let closed = false;
      while (i < s.length) {
        if (s[i] === '"') {
          if (s[i + 1] === '"') {
            cell += '"';
            i += 2;
            continue;
          }
          i++;
          closed = true;
          break;
        }
        if (s[i] === '\r' || (s[i] === '\n' && s[i - 1] !== '\r')) line++;
        cell += s[i++];
      }
      if (!closed) {
        unclosed = rowLine;
        endRow();
        return { rows: out, unclosed };
      }
    }
    while (i < s.length && s[i] !== ',' && s[i] !== '\n' && s[i] !== '\r') cell += s[i++];
    if (i === s.length) break;
    if (s[i] === ',') {
      cells.push(cell);
      cell = '';
      i++;
      if (i === s.length) break;
      continue;
    }
    // A line break: CRLF, LF or CR.
    i += s[i] === '\r' && s[i + 1] === '\n' ? 2 : 1;
    line++;
    endRow();
    rowLine = line;
  }
  if (started) endRow();
  return { rows: out, unclosed };
}

describe('CsvReader', () => {
  it('reads quoted commas, doubled quotes, and trailing columns', () => {
    expect(rows('a,"b, c","say ""hi""",,x\n1,2\n')).toEqual([
      { line: 1, cells: ['a', 'b, c', 'say "hi"', '', 'x'] },
      { line: 2, cells: ['1', '2'] },
    ]);
  });

  it('drops a byte-order mark and reads CRLF, LF and CR line ends, mixed', () => {
    expect(rows('\uFEFFh1,h2\r\na,b\nc,d\re,f')).toEqual([
      { line: 1, cells: ['h1', 'h2'] },
      { line: 2, cells: ['a', 'b'] },
      { line: 3, cells: ['c', 'd'] },
      { line: 4, cells: ['e', 'f'] },
    ]);
    expect(rows('\uFEFF')).toEqual([]);
    expect(rows('')).toEqual([]);
  });

  it('gives blank lines as one empty cell, with the line numbers of the file', () => {
    expect(rows('a\n\n  \r\n,\nb')).toEqual([
      { line: 1, cells: ['a'] },
      { line: 2, cells: [''] },
      { line: 3, cells: ['  '] },
      { line: 4, cells: ['', ''] },
      { line: 5, cells: ['b'] },
    ]);
  });

  it('counts every line of a quoted cell that spans lines, so later rows keep their file line numbers', () => {
    expect(rows('h\n"one\r\ntwo\rthree\nfour",x\nnext\n')).toEqual([
      { line: 1, cells: ['h'] },
      { line: 2, cells: ['one\r\ntwo\rthree\nfour', 'x'] },
      { line: 6, cells: ['next'] },
    ]);
  });

  it('keeps text after a closing quote and quotes inside unquoted cells as written', () => {
    expect(rows('"Smith" Jr,O"Brien,a"b""c\n')).toEqual([{ line: 1, cells: ['Smith Jr', 'O"Brien', 'a"b""c'] }]);
  });

  it('reads a last row with no line break, and a trailing comma as an empty last cell', () => {
    expect(rows('a,b')).toEqual([{ line: 1, cells: ['a', 'b'] }]);
    expect(rows('a,')).toEqual([{ line: 1, cells: ['a', ''] }]);
    expect(rows('a\n"b"')).toEqual([
      { line: 1, cells: ['a'] },
      { line: 2, cells: ['b'] },
    ]);
  });

  it('says on which line a quoted cell that is never closed began', () => {
    const r = read(['h\nok,1\n"broken,2\nlater,3\n']);
    expect(r.unclosed).toBe(3);
    expect(r.rows.at(-1)).toEqual({ line: 3, cells: ['broken,2\nlater,3\n'] });
    expect(read(['a,"b""']).unclosed).toBe(1);
    expect(read(['a,"b"""']).unclosed).toBe(0);
  });

  it('reads the same rows however the text is cut into chunks, and as the plain reference does', () => {
    const random = seededRandom(20260501);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
    const pieces = ['a', 'Bc', ' ', ',', '"', '""', '\r', '\n', '\r\n', 'é', '\uFEFF', 'x y'];
    const cellText = () => Array.from({ length: Math.floor(random() * 4) }, () => pick(pieces)).join('');
    for (let round = 0; round < 400; round++) {
      // Mostly well-formed CSV (cells quoted when they need it), sometimes raw pieces.
      let text = random() < 0.1 ? '\uFEFF' : '';
      const lines = 1 + Math.floor(random() * 6);
      for (let l = 0; l < lines; l++) {
        const cells = Array.from({ length: 1 + Math.floor(random() * 4) }, () => {
          const c = cellText();
          return random() < 0.2 ? c : /[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c;
        });
        text += cells.join(',') + (l < lines - 1 || random() < 0.5 ? pick(['\n', '\r\n', '\r']) : '');
      }
      const whole = read([text]);
      expect(whole, JSON.stringify(text)).toEqual(reference(text));
      for (let cut = 0; cut < 3; cut++) {
        const chunks: string[] = [];
        for (let i = 0; i < text.length;) {
          const size = 1 + Math.floor(random() * 5);
          chunks.push(text.slice(i, i + size));
          i += size;
        }
        expect(read(chunks), JSON.stringify(chunks)).toEqual(whole);
      }
      expect(read(text.split('')), JSON.stringify(text)).toEqual(whole);
    }
  });
});
