import type { Deposit, Donation, Expense, TreasurySettings } from '../../shared/contract/treasury.ts';
import type { Db } from '../open.ts';

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

export async function getSettings(db: Db, contestId: number): Promise<TreasurySettings> {
  return (db.prepare(`${SETTINGS} WHERE contest_id = ?`).get(contestId) as TreasurySettings | undefined) ?? defaultSettings(contestId);
}

export async function saveSettings(db: Db, s: TreasurySettings): Promise<void> {
  db.prepare(
    `INSERT INTO treasury_settings (contest_id, electors, area_kind, gla_post, joint_candidates, limit_override_pence, limit_source, return_delivered_on,
       police_area, early_limit_override_pence, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (contest_id) DO UPDATE SET electors = excluded.electors, area_kind = excluded.area_kind, gla_post = excluded.gla_post,
       joint_candidates = excluded.joint_candidates, limit_override_pence = excluded.limit_override_pence, limit_source = excluded.limit_source,
       return_delivered_on = excluded.return_delivered_on, police_area = excluded.police_area,
       early_limit_override_pence = excluded.early_limit_override_pence, updated_at = excluded.updated_at`,
  ).run(
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
  );
}

/** The contest's area figures the limit defaults to. */
export async function getAreaFigures(
  db: Db,
  contestId: number,
): Promise<{ name: string; electorate: number | null; classification: 'county' | 'borough' | null } | undefined> {
  return db.prepare('SELECT a.name, a.electorate, a.classification FROM contests c JOIN areas a ON a.id = c.area_id WHERE c.id = ?').get(contestId) as
    { name: string; electorate: number | null; classification: 'county' | 'borough' | null } | undefined;
}

// ---------------------------------------------------------------------------------------------
// Deposit

const DEPOSIT = `SELECT contest_id AS contestId, amount_pence AS amountPence, paid_on AS paidOn, method, receipt, refunded_on AS refundedOn, notes FROM deposits`;

export async function getDeposit(db: Db, contestId: number): Promise<Deposit | undefined> {
  return db.prepare(`${DEPOSIT} WHERE contest_id = ?`).get(contestId) as Deposit | undefined;
}

export async function saveDeposit(db: Db, d: Deposit): Promise<void> {
  const now = new Date().toISOString();
  db.prepare(
    `INSERT INTO deposits (contest_id, amount_pence, paid_on, method, receipt, refunded_on, notes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (contest_id) DO UPDATE SET amount_pence = excluded.amount_pence, paid_on = excluded.paid_on, method = excluded.method,
       receipt = excluded.receipt, refunded_on = excluded.refunded_on, notes = excluded.notes, updated_at = excluded.updated_at`,
  ).run(d.contestId, d.amountPence, d.paidOn, d.method, d.receipt, d.refundedOn, d.notes, now, now);
}

export async function deleteDeposit(db: Db, contestId: number): Promise<void> {
  db.prepare('DELETE FROM deposits WHERE contest_id = ?').run(contestId);
}

// ---------------------------------------------------------------------------------------------
// Donations

const DONATION = `SELECT id, contest_id AS contestId, donor_name AS donorName, donor_address AS donorAddress, elector_number AS electorNumber,
  company_number AS companyNumber, kind, description, value_pence AS valuePence, received_on AS receivedOn, status,
  permissible_source AS permissibleSource, reason, accepted_on AS acceptedOn, returned_on AS returnedOn FROM donations`;

export type DonationWrite = Omit<Donation, 'id'>;

export async function listDonations(db: Db, contestId: number): Promise<Donation[]> {
  return db.prepare(`${DONATION} WHERE contest_id = ? ORDER BY received_on, id`).all(contestId) as Donation[];
}

export async function getDonation(db: Db, id: number): Promise<Donation | undefined> {
  return db.prepare(`${DONATION} WHERE id = ?`).get(id) as Donation | undefined;
}

