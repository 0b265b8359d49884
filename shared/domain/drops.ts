/**
 * Checking a drop (a round delivered, in full or in part, with one leaflet) before it is logged.
 * Errors block the write; an over-count (more copies on a round than it has households) only
 * asks for confirmation, because rounds' household counts are often out of date.
 */
import type { FieldProblem } from './delivery-rounds.ts';
import { availableOn, firstPrinted, type StockIn, type StockOut } from './leaflet-stock.ts';
import { formatDateLong, isIsoDate } from './working-days.ts';

export interface DropDraft {
  droppedOn: string;
  delivered: number;
  complete: boolean;
}

export interface DropContext<Id> {
  /** The day the check runs, 'YYYY-MM-DD': a drop cannot be logged for a day still to come. */
  today: string;
  round: { roundId: Id; name: string; households: number; streetCount: number };
  /** The leaflet's print runs. */
  printRuns: readonly StockIn[];
  /** The leaflet's other drops (without the one being edited), on every round. */
  otherDrops: readonly (StockOut & { roundId: Id })[];
  /** The user has seen the over-count warning and confirmed. */
  overCountConfirmed: boolean;
}

export interface DropCheck {
  errors: FieldProblem[];
  /** A question for the user when the drop needs confirming; null otherwise. */
  confirm: string | null;
  /** Households on the round still to reach after this drop (0 once complete). */
  leftAfter: number;
}

export function checkDrop<Id>(drop: DropDraft, ctx: DropContext<Id>): DropCheck {
  const errors: FieldProblem[] = [];
  const { round } = ctx;
  const onRound = ctx.otherDrops.filter((d) => d.roundId === round.roundId).reduce((n, d) => n + d.delivered, 0);

  if (round.streetCount === 0) {
    errors.push({ field: 'roundId', message: `Round "${round.name}" has no streets: add its streets before logging a drop on it.` });
  }

  const countOk = Number.isInteger(drop.delivered) && drop.delivered >= 1;
  if (!countOk) {
    errors.push({
      field: 'delivered',
      message:
        Number.isFinite(drop.delivered) && drop.delivered < 0
          ? `Copies delivered cannot be negative (got ${drop.delivered}).`
          : `Copies delivered must be a whole number, at least 1 (got ${drop.delivered}).`,
    });
  }

  const dateOk = isIsoDate(drop.droppedOn);
  if (!dateOk) {
    errors.push({ field: 'droppedOn', message: `"${drop.droppedOn}" is not a date: write it as YYYY-MM-DD.` });
  } else if (drop.droppedOn > ctx.today) {
    errors.push({ field: 'droppedOn', message: `${formatDateLong(drop.droppedOn)} is still to come: log a drop once it has been delivered.` });
  } else {
    const first = firstPrinted(ctx.printRuns);
    if (first === null) {
      errors.push({ field: 'droppedOn', message: 'This leaflet has no print run yet: log the print run before its drops.' });
    } else if (drop.droppedOn < first) {
      errors.push({
        field: 'droppedOn',
        message: `The drop on ${formatDateLong(drop.droppedOn)} is before the leaflet's first print run (${formatDateLong(first)}): no copies existed yet.`,
      });
    } else if (countOk) {
      const available = availableOn(ctx.printRuns, ctx.otherDrops, drop.droppedOn);
      if (drop.delivered > available) {
        errors.push({
          field: 'delivered',
          message: `Only ${available} cop${available === 1 ? 'y was' : 'ies were'} in stock on ${formatDateLong(drop.droppedOn)} (counting the other drops logged); log the print run these came from, or correct the count.`,
        });
      }
    }
  }

  const total = onRound + (countOk ? drop.delivered : 0);
  const leftAfter = drop.complete ? 0 : Math.max(0, round.households - total);
  let confirm: string | null = null;
  if (countOk && total > round.households && !ctx.overCountConfirmed) {
    const already = onRound === 0 ? '' : ` and ${onRound} ${onRound === 1 ? 'has' : 'have'} already been delivered there`;
    confirm = `Round "${round.name}" has ${round.households} households${already}; this drop makes ${total} copies, ${total - round.households} more than its households. Log it anyway?`;
  }
  return { errors, confirm, leftAfter };
}
