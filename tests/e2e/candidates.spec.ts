import { seedElectorsBeside } from '../helpers/electors.ts';
import { expect, expectAccessible, test } from './fixtures.ts';

const REGISTER: [string, string][] = [
  ['AB-1', 'SMITH, John'],
  ['AB-2', 'Jane Smith'],
  ['AB-3', 'Ann Brown'],
  ['AB-4', 'Tom Green'],
  ['AB-5', 'Ravi Patel'],
  ['AB-6', 'Sam Jones'],
  ['AB-7', 'Chidi Okafor'],
  ['AB-8', 'Ada Okafor'],
  ['AB-9/1', 'David Lee'],
  ['AB-10', 'Mary Evans'],
];

test('a candidate’s papers: subscribers checked against the register, checklist, printed pack, result and forfeited deposit', async ({
  page,
  app,
}, testInfo) => {
  test.slow(); // the whole journey of one candidacy, from the first subscriber to the result
  const election = (await app.call('elections.create', { name: 'General election 2024', type: 'uk-parliament', pollingDay: '2024-07-04', nation: 'england' }))
    .body.value;
  const area = (await app.call('areas.create', { name: 'Hyndburn', kind: 'constituency', electorate: 70_000, classification: 'county', nation: 'england' }))
    .body.value;
  const contest = (await app.call('contests.create', { electionId: election.id, areaId: area.id, status: 'contesting' })).body.value;
  await seedElectorsBeside(
    app,
    REGISTER.map(([n, name]) => [area.id, n, name]),
  );

  // A new candidate, put forward in the contest.
  await page.getByRole('link', { name: 'Candidates' }).click();
  await expect(page.getByText('No candidates yet')).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: 'New candidate' }).first().click();
  await page.getByLabel('Name as on the ballot paper').fill('GREEN, Alice Mary');
  await page.getByLabel('Home address').fill('1 High Street, Accrington BB5 1AA');
  await page.getByLabel('Party description on the ballot (optional)').fill('Small Party – Local First');
  await page.getByLabel('Email (optional)').fill('not-an-email');
  await page.getByRole('button', { name: 'Add candidate' }).click();
  await expect(page.getByText('Write an email address like name@example.org')).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Email (optional)').fill('alice@example.org');
  await page.getByRole('button', { name: 'Add candidate' }).click();
  await expect(page.getByRole('heading', { name: 'GREEN, Alice Mary' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Candidates' }).click();
  await expect(page.getByRole('row', { name: /GREEN, Alice Mary Small Party – Local First 0/ })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: 'GREEN, Alice Mary' }).click();
  await page.getByLabel('Contest to stand in').selectOption({ label: 'Hyndburn — General election 2024' });
  await page.getByRole('button', { name: 'Add to contest' }).click();
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Hyndburn' }).click();
  await expect(page.getByRole('heading', { name: 'GREEN, Alice Mary — Hyndburn' })).toBeVisible();
  const countBar = page.getByLabel('Subscriber count');
  await expect(countBar).toContainText('0 of 10');
  await expect(countBar).toContainText('Checked against the register');
  // Every item's deadline comes from the contest's timetable: 19 working days before polling day, 4pm.
  await expect(page.getByRole('region', { name: 'Papers' })).toContainText('Close of nominations: Fri 7 Jun 2024, 4pm');
  await expect(page.getByRole('region', { name: 'Nomination checklist' }).getByText('Fri 7 Jun 2024, 4pm')).toHaveCount(7);
  await expectAccessible(page);

  // Papers cannot be marked delivered while the form is empty and nothing is done.
  const status = page.getByRole('form', { name: 'Change status' });
  await status.getByLabel('New status').selectOption('papers-in-progress');
  await status.getByLabel('Date of the change').fill('2024-05-20');
  await status.getByRole('button', { name: 'Change status' }).click();
  await expect(page.getByRole('list', { name: 'Status history' })).toContainText('Papers in progress');
  await status.getByLabel('New status').selectOption('delivered');
  await status.getByLabel('Date of the change').fill('2024-05-21');
  await status.getByRole('button', { name: 'Change status' }).click();
  await expect(
    status.getByText(
      'The papers cannot be marked delivered yet: the nomination form has 0 of the 10 subscribers it needs; not yet done: nomination form, home address form, consent to nomination',
    ),
  ).toBeVisible();
  await expect(page.getByRole('list', { name: 'Status history' })).not.toContainText('Delivered');

  // Ten subscribers typed from the paper, pressing Enter after each; a duplicate and one not on the register are refused.
  const entries: [string, string][] = [
    ['ab1', 'John Smith'],
    ['AB-2', 'Jane Smith'],
    ['AB-3', 'Ann Brown'],
    ['AB-4', 'Tom Green'],
    ['AB-3', 'Ann Brown'],
    ['AB-5', 'Ravi Patel'],
    ['ZZ-99', 'Nobody Here'],
    ['AB-6', 'Sam Jones'],
    ['AB-7', 'Chidi Okafor'],
    ['AB-8', 'Ada Okafor'],
    ['AB-9.1', 'David Lee'],
    ['AB-10', 'Mary Evans'],
  ];
  const number = page.getByLabel('Elector number');
  const name = page.getByLabel('Full name');
  for (const [n, who] of entries) {
    await number.fill(n);
    await name.fill(who);
    await name.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: new RegExp(`^(Added|Refused) ${n === 'ab1' ? 'AB-1 ' : n.replace('.', '/')}`) })).toBeVisible();
    await expect(number).toBeFocused();
  }
  const refused = page.getByRole('list', { name: 'Refused entries' });
  await expect(refused.getByRole('listitem')).toHaveCount(2);
  await expect(refused).toContainText('AB-3 Ann Brown: AB-3 is already a subscriber on this form (number 3, assentor)');
  await expect(refused).toContainText('ZZ-99 Nobody Here: ZZ-99 is not on the register');
  await expect(countBar).toContainText('10 of 10');
  await expect(countBar).toContainText('Proposer ✓ · Seconder ✓');
  await expect(page.getByRole('row', { name: /^1 Proposer AB-1 John Smith/ })).toBeVisible();
  await expect(page.getByRole('row', { name: /^10 Assentor AB-10 Mary Evans/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add subscriber' })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Add subscriber' })).toHaveAccessibleDescription(
    'All 10 subscribers are entered: only the first 10 count, so remove one to add another.',
  );
  await expectAccessible(page);

  // The checklist: consent signed and witnessed (a date in the future is refused; saving the date ticks the consent),
  // every paper done, the deposit ticked by the treasury's record of it, the candidate as own agent.
  await page.getByLabel('Consent signed on').fill('2099-01-01');
  await page.getByLabel('Consent witnessed by').fill('Wendy Witness');
  await page.getByRole('button', { name: 'Save consent and agent' }).click();
  await expect(page.getByText('The consent is dated Thu 1 Jan 2099, which is in the future: enter the date written on the signed form')).toBeVisible();
  await page.getByLabel('Consent signed on').fill('2024-06-01');
  await page.getByRole('button', { name: 'Save consent and agent' }).click();
  await expect(page.getByText('Saved.')).toBeVisible();
  const checklistRow = (label: string) => page.getByRole('region', { name: 'Nomination checklist' }).getByRole('row', { name: new RegExp(`^${label}`) });
  await expect(checklistRow('Consent to nomination')).toContainText('Done');
  const item = async (label: string, state: string) => {
    const form = page.getByRole('form', { name: `Update ${label}` });
    await form.getByLabel('State').selectOption(state);
    if (state === 'done') await form.getByLabel('Done on').fill('2024-06-02');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect(form.getByRole('alert')).toHaveCount(0);
  };
  await item('Nomination form', 'done');
  await item('Home address form', 'done');
  await item('Certificate of authorisation', 'done');
  await item('Emblem request', 'done');
  await item('Election agent', 'not-needed');
  await expect(checklistRow('Deposit')).toContainText('To do');
  await checklistRow('Deposit').getByRole('link', { name: 'Record the payment in the treasury' }).click();
  // The refused status change is still chosen in its form: leaving the page asks first.
  await page.getByRole('dialog', { name: 'Leave without saving?' }).getByRole('button', { name: 'Leave without saving' }).click();
  const depositForm = page.getByRole('form', { name: 'Record the deposit' });
  await depositForm.getByLabel('Deposit amount').fill('450');
  await depositForm.getByLabel('Paid on').fill('2024-06-03');
  await depositForm.getByRole('button', { name: 'Record the deposit' }).click();
  await expect(
    depositForm.getByText(/^£450\.00 is £50\.00 short of the £500 deposit for this election: the returning officer will not accept less/),
  ).toBeVisible();
  await depositForm.getByLabel('Deposit amount').fill('500');
  await depositForm.getByRole('button', { name: 'Record the deposit' }).click();
  await expect(page.getByText(/^Paid £500\.00 on /)).toBeVisible();
  await page.goBack();
  await expect(checklistRow('Deposit')).toContainText('Done');
  await expect(checklistRow('Deposit')).toContainText('3 Jun 2024');
  await expect(page.getByText('All papers complete.')).toBeVisible();
  await expectAccessible(page);
  if (process.env.HUSTINGS_SCREENSHOTS) await page.screenshot({ path: `${process.env.HUSTINGS_SCREENSHOTS}/candidacy.png`, fullPage: true });

  // Status: delivered, then validly nominated; a delivery before the consent date is refused.
  await status.getByLabel('New status').selectOption('delivered');
  await status.getByLabel('Date of the change').fill('2024-05-30');
  await status.getByRole('button', { name: 'Change status' }).click();
  await expect(status.getByText('The consent is dated Sat 1 Jun 2024, after this delivery date: check both dates')).toBeVisible();
  await status.getByLabel('Date of the change').fill('2024-06-03');
  await status.getByRole('button', { name: 'Change status' }).click();
  await expect(page.getByRole('list', { name: 'Status history' })).toContainText('Delivered');
  await status.getByLabel('New status').selectOption('validly-nominated');
  await status.getByLabel('Date of the change').fill('2024-06-04');
  await status.getByRole('button', { name: 'Change status' }).click();
  await expect(page.getByRole('list', { name: 'Status history' })).toContainText('Validly nominated');
  await expectAccessible(page);

  // The printable pack, as it prints on A4.
  await page.getByRole('link', { name: 'Nomination pack (print)' }).click();
  await expect(page.getByRole('heading', { name: 'Nomination pack: GREEN, Alice Mary' })).toBeVisible();
  await expect(page.getByRole('row', { name: /^9 Assentor AB-9\/1 David Lee/ })).toBeVisible();
  await expect(
    page.getByRole('row', { name: /Consent to nomination .*Signed Sat 1 Jun 2024, witnessed by Wendy Witness Fri 7 Jun 2024, 4pm Done/ }),
  ).toBeVisible();
  await expectAccessible(page);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Print' })).toBeHidden();
  await page.screenshot({ path: testInfo.outputPath('nomination-pack-print.png'), fullPage: true });
  if (process.env.HUSTINGS_SCREENSHOTS) {
    await page.screenshot({ path: `${process.env.HUSTINGS_SCREENSHOTS}/nomination-pack-print.png`, fullPage: true });
    await page.pdf({ path: `${process.env.HUSTINGS_SCREENSHOTS}/nomination-pack.pdf`, format: 'A4', preferCSSPageSize: true });
  }
  await page.emulateMedia({ media: 'screen' });

  // The result: votes above the electorate are refused; at 4.8% our deposit is forfeited.
  await page.goto(`${app.origin}/#/contests/${contest.id}`);
  await expect(page.getByRole('region', { name: 'Our candidates' })).toContainText('Validly nominated');
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Result', exact: true }).click();
  await expect(page.getByText('No result recorded yet')).toBeVisible();
  await expectAccessible(page);
  await expect(page.getByLabel('Electorate')).toHaveValue('70000');
  await expect(page.getByLabel('Candidate 1 party')).toHaveValue('Small Party – Local First');
  await page.getByLabel('Declared on').fill('2024-07-05');
  await page.getByLabel('Candidate 1 votes').fill('1500');
  await page.getByLabel('Candidate 2 name').fill('Big Party Person');
  await page.getByLabel('Candidate 2 party').fill('Big Party');
  await page.getByLabel('Candidate 2 votes').fill('20000');
  await page.getByLabel('Elected (candidate 2)').check();
  await page.getByRole('button', { name: 'Add another candidate' }).click();
  await page.getByLabel('Candidate 3 name').fill('Other Party Person');
  await page.getByLabel('Candidate 3 votes').fill('10000');
  await page.getByLabel('Rejected ballots (optional)').fill('120');
  await page.getByLabel('Electorate').fill('30000');
  await page.getByRole('button', { name: 'Save result' }).click();
  await expect(page.getByText(/The votes add up to 31500, more than the electorate of 30000/).first()).toBeVisible();
  await expect(page.getByText('No result recorded yet')).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Electorate').fill('70000');
  await page.getByRole('button', { name: 'Save result' }).click();
  const ours = page.getByRole('row', { name: /GREEN, Alice Mary \(ours\)/ });
  await expect(ours).toContainText('4.8%');
  await expect(ours).toContainText('Deposit forfeited (£500): not more than 5% of the valid votes');
  await expect(page.getByText('45.2% (31,620 ballot papers)')).toBeVisible();
  await expectAccessible(page);
  if (process.env.HUSTINGS_SCREENSHOTS) await page.screenshot({ path: `${process.env.HUSTINGS_SCREENSHOTS}/result.png`, fullPage: true });
  await page.goto(`${app.origin}/#/candidacies/${(await app.call('candidacies.list', { contestId: contest.id })).body.value[0].id}`);
  await expect(page.getByRole('region', { name: 'Papers' })).toContainText('Deposit forfeited (£500)');
});

