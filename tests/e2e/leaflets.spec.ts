import { formatDateLong, ukToday } from '../../shared/domain/working-days.ts';
import { expect, expectAccessible, test } from './fixtures.ts';

const daysAgo = (n: number) => ukToday(new Date(Date.now() - n * 86_400_000));

test('a leaflet goes from imprint to print run, rounds, drops, coverage and a printed round sheet', async ({ page, app }) => {
  // One long journey through nine pages, each checked with axe: more than the default minute on a busy machine.
  const election = await app.call('elections.create', { name: 'Borough 2099', type: 'local', pollingDay: '2099-05-07', nation: 'england' });
  const area = await app.call('areas.create', { name: 'Riverside', kind: 'ward', electorate: 4000, classification: null, nation: 'england' });
  await app.call('contests.create', { electionId: election.body.value.id, areaId: area.body.value.id, status: 'contesting' });

  // A volunteer.
  await page.getByRole('link', { name: 'Volunteers' }).click();
  await expect(page.getByText('No volunteers yet')).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Add a volunteer' }).click();
  await page.getByLabel('Name').fill('Ann Walker');
  await page.getByLabel('Delivers leaflets').check();
  await page.getByLabel('Agreed to be contacted by the campaign').check();
  await page.getByLabel('Availability (optional)').fill('Weekday evenings');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Add volunteer' }).click();
  await expect(page.getByRole('heading', { name: 'Ann Walker' })).toBeVisible();
  await expectAccessible(page);

  // A leaflet: an incomplete imprint is flagged and blocks "ready".
  await page.getByRole('link', { name: 'Leaflets', exact: true }).first().click();
  await expect(page.getByText('No leaflets yet')).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Add a leaflet' }).click();
  await page.getByLabel('Title').fill('Riverside Focus');
  await page.getByLabel('Version (optional)').fill('v1');
  await page.getByLabel('Riverside (Borough 2099)').check();
  await page.getByLabel('Printer’s name').fill('Quick Print Ltd');
  await page.getByLabel('Promoter’s name').fill('Jo Bloggs');
  await page.getByLabel('Promoter’s address').fill('2 High Street, Exampleton EX1 3CD');
  await page.getByLabel('Published on the promoter’s own behalf').check();
  await expect(page.getByText("Imprint incomplete: add the printer's address.")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Add leaflet' }).click();
  await expect(page.getByRole('heading', { name: 'Riverside Focus' })).toBeVisible();
  await expect(page.getByText('Imprint incomplete', { exact: true }).first()).toBeVisible();
  await page.getByRole('button', { name: 'Mark ready' }).click();
  await expect(page.getByRole('alert')).toContainText("add the printer's address");
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Edit' }).click();
  await page.getByLabel('Printer’s address').fill('1 Mill Lane, Exampleton EX1 2AB');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.locator('.imprint')).toHaveText(
    'Printed by Quick Print Ltd, 1 Mill Lane, Exampleton EX1 2AB. Promoted by Jo Bloggs, 2 High Street, Exampleton EX1 3CD.',
  );
  await page.getByRole('button', { name: 'Mark ready' }).click();
  await expect(page.locator('.badge.leaflet-ready')).toHaveText('Ready');
  await page.getByLabel('Attach artwork…').setInputFiles({ name: 'focus-v1.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 artwork') });
  await expect(page.getByText('focus-v1.pdf')).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download artwork' }).click();
  expect((await download).suggestedFilename()).toBe('focus-v1.pdf');
  await expectAccessible(page);

  // A print run.
  await page.getByRole('link', { name: 'Log a print run' }).click();
  await expect(page.getByLabel('Charged to contest')).toHaveValue(String((await app.call('contests.list', {})).body.value[0].id));
  await page.getByLabel('Printed on').fill(daysAgo(5));
  await page.getByLabel('Copies').fill('-20');
  await page.getByRole('button', { name: 'Log print run' }).click();
  await expect(page.getByText('Quantity cannot be negative')).toBeVisible();
  await page.getByLabel('Copies').fill('1,000');
  await page.getByLabel('Printer (optional)').fill('Quick Print Ltd');
  await page.getByLabel('Cost in £').fill('89.50');
  await page.getByRole('button', { name: 'Log print run' }).click();
  await expect(page.getByText('1 print run, £89.50 in all')).toBeVisible();
  await expectAccessible(page);

  // Two rounds; a round with no streets is refused.
  await page.getByRole('link', { name: 'Rounds', exact: true }).click();
  await expect(page.getByText('No rounds yet')).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Add a round' }).click();
  await page.getByLabel('Round name').fill('Elm Road');
  await page.getByLabel('Area (optional)').selectOption({ label: 'Riverside' });
  await page.getByLabel('Polling district (optional)').fill('ab');
  await page.getByRole('button', { name: 'Remove street 1' }).click();
  await page.getByRole('button', { name: 'Add round' }).click();
  await expect(page.getByText('A round needs at least one street')).toBeVisible();
  await page.getByRole('button', { name: 'Add a street' }).click();
  await page.getByLabel('Street 1', { exact: true }).fill('Oak Close');
  await page.getByLabel('Households on street 1').fill('40');
  await page.getByRole('button', { name: 'Add a street' }).click();
  await page.getByLabel('Street 2', { exact: true }).fill('Elm Road');
  await page.getByLabel('Households on street 2').fill('60');
  await page.getByLabel('Notes for street 2 (optional)').fill('odd numbers first');
  await page.getByRole('button', { name: 'Move street 2 up' }).click();
  await expect(page.getByLabel('Street 1', { exact: true })).toHaveValue('Elm Road');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Add round' }).click();
  await expect(page.getByRole('heading', { name: 'Elm Road' })).toBeVisible();
  await expect(page.getByText('Polling district AB · Riverside · 100 households · about 1 h 10 min')).toBeVisible();

  await page.getByLabel('Volunteer').selectOption({ label: 'Ann Walker' });
  await page.getByLabel('Planned date').fill(daysAgo(-2));
  await page.getByRole('button', { name: 'Assign round' }).click();
  await expect(page.getByRole('link', { name: 'Ann Walker' })).toBeVisible();
  await expectAccessible(page);
  const elmUrl = page.url();

  await page.getByRole('link', { name: 'Rounds', exact: true }).click();
  await page.getByRole('link', { name: 'Add a round' }).click();
  await page.getByLabel('Round name').fill('Station Road');
  await page.getByLabel('Area (optional)').selectOption({ label: 'Riverside' });
  await page.getByLabel('Polling district (optional)').fill('AC');
  await page.getByLabel('Street 1', { exact: true }).fill('Station Road');
  await page.getByLabel('Households on street 1').fill('150');
  await page.getByRole('button', { name: 'Add round' }).click();
  await expect(page.getByRole('heading', { name: 'Station Road' })).toBeVisible();
  await page.getByRole('link', { name: 'Rounds', exact: true }).click();
  await expect(page.getByRole('row', { name: /Elm Road/ })).toContainText('Ann Walker');
  await expectAccessible(page);

  // Drops: bad input says why and writes nothing; an over-count asks; a full and a partial drop.
  await page.getByRole('link', { name: 'Drops' }).click();
  await expect(page.getByText('No drops logged yet.')).toBeVisible();
  await page.getByLabel('Round', { exact: true }).selectOption({ label: 'Elm Road (AB)' });
  await page.getByLabel('Delivered by (optional)').selectOption({ label: 'Ann Walker' });
  await page.getByLabel('Date delivered').fill(daysAgo(6));
  await page.getByLabel('Copies delivered').fill('100');
  await page.getByRole('button', { name: 'Log drop' }).click();
  await expect(
    page.getByText(`The drop on ${formatDateLong(daysAgo(6))} is before the leaflet's first print run (${formatDateLong(daysAgo(5))}): no copies existed yet.`),
  ).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Date delivered').fill(daysAgo(2));
  await page.getByLabel('Copies delivered').fill('104');
  await page.getByRole('button', { name: 'Log drop' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('Round "Elm Road" has 100 households; this drop makes 104 copies, 4 more than its households. Log it anyway?');
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByText('No drops logged yet.')).toBeVisible();
  await page.getByLabel('Copies delivered').fill('100');
  await page.getByRole('button', { name: 'Log drop' }).click();
  await expect(page.getByText('Logged 100 of “Riverside Focus” on Elm Road.')).toBeVisible();

  await page.getByLabel('Round', { exact: true }).selectOption({ label: 'Station Road (AC)' });
  await page.getByLabel('Date delivered').fill(daysAgo(1));
  await page.getByLabel('Copies delivered').fill('90');
  await page.getByLabel('In part').check();
  await page.getByLabel('What is left').fill('the flats at the far end');
  await page.getByRole('button', { name: 'Log drop' }).click();
  await expect(page.getByText('Logged 90 of “Riverside Focus” on Station Road.')).toBeVisible();
  await expect(page.getByRole('row', { name: /Station Road/ })).toContainText('In part: the flats at the far end left');
  await expect(page.getByLabel('Leaflet', { exact: true })).toHaveAccessibleDescription('810 in stock');
  await expectAccessible(page);

  // Stock and coverage.
  await page.getByRole('link', { name: 'Leaflets', exact: true }).first().click();
  await expect(
    page
      .getByRole('row', { name: /Riverside Focus/ })
      .getByRole('cell')
      .nth(4),
  ).toHaveText('1,000');
  await expect(
    page
      .getByRole('row', { name: /Riverside Focus/ })
      .getByRole('cell')
      .nth(5),
  ).toHaveText('190');
  await expect(
    page
      .getByRole('row', { name: /Riverside Focus/ })
      .getByRole('cell')
      .nth(6),
  ).toHaveText('810');
  await page.getByRole('link', { name: 'Coverage' }).click();
  await expect(page.getByTestId('coverage-total')).toHaveText('190 of 250 (76%)');
  await expect(page.getByRole('row', { name: /^AB/ }).getByRole('cell')).toHaveText(['100', '100', '100%', '1 of 1']);
  await expect(page.getByRole('row', { name: /^AC/ }).getByRole('cell')).toHaveText(['150', '90', '60%', '0 of 1']);
  await expect(page.getByRole('img', { name: /Coverage by polling district: AB 100%, AC 60%/ })).toBeVisible();
  const notCovered = page.getByRole('region', { name: 'Rounds not yet covered' });
  await expect(notCovered.getByRole('row', { name: /Station Road/ }).getByRole('cell')).toHaveText(['Station Road', 'AC', '150', '60', 'Partly delivered']);
  await expect(notCovered.getByRole('row', { name: /Elm Road/ })).toHaveCount(0);
  await expect(notCovered.getByText('Station Road is not assigned to anyone.')).toBeVisible();
  await expect(notCovered.getByText(/1 round \(.*\) to deliver; 1 does not fit/)).toBeVisible();
  await expectAccessible(page);

  // The round sheet prints on A4 with a tick column.
  await page.goto(elmUrl);
  await page.getByRole('link', { name: 'Round sheet' }).click();
  await expect(page.getByRole('heading', { name: 'Round sheet: Elm Road' })).toBeVisible();
  const rows = page.locator('table.sheet tbody tr');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0).getByRole('cell')).toHaveText(['1', 'Elm Road', '60', 'odd numbers first', '']);
  await expect(rows.nth(1).getByRole('cell')).toHaveText(['2', 'Oak Close', '40', '', '']);
  await expect(page.getByRole('columnheader', { name: 'Done' })).toBeVisible();
  await expect(page.getByText('Ann Walker')).toBeVisible();
  await expectAccessible(page);
  await page.evaluate(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => void ((window as unknown as { printed: number }).printed += 1);
  });
  await page.getByRole('button', { name: 'Print' }).click();
  expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.sidebar')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Print' })).toBeHidden();
  await expect(page.locator('table.sheet')).toBeVisible();
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  await page.emulateMedia({ media: 'screen' });

  // Deleting the leaflet asks first, saying what goes with it.
  await page.getByRole('link', { name: 'Leaflets', exact: true }).first().click();
  await page.getByRole('link', { name: 'Riverside Focus' }).click();
  await page.getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByRole('dialog')).toContainText(
    'Deleting "Riverside Focus" also deletes its 1 print run and 2 drops (£89.50 of printing, which the treasury counts as spending).',
  );
  await expectAccessible(page);
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('heading', { name: 'Riverside Focus' })).toBeVisible();
});

