import { expect, expectAccessible, test } from './fixtures.ts';

const ELECTION = { type: 'local', pollingDay: '2027-05-06', nation: 'england' };

test('the Activity page shows who changed what, filters it, and shows before and after', async ({ page, app }) => {
  const created = await app.call('elections.create', { name: 'County 2027', ...ELECTION });
  expect(created.status).toBe(200);
  await app.call('elections.update', { id: created.body.value.id, name: 'County council 2027', ...ELECTION });
  await app.call('areas.create', { name: 'Abbey ward', kind: 'ward', nation: 'england', electorate: 4000, classification: null });

  await page.getByRole('link', { name: 'Activity' }).click();
  await expect(page.getByRole('heading', { name: 'Activity', exact: true })).toBeVisible();
  const rows = page.locator('table.activity > tbody > tr');
  await expect(rows).toHaveCount(3);
  await expectAccessible(page);

  // Before and after of the edit, field by field.
  const edit = rows.filter({ hasText: 'Changed election' });
  await edit.getByText('Changed election').click();
  const changes = edit.getByRole('table');
  await expect(changes.getByRole('row', { name: /name County 2027 County council 2027/ })).toBeVisible();
  await expect(changes.getByRole('row')).toHaveCount(2); // heading + the one changed field
  await expectAccessible(page);

  // Filter by record type, then by change, then clear.
  await page.getByLabel('Record type').selectOption('area');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Abbey ward');
  await page.getByLabel('Record type').selectOption('election');
  await page.getByLabel('Change').selectOption('update');
  await expect(rows).toHaveCount(1);
  await page.getByRole('button', { name: 'Clear the filters' }).click();
  await expect(rows).toHaveCount(3);

  // Dates: today matches everything, a day long past nothing; backwards dates are explained.
  const today = new Date().toISOString().slice(0, 10);
  await page.getByLabel('From').fill(today);
  await expect(rows).toHaveCount(3);
  await page.getByLabel('From').fill('2001-01-01');
  await page.getByLabel('To').fill('2001-01-02');
  await expect(page.getByText('No changes match these filters.')).toBeVisible();
  await page.getByLabel('From').fill('2001-01-03');
  await expect(page.getByText(/“From” is after “To”/)).toBeVisible();
  await expectAccessible(page);
});
