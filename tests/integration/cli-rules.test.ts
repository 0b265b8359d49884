import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

let dir: string;
let db: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hustings-cli-rules-'));
  db = join(dir, 'h.sqlite');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `hustings` as a user would, through the installed bin script. */
function hustings(...args: string[]) {
  const r = spawnSync(process.execPath, ['bin/hustings.js', ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function json(...args: string[]) {
  const r = hustings(...args);
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.out);
}

describe('hustings rules', () => {
  it('prints the contract keys for a county seat found by its GSS code, with both campaign periods and the return date', () => {
    const j = json(
      'rules',
      '--type',
      'uk-parliament',
      '--area-code',
      'E14001066',
      '--electorate',
      '69943',
      '--poll',
      '2029-05-03',
      '--declared',
      '2029-05-04',
      '--json',
    );
    expect(j).toMatchObject({
      type: 'uk-parliament',
      nation: 'england',
      ballot: 'single',
      deposit_pence: 50_000,
      deposit_returned_above_share: 0.05,
      subscribers: 10,
      spending_limit: { fixed_pence: 1_139_000, per_elector_pence: 12, limit_pence: 1_978_316, confirmed: true },
      regulated_periods: [
        { key: 'long-campaign', starts: '2029-02-10', ends: '2029-03-28', limit_pence: 3_402_921 },
        { key: 'short-campaign', starts: '2029-03-29', ends: '2029-05-03', limit_pence: 1_978_316 },
      ],
      return_due: { days: 35, counted_from: 'declaration' },
      invoices_due_days: 21,
      payment_due_days: 28,
      return_due_date: '2029-06-08',
    });
    expect(j.spending_limit.instrument).toMatch(/SI 2023\/1235/);
  });

  it('Senedd 2026: a list ballot with an unconfirmed £500 deposit', () => {
    const j = json('rules', '--type', 'senedd', '--json');
    expect(j).toMatchObject({
      nation: 'wales',
      ballot: 'list',
      deposit_pence: 50_000,
      deposit_confirmed: false,
      spending_limit: { limit_pence: 5_250_000, confirmed: false },
    });
    expect(json('rules', '--type', 'scottish-parliament', '--post', 'sp-regional', '--json').ballot).toBe('list');
    expect(json('rules', '--type', 'gla', '--post', 'gla-list', '--json')).toMatchObject({ ballot: 'list', deposit_returned_above_share: 0.025 });
  });

  it('parish: invoices, payment and the return counted from polling day', () => {
    expect(json('rules', '--type', 'parish', '--poll', '2024-05-02', '--json')).toMatchObject({
      deposit_pence: null,
      deposit_returned_above_share: null,
      subscribers: 2,
      invoices_due_days: 14,
      payment_due_days: 21,
      return_due: { days: 28, counted_from: 'polling_day' },
      return_due_date: '2024-05-30',
    });
  });

  it('PCC: a fixed sum per police area, unknown until the area is given', () => {
    expect(json('rules', '--type', 'pcc', '--police-area', 'Bedfordshire', '--json').spending_limit).toMatchObject({
      fixed_pence: 11_457_000,
      per_elector_pence: null,
      limit_pence: 11_457_000,
      confirmed: true,
    });
    expect(json('rules', '--type', 'pcc', '--json').spending_limit.limit_pence).toBeNull();
  });

  it('combined authority mayor: subscribers and the fixed sum per constituent council', () => {
    const ca = json('rules', '--type', 'combined-authority-mayor', '--councils', '12', '--electorate', '1000000', '--json');
    expect(ca).toMatchObject({ subscribers: 120, spending_limit: { fixed_pence: 3_648_000, limit_pence: 11_648_000, confirmed: false } });
  });

  it('says the same in sentences without --json, flagging what is unconfirmed', () => {
    const r = hustings('rules', '--type', 'local', '--nation', 'wales', '--electorate', '5000');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Subscribers: none: the candidate signs the nomination paper, with a witness.');
    expect(r.out).toContain('Spending limit: £1,156.00 (£806 + 5,000 × 7p = £1,156.00).');
    expect(r.out).toMatch(/Set by RPA 1983 s\.76\(2\)\(b\)\(ic\).*checked Wed 2 Dec 2026/);
    const pcc = hustings('rules', '--type', 'pcc', '--police-area', 'Kent');
    expect(pcc.out).toMatch(/Spending limit: £228,338\.00 .*\(unconfirmed: check it\)/);
  });

  it.each([
    [['--type', 'referendum'], /--type "referendum" is not one of/],
    [[], /Missing --type/],
    [['--type', 'senedd', '--nation', 'england'], /--nation: Senedd elections are not held in england/],
    [['--type', 'local', '--designation', 'city'], /--designation "city" is not one of county, borough/],
    [['--type', 'uk-parliament', '--area-code', 'E99999999'], /--area-code "E99999999" is not the GSS code/],
    [['--type', 'uk-parliament', '--area-code', 'E14001066', '--designation', 'county'], /either --designation or --area-code/],
    [['--type', 'local', '--electorate', 'lots'], /--electorate must be a whole number/],
    [['--type', 'local', '--poll', '2026-02-30'], /--poll/],
    [['--type', 'local', '--poll', '2026-05-07', '--declared', '2026-05-01'], /--declared: The result cannot be declared/],
    [['--type', 'pcc', '--post', 'gla-list'], /--post: "gla-list" is not a post/],
  ])('exits 2 naming bad input: %j', (args, message) => {
    const r = hustings('rules', ...args, '--json');
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(message);
    expect(r.err).not.toMatch(/at .*\.ts:\d+/);
  });
});

describe('hustings call and methods', () => {
  it('calls a method with JSON input and prints the JSON result', () => {
    // Creating the database says its recovery key once, on stderr; stdout stays the JSON.
    const created = hustings('call', 'elections.list', '--db', db);
    expect(JSON.parse(created.out)).toEqual([]);
    expect(created.err).toMatch(/encrypted\. Its recovery key is:\n\n {4}[0-9A-Z]{5}(-[0-9A-Z]{5}){12}\n/);
    const made = json(
      'call',
      'elections.create',
      JSON.stringify({ name: 'Leeds 2026', type: 'local', pollingDay: '2026-05-07', nation: 'england' }),
      '--db',
      db,
    );
    expect(made).toMatchObject({ name: 'Leeds 2026', type: 'local' });
    expect(json('call', 'elections.list', '--db', db)).toEqual([expect.objectContaining({ id: made.id })]);
  });

  it('prints the error object and exits 1 when the method refuses the input', () => {
    const r = hustings('call', 'elections.create', '{"name":""}', '--db', db);
    expect(r.code).toBe(1);
    const error = JSON.parse(r.out);
    expect(error).toMatchObject({ code: 'invalid_input', fields: expect.objectContaining({ name: expect.any(String) }) });
  });

  it.each([
    [[], /Name the method to call/],
    [['no.such'], /There is no method "no.such"/],
    [['elections.list', '{oops'], /The input for elections.list is not JSON/],
    [['elections.list', '--database', 'postgres://x'], /Give either --db FILE \(a database file\) or --database URL \(a team database\), not both/],
  ])('exits 2 for usage: %j', (args, message) => {
    const r = hustings('call', ...args, '--db', db);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });

  it('lists every method with its input schema', () => {
    const methods = json('methods', '--json') as { name: string; kind: string; input: { type?: string; properties?: Record<string, unknown> } }[];
    const create = methods.find((m) => m.name === 'elections.create');
    expect(create).toMatchObject({ kind: 'mutation', input: { type: 'object' } });
    expect(Object.keys(create!.input.properties!)).toEqual(expect.arrayContaining(['name', 'type', 'pollingDay']));
    expect(methods.map((m) => m.name)).toContain('treasury.getLimit');
    const text = hustings('methods');
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/^elections\.list \(query\) — /m);
  });
});
