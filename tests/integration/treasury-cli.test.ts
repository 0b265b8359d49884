/**
 * The return of expenses written as CSV, and the spending limit, from the command line (`hustings
 * treasury return`, `treasury limit`): the case spawns the CLI, so it sits outside the fast loop
 * (vitest.config.ts SLOW). The treasury is tested in process in treasury.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readCsv } from '../../shared/domain/csv.ts';
import { ok } from '../helpers/db.ts';
import { donationTo, expenseOf, type TreasuryContests, treasuryContests } from '../helpers/treasury.ts';

let app: TreasuryContests['app'];
let county: number;

beforeEach(async () => {
  ({ app, county } = await treasuryContests());
});
afterEach(() => app.cleanup());

const donation = (over: Record<string, unknown> = {}) => donationTo(county, over);
const expense = (over: Record<string, unknown> = {}) => expenseOf(county, over);

describe('expenses and the return', () => {
  it('groups the return by category with refunds and notional spending, and writes it as CSV from the command line', async () => {
    await ok(app, 'treasury.createExpense', expense());
    await ok(app, 'treasury.createExpense', expense({ category: 'public-meetings', supplier: 'Town Hall', description: 'Hall hire', amount: '120' }));
    await ok(
      app,
      'treasury.createExpense',
      expense({ category: 'public-meetings', supplier: 'Town Hall', description: 'Deposit back', amount: '20', kind: 'refund', paidOn: null }),
    );
    await ok(
      app,
      'treasury.createExpense',
      expense({ category: 'public-meetings', supplier: 'Church', description: 'Room given free', amount: '60', notional: true, paidOn: null }),
    );
    await ok(app, 'treasury.createDonation', donation({ status: 'accepted', acceptedOn: '2026-04-21', permissibleSource: 'elector', electorNumber: 'AB-1' }));
    await ok(app, 'treasury.saveDeposit', { contestId: county, amount: '500', paidOn: '2026-04-01', method: 'bankers-draft', receipt: 'RO-17' });
    const ret = await ok(app, 'treasury.getReturn', { contestId: county });
    const meetings = ret.categories.find((c: { category: string }) => c.category === 'public-meetings');
    expect(meetings).toMatchObject({ paidPence: 12_000, refundsPence: 2_000, notionalPence: 6_000, totalPence: 16_000 });
    expect(ret.totalSpendPence).toBe(56_000);
    expect(ret.nil).toBe(false);

    const file = join(app.dir, 'return.csv');
    const run = (...args: string[]) =>
      spawnSync(process.execPath, ['bin/hustings.js', ...args, '--db', join(app.dir, 'hustings.sqlite')], { encoding: 'utf8' });
    await app.close();
    const r = run('treasury', 'return', '--contest', String(county), '--csv', file);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Wrote 4 spending line(s) totalling £560.00 and 1 donation(s)');
    const csv = readCsv(readFileSync(file, 'utf8'));
    expect(csv.headers[0]).toBe('section');
    expect(csv.rows.filter((x) => x.cells[0] === 'spending')).toHaveLength(4);
    expect(csv.rows.find((x) => x.cells[2] === 'All categories')?.cells[8]).toBe('560.00');
    expect(csv.rows.find((x) => x.cells[0] === 'deposit')?.cells[8]).toBe('500.00');

    const l = run('treasury', 'limit', '--contest', String(county), '--json');
    expect(l.status).toBe(0);
    expect(JSON.parse(l.stdout)).toMatchObject({
      limitPence: 1_978_316,
      limit: '£19,783.16',
      working: '£11,390 + 69,943 × 12p = £19,783.16',
      spend: { spentPence: 56_000 },
    });
    expect(run('treasury', 'limit', '--contest', 'abc').status).toBe(2);
    expect(run('treasury', 'limit', '--contest', '999').stderr).toMatch(/no contest with id 999/);
  });
});