test('a round takes its households from the register, and deleting it with drops asks first', async ({ page, app }) => {
  const call = async (method: string, input: unknown) => {
    const r = await app.call(method, input);
    expect(r.body.ok, JSON.stringify(r.body.error)).toBe(true);
    return r.body.value;
  };
  const election = await call('elections.create', { name: 'Borough 2099', type: 'local', pollingDay: '2099-05-07', nation: 'england' });
  const area = await call('areas.create', { name: 'Newtown', kind: 'ward', electorate: null, classification: null, nation: 'england' });
  const contest = await call('contests.create', { electionId: election.id, areaId: area.id, status: 'contesting' });
  const csv = [
    'Elector Number Prefix,Elector Number,Elector Number Suffix,Elector Markers,Elector Surname,Elector Forename,Address1,Address2,PostCode',
    'AA,1,,,Smith,John,1 Mill Lane,Newtown,AB1 2CD',
    'AA,2,,,Smith,Jane,1 Mill Lane,Newtown,AB1 2CD',
    'AA,3,,,Brown,Ann,3 Mill Lane,Newtown,AB1 2CD',
    'AA,4,,,Patel,Ravi,"Flat 2, 5 High Street",Newtown,AB1 3CD',
    'AA,5,,,Jones,Sam,"Flat 1, 5 High Street",Newtown,AB1 3CD',
    'AB,1,,,Okafor,Chidi,10 Park Road,Newtown,AB1 4CD',
  ].join('\r\n');
  const { fileId } = await call('uploads.begin', { name: 'register.csv', size: csv.length });
  await call('uploads.append', { fileId, text: csv });
  const preview = await call('register.importPreview', { fileId });
  const job = await call('register.importStart', { fileId, areaId: area.id, mapping: preview.mapping });
  await expect.poll(async () => (await call('jobs.get', { jobId: job.jobId })).state, { timeout: 30_000 }).toBe('done');
  const leaflet = await call('leaflets.create', { title: 'Newtown News', size: 'A5', contestIds: [contest.id], promoterName: 'Jo Bloggs' });
  await call('printRuns.create', { leafletId: leaflet.id, contestId: contest.id, printedOn: daysAgo(3), quantity: 100, costPence: 0 });

  await page.goto(`${app.origin}/#/rounds/new`);
  await page.getByLabel('Round name').fill('Mill Lane and High Street');
  await page.getByLabel('Area (optional)').selectOption({ label: 'Newtown' });
  await page.getByLabel('Polling district (optional)').fill('AA');
  await page.getByRole('button', { name: 'Take households from the register' }).click();
  await expect(page.getByText('Took households for 2 streets from the register.')).toBeVisible();
  await expect(page.getByLabel('Street 1', { exact: true })).toHaveValue('High Street');
  await expect(page.getByLabel('Households on street 1')).toHaveValue('2');
  await expect(page.getByLabel('Households on street 2')).toHaveValue('2');
  await expect(page.getByLabel('Street 2', { exact: true })).toHaveValue('Mill Lane');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Add round' }).click();
  await expect(page.getByRole('heading', { name: 'Mill Lane and High Street' })).toBeVisible();
  await expect(page.getByText('Polling district AA · Newtown · 4 households')).toBeVisible();
  const roundId = Number(/rounds\/(\d+)/.exec(page.url())![1]);

  await call('drops.create', { leafletId: leaflet.id, roundId, droppedOn: daysAgo(1), delivered: 4, complete: true });
  await page.goto(`${app.origin}/#/coverage?leaflet=${leaflet.id}`);
  await expect(page.getByTestId('coverage-total')).toHaveText('4 of 5 (80%)');
  await expect(page.getByRole('row', { name: /^AA/ }).getByRole('cell')).toHaveText(['4', '4', '100%', '1 of 1']);
  await expect(page.getByRole('row', { name: /^AB/ }).getByRole('cell')).toHaveText(['1', '0', '0%', '0 of 0']);
  await expectAccessible(page);

  await page.goto(`${app.origin}/#/rounds/${roundId}`);
  await page.getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByRole('dialog')).toContainText('Deleting round "Mill Lane and High Street" also deletes its 1 drop.');
  await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByText('No rounds yet')).toBeVisible();
  expect((await call('leaflets.get', { id: leaflet.id })).stock).toEqual({ printed: 100, delivered: 0, onHand: 100 });
});

