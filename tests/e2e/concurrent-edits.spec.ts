import { expect, expectAccessible, test } from './fixtures.ts';

/**
 * Two people on one campaign open the same election; the first saves. The second's save is
 * refused with who changed it and when, their typing still in the form; a reload shows the
 * first change.
 */
test('two people edit the same election: the second is told who changed it first, and keeps what they typed', async ({ page, app, browser }) => {
  const created = await app.call('elections.create', { name: 'Leeds City Council 2026', type: 'local', pollingDay: '2026-05-07', nation: 'england' });
  expect(created.body.ok).toBe(true);

  // The election's own form, above the panels (the tasks panel has a Notes field too).
  const notes = (p: typeof page) => p.getByLabel('Notes (optional)').first();
  const other = await browser.newContext();
  const second = await other.newPage();
  await second.goto(app.url);
  for (const p of [page, second]) {
    await p.getByRole('link', { name: 'Elections', exact: true }).click();
    await p.getByRole('link', { name: 'Leeds City Council 2026' }).click();
    await p.getByRole('button', { name: 'Edit' }).click();
  }

  await notes(page).fill('Leaflet the whole ward by April.');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.locator('.facts')).toContainText('Leaflet the whole ward by April.');

  await second.getByLabel('Name', { exact: true }).fill('Leeds City Council elections 2026');
  await second.getByRole('button', { name: 'Save changes' }).click();
  const refusal = second.getByRole('alert');
  await expect(refusal).toContainText(
    /^This election was changed at \d\d:\d\d on \w{3} \d{1,2} \w{3} \d{4} \(in another tab, or by someone else signed in as “.+”\), after you opened it\./,
  );
  await expect(refusal).toContainText('Your changes are still in the form: check those changes (reload in another tab), then save again.');
  await expect(second.getByLabel('Name', { exact: true })).toHaveValue('Leeds City Council elections 2026');
  await expectAccessible(second);
  await second.screenshot({ path: '/tmp/hustings-concurrent-edit-refused.png', fullPage: true });

  // They look in another tab: the first change is there.
  const look = await other.newPage();
  await look.goto(second.url());
  await expect(look.locator('.facts')).toContainText('Leaflet the whole ward by April.');
  await expect(look.getByRole('heading', { name: 'Leeds City Council 2026' })).toBeVisible();
  await look.close();

  // Having looked, saving again goes through with their name, and keeps the other's note only if they kept it.
  await notes(second).fill('Leaflet the whole ward by April.');
  await second.getByRole('button', { name: 'Save changes' }).click();
  await expect(second.getByRole('heading', { name: 'Leeds City Council elections 2026' })).toBeVisible();
  await expect(second.locator('.facts')).toContainText('Leaflet the whole ward by April.');

  await page.reload();
  await expect(page.getByRole('heading', { name: 'Leeds City Council elections 2026' })).toBeVisible();
  await other.close();
});
