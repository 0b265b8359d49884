/** `WHERE a = ? AND b = ?` from the filters that are set (undefined ones are skipped), and their values. */
export function whereEquals(filters: readonly (readonly [column: string, value: string | number | undefined])[]): {
  sql: string;
  params: (string | number)[];
} {
  const set = filters.filter((f): f is readonly [string, string | number] => f[1] !== undefined);
  return { sql: set.length ? `WHERE ${set.map(([c]) => `${c} = ?`).join(' AND ')}` : '', params: set.map(([, v]) => v) };
}
