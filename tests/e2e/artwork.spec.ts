import { pdfFile, windowsProgram } from '../helpers/artwork.ts';
import { expect, expectAccessible, test } from './fixtures.ts';

const SHOTS = process.env.HUSTINGS_SCREENSHOTS; // a folder, when someone wants to look

test('artwork: a program named .png is refused with what it really is; a real PDF is attached and viewed in the browser’s viewer', async ({ page, app }) => {
  const leaflet = (await app.call('leaflets.create', { title: 'Riverside Focus', size: 'A5' })).body.value;
  await page.goto(`${app.origin}/#/leaflets/${leaflet.id}`);
  await expect(page.getByRole('heading', { name: 'Riverside Focus' })).toBeVisible();
  await expect(page.getByText('No artwork attached. Attach the print-ready file (PDF, PNG, JPEG, GIF or WebP)')).toBeVisible();

  // A Windows program wearing an image's name: refused, saying what it is; nothing attached.
  await page.getByLabel('Attach artwork…').setInputFiles({ name: 'focus-front.png', mimeType: 'image/png', buffer: windowsProgram() });
  await expect(page.getByRole('alert')).toHaveText(
    '"focus-front.png" is not a PDF or an image: its content is a Windows program (.exe). Nothing was saved. Attach the artwork as a PDF, PNG, JPEG, GIF or WebP file.',
  );
  await expect(page.getByText('No artwork attached.')).toBeVisible();
  await expectAccessible(page);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/artwork-refused.png`, fullPage: true });
  expect((await app.call('leaflets.get', { id: leaflet.id })).body.value.artwork).toBeNull();

  // A real PDF: attached, then viewed in a new tab as a PDF the browser shows and never runs.
  const pdf = pdfFile('Riverside Focus, spring edition');
  await page
    .getByLabel('Replace artwork…')
    .or(page.getByLabel('Attach artwork…'))
    .setInputFiles({ name: 'focus-v1.pdf', mimeType: 'application/pdf', buffer: pdf });
  await expect(page.getByText('focus-v1.pdf')).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expectAccessible(page);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/artwork-attached.png`, fullPage: true });

  const artworkUrl = `${app.origin}/api/artwork/${leaflet.id}`;
  const served = page.context().waitForEvent('response', (r) => r.url() === artworkUrl);
  const [viewer] = await Promise.all([page.context().waitForEvent('page'), page.getByRole('link', { name: 'View artwork' }).click()]);
  const response = await served;
  expect(response.status()).toBe(200);
  const headers = await response.allHeaders();
  expect(headers['content-type']).toBe('application/pdf');
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['content-disposition']).toMatch(/^inline; filename="focus-v1\.pdf"/);
  expect(headers['content-security-policy']).toContain('sandbox');
  await expect(viewer).toHaveURL(artworkUrl);
  // Chromium's own PDF viewer took it (not a download, not a page): its extension frame is there.
  const PDF_VIEWER = 'chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/';
  await expect.poll(() => viewer.frames().some((f) => f.url().startsWith(PDF_VIEWER)), { timeout: 20_000 }).toBe(true);
  if (SHOTS) {
    await viewer.waitForTimeout(8000); // the viewer draws the page a moment later
    await viewer.screenshot({ path: `${SHOTS}/artwork-viewer.png` });
  }
  await viewer.close();

  // Still downloadable, under its own name.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download artwork' }).click();
  expect((await download).suggestedFilename()).toBe('focus-v1.pdf');
});
