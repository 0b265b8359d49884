import { expect, expectAccessible, test } from './fixtures.ts';

const REGISTER = [
  'Elector Number Prefix,Elector Number,Elector Number Suffix,Elector Markers,Elector Surname,Elector Forename,Address1,Address2,PostCode',
  'AA,1,,,Smith,John,1 Mill Lane,Newtown,AB1 2CD',
  'AA,2,,,Smith,Jane,1 Mill Lane,Newtown,AB1 2CD',
  'AB,1,,,Okafor,Chidi,10 Park Road,Newtown,AB1 4CD',
].join('\r\n');

test('a coordinator assigns a canvasser to a polling district, is told when it is done already, and removes it', async ({ page, app }) => {
  const call = async (method: string, input: unknown) => {
    const r = await app.call(method, input);
    expect(r.body.ok, `${method}: ${JSON.stringify(r.body.error)}`).toBe(true);
    return r.body.value;
  };
  const area = await call('areas.create', { name: 'Newtown East', kind: 'ward', nation: 'england', electorate: null, classification: null });
  const { fileId } = await call('uploads.begin', { name: 'register.csv', size: Buffer.byteLength(REGISTER) });
  await call('uploads.append', { fileId, text: REGISTER });
  const preview = await call('register.importPreview', { fileId });
  const job = await call('register.importStart', { fileId, areaId: area.id, mapping: preview.mapping });
  await expect.poll(async () => (await call('jobs.get', { jobId: job.jobId })).state, { timeout: 30_000 }).toBe('done');

  await page.goto(`${app.origin}/#/canvass`);
  await page.getByRole('link', { name: 'Canvassers’ districts' }).click();
  await expect(page.getByRole('heading', { name: 'Canvassers’ districts', level: 1 })).toBeVisible();
  const panel = page.getByRole('main');
  await expect(panel.getByText('No canvasser is assigned yet.')).toBeVisible();

  // Nothing typed: the name is asked for beside its field.
  await panel.getByRole('button', { name: 'Assign' }).click();
  await expect(panel.getByText('The canvasser’s name is required')).toBeVisible();

  await panel.getByLabel('Canvasser').fill('Sam Canvasser');
  await panel.getByLabel('Area').selectOption({ label: 'Newtown East' });
  await panel.getByLabel('Polling district').selectOption('AA');
  await panel.getByRole('button', { name: 'Assign' }).click();
  const row = panel.getByRole('row', { name: /Sam Canvasser/ });
  await expect(row).toContainText('Newtown East');
  await expect(row).toContainText('AA');
  await expect(panel.getByLabel('Canvasser')).toHaveValue('');

  // The same again is refused, saying so beside the name.
  await panel.getByLabel('Canvasser').fill('Sam Canvasser');
  await panel.getByLabel('Polling district').selectOption('AA');
  await panel.getByRole('button', { name: 'Assign' }).click();
  await expect(panel.getByText('Already assigned to AA')).toBeVisible();
  await expect(panel.getByRole('row', { name: /Sam Canvasser/ })).toHaveCount(1);

  await expectAccessible(page);
  await page.screenshot({ path: '/tmp/scope-assignments.png', fullPage: true });

  await panel.getByRole('button', { name: 'Remove Sam Canvasser from AA' }).click();
  await expect(panel.getByText('No canvasser is assigned yet.')).toBeVisible();
  const audit = (await call('audit.list', { entity: 'canvass_assignment' })) as { summary: string }[];
  expect(audit.map((a) => a.summary)).toEqual([
    'Took back Sam Canvasser’s assignment to polling district AA of Newtown East',
    'Assigned Sam Canvasser to canvass polling district AA of Newtown East',
  ]);
});
