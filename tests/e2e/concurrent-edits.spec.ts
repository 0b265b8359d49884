import { expect, expectAccessible, test } from './fixtures.ts';
import { fullImprint } from '../fixtures/imprint.ts';

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

/**
 * A status is a change like any other: two people move the same candidacy on at once and the
 * second is refused, their choice kept; a leaflet marked ready from a page someone has since
 * changed is refused, and the page shows what changed.
 */
test('two people change the same candidacy’s status or leaflet: the second is told who changed it first', async ({ page, app, browser }) => {
  const made = async (method: string, input: unknown): Promise<number> => {
    const r = await app.call(method, input);
    if (!r.body.ok) throw new Error(`${method}: ${r.body.error.message}`);
    return r.body.value.id;
  };
  const candidateId = await made('candidates.create', { ballotName: 'Alice Green', homeAddress: '1 High St' });
  const electionId = await made('elections.create', { name: 'Leeds 2026', type: 'local', pollingDay: '2026-05-07', nation: 'england' });
  const areaId = await made('areas.create', { name: 'Newtown East', kind: 'ward', nation: 'england', electorate: null, classification: null });
  const contestId = await made('contests.create', { electionId, areaId, status: 'contesting' });
  const candidacyId = await made('candidacies.create', { candidateId, contestId });
  const leafletId = await made('leaflets.create', { title: 'Spring news', size: 'A5', ...fullImprint, onBehalfOfAddress: fullImprint.promoterAddress });

  const other = await browser.newContext();
  const second = await other.newPage();
  await second.goto(app.url);
  for (const p of [page, second]) await p.goto(`${app.origin}/#/candidacies/${candidacyId}`);
  const status = (p: typeof page) => p.getByRole('form', { name: 'Change status' });
  await status(page).getByLabel('New status').selectOption('papers-in-progress');
  await status(page).getByRole('button', { name: 'Change status' }).click();
  await expect(page.getByRole('list', { name: 'Status history' })).toContainText('Papers in progress');

  await status(second).getByLabel('New status').selectOption('withdrawn');
  await status(second).getByLabel('Reason').fill('Moving away');
  await status(second).getByRole('button', { name: 'Change status' }).click();
  await expect(status(second).getByRole('alert')).toContainText(
    /^This candidacy was changed at \d\d:\d\d on .*, after you opened it\. Your changes are still in the form/,
  );
  await expect(status(second).getByLabel('New status')).toHaveValue('withdrawn');
  await expect(status(second).getByLabel('Reason')).toHaveValue('Moving away');
  await expect(second.getByRole('list', { name: 'Status history' })).not.toContainText('Withdrawn');
  await expectAccessible(second);
  await second.screenshot({ path: '/tmp/store-gaps-status-refused.png', fullPage: true });

  // The leaflet: one marks it ready; the other, on the page as it was, marks it ready too.
  for (const p of [page, second]) await p.goto(`${app.origin}/#/leaflets/${leafletId}`);
  await page.getByRole('button', { name: 'Mark ready' }).click();
  await expect(page.getByRole('button', { name: 'Retire' })).toBeVisible();
  await second.getByRole('button', { name: 'Mark ready' }).click();
  await expect(second.getByRole('alert')).toContainText(
    /^This leaflet was changed at .*, after you opened it\. The page now shows those changes: check them, then try again\.$/,
  );
  await expect(second.getByRole('button', { name: 'Retire' })).toBeVisible();
  await second.screenshot({ path: '/tmp/store-gaps-leaflet-refused.png', fullPage: true });
  await other.close();
});
