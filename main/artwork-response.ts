/**
 * How a leaflet's artwork is handed to a browser (browser mode's GET /api/artwork/<id>) or to the
 * desktop app's viewer window (app://artwork/<id>): only ever as the image or PDF its content was
 * checked to be (leaflets.artwork refuses anything else), with headers that stop the browser from
 * treating it as anything that runs.
 */

/**
 * No script, no plugin other than the browser's own PDF viewer, no requests of its own, and a
 * sandbox (a unique origin: no cookies, no storage, no access to the app). Chromium's image and PDF
 * viewers still show the file under it (checked with this machine's Chromium); the inline style
 * is the image viewer's own centring.
 */
export const ARTWORK_CSP = "default-src 'none'; style-src 'unsafe-inline'; sandbox";

/** A file name as a quoted-string of plain characters, for browsers without RFC 6266's filename*. */
function asciiName(name: string): string {
  return name.replace(/[^A-Za-z0-9._ -]+/g, '_');
}

/** RFC 5987's encoding: encodeURIComponent leaves a few characters it does not allow. */
function rfc5987(name: string): string {
  return encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function artworkHeaders(artwork: { name: string; type: string }): Record<string, string> {
  return {
    // The type read from the content, and nosniff so the browser never guesses another.
    'Content-Type': artwork.type,
    'X-Content-Type-Options': 'nosniff',
    // Shown in the browser's own viewer; saved, it keeps a name whose extension matches its content.
    'Content-Disposition': `inline; filename="${asciiName(artwork.name)}"; filename*=UTF-8''${rfc5987(artwork.name)}`,
    'Content-Security-Policy': ARTWORK_CSP,
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  };
}