/** A click as a person makes it: the button is pressed for a moment before it is let go. */
async function pressLikeAPerson(page: import('@playwright/test').Page, button: import('@playwright/test').Locator) {
  const box = (await button.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.waitForTimeout(150);
  await page.mouse.up();
}

test('Add round takes the first click straight from a field, and Home gives coverage against the whole contest', async ({ page, app }) => {
  const call = async (method: string, input: unknown) => {
    const r = await app.call(method, input);
    expect(r.body.ok, JSON.stringify(r.body.error)).toBe(true);
    return r.body.value;
  };
  const election = await call('elections.create', { name: 'Borough 2099', type: 'local', pollingDay: '2099-05-07', nation: 'england' });
  const area = await call('areas.create', { name: 'Riverside', kind: 'ward', electorate: 3800, classification: null, nation: 'england' });
  const contest = await call('contests.create', { electionId: election.id, areaId: area.id, status: 'contesting' });
  const leaflet = await call('leaflets.create', { title: 'Riverside Focus', size: 'A5', contestIds: [contest.id], promoterName: 'Jo Bloggs' });
  await call('printRuns.create', { leafletId: leaflet.id, contestId: contest.id, printedOn: daysAgo(3), quantity: 500, costPence: 0 });

  // Typing in a field above the button and pressing it at once: the press is not lost when that
  // field's message appears (or goes) and pushes the button, and every field's problem shows together.
  await page.goto(`${app.origin}/#/rounds/new`);
  await page.getByLabel('Area (optional)').selectOption({ label: 'Riverside' });
  await page.getByLabel('Your own time estimate in minutes (optional)').fill('90');
  await page.getByLabel('Street 1', { exact: true }).fill('Elm Road');
  await page.getByLabel('Households on street 1').fill('about 300');
  const addRound = page.getByRole('button', { name: 'Add round' });
  const where = await addRound.boundingBox();
  await page.getByLabel('Households on street 1').blur();
  await page.waitForTimeout(500); // longer than a person's press lasts
  expect(await addRound.boundingBox()).toEqual(where);
  await pressLikeAPerson(page, addRound);
  await expect(page.getByText('Round name is required')).toBeVisible();
  await expect(page.getByText('Households must be a number')).toBeVisible();
  await page.getByLabel('Round name').fill('Elm Road');
  await page.getByLabel('Households on street 1').fill('300');
  await pressLikeAPerson(page, page.getByRole('button', { name: 'Add round' }));
  await expect(page.getByRole('heading', { name: 'Elm Road' })).toBeVisible();
  const roundId = Number(/rounds\/(\d+)/.exec(page.url())![1]);

  // 300 households reached of the ward's 2,000 (3,800 electors at 1.9 a household), not of the round's 300.
  await call('drops.create', { leafletId: leaflet.id, roundId, droppedOn: daysAgo(1), delivered: 300, complete: true });
  await page.getByRole('link', { name: 'Home' }).click();
  const row = page.getByRole('row', { name: /Riverside/ });
  await expect(row.getByRole('listitem').filter({ hasText: 'Riverside Focus' })).toHaveText(
    'Riverside Focus · 15% of 2,000 households (estimated from the electorate)',
  );
  await expectAccessible(page);

  // Counted by hand in the planner, that count is the one used, and said so.
  await call('planner.save', { contestId: contest.id, householdsEntered: 2_400 });
  await page.reload();
  await expect(row.getByRole('listitem').filter({ hasText: 'Riverside Focus' })).toHaveText('Riverside Focus · 12.5% of 2,400 households (counted by hand)');
});
