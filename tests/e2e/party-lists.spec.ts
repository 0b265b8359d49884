import { expect, expectAccessible, test } from './fixtures.ts';

test('a small party stands one Senedd list of 3 names in one constituency: papers, deposit, limit, result and return', async ({ page, app }) => {
  const call = async (method: string, input: unknown) => {
    const r = await app.call(method, input);
    expect(r.body.ok, `${method}: ${JSON.stringify(r.body.error)}`).toBe(true);
    return r.body.value;
  };
  const election = await call('elections.create', { name: 'Senedd 2026', type: 'senedd', pollingDay: '2026-05-07', nation: 'wales' });
  const area = await call('areas.create', { name: 'Clwyd', kind: 'constituency', electorate: 140_000, nation: 'wales', classification: null });
  const contest = await call('contests.create', { electionId: election.id, areaId: area.id, status: 'contesting' });
  for (const name of ['Megan Jones', 'Dafydd Evans', 'Siân Roberts']) await call('candidates.create', { ballotName: name, homeAddress: 'Rhyl' });

  // The contest page offers to stand a list: a Senedd constituency is fought by closed lists.
  await page.goto(`${app.origin}/#/contests/${contest.id}`);
  const panel = page.getByRole('region', { name: 'Our party list' });
  await expect(panel).toContainText('Senedd constituency (closed party lists): 6 seats shared between the lists by their votes; a list holds 1 to 8 names.');
  await panel.getByLabel('Party name').fill('Plaid Fach');
  await panel.getByRole('button', { name: 'Stand a party list' }).click();
  await expect(page.getByRole('heading', { name: 'Plaid Fach list — Clwyd' })).toBeVisible();

  // Three names in ballot order, then Siân moved up to second.
  const add = page.getByRole('form', { name: 'Add a name to the list' });
  for (const name of ['Megan Jones', 'Dafydd Evans', 'Siân Roberts']) {
    await add.getByLabel('Candidate').selectOption({ label: name });
    await add.getByRole('button', { name: 'Add to the list' }).click();
    await expect(add.getByRole('status')).toContainText(`Added ${name}`);
  }
  await page.getByRole('button', { name: 'Move Siân Roberts up' }).click();
  const names = page.getByRole('region', { name: 'Names on the list' });
  await expect(names.getByRole('row').nth(2)).toContainText('2Siân Roberts');
  await expect(names.getByRole('row').nth(3)).toContainText('3Dafydd Evans');
  await expect(names).toContainText('3 of at most 8');
  await expectAccessible(page);

  // Each name's consent and home address form; then the list's own papers.
  for (const name of ['Megan Jones', 'Siân Roberts', 'Dafydd Evans']) {
    const papers = page.getByRole('form', { name: `Papers of ${name}` });
    await papers.getByLabel('Consent signed on').fill('2026-03-20');
    await papers.getByLabel('Witnessed by').fill('Gwen Witness');
    await papers.getByLabel('Home address form received').fill('2026-03-20');
    await papers.getByRole('button', { name: 'Save papers' }).click();
    await expect(papers.getByRole('status')).toHaveText('Saved.');
  }
  const papersPanel = page.getByRole('region', { name: 'The list’s papers' });
  await expect(papersPanel).toContainText('One deposit for the whole list: £500');
  for (const [item, state] of [
    ['Party nomination paper', 'done'],
    ['Certificate of authorisation', 'done'],
    ['Emblem request', 'not-needed'],
    ['Election agent', 'not-needed'],
  ]) {
    const form = papersPanel.getByRole('form', { name: `Update ${item}` });
    await form.getByLabel('State').selectOption(state);
    if (state === 'done') await form.getByLabel('Done on').fill('2026-04-01');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect(papersPanel.getByRole('row', { name: new RegExp(item) })).toContainText(state === 'done' ? 'Done' : 'Not needed');
  }
  // The deposit is ticked by the treasury's record of it, not by hand: one deposit for the list.
  const depositRow = papersPanel.getByRole('row', { name: /Deposit/ });
  await expect(depositRow).toContainText('To do');
  await depositRow.getByRole('link', { name: 'Record the payment in the treasury' }).click();
  const depositForm = page.getByRole('form', { name: 'Record the deposit' });
  await expect(depositForm.getByLabel('Deposit amount')).toHaveValue('500.00');
  await depositForm.getByLabel('Paid on').fill('2026-04-01');
  await depositForm.getByLabel('Receipt number').fill('RO-26');
  await depositForm.getByRole('button', { name: 'Record the deposit' }).click();
  await expect(page.getByText(/^Paid £500\.00 on .* by banker's draft, receipt RO-26\.$/)).toBeVisible();
  await page.goBack();
  await expect(depositRow).toContainText('Done');
  await expect(page.getByText('All papers complete.')).toBeVisible();
  const status = page.getByRole('form', { name: 'Change status' });
  await status.getByLabel('New status').selectOption('papers-in-progress');
  await status.getByLabel('Date of the change').fill('2026-03-20');
  await status.getByRole('button', { name: 'Change status' }).click();
  await status.getByLabel('New status').selectOption('delivered');
  await status.getByLabel('Date of the change').fill('2026-04-02');
  await status.getByRole('button', { name: 'Change status' }).click();
  await expect(page.getByRole('list', { name: 'Status history' })).toContainText('Delivered');
  await expectAccessible(page);

  // Money: one deposit for the list, and the party's limit from the names on it (unconfirmed).
  await page.getByRole('link', { name: 'money: deposit, spending limit and the return' }).click();
  await expect(page.getByText('£52,500 + 2 × £3,500 for a list of 3 names = £59,500')).toBeVisible();
  const limitSource = page.getByText(/Senedd party list \(party spending in the constituency\): set by Welsh Government written statement .*; checked/);
  await expect(limitSource).toBeVisible();
  await expect(limitSource).toContainText('unconfirmed default');
  await expect(page.getByText(/^Paid £500\.00 on .* by banker's draft, receipt RO-26\.$/)).toBeVisible();
  await expectAccessible(page);

  // The result by list: our list's row is there already; others are typed in. Seats by D'Hondt.
  await page.goto(`${app.origin}/#/contests/${contest.id}/result`);
  await page.getByLabel('Declared on').fill('2026-05-08');
  await expect(page.getByLabel('Candidate 1 name')).toHaveValue('Plaid Fach');
  await page.getByLabel('Candidate 1 votes').fill('19000');
  const others: [string, string, string][] = [
    ['Big Party', 'Big Party', '41000'],
    ['Middle Party', 'Middle Party', '30000'],
    ['Ivor Independent', '', '14000'],
  ];
  for (let row = 3; row <= others.length + 1; row++) {
    await page.getByRole('button', { name: 'Add another candidate' }).click();
    await expect(page.getByLabel(`Candidate ${row} name`)).toBeVisible();
  }
  for (const [i, [name, party, votes]] of others.entries()) {
    await page.getByLabel(`Candidate ${i + 2} name`).fill(name);
    await page.getByLabel(`Candidate ${i + 2} party`).fill(party);
    await page.getByLabel(`Candidate ${i + 2} votes`).fill(votes);
  }
  // The declaration date last, as on the paper: leaving a row's field re-checks the rows first.
  await page.getByLabel('Declared on').fill('2026-05-08');
  await page.getByRole('button', { name: 'Save result' }).click();
  await expect(page.getByRole('heading', { name: 'Declared Fri 8 May 2026' })).toBeVisible();
  await expect(page.getByRole('row', { name: /Plaid Fach \(our list\)/ })).toContainText('1Elected');
  await expect(page.getByRole('row', { name: /Big Party/ }).first()).toContainText('2Elected');
  await expect(page.getByText("6 seats shared by the D'Hondt method from the votes.")).toBeVisible();
  await expectAccessible(page);

  // The list page: seats won and who is elected; the deposit comes back (more than 5%).
  await page.goto(`${app.origin}/#/contests/${contest.id}`);
  await page.getByRole('link', { name: 'Plaid Fach list' }).click();
  await expect(page.getByText('Seats won: 1 of 6 — elected: Megan Jones.')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Papers, deposit and result' })).toContainText('returned');

  // The return: deposit returned, with the post-poll deadlines counted from the declaration.
  await page.getByRole('link', { name: 'money: deposit, spending limit and the return' }).click();
  const depositPanel = page.getByRole('region', { name: 'Deposit' });
  await expect(depositPanel).toContainText('Plaid Fach: returned: more than 5% of the valid votes');
  await expect(page.getByRole('table', { name: 'Post-poll deadlines' })).toContainText('Return of expenses due');
  await page.getByRole('link', { name: 'The return of expenses' }).click();
  await expect(page.getByRole('heading', { name: 'Nil return' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Deposit' })).toContainText('Returned');
  await expectAccessible(page);
});
