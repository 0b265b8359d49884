import { AppError } from '../../shared/contract/result.ts';
import { formatDateLong, ukTimeOfDay, ukToday } from '../../shared/domain/working-days.ts';
import type { Ctx } from './context.ts';

/** The records people edit on a record page, each with its `updated_at`. */
export interface Editable {
  table: 'elections' | 'areas' | 'contests' | 'candidates' | 'candidacies' | 'canvass_sessions' | 'volunteers' | 'party_lists' | 'leaflets' | 'delivery_rounds';
  /** Its rows' `entity` in the audit trail. */
  entity: string;
  /** How a message names it: "this election". */
  what: string;
}

export const EDITABLE = {
  election: { table: 'elections', entity: 'election', what: 'this election' },
  area: { table: 'areas', entity: 'area', what: 'this area' },
  contest: { table: 'contests', entity: 'contest', what: 'this contest' },
  candidate: { table: 'candidates', entity: 'candidate', what: 'this candidate' },
  partyList: { table: 'party_lists', entity: 'party_list', what: 'this party list' },
  leaflet: { table: 'leaflets', entity: 'leaflet', what: 'this leaflet' },
  round: { table: 'delivery_rounds', entity: 'round', what: 'this delivery round' },
  volunteer: { table: 'volunteers', entity: 'volunteer', what: 'this volunteer' },
  candidacy: { table: 'candidacies', entity: 'candidacy', what: 'this candidacy' },
  canvassSession: { table: 'canvass_sessions', entity: 'canvass_session', what: 'this canvass session' },
} as const satisfies Record<string, Editable>;

/** An update's input: the record, and the `updatedAt` the form was loaded with (absent: no check). */
type EditInput = { id: number; expectedUpdatedAt?: string };

/** Later than `previous` by at least a millisecond, however fast the saves or however the clocks differ. */
function laterThan(previous: string): string {
  const then = Date.parse(previous);
  return new Date(Number.isNaN(then) ? Date.now() : Math.max(Date.now(), then + 1)).toISOString();
}

/**
 * Where the refused change is made: a form keeps what was typed for its user to save again; a
 * button (a leaflet's "Mark ready") has nothing to keep, and its page shows the record anew.
 */
type Door = 'form' | 'button';

/** What the person whose change was refused does next, their change (`theirs`) or their own from elsewhere (`those changes`). */
function nextStep(door: Door, changes: 'theirs' | 'those changes'): string {
  return door === 'form'
    ? `Your changes are still in the form: check ${changes} (reload in another tab), then save again.`
    : `The page now shows ${changes === 'theirs' ? 'their change: check it' : 'those changes: check them'}, then try again.`;
}

/**
 * Who changed the record since `expected` and when, from the audit trail, in words for the person
 * whose save was refused. The same actor (every browser is one actor until sign-in) may be another
 * tab or a colleague signed in alike.
 */
async function changedBy(ctx: Ctx, edit: Editable, door: Door, id: number, expected: string, current: string): Promise<string> {
  const last = await ctx.db.get<{ actor: string; at: string }>(
    'SELECT actor, at FROM audit_log WHERE entity = ? AND entity_id = ? AND at > ? ORDER BY id DESC LIMIT 1',
    [edit.entity, id, expected],
  );
  const at = new Date(last?.at ?? current);
  const when = Number.isNaN(at.getTime()) ? 'since' : `at ${ukTimeOfDay(at)} on ${formatDateLong(ukToday(at))}`;
  if (last && last.actor !== ctx.actor) return `${last.actor} changed ${edit.what} ${when}, after you opened it. ${nextStep(door, 'theirs')}`;
  const who = last ? ` (in another tab, or by someone else signed in as “${last.actor}”)` : '';
  return `${capitalise(edit.what)} was changed ${when}${who}, after you opened it. ${nextStep(door, 'those changes')}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Wraps an edit handler so that two people saving the same record cannot silently overwrite each
 * other. Inside the call's transaction it first claims the row with a guarded write (`WHERE
 * updated_at = expected`): on PostgreSQL that locks the row until the transaction ends, so a second
 * save of the same version waits, then finds the version gone; on SQLite transactions run one after
 * another. A save whose version is stale is refused with who changed the record and when, and
 * writes nothing. Without `expectedUpdatedAt` (the command line, older callers) the row is still
 * claimed, unchecked. Afterwards `updated_at` is made later than before even when the handler's
 * own write landed in the same millisecond, so a version never repeats. `door` says whether the
 * change comes from a form or a button, for what the refusal tells the person to do.
 */
export function guardedEdit<I extends EditInput, O>(
  edit: Editable,
  handler: (ctx: Ctx, input: Omit<I, 'expectedUpdatedAt'>) => Promise<O>,
  door: Door = 'form',
) {
  return async (ctx: Ctx, { expectedUpdatedAt, ...input }: I): Promise<O> => {
    const claimed = await ctx.db.get<{ updatedAt: string }>(
      `UPDATE ${edit.table} SET updated_at = updated_at WHERE id = ?${expectedUpdatedAt === undefined ? '' : ' AND updated_at = ?'} RETURNING updated_at AS updatedAt`,
      expectedUpdatedAt === undefined ? [input.id] : [input.id, expectedUpdatedAt],
    );
    if (!claimed) {
      const current = await ctx.db.get<{ updatedAt: string }>(`SELECT updated_at AS updatedAt FROM ${edit.table} WHERE id = ?`, [input.id]);
      // No such record: the handler says so as it always has.
      if (!current) return handler(ctx, input);
      throw new EditConflict(await changedBy(ctx, edit, door, input.id, expectedUpdatedAt!, current.updatedAt), current.updatedAt);
    }
    const out = await handler(ctx, input);
    const stamp = laterThan(claimed.updatedAt);
    const bumped = await ctx.db.run(`UPDATE ${edit.table} SET updated_at = ? WHERE id = ? AND updated_at <= ?`, [stamp, input.id, claimed.updatedAt]);
    if (bumped.changes > 0 && out !== null && typeof out === 'object' && 'updatedAt' in out) Object.assign(out, { updatedAt: stamp });
    return out;
  };
}

/** A stale save: `updatedAt` is the record's version now, for the form to save against once its user has looked. */
export class EditConflict extends AppError {
  readonly updatedAt: string;
  constructor(message: string, updatedAt: string) {
    super('conflict', message);
    this.updatedAt = updatedAt;
  }
}
