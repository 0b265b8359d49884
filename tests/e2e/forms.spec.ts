import { expect, expectAccessible, test } from './fixtures.ts';

test('leaving a half-filled form asks first, by link, Back or closing the window, and staying keeps what was typed', async ({ page }) => {
  await page.getByRole('link', { name: 'Elections', exact: true }).click();
  await page.getByRole('link', { name: 'New election' }).click();
  await page.getByLabel('Name').fill('General election 2031');

  // A link in the menu.
  await page.getByRole('link', { name: 'Areas' }).click();
  const ask = page.getByRole('dialog', { name: 'Leave without saving?' });
  await expect(ask).toContainText('You have changed a form on this page and not saved it.');
  await expectAccessible(page);
  await ask.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByLabel('Name')).toHaveValue('General election 2031');

  // Closing the window (or reloading it): the browser's own question, and staying keeps it all.
  const question = page.waitForEvent('dialog');
  await page.close({ runBeforeUnload: true });
  const beforeUnload = await question;
  expect(beforeUnload.type()).toBe('beforeunload');
  await beforeUnload.dismiss();
  await expect(page.getByLabel('Name')).toHaveValue('General election 2031');

  // Back, and this time leave.
  await page.goBack();
  await ask.getByRole('button', { name: 'Leave without saving' }).click();
  await expect(page.getByRole('heading', { name: 'Elections', exact: true })).toBeVisible();

  // A form saved is not a changed form: no question after saving.
  await page.getByRole('link', { name: 'New election' }).click();
  await page.getByLabel('Name').fill('General election 2031');
  await page.getByLabel('Polling day').fill('2031-05-01');
  await page.getByRole('button', { name: 'Create election' }).click();
  await expect(page.getByRole('heading', { name: 'General election 2031' })).toBeVisible();
  await page.getByRole('link', { name: 'Areas' }).click();
  await expect(page.getByRole('heading', { name: 'Areas', exact: true })).toBeVisible();
  await expect(ask).toBeHidden();
});

test('a form shows its problems when it is sent, all together, and an empty date asks for a date in plain words', async ({ page }) => {
  await page.getByRole('link', { name: 'Elections', exact: true }).click();
  await page.getByRole('link', { name: 'New election' }).click();
  // Leaving a field says nothing yet: no message appears (and nothing moves) under the pointer.
  await page.getByLabel('Name').focus();
  await page.getByLabel('Polling day').focus();
  await page.getByLabel('Notes (optional)').focus();
  await expect(page.getByRole('alert')).toHaveCount(0);

  await page.getByRole('button', { name: 'Create election' }).click();
  await expect(page.getByText('Name is required')).toBeVisible();
  await expect(page.getByText('Enter a date')).toBeVisible();
  await expect(page.getByText(/YYYY-MM-DD/)).toHaveCount(0);
  await expectAccessible(page);

  // Each message goes as its field is put right.
  await page.getByLabel('Name').fill('General election 2031');
  await expect(page.getByText('Name is required')).toBeHidden();
  await expect(page.getByText('Enter a date')).toBeVisible();
});