export async function insertDonation(db: Db, d: DonationWrite): Promise<number> {
  const now = new Date().toISOString();
  const r = db
    .prepare(
      `INSERT INTO donations (contest_id, donor_name, donor_address, elector_number, company_number, kind, description, value_pence, received_on,
        status, permissible_source, reason, accepted_on, returned_on, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(d.contestId, ...donationValues(d), now, now);
  return Number(r.lastInsertRowid);
}

export async function updateDonation(db: Db, id: number, d: DonationWrite): Promise<void> {
  db.prepare(
    `UPDATE donations SET donor_name = ?, donor_address = ?, elector_number = ?, company_number = ?, kind = ?, description = ?, value_pence = ?,
      received_on = ?, status = ?, permissible_source = ?, reason = ?, accepted_on = ?, returned_on = ?, updated_at = ? WHERE id = ?`,
  ).run(...donationValues(d), new Date().toISOString(), id);
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

export async function deleteDonation(db: Db, id: number): Promise<void> {
  db.prepare('DELETE FROM donations WHERE id = ?').run(id);
}

/** Every donation of every contest: a donor's may be spread over several. */
export async function listAllDonations(db: Db): Promise<Donation[]> {
  return db.prepare(`${DONATION} ORDER BY received_on, id`).all() as Donation[];
}

/** Erasure: the donor's details go; what was given, when and its decision stay in the accounts. */
export async function blankDonor(db: Db, ids: readonly number[], placeholder: string): Promise<void> {
  const blank = db.prepare(
    `UPDATE donations SET donor_name = ?, donor_address = '', elector_number = NULL, company_number = NULL, updated_at = ? WHERE id = ?`,
  );
  const now = new Date().toISOString();
  for (const id of ids) blank.run(placeholder, now, id);
}

// ---------------------------------------------------------------------------------------------
// Expenses and refunds

const EXPENSE = `SELECT id, contest_id AS contestId, kind, category, supplier, description, amount_pence AS amountPence, invoice_on AS invoiceOn,
  paid_on AS paidOn, notional FROM expenses`;

export type ExpenseWrite = Omit<Expense, 'id'>;

type ExpenseRow = Omit<Expense, 'notional'> & { notional: number };
const fromRow = (r: ExpenseRow): Expense => ({ ...r, notional: r.notional === 1 });

export async function listExpenses(db: Db, contestId: number): Promise<Expense[]> {
  return (db.prepare(`${EXPENSE} WHERE contest_id = ? ORDER BY COALESCE(invoice_on, paid_on), id`).all(contestId) as ExpenseRow[]).map(fromRow);
}

export async function getExpense(db: Db, id: number): Promise<Expense | undefined> {
  const r = db.prepare(`${EXPENSE} WHERE id = ?`).get(id) as ExpenseRow | undefined;
  return r && fromRow(r);
}

export async function insertExpense(db: Db, e: ExpenseWrite): Promise<number> {
  const now = new Date().toISOString();
  const r = db
    .prepare(
      `INSERT INTO expenses (contest_id, kind, category, supplier, description, amount_pence, invoice_on, paid_on, notional, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(e.contestId, e.kind, e.category, e.supplier, e.description, e.amountPence, e.invoiceOn, e.paidOn, e.notional ? 1 : 0, now, now);
  return Number(r.lastInsertRowid);
}

export async function updateExpense(db: Db, id: number, e: ExpenseWrite): Promise<void> {
  db.prepare(
    `UPDATE expenses SET kind = ?, category = ?, supplier = ?, description = ?, amount_pence = ?, invoice_on = ?, paid_on = ?, notional = ?, updated_at = ?
     WHERE id = ?`,
  ).run(e.kind, e.category, e.supplier, e.description, e.amountPence, e.invoiceOn, e.paidOn, e.notional ? 1 : 0, new Date().toISOString(), id);
}

export async function deleteExpense(db: Db, id: number): Promise<void> {
  db.prepare('DELETE FROM expenses WHERE id = ?').run(id);
}

/** The latest date on any expense of a contest, to check against the return's date. */
export async function latestExpenseDate(db: Db, contestId: number): Promise<string | null> {
  const r = db
    .prepare(
      `SELECT MAX(d) AS latest FROM (
         SELECT invoice_on AS d FROM expenses WHERE contest_id = ?
         UNION ALL SELECT paid_on FROM expenses WHERE contest_id = ?
         UNION ALL SELECT pp.paid_on FROM print_run_payments pp JOIN print_runs p ON p.id = pp.print_run_id WHERE p.contest_id = ?) AS dates`,
    )
    .get(contestId, contestId, contestId) as { latest: string | null };
  return r.latest || null;
}

/** Contests with any money recorded, for the party-wide view. */
export async function contestIdsWithMoney(db: Db): Promise<number[]> {
  const rows = db
    .prepare(
      `SELECT contest_id AS id FROM treasury_settings UNION SELECT contest_id FROM deposits UNION SELECT contest_id FROM donations
       UNION SELECT contest_id FROM expenses`,
    )
    .all() as { id: number }[];
  return rows.map((r) => r.id);
}

// ---------------------------------------------------------------------------------------------
// Payment dates of leaflet print runs (the print runs themselves are the leaflets' records)

export async function printRunPayments(db: Db, printRunIds: readonly number[]): Promise<Map<number, string>> {
  if (printRunIds.length === 0) return new Map();
  const rows = db
    .prepare(`SELECT print_run_id AS id, paid_on AS paidOn FROM print_run_payments WHERE print_run_id IN (${printRunIds.map(() => '?').join(', ')})`)
    .all(...printRunIds) as { id: number; paidOn: string }[];
  return new Map(rows.map((r) => [r.id, r.paidOn]));
}

export async function setPrintRunPaid(db: Db, printRunId: number, paidOn: string | null): Promise<void> {
  if (paidOn === null) {
    db.prepare('DELETE FROM print_run_payments WHERE print_run_id = ?').run(printRunId);
    return;
  }
  db.prepare(
    `INSERT INTO print_run_payments (print_run_id, paid_on, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (print_run_id) DO UPDATE SET paid_on = excluded.paid_on, updated_at = excluded.updated_at`,
  ).run(printRunId, paidOn, new Date().toISOString());
}
