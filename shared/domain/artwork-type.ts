/**
 * What a leaflet's artwork really is, read from its first bytes (its "magic number"), never from
 * its name or the type the browser guessed from the name: a `.png` that is really a program must
 * not be kept, served or opened as an image.
 *
 * Kept: PNG, JPEG, GIF, WebP and PDF — what printers take and what a browser or the desktop app's
 * viewer shows without running anything. SVG is refused, not sanitised: it is XML that can carry
 * scripts, event handlers and links to other files, and cleaning it safely needs a full parser;
 * printers want PDF or a bitmap anyway, so the message asks for one.
 */

export interface ArtworkType {
  mime: string;
  /** The usual extension, given to a download or viewer whose name lacks it. */
  extension: string;
  label: string;
}

export const ARTWORK_TYPES = {
  png: { mime: 'image/png', extension: '.png', label: 'a PNG image' },
  jpeg: { mime: 'image/jpeg', extension: '.jpg', label: 'a JPEG image' },
  gif: { mime: 'image/gif', extension: '.gif', label: 'a GIF image' },
  webp: { mime: 'image/webp', extension: '.webp', label: 'a WebP image' },
  pdf: { mime: 'application/pdf', extension: '.pdf', label: 'a PDF document' },
} satisfies Record<string, ArtworkType>;

export const ARTWORK_ACCEPTED = 'PDF, PNG, JPEG, GIF or WebP';

/** Other extensions that name each kept type (a download keeps a name that has one). */
const ALSO_NAMED: Record<string, string[]> = { 'image/jpeg': ['.jpeg', '.jpe'] };

function startsWith(bytes: Uint8Array, prefix: number[] | string, at = 0): boolean {
  const want = typeof prefix === 'string' ? [...prefix].map((c) => c.charCodeAt(0)) : prefix;
  if (bytes.length < at + want.length) return false;
  return want.every((b, i) => bytes[at + i] === b);
}

/** The kept type these bytes are, or null. The signature must be at the very start. */
export function artworkTypeOf(bytes: Uint8Array): ArtworkType | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return ARTWORK_TYPES.png;
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return ARTWORK_TYPES.jpeg;
  if (startsWith(bytes, 'GIF87a') || startsWith(bytes, 'GIF89a')) return ARTWORK_TYPES.gif;
  if (startsWith(bytes, 'RIFF') && startsWith(bytes, 'WEBP', 8)) return ARTWORK_TYPES.webp;
  // PDF readers tolerate junk before the header; a file that starts with anything else is
  // something else wearing a PDF comment, so only a header at the start counts.
  if (startsWith(bytes, '%PDF-')) return ARTWORK_TYPES.pdf;
  return null;
}

/** What a refused file looks like, for the message: "a Windows program (.exe)". */
export function describeContent(bytes: Uint8Array): string {
  if (bytes.length === 0) return 'empty';
  if (startsWith(bytes, 'MZ')) return 'a Windows program (.exe)';
  if (startsWith(bytes, [0x7f, 0x45, 0x4c, 0x46])) return 'a Linux program (ELF)';
  for (const magic of [
    [0xfe, 0xed, 0xfa, 0xce],
    [0xfe, 0xed, 0xfa, 0xcf],
    [0xce, 0xfa, 0xed, 0xfe],
    [0xcf, 0xfa, 0xed, 0xfe],
    [0xca, 0xfe, 0xba, 0xbe],
  ]) {
    if (startsWith(bytes, magic)) return 'a macOS program (Mach-O)';
  }
  if (startsWith(bytes, '#!')) return 'a script (it starts with #!)';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return 'a ZIP archive (or a Word, Excel or other Office file)';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) return 'an old Microsoft Office file';
  if (startsWith(bytes, [0x1f, 0x8b])) return 'a gzip archive';
  if (startsWith(bytes, 'Rar!')) return 'a RAR archive';
  if (startsWith(bytes, '7z')) return 'a 7-Zip archive';
  const head = new TextDecoder('utf-8', { fatal: false })
    .decode(bytes.subarray(0, 1024))
    .replace(/^\uFEFF/, '')
    .trimStart()
    .toLowerCase();
  if (isSvg(head)) return 'an SVG drawing';
  if (/^<!doctype html|^<html[\s>]|^<script[\s>]|^<head[\s>]|^<body[\s>]/.test(head)) return 'a web page (HTML)';
  if (/^@echo\b|^rem\b/.test(head)) return 'a Windows batch script';
  if (startsWith(bytes, 'II*\0') || startsWith(bytes, 'MM\0*')) return 'a TIFF image';
  if (startsWith(bytes, 'BM')) return 'a BMP image';
  if (startsWith(bytes, '%!PS')) return 'a PostScript file';
  const sample = bytes.subarray(0, 512);
  const printable = sample.filter((b) => b === 9 || b === 10 || b === 13 || (b >= 32 && b < 127) || b >= 128).length;
  if (printable === sample.length) return 'plain text';
  return 'data of an unknown kind';
}

function isSvg(head: string): boolean {
  return /^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!doctype svg|<svg[\s>])/.test(head);
}

/** Why `name` cannot be kept as artwork, or null when its content is a kept type. */
export function artworkProblem(name: string, bytes: Uint8Array): string | null {
  if (artworkTypeOf(bytes)) return null;
  if (describeContent(bytes) === 'an SVG drawing') {
    return `"${name}" is an SVG drawing, which can carry scripts, so Hustings does not keep it. Nothing was saved. Export the artwork as a PDF or PNG and attach that.`;
  }
  return `"${name}" is not a PDF or an image: its content is ${describeContent(bytes)}. Nothing was saved. Attach the artwork as a ${ARTWORK_ACCEPTED} file.`;
}

/**
 * The name a download or viewer gets: the file's own name when its extension matches what it
 * really is, else that name with the right extension added ("focus.html" that is a PNG becomes
 * "focus.html.png"), so no program is ever chosen by a misleading extension.
 */
export function artworkFileName(name: string, type: ArtworkType): string {
  const lower = name.toLowerCase();
  const extensions = [type.extension, ...(ALSO_NAMED[type.mime] ?? [])];
  return extensions.some((e) => lower.endsWith(e)) ? name : `${name}${type.extension}`;
}
