import { readFileSync } from 'node:fs';
import { parseIcs } from '../../shared/domain/ics.ts';
import { expect, expectAccessible, test } from './fixtures.ts';

/** A date relative to the real today (the server counts down from it). */
function daysFromToday(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

test('a coordinator sees the timetable, adds a relative task that moves with polling day, and exports the deadlines', async ({ page, app }) => {
  await page.getByRole('link', { name: 'Create an election' }).click();
  await page.getByLabel('Name').fill('Council elections 2027');
  await page.getByLabel('Type of election').selectOption('local');
  await page.getByLabel('Nation').selectOption('england');
  await page.getByLabel('Polling day').fill('2027-05-06');
  await page.getByRole('button', { name: 'Create election' }).click();
  await expect(page.getByRole('heading', { name: 'Council elections 2027' })).toBeVisible();

  // The statutory timetable, with times, countdowns and sources
  const timetable = page.getByRole('region', { name: 'Timetable' });
  const close = timetable.getByRole('row', { name: /Close of nominations/ });
  await expect(close).toContainText('Thu 8 Apr 2027');
  await expect(close).toContainText('4pm');
  await expect(close).toContainText('working days');
  await expect(close).toContainText('19 working days before polling day, 4pm');
  await expect(timetable.getByRole('row', { name: /Notice of election/ })).toContainText('Wed 31 Mar 2027');
  await expect(timetable.getByRole('row', { name: /Voter Authority Certificate/ })).toContainText('Tue 27 Apr 2027');
  await close.getByText('19 working days before polling day, 4pm').click();
  await expect(close).toContainText('Local Elections (Principal Areas) (England and Wales) Rules 2006');
  await expectAccessible(page);

  // A task 3 working days before close of nominations
  const tasks = page.getByRole('region', { name: 'Tasks' });
  await expect(tasks.getByText('No tasks yet.')).toBeVisible();
  await tasks.getByLabel('Task', { exact: true }).fill('Collect subscribers');
  await tasks.getByLabel('Assignee (optional)').fill('Sam');
  await tasks.getByLabel('Number of days').fill('3');
  await tasks.getByLabel('Counted in').selectOption('working');
  await tasks.getByLabel('Before or after').selectOption('before');
  await tasks.getByLabel('Milestone', { exact: true }).selectOption('close_of_nominations');
  await tasks.getByRole('button', { name: 'Add task' }).click();
  const task = tasks.getByRole('row', { name: /Collect subscribers/ });
  await expect(task).toContainText('Mon 5 Apr 2027');
  await expect(task).toContainText('3 working days before close of nominations');
  await expect(task).toContainText('Sam');
  await expectAccessible(page);

  // Move polling day a week later: the timetable and the task move with it
  await page.getByRole('button', { name: 'Edit' }).click();
  await page.getByLabel('Polling day').fill('2027-05-13');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(close).toContainText('Thu 15 Apr 2027');
  await expect(task).toContainText('Mon 12 Apr 2027');

  // Set a date by hand: shown as such, with the computed date beside it
  await timetable.getByRole('button', { name: 'Change date of Notice of election' }).click();
  await timetable.getByLabel('New date').fill('2027-04-06');
  await timetable.getByLabel('Reason (optional)').fill('Returning officer’s notice');
  await timetable.getByRole('button', { name: 'Save date' }).click();
  const notice = timetable.getByRole('row', { name: /Notice of election/ });
  await expect(notice).toContainText('Tue 6 Apr 2027');
  await expect(notice).toContainText('Date set by hand');
  await expect(notice).toContainText('Computed: Wed 7 Apr 2027 · Returning officer’s notice');
  await expectAccessible(page);

  // Deadlines across everything. The 2027 dates may have passed when this runs, so show past ones;
  // overdue and due-this-week marks come from tasks dated relative to the real today.
  const e = (await app.call('elections.list', {})).body.value[0];
  await app.call('tasks.create', { electionId: e.id, title: 'Book the hall', dueKind: 'fixed', dueDate: daysFromToday(-10) });
  await app.call('tasks.create', { electionId: e.id, title: 'Print poll cards', dueKind: 'fixed', dueDate: daysFromToday(2) });
  await page.getByRole('link', { name: 'Deadlines' }).click();
  await expect(page.getByRole('heading', { name: 'Deadlines' })).toBeVisible();
  const deadlines = page.getByRole('table', { name: 'Deadlines, soonest first' });
  await expect(deadlines.getByRole('row', { name: /Book the hall/ })).toContainText('Overdue');
  await expect(deadlines.getByRole('row', { name: /Print poll cards/ })).toContainText('Due this week');
  await page.getByLabel('Show deadlines that have passed').check();
  await expect(deadlines.getByRole('row', { name: /Collect subscribers/ })).toContainText('Mon 12 Apr 2027');
  await expect(deadlines.getByRole('row', { name: /Notice of election/ })).toContainText('Tue 6 Apr 2027');
  await expect(deadlines.getByRole('row', { name: /Notice of election/ })).toContainText('Date set by hand');
  await page.getByLabel('Kind').selectOption('task');
  await expect(deadlines.getByRole('row')).toHaveCount(4);
  await page.getByLabel('Kind').selectOption('');
  await expectAccessible(page);

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export to calendar (.ics)' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('hustings-deadlines.ics');
  const text = readFileSync((await download.path())!, 'utf8');
  expect(text).toContain('\r\n');
  const calendar = parseIcs(text);
  const events = new Map(calendar.events.map((e) => [e.summary, e]));
  expect(events.get('Collect subscribers — Council elections 2027')?.date).toBe('2027-04-12');
  expect(events.get('Close of nominations (and withdrawals), 4pm — Council elections 2027')?.date).toBe('2027-04-15');
  expect(events.get('Polling day, 10pm — Council elections 2027')?.date).toBe('2027-05-13');
  expect(new Set(calendar.events.map((e) => e.uid)).size).toBe(calendar.events.length);

  // Home shows the next five (an election a year and more ahead guarantees five are to come)
  await app.call('elections.create', { name: 'Mayor 2028', type: 'mayor', pollingDay: daysFromToday(400), nation: 'england' });
  await page.getByRole('link', { name: 'Home' }).click();
  const next = page.getByRole('table', { name: 'The next five deadlines' });
  await expect(next.getByRole('row')).toHaveCount(6);
  await expect(next.getByRole('row', { name: /Book the hall/ })).toHaveCount(1); // overdue tasks stay in view
  await expectAccessible(page);

  await page.getByRole('link', { name: 'Tasks' }).click();
  await expect(page.getByRole('row', { name: /Collect subscribers/ })).toContainText('Mon 12 Apr 2027');
  await page.getByRole('button', { name: 'Change task Collect subscribers' }).click();
  const change = page.getByRole('form', { name: /Change “Collect subscribers”/ });
  await change.getByLabel('Number of days').fill('5');
  await change.getByRole('button', { name: 'Save task' }).click();
  await expect(change).toBeHidden();
  await expect(page.getByRole('row', { name: /Collect subscribers/ })).toContainText('Thu 8 Apr 2027');
  await expect(page.getByRole('row', { name: /Collect subscribers/ })).toContainText('5 working days before close of nominations');
  const done = page.getByRole('checkbox', { name: 'Collect subscribers: done' });
  await done.click(); // saved at once; the box shows the saved state
  await expect(done).toBeChecked();
  await expect(page.getByRole('row', { name: /Collect subscribers/ })).toContainText('Done');
  await expectAccessible(page);
});

test('holidays: a day of mourning moves the timetable, and elections beyond the data are flagged', async ({ page, app }) => {
  const e = await app.call('elections.create', { name: 'General election 2029', type: 'uk-parliament', pollingDay: '2029-05-03', nation: 'england' });
  expect(e.status).toBe(200);
  await app.call('elections.create', { name: 'By-election 2027', type: 'local', pollingDay: '2027-07-15', nation: 'england' });

  await page.getByRole('link', { name: 'Holidays' }).click();
  await expect(page.getByRole('heading', { name: 'Holidays', exact: true })).toBeVisible();
  await expect(page.getByText('from Sun 1 Jan 2012 to Sun 31 Dec 2028')).toBeVisible();
  const beyond = page.getByRole('list', { name: 'Elections beyond the bank-holiday data' });
  await expect(beyond).toContainText('General election 2029');
  await expect(beyond).not.toContainText('By-election 2027');
  await expect(page.getByText('None yet.')).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel('Date').fill('2027-06-30');
  await page.getByLabel('Name of the day').fill('State funeral');
  await page.getByLabel('Kind').selectOption('mourning');
  await page.getByLabel('Applies to').selectOption('all');
  await page.getByRole('button', { name: 'Add day' }).click();
  await expect(page.getByRole('row', { name: /State funeral/ })).toContainText('Day of mourning');
  await page.getByLabel('Date').fill('2027-06-30');
  await page.getByLabel('Name of the day').fill('Twice');
  await page.getByRole('button', { name: 'Add day' }).click();
  await expect(page.getByRole('alert')).toHaveText('Already added for this part of the UK');
  await expectAccessible(page);

  // The refused day is still in the form: leaving asks first.
  await page.getByRole('link', { name: 'Elections', exact: true }).click();
  await page.getByRole('dialog', { name: 'Leave without saving?' }).getByRole('button', { name: 'Leave without saving' }).click();
  await page.getByRole('link', { name: 'By-election 2027' }).click();
  // 12 working days before Thu 15 Jul 2027, skipping Wed 30 Jun: Mon 28 Jun (not Tue 29 Jun)
  await expect(page.getByRole('row', { name: /Last day to register/ })).toContainText('Mon 28 Jun 2027');
  await page.getByRole('link', { name: 'Elections', exact: true }).click();
  await page.getByRole('link', { name: 'General election 2029' }).click();
  await expect(page.getByRole('list', { name: 'Timetable warnings' })).toContainText('bank holidays there are not counted');
  await expectAccessible(page);
});

test('a task’s assignee is picked from the volunteers, or typed when they are not one', async ({ page, app }) => {
  await app.call('elections.create', { name: 'Council elections 2027', type: 'local', pollingDay: '2027-05-06', nation: 'england' });
  for (const name of ['Ann Walker', 'Bob Green']) await app.call('volunteers.create', { name, roles: ['deliverer'], consentToContact: false });
  await page.getByRole('link', { name: 'Elections', exact: true }).click();
  await page.getByRole('link', { name: 'Council elections 2027' }).click();

  const tasks = page.getByRole('region', { name: 'Tasks' });
  const assignee = tasks.getByRole('combobox', { name: 'Assignee (optional)' });
  await expect(tasks.getByText('Pick a volunteer, or type any name')).toBeVisible();
  const listId = await assignee.getAttribute('list');
  await expect(page.locator(`datalist[id="${listId}"] option`)).toHaveCount(2);
  expect(await page.locator(`datalist[id="${listId}"] option`).evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))).toEqual([
    'Ann Walker',
    'Bob Green',
  ]);
  await tasks.getByLabel('Task', { exact: true }).fill('Deliver the Focus');
  await assignee.fill('Ann Walker');
  await tasks.getByRole('button', { name: 'Add task' }).click();
  await expect(tasks.getByRole('row', { name: /Deliver the Focus/ })).toContainText('Ann Walker');

  await tasks.getByLabel('Task', { exact: true }).fill('Book the hall');
  await assignee.fill('Chris (branch secretary)');
  await tasks.getByRole('button', { name: 'Add task' }).click();
  await expect(tasks.getByRole('row', { name: /Book the hall/ })).toContainText('Chris (branch secretary)');
  await expectAccessible(page);
});
