/**
 * Notices of alteration: the monthly changes a council sends between full registers. Each line
 * adds an elector, deletes one or changes one, by elector number; nobody else is touched. A file
 * without a change column (say, one polling district's electors) adds the numbers not yet on the
 * register and updates the rest, and deletes nobody.
 */
import { nameKey } from './register-matching.ts';

export const ALTERATIONS = ['add', 'delete', 'change'] as const;
export type Alteration = (typeof ALTERATIONS)[number];

/** The usual ways councils' software writes each kind of alteration, upper-cased. */
const WORDS: Record<Alteration, readonly string[]> = {
  add: ['A', 'ADD', 'ADDED', 'ADDITION', 'N', 'NEW'],
  delete: ['D', 'DEL', 'DELETE', 'DELETED', 'DELETION', 'R', 'REMOVE', 'REMOVED'],
  change: ['C', 'M', 'CHANGE', 'CHANGED', 'AMEND', 'AMENDED', 'AMENDMENT', 'MODIFIED', 'MODIFICATION', 'ALTERATION', 'ALTERED', 'U', 'UPDATE', 'UPDATED'],
};
const LOOKUP = new Map<string, Alteration>();
for (const a of ALTERATIONS) for (const w of WORDS[a]) LOOKUP.set(w, a);

/** A change-column cell → its alteration; null for an empty cell; undefined when not one we know. */
export function parseAlteration(text: string): Alteration | null | undefined {
  const t = text.trim().toUpperCase();
  return t === '' ? null : LOOKUP.get(t);
}

export const ALTERATION_HELP = 'write A (addition), D (deletion) or C (change)';

/** One line of a notice as the plan needs it. */
export interface AlterationLine {
  line: number;
  electorNumber: string;
  alteration: Alteration | null;
  fullName: string;
  surname: string;
  forenames: string;
}

export interface RegisteredElector {
  id: number;
  fullName: string;
  surname: string;
  forenames: string;
}

export interface AlterationPlan {
  /** For each line: the id of the elector it updates, or that it adds one, or deletes one. */
  actions: (number | 'add' | 'delete')[];
  /** Electors the notice deletes. */
  deleteIds: number[];
  added: number;
  changed: number;
  problems: { line: number; reason: string }[];
}

/**
 * What each line of a notice does to the register held (electors by canonical number). A
 * deletion must name the elector the register has at that number, so a notice for another area
 * or a mistyped number removes nobody.
 */
export function planAlterations(lines: Iterable<AlterationLine>, held: ReadonlyMap<string, RegisteredElector>): AlterationPlan {
  const plan: AlterationPlan = { actions: [], deleteIds: [], added: 0, changed: 0, problems: [] };
  for (const l of lines) {
    const e = held.get(l.electorNumber);
    let action: number | 'add' | 'delete' = 'add';
    if (l.alteration === 'delete') {
      if (!e) plan.problems.push({ line: l.line, reason: `${l.electorNumber} is to be deleted but is not on the register` });
      else if (nameKey(e) !== nameKey(l)) {
        plan.problems.push({ line: l.line, reason: `${l.electorNumber} is to be deleted as ${l.fullName}, but the register has ${e.fullName} at that number` });
      } else plan.deleteIds.push(e.id);
      action = 'delete';
    } else if (l.alteration === 'add' && e) {
      plan.problems.push({
        line: l.line,
        reason: `${l.electorNumber} is to be added but is already on the register (${e.fullName}); mark the line as a change`,
      });
    } else if (l.alteration === 'change' && !e) {
      plan.problems.push({ line: l.line, reason: `${l.electorNumber} is to be changed but is not on the register; mark the line as an addition` });
    } else if (e) {
      action = e.id;
      plan.changed++;
    } else plan.added++;
    plan.actions.push(action);
  }
  return plan;
}
