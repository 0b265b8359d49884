import type { ConstraintError } from '../../db/store.ts';

/**
 * What to tell the user when the schema refused a write that the handler's own checks let
 * through: chosen from the kind of constraint, the same on either engine. The driver's words stay
 * out of it (they name columns, not what the user did).
 */
export function constraintMessage(error: ConstraintError): string {
  switch (error.kind) {
    case 'foreign_key':
      return 'Other records are linked to this one (or it points at one that no longer exists), so nothing was changed.';
    case 'unique':
      return `That would make a second copy of a record that must be unique${error.table ? ` (${error.table.replaceAll('_', ' ')})` : ''}, so nothing was saved.`;
    default:
      return `That change does not fit the data already saved${error.table ? ` (${error.table.replaceAll('_', ' ')})` : ''}, so nothing was saved.`;
  }
}
