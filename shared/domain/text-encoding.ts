/**
 * Which character encoding a text file (a council's CSV) is in, from its first bytes. Councils'
 * systems write UTF-8 (often with a byte-order mark), UTF-16 ("Unicode text" from Excel) or
 * Windows-1252 (Latin-1 with the Windows extras), so names like Ångström read right whichever it
 * is. Files that are not text (a spreadsheet saved as .xlsx) are said to be so.
 */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export const TEXT_ENCODING_LABELS: Record<TextEncoding, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16 (Unicode)',
  'utf-16be': 'UTF-16 (Unicode)',
  'windows-1252': 'Western European (Windows-1252 / Latin-1)',
};

export type Detected = { ok: true; encoding: TextEncoding } | { ok: false; message: string };

/** How to make a CSV any spreadsheet program can write and every reader here can read. */
const SAVE_AS_CSV = 'Open it in your spreadsheet program and save it as "CSV UTF-8 (Comma delimited)"';

function startsWith(bytes: Uint8Array, ...prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/**
 * The encoding of a file from its first bytes; `whole` when they are the whole file (otherwise
 * a character cut off at the end of the sample is not held against it).
 */
export function detectEncoding(bytes: Uint8Array, whole: boolean, fileName: string): Detected {
  if (startsWith(bytes, 0xef, 0xbb, 0xbf)) return { ok: true, encoding: 'utf-8' };
  if (startsWith(bytes, 0xff, 0xfe)) return { ok: true, encoding: 'utf-16le' };
  if (startsWith(bytes, 0xfe, 0xff)) return { ok: true, encoding: 'utf-16be' };
  if (startsWith(bytes, 0x50, 0x4b, 0x03, 0x04) || startsWith(bytes, 0xd0, 0xcf, 0x11, 0xe0)) {
    return { ok: false, message: `${fileName} is a spreadsheet workbook, not a CSV file. ${SAVE_AS_CSV}, then import that.` };
  }
  // UTF-16 without a byte-order mark: every other byte of plain text is a zero.
  const n = Math.min(bytes.length, 4096) & ~1;
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i < n; i++) {
    if (bytes[i] !== 0) continue;
    if (i % 2 === 0) zeroEven++;
    else zeroOdd++;
  }
  if (n > 0 && zeroOdd > n / 4 && zeroEven === 0) return { ok: true, encoding: 'utf-16le' };
  if (n > 0 && zeroEven > n / 4 && zeroOdd === 0) return { ok: true, encoding: 'utf-16be' };
  if (zeroEven + zeroOdd > 0) return { ok: false, message: `${fileName} is not a text file. ${SAVE_AS_CSV}, then import that.` };
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: !whole });
    return { ok: true, encoding: 'utf-8' };
  } catch {
    return { ok: true, encoding: 'windows-1252' };
  }
}

/** The message for a file that stops being valid text in its encoding part-way through. */
export function notAllText(fileName: string, encoding: TextEncoding, nearLine: number): string {
  return `${fileName} is not all ${TEXT_ENCODING_LABELS[encoding]} text: near line ${nearLine.toLocaleString('en-GB')} it has characters written another way. ${SAVE_AS_CSV}, then import that.`;
}