test('a result that cannot be true is refused: the fewest votes elected, a declaration in the future', async ({ page, app }) => {
  const election = (await app.call('elections.create', { name: 'General election 2024', type: 'uk-parliament', pollingDay: '2024-07-04', nation: 'england' }))
    .body.value;
  const area = (await app.call('areas.create', { name: 'Hyndburn', kind: 'constituency', electorate: 70_000, classification: 'county', nation: 'england' }))
    .body.value;
  const contest = (await app.call('contests.create', { electionId: election.id, areaId: area.id, status: 'contesting' })).body.value;
  const candidate = (await app.call('candidates.create', { ballotName: 'Alice Green' })).body.value;
  await app.call('candidacies.create', { candidateId: candidate.id, contestId: contest.id });

  await page.goto(`${app.origin}/#/contests/${contest.id}/result`);
  await page.getByLabel('Declared on').fill('2034-07-05');
  await page.getByLabel('Candidate 1 votes').fill('1500');
  await page.getByLabel('Elected (candidate 1)').check();
  await page.getByLabel('Candidate 2 name').fill('Big Party Person');
  await page.getByLabel('Candidate 2 votes').fill('20000');
  await page.getByRole('button', { name: 'Save result' }).click();
  await expect(page.getByText('Wed 5 Jul 2034 is in the future: enter the date the returning officer declared the result')).toBeVisible();
  await expect(
    page.getByText(
      'Alice Green is marked elected with 1500 votes, fewer than Big Party Person (20000), who is not: the candidates with the most votes are elected',
    ),
  ).toBeVisible();
  await expect(page.getByText('No result recorded yet')).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel('Declared on').fill('2024-07-05');
  await page.getByLabel('Elected (candidate 1)').uncheck();
  await page.getByLabel('Elected (candidate 2)').check();
  await page.getByRole('button', { name: 'Save result' }).click();
  await expect(page.getByRole('row', { name: /Alice Green \(ours\)/ })).toContainText('Deposit returned (£500): more than 5% of the valid votes');
});
