/**
 * A leaflet's artwork is kept only when its content is a PDF or an image (PNG, JPEG, GIF, WebP),
 * whatever its name says; it leaves the data folder only as that checked type, and browser mode
 * serves it with headers that stop the browser running it.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Hustings, openHustings } from '../../main/app.ts';
import { setLeafletArtwork } from '../../db/repositories/leaflets.ts';
import { SHELL_SCRIPT, SVG_WITH_SCRIPT, pdfFile, pngFile, windowsProgram } from '../helpers/artwork.ts';
import { ok, TEST_KEYS } from '../helpers/db.ts';
import { startBrowserMode } from '../helpers/server.ts';

let dir: string;
let app: Hustings;
const b64 = (b: Buffer) => b.toString('base64');

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hustings-artwork-'));
  app = await openHustings({ dbPath: join(dir, 'hustings.sqlite'), keys: TEST_KEYS, actor: 'tester' });
});
afterEach(async () => {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

function auditRows(): number {
  return (app.db.prepare('SELECT COUNT(*) AS n FROM audit_log').get() as { n: number }).n;
}

describe('artwork checked by content', () => {
  it('refuses a program, a script or an SVG wearing an image’s name, saying what it really is, and writes nothing', async () => {
    const l = await ok(app, 'leaflets.create', { title: 'Focus', size: 'A5' });
    const audits = auditRows();
    const cases: [string, Buffer, RegExp][] = [
      [
        'focus.png',
        windowsProgram(),
        /^"focus\.png" is not a PDF or an image: its content is a Windows program \(\.exe\)\. Nothing was saved\. Attach the artwork as a PDF, PNG, JPEG, GIF or WebP file\.$/,
      ],
      ['focus.pdf', SHELL_SCRIPT, /^"focus\.pdf" is not a PDF or an image: its content is a script \(it starts with #!\)\./],
      ['logo.svg', SVG_WITH_SCRIPT, /^"logo\.svg" is an SVG drawing, which can carry scripts, so Hustings does not keep it\. Nothing was saved\./],
      ['page.jpg', Buffer.from('<!doctype html><script>alert(1)</script>'), /its content is a web page \(HTML\)/],
    ];
    for (const [fileName, content, message] of cases) {
      const r = await app.dispatch('leaflets.attachArtwork', { id: l.id, fileName, type: 'image/png', dataBase64: b64(content) });
      expect(r, fileName).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(message) } });
      if (!r.ok) expect(r.error.fields).toEqual({ dataBase64: r.error.message });
    }
    expect(existsSync(join(dir, 'artwork')) ? readdirSync(join(dir, 'artwork')) : []).toEqual([]);
    expect((await ok(app, 'leaflets.get', { id: l.id })).artwork).toBeNull();
    expect(auditRows()).toBe(audits);
  });

  it('keeps a real PNG and PDF as the type their content is, privately, whatever type the browser guessed', async () => {
    const l = await ok(app, 'leaflets.create', { title: 'Focus', size: 'A5' });
    const png = pngFile();
    const withPng = await ok(app, 'leaflets.attachArtwork', { id: l.id, fileName: 'front.png', type: 'application/octet-stream', dataBase64: b64(png) });
    expect(withPng.artwork).toEqual({ name: 'front.png', type: 'image/png', bytes: png.length });
    const pdf = pdfFile();
    // A PDF named .png: kept (it is harmless), as the PDF it is.
    const withPdf = await ok(app, 'leaflets.attachArtwork', { id: l.id, fileName: 'proof.png', type: 'image/png', dataBase64: b64(pdf) });
    expect(withPdf.artwork).toEqual({ name: 'proof.png', type: 'application/pdf', bytes: pdf.length });
    const [stored] = readdirSync(join(dir, 'artwork'));
    expect(stored).toMatch(/-proof\.png\.pdf$/);
    const back = await ok(app, 'leaflets.artwork', { id: l.id });
    expect(back).toMatchObject({ name: 'proof.png.pdf', type: 'application/pdf' });
    expect(Buffer.from(back.dataBase64, 'base64').equals(pdf)).toBe(true);
    if (process.platform !== 'win32') {
      expect(statSync(join(dir, 'artwork')).mode & 0o777).toBe(0o700);
      expect(statSync(join(dir, 'artwork', stored)).mode & 0o777).toBe(0o600);
    }
  });

  it('refuses to hand out or open artwork an older version kept that is not an image or PDF; it can still be removed', async () => {
    const l = await ok(app, 'leaflets.create', { title: 'Old focus', size: 'A5' });
    mkdirSync(join(dir, 'artwork'), { recursive: true });
    writeFileSync(join(dir, 'artwork', 'leaflet-1-old.png'), windowsProgram());
    await setLeafletArtwork(app.store, l.id, { file: 'leaflet-1-old.png', name: 'old.png', type: 'image/png', bytes: 256 });
    const message =
      'The artwork kept for "Old focus" (old.png) is not a PDF or an image: its content is a Windows program (.exe). ' +
      'Hustings does not open or hand out such files. Remove it and attach the artwork as a PDF, PNG, JPEG, GIF or WebP file.';
    for (const method of ['leaflets.artwork', 'leaflets.openArtwork']) {
      expect(await app.dispatch(method, { id: l.id })).toEqual({ ok: false, error: { code: 'conflict', message } });
    }
    expect((await ok(app, 'leaflets.removeArtwork', { id: l.id })).artwork).toBeNull();
    expect(readdirSync(join(dir, 'artwork'))).toEqual([]);
  });
});

describe('artwork in browser mode', () => {
  it('is served as its checked type, never sniffed, shown not run, only with the token', async () => {
    const server = await startBrowserMode();
    try {
      const l = (await server.call('leaflets.create', { title: 'Focus', size: 'A5' })).body.value;
      const pdf = pdfFile();
      expect((await server.call('leaflets.attachArtwork', { id: l.id, fileName: 'focus v1.pdf', type: 'application/pdf', dataBase64: b64(pdf) })).body.ok).toBe(
        true,
      );
      const url = `${server.origin}/api/artwork/${l.id}`;
      const res = await fetch(url, { headers: { Authorization: `Bearer ${server.token}` } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/pdf');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('content-disposition')).toBe(`inline; filename="focus v1.pdf"; filename*=UTF-8''focus%20v1.pdf`);
      expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; style-src 'unsafe-inline'; sandbox");
      expect(Buffer.from(await res.arrayBuffer()).equals(pdf)).toBe(true);
      expect((await fetch(url)).status).toBe(401);
      const post = await fetch(url, { method: 'POST', headers: { Authorization: `Bearer ${server.token}` } });
      expect([post.status, post.headers.get('content-type')]).toEqual([404, 'application/json; charset=utf-8']); // not a method

      // An image whose name claims to be a web page is named for what it is.
      await server.call('leaflets.attachArtwork', { id: l.id, fileName: 'focus.html', type: 'text/html', dataBase64: b64(pngFile()) });
      const png = await fetch(url, { headers: { Authorization: `Bearer ${server.token}` } });
      expect(png.headers.get('content-type')).toBe('image/png');
      expect(png.headers.get('content-disposition')).toMatch(/^inline; filename="focus\.html\.png"/);

      const missing = await fetch(`${server.origin}/api/artwork/999`, { headers: { Authorization: `Bearer ${server.token}` } });
      expect(missing.status).toBe(404);
      expect(missing.headers.get('content-type')).toBe('text/plain; charset=utf-8');
      expect(await missing.text()).toBe('There is no leaflet with id 999');
    } finally {
      await server.stop();
    }
  });
});
