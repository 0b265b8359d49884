import { expect, expectAccessible, test } from './fixtures.ts';

async function readDownload(download: import('@playwright/test').Download): Promise<string> {
  const stream = await download.createReadStream();
  return new Promise<string>((resolve) => {
    let text = '';
    stream.on('data', (c) => (text += c));
    stream.on('end', () => resolve(text));
  });
}

test('a volunteer’s data is exported and then erased from their page, after asking; Activity shows only that an erasure happened', async ({ page, app }) => {
  const details = { name: 'Quentin Zephyrwood', email: 'qz@example.org', phone: '07700 900461', address: '17 Larkspur Mews', consentToContact: true };
  const v = (await app.call('volunteers.create', details)).body.value;
  await app.call('volunteers.update', { id: v.id, ...details, phone: '07700 900462', notes: 'Has a car' });
  await app.call('volunteers.create', { name: 'Olive Keepsake', consentToContact: false });

  await page.getByRole('link', { name: 'Volunteers' }).click();
  await page.getByRole('link', { name: 'Quentin Zephyrwood' }).click();
  await expect(page.getByRole('heading', { name: 'Quentin Zephyrwood' })).toBeVisible();

  // Export asks first, saying what the file holds.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export this person’s data' }).click();
  const exportDialog = page.getByRole('dialog', { name: 'Export personal data?' });
  await expect(exportDialog).toContainText('contact details, address, availability');
  await exportDialog.getByRole('button', { name: 'Export' }).click();
  const doc = JSON.parse(await readDownload(await download));
  expect(doc.volunteer).toMatchObject({ name: 'Quentin Zephyrwood', phone: '07700 900462' });
  expect(doc.audit).toHaveLength(2);

  // Erase asks first and says what goes; Cancel keeps everything.
  await page.getByRole('button', { name: 'Erase this person’s data' }).click();
  const dialog = page.getByRole('dialog', { name: 'Erase Quentin Zephyrwood’s data?' });
  await expect(dialog).toContainText('deletes their contact details, address, availability, roles and notes');
  await expect(dialog).toContainText('This cannot be undone.');
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Quentin Zephyrwood' })).toBeVisible();

  await page.getByRole('button', { name: 'Erase this person’s data' }).click();
  await dialog.getByRole('button', { name: 'Erase' }).click();
  await expect(page.getByRole('heading', { name: 'Volunteers', exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Olive Keepsake' })).toBeVisible();
  await expect(page.getByText('Zephyrwood')).toHaveCount(0);

  await page.getByRole('link', { name: 'Activity' }).click();
  const rows = page.locator('table.activity > tbody > tr');
  await page.getByLabel('Record type').selectOption('volunteer');
  await expect(rows.first()).toContainText('Erased a volunteer’s personal data on request');
  await expect(rows.filter({ hasText: '(personal data erased)' })).toHaveCount(2);
  await expect(rows.filter({ hasText: 'Olive Keepsake' })).toHaveCount(1);
  await expect(page.locator('main')).not.toContainText('Zephyrwood');
  await expect(page.locator('main')).not.toContainText('07700');
  await expectAccessible(page);
});

test('a donor whose donation must go on the return cannot be erased yet, and the page says why and until when', async ({ page, app }) => {
  const election = (await app.call('elections.create', { name: 'County 2027', type: 'local', pollingDay: '2027-05-06', nation: 'england' })).body.value;
  const area = (await app.call('areas.create', { name: 'Abbey', kind: 'ward', nation: 'england', electorate: 4000, classification: null })).body.value;
  const contest = (await app.call('contests.create', { electionId: election.id, areaId: area.id, status: 'contesting' })).body.value;
  const small = { contestId: contest.id, donorName: 'Hortensia Vellacott', donorAddress: '9 Wren Close', kind: 'cash', value: '£30', receivedOn: '2026-04-20' };
  await app.call('treasury.createDonation', { ...small, value: '£250' });
  await app.call('treasury.createDonation', { ...small, donorName: 'Ursula Smallgift' });

  await page.getByRole('link', { name: 'Treasury' }).click();
  await page.getByRole('link', { name: /Abbey/ }).first().click();
  await page.getByRole('link', { name: 'Hortensia Vellacott' }).click();
  await expect(page.getByRole('heading', { name: 'Hortensia Vellacott' })).toBeVisible();
  await expect(page.getByRole('note')).toContainText('cannot be erased yet');
  await expect(page.getByRole('note')).toContainText('RPA 1983 s.89');
  const erase = page.getByRole('button', { name: 'Erase this person’s data' });
  await expect(erase).toBeDisabled();
  await expect(erase).toHaveAccessibleDescription(/£250\.00 received Mon 20 Apr 2026 \(Abbey, County 2027\) must go on the return/);
  await expectAccessible(page);

  // £30 is not a donation in law: that donor's details can go, the amount stays.
  await page.getByRole('link', { name: '← Ledger' }).click();
  await page.getByRole('link', { name: 'Ursula Smallgift' }).click();
  await page.getByRole('button', { name: 'Erase this person’s data' }).click();
  const dialog = page.getByRole('dialog', { name: 'Erase Ursula Smallgift’s data?' });
  await expect(dialog).toContainText('What was given, when, and whether it was accepted stay in the accounts.');
  await dialog.getByRole('button', { name: 'Erase' }).click();
  await expect(page.getByText('Donor’s details erased')).toBeVisible();
  await expect(page.getByText('Ursula Smallgift')).toHaveCount(0);
  await expectAccessible(page);
});
