/**
 * The electors_search full-text index (migration 016) is derived from electors and kept in step
 * by triggers. It holds no copy of the text (contentless), so where rows reach electors without
 * the triggers (a restore copies tables as they are) it is filled again from electors.
 */
import type { Db } from './sqlite/open.ts';

export function refillElectorSearch(db: Db, schema = 'main'): void {
  db.exec(`INSERT INTO ${schema}.electors_search (electors_search) VALUES ('delete-all')`);
  db.exec(
    `INSERT INTO ${schema}.electors_search (rowid, full_name, address_lines, postcode) SELECT id, full_name, address_lines, postcode FROM ${schema}.electors`,
  );
}
