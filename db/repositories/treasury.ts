import type { Deposit, Donation, Expense, TreasurySettings } from '../../shared/contract/treasury.ts';
import type { Queries } from '../store.ts';

// ---------------------------------------------------------------------------------------------
// Settings: what the spending limit is worked out from

const SETTINGS = `SELECT contest_id AS contestId, electors, area_kind AS areaKind, gla_post AS glaPost, joint_candidates AS jointCandidates,
  limit_override_pence AS limitOverridePence, limit_source AS limitSource, return_delivered_on AS returnDeliveredOn,
  police_area AS policeArea, early_limit_override_pence AS earlyLimitOverridePence FROM treasury_settings`;

function defaultSettings(contestId: number): TreasurySettings {
  return {
    contestId,
    electors: null,
    areaKind: null,
    glaPost: null,
    jointCandidates: 1,
    limitOverridePence: null,
    limitSource: '',
    returnDeliveredOn: null,
    policeArea: null,
    earlyLimitOverridePence: null,
  };
}

export async function getSettings(db: Queries, contestId: number): Promise<TreasurySettings> {
  return ((await db.get(`${SETTINGS} WHERE contest_id = ?`, [contestId])) as TreasurySettings | undefined) ?? defaultSettings(contestId);
}

export async function saveSettings(db: Queries, s: TreasurySettings): Promise<void> {
  await db.run(
    `INSERT INTO treasury_settings (contest_id, electors, area_kind, gla_post, joint_candidates, limit_override_pence, limit_source, return_delivered_on,
       police_area, early_limit_override_pence, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (contest_id) DO UPDATE SET electors = excluded.electors, area_kind = excluded.area_kind, gla_post = excluded.gla_post,
       joint_candidates = excluded.joint_candidates, limit_override_pence = excluded.limit_override_pence, limit_source = excluded.limit_source,
       return_delivered_on = excluded.return_delivered_on, police_area = excluded.police_area,
       early_limit_override_pence = excluded.early_limit_override_pence, updated_at = excluded.updated_at`,
    [
      s.contestId,
      s.electors,
      s.areaKind,
      s.glaPost,
      s.jointCandidates,
      s.limitOverridePence,
      s.limitSource,
      s.returnDeliveredOn,
      s.policeArea,
      s.earlyLimitOverridePence,
      new Date().toISOString(),
    ],
  );
}

/** The contest's area figures the limit defaults to. */
export async function getAreaFigures(
  db: Queries,
  contestId: number,
): Promise<{ name: string; electorate: number | null; classification: 'county' | 'borough' | null } | undefined> {
  return (await db.get('SELECT a.name, a.electorate, a.classification FROM contests c JOIN areas a ON a.id = c.area_id WHERE c.id = ?', [contestId])) as
    { name: string; electorate: number | null; classification: 'county' | 'borough' | null } | undefined;
}

// ---------------------------------------------------------------------------------------------
// Deposit

const DEPOSIT = `SELECT contest_id AS contestId, amount_pence AS amountPence, paid_on AS paidOn, method, receipt, refunded_on AS refundedOn, notes FROM deposits`;

export async function getDeposit(db: Queries, contestId: number): Promise<Deposit | undefined> {
  return (await db.get(`${DEPOSIT} WHERE contest_id = ?`, [contestId])) as Deposit | undefined;
}

export async function saveDeposit(db: Queries, d: Deposit): Promise<void> {
  const now = new Date().toISOString();
  await db.run(
    `INSERT INTO deposits (contest_id, amount_pence, paid_on, method, receipt, refunded_on, notes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (contest_id) DO UPDATE SET amount_pence = excluded.amount_pence, paid_on = excluded.paid_on, method = excluded.method,
       receipt = excluded.receipt, refunded_on = excluded.refunded_on, notes = excluded.notes, updated_at = excluded.updated_at`,
    [d.contestId, d.amountPence, d.paidOn, d.method, d.receipt, d.refundedOn, d.notes, now, now],
  );
}

