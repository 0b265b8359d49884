/**
 * Ids written explicitly (a campaign copied in from a file keeps its ids) leave each identity
 * column's sequence behind them, and the next insert would collide with id 1. Call after such a
 * copy, in its transaction: every sequence moves on past its table's highest id.
 */
import type { Queries } from '../store.ts';

export async function movePastCopiedIds(q: Queries): Promise<void> {
  const identities = await q.all<{ tableName: string; columnName: string }>(
    `SELECT table_name AS tableName, column_name AS columnName FROM information_schema.columns
      WHERE table_schema = current_schema() AND is_identity = 'YES'`,
  );
  for (const { tableName, columnName } of identities) {
    // setval(…, false) on an empty table: the next id is 1 again.
    await q.get(`SELECT setval(pg_get_serial_sequence(?, ?), COALESCE(MAX("${columnName}"), 0) + 1, false) FROM "${tableName}"`, [tableName, columnName]);
  }
}
