import { fileURLToPath } from 'node:url';
import { expect, expectAccessible, test } from './fixtures.ts';

const CONSTITUENCIES = fileURLToPath(new URL('../fixtures/uk-parliament-constituencies-2024-electorate.csv', import.meta.url));

test('a coordinator sets up an election, imports constituencies and adds a contest, and it all survives a reload', async ({ page }) => {
  await expect(page.getByRole('heading', { name: 'Welcome to Hustings' })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('link', { name: 'Create an election' }).click();
  await page.getByLabel('Name').fill('General election 2029');
  await page.getByLabel('Type of election').selectOption('uk-parliament');
  await page.getByLabel('Nation').selectOption('scotland');
  await page.getByLabel('Polling day').fill('2029-05-03');
  await page.getByLabel('Democracy Club election id (optional)').fill('parl.2029-05-04');
  await page.getByRole('button', { name: 'Create election' }).click();
  await expect(page.getByText('The id names 2029-05-04 but polling day is 2029-05-03')).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Democracy Club election id (optional)').fill('parl.2029-05-03');
  await page.getByRole('button', { name: 'Create election' }).click();
  await expect(page.getByRole('heading', { name: 'General election 2029' })).toBeVisible();
  await expect(page.getByText('To add a contest you need areas first')).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('link', { name: 'import them from a CSV file' }).click();
  await page.getByLabel('CSV file').setInputFiles(CONSTITUENCIES);
  await expect(page.getByText('652 rows, 649 ready to import')).toBeVisible();
  await expect(page.getByText('Line 159 repeats line 158 exactly (Eastbourne).')).toBeVisible();
  await expect(page.getByText('Line 240 repeats line 239 exactly (Hyndburn).')).toBeVisible();
  await expect(page.getByText('Line 575 (Glasgow East) has the GSS code S14000083, already used by line 574 (Falkirk).')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Import', exact: true })).toBeDisabled();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Skip this row: all 2' }).click();
  await page
    .getByRole('group', { name: /Line 575/ })
    .getByLabel('Import it without the GSS code')
    .check();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByText('Imported 650 areas; skipped 2 rows.')).toBeVisible();

  await page.getByRole('link', { name: 'Elections', exact: true }).click();
  await page.getByRole('link', { name: 'General election 2029' }).click();
  await page.getByLabel('Find an area').fill('Glasgow E');
  await page.getByLabel('Area', { exact: true }).selectOption({ label: 'Glasgow East (69,748 electors)' });
  await page.getByLabel('Status').selectOption('contesting');
  await page.getByLabel('Reason (optional)').fill('Strong branch, candidate lives here');
  await page.getByRole('button', { name: 'Add contest' }).click();
  const row = page.getByRole('row', { name: /Glasgow East/ });
  await expect(row).toContainText('Contesting');
  await expect(row).toContainText('Strong branch, candidate lives here');

  await page.reload();
  await expect(page.getByRole('row', { name: /Glasgow East/ })).toContainText('Contesting');
  await page.getByRole('link', { name: 'Areas' }).click();
  await expect(page.getByText('650 areas, showing the first 200')).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Home' }).click();
  await expect(page.getByRole('heading', { name: 'General election 2029' })).toBeVisible();
  await expectAccessible(page);
});

test('deleting an election with contests asks first and says what goes with it', async ({ page, app }) => {
  const e = await app.call('elections.create', { name: 'Council 2027', type: 'local', pollingDay: '2027-05-06', nation: 'england' });
  const a = await app.call('areas.create', { name: 'Hyde Park', kind: 'ward', electorate: 9000, classification: null, nation: 'england' });
  await app.call('contests.create', { electionId: e.body.value.id, areaId: a.body.value.id, status: 'considering' });
  await page.goto(`${app.origin}/#/elections/${e.body.value.id}`);
  await page.getByRole('button', { name: 'Delete' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('Its 1 contest (Hyde Park) and everything recorded for it will be deleted too.');
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('heading', { name: 'Council 2027' })).toBeVisible();
  await page.getByRole('button', { name: 'Delete' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByRole('heading', { name: 'Elections', exact: true })).toBeVisible();
  await expect(page.getByText('No elections yet')).toBeVisible();
});

test('a contest or task added after reaching another election by the address, or by Back, goes to the election on screen', async ({ page, app }) => {
  const first = (await app.call('elections.create', { name: 'Council 2027', type: 'local', pollingDay: '2027-05-06', nation: 'england' })).body.value;
  const second = (await app.call('elections.create', { name: 'By-election 2027', type: 'local', pollingDay: '2027-09-16', nation: 'england' })).body.value;
  await app.call('areas.create', { name: 'Hyde Park', kind: 'ward', electorate: 9000, classification: null, nation: 'england' });
  await app.call('areas.create', { name: 'Headingley', kind: 'ward', electorate: 8000, classification: null, nation: 'england' });

  await page.goto(`${app.origin}/#/elections/${first.id}`);
  await expect(page.getByRole('heading', { name: 'Council 2027' })).toBeVisible();
  // The coordinator edits the address to reach the other election, as with a bookmark.
  await page.goto(`${app.origin}/#/elections/${second.id}`);
  await expect(page.getByRole('heading', { name: 'By-election 2027' })).toBeVisible();
  await page.getByLabel('Area', { exact: true }).selectOption({ label: 'Hyde Park (9,000 electors)' });
  await page.getByRole('button', { name: 'Add contest' }).click();
  await expect(page.getByRole('row', { name: /Hyde Park/ })).toBeVisible();
  await page.getByLabel('Task', { exact: true }).fill('Book the count room');
  await page.getByRole('button', { name: 'Add task' }).click();
  await expect(page.getByRole('row', { name: /Book the count room/ })).toBeVisible();

  // Back to the first election: what is added there is its own.
  await page.goBack();
  await expect(page.getByRole('heading', { name: 'Council 2027' })).toBeVisible();
  await page.getByLabel('Area', { exact: true }).selectOption({ label: 'Headingley (8,000 electors)' });
  await page.getByRole('button', { name: 'Add contest' }).click();
  await expect(page.getByRole('row', { name: /Headingley/ })).toBeVisible();
  await expect(page.getByRole('row', { name: /Hyde Park/ })).toHaveCount(0);
  await page.getByLabel('Task', { exact: true }).fill('Order poll cards');
  await page.getByRole('button', { name: 'Add task' }).click();
  await expect(page.getByRole('row', { name: /Order poll cards/ })).toBeVisible();

  const contestsOf = async (electionId: number) => (await app.call('contests.list', { electionId })).body.value.map((c: { areaName: string }) => c.areaName);
  const tasksOf = async (electionId: number) => (await app.call('tasks.list', { electionId })).body.value.map((t: { title: string }) => t.title);
  expect(await contestsOf(first.id)).toEqual(['Headingley']);
  expect(await contestsOf(second.id)).toEqual(['Hyde Park']);
  expect(await tasksOf(first.id)).toEqual(['Order poll cards']);
  expect(await tasksOf(second.id)).toEqual(['Book the count room']);
});