export async function deleteDeposit(db: Queries, contestId: number): Promise<void> {
  await db.run('DELETE FROM deposits WHERE contest_id = ?', [contestId]);
}

// ---------------------------------------------------------------------------------------------
// Donations

const DONATION = `SELECT id, contest_id AS contestId, donor_name AS donorName, donor_address AS donorAddress, elector_number AS electorNumber,
  company_number AS companyNumber, kind, description, value_pence AS valuePence, received_on AS receivedOn, status,
  permissible_source AS permissibleSource, reason, accepted_on AS acceptedOn, returned_on AS returnedOn FROM donations`;

export type DonationWrite = Omit<Donation, 'id'>;

export async function listDonations(db: Queries, contestId: number): Promise<Donation[]> {
  return (await db.all(`${DONATION} WHERE contest_id = ? ORDER BY received_on, id`, [contestId])) as Donation[];
}

export async function getDonation(db: Queries, id: number): Promise<Donation | undefined> {
  return (await db.get(`${DONATION} WHERE id = ?`, [id])) as Donation | undefined;
}

export async function insertDonation(db: Queries, d: DonationWrite): Promise<number> {
  const now = new Date().toISOString();
  const r = await db.insert(
    `INSERT INTO donations (contest_id, donor_name, donor_address, elector_number, company_number, kind, description, value_pence, received_on,
        status, permissible_source, reason, accepted_on, returned_on, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [d.contestId, ...donationValues(d), now, now],
  );
  return r;
}

export async function updateDonation(db: Queries, id: number, d: DonationWrite): Promise<void> {
  await db.run(
    `UPDATE donations SET donor_name = ?, donor_address = ?, elector_number = ?, company_number = ?, kind = ?, description = ?, value_pence = ?,
      received_on = ?, status = ?, permissible_source = ?, reason = ?, accepted_on = ?, returned_on = ?, updated_at = ? WHERE id = ?`,
    [...donationValues(d), new Date().toISOString(), id],
  );
}

function donationValues(d: DonationWrite) {
  return [
    d.donorName,
    d.donorAddress,
    d.electorNumber,
    d.companyNumber,
    d.kind,
    d.description,
    d.valuePence,
    d.receivedOn,
    d.status,
    d.permissibleSource,
    d.reason,
    d.acceptedOn,
    d.returnedOn,
  ] as const;
}

export async function deleteDonation(db: Queries, id: number): Promise<void> {
  await db.run('DELETE FROM donations WHERE id = ?', [id]);
}

/** Every donation of every contest: a donor's may be spread over several. */
export async function listAllDonations(db: Queries): Promise<Donation[]> {
  return (await db.all(`${DONATION} ORDER BY received_on, id`)) as Donation[];
}

/** Erasure: the donor's details go; what was given, when and its decision stay in the accounts. */
export async function blankDonor(db: Queries, ids: readonly number[], placeholder: string): Promise<void> {
  const blank = `UPDATE donations SET donor_name = ?, donor_address = '', elector_number = NULL, company_number = NULL, updated_at = ? WHERE id = ?`;
  const now = new Date().toISOString();
  for (const id of ids) await db.run(blank, [placeholder, now, id]);
}

// ---------------------------------------------------------------------------------------------
// Expenses and refunds

const EXPENSE = `SELECT id, contest_id AS contestId, kind, category, supplier, description, amount_pence AS amountPence, invoice_on AS invoiceOn,
  paid_on AS paidOn, notional FROM expenses`;

export type ExpenseWrite = Omit<Expense, 'id'>;

type ExpenseRow = Omit<Expense, 'notional'> & { notional: number };
const fromRow = (r: ExpenseRow): Expense => ({ ...r, notional: r.notional === 1 });

export async function listExpenses(db: Queries, contestId: number): Promise<Expense[]> {
  return ((await db.all(`${EXPENSE} WHERE contest_id = ? ORDER BY COALESCE(invoice_on, paid_on) NULLS FIRST, id`, [contestId])) as ExpenseRow[]).map(fromRow);
}

export async function getExpense(db: Queries, id: number): Promise<Expense | undefined> {
  const r = (await db.get(`${EXPENSE} WHERE id = ?`, [id])) as ExpenseRow | undefined;
  return r && fromRow(r);
}

export async function insertExpense(db: Queries, e: ExpenseWrite): Promise<number> {
  const now = new Date().toISOString();
  const r = await db.insert(
    `INSERT INTO expenses (contest_id, kind, category, supplier, description, amount_pence, invoice_on, paid_on, notional, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [e.contestId, e.kind, e.category, e.supplier, e.description, e.amountPence, e.invoiceOn, e.paidOn, e.notional ? 1 : 0, now, now],
  );
  return r;
}

export async function updateExpense(db: Queries, id: number, e: ExpenseWrite): Promise<void> {
  await db.run(
    `UPDATE expenses SET kind = ?, category = ?, supplier = ?, description = ?, amount_pence = ?, invoice_on = ?, paid_on = ?, notional = ?, updated_at = ?
     WHERE id = ?`,
    [e.kind, e.category, e.supplier, e.description, e.amountPence, e.invoiceOn, e.paidOn, e.notional ? 1 : 0, new Date().toISOString(), id],
  );
}

export async function deleteExpense(db: Queries, id: number): Promise<void> {
  await db.run('DELETE FROM expenses WHERE id = ?', [id]);
}

/** The latest date on any expense of a contest, to check against the return's date. */
export async function latestExpenseDate(db: Queries, contestId: number): Promise<string | null> {
  const r = (await db.get(
    `SELECT MAX(d) AS latest FROM (
         SELECT invoice_on AS d FROM expenses WHERE contest_id = ?
         UNION ALL SELECT paid_on FROM expenses WHERE contest_id = ?
         UNION ALL SELECT pp.paid_on FROM print_run_payments pp JOIN print_runs p ON p.id = pp.print_run_id WHERE p.contest_id = ?) AS dates`,
    [contestId, contestId, contestId],
  )) as { latest: string | null };
  return r.latest || null;
}

/** Contests with any money recorded, for the party-wide view. */
export async function contestIdsWithMoney(db: Queries): Promise<number[]> {
  const rows = (await db.all(`SELECT contest_id AS id FROM treasury_settings UNION SELECT contest_id FROM deposits UNION SELECT contest_id FROM donations
       UNION SELECT contest_id FROM expenses ORDER BY id`)) as { id: number }[];
  return rows.map((r) => r.id);
}

// ---------------------------------------------------------------------------------------------
// Payment dates of leaflet print runs (the print runs themselves are the leaflets' records)

export async function printRunPayments(db: Queries, printRunIds: readonly number[]): Promise<Map<number, string>> {
  if (printRunIds.length === 0) return new Map();
  const rows = (await db.all(
    `SELECT print_run_id AS id, paid_on AS paidOn FROM print_run_payments WHERE print_run_id IN (${printRunIds.map(() => '?').join(', ')})`,
    printRunIds,
  )) as { id: number; paidOn: string }[];
  return new Map(rows.map((r) => [r.id, r.paidOn]));
}

export async function setPrintRunPaid(db: Queries, printRunId: number, paidOn: string | null): Promise<void> {
  if (paidOn === null) {
    await db.run('DELETE FROM print_run_payments WHERE print_run_id = ?', [printRunId]);
    return;
  }
  await db.run(
    `INSERT INTO print_run_payments (print_run_id, paid_on, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (print_run_id) DO UPDATE SET paid_on = excluded.paid_on, updated_at = excluded.updated_at`,
    [printRunId, paidOn, new Date().toISOString()],
  );
}
