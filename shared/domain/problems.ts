/** What is wrong with one field of an input, in the contract's field names: what rules return. */
export interface FieldProblem {
  field: string;
  message: string;
}

/** Field path → its first problem, for forms to show beside each field; `rename` maps a rule's names to the contract's. */
export function fieldsOf(problems: readonly FieldProblem[], rename: Record<string, string> = {}): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const p of problems) fields[rename[p.field] ?? p.field] ??= p.message;
  return fields;
}
