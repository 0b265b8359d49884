/**
 * Leaflet stock: copies printed (print runs in) less copies delivered (drops out). Dates are
 * 'YYYY-MM-DD'; on one day, a print run counts before a drop (a run delivered the day it is
 * collected from the printer is normal).
 */
export interface StockIn {
  printedOn: string;
  quantity: number;
}

export interface StockOut {
  droppedOn: string;
  delivered: number;
}

export interface Stock {
  printed: number;
  delivered: number;
  /** printed − delivered; negative when more was logged out than was ever printed. */
  onHand: number;
}

export function stockOf(runs: readonly StockIn[], drops: readonly StockOut[]): Stock {
  const printed = runs.reduce((n, r) => n + r.quantity, 0);
  const delivered = drops.reduce((n, d) => n + d.delivered, 0);
  return { printed, delivered, onHand: printed - delivered };
}

/** Stock at the end of `date`: runs printed and drops made on or before it. */
export function stockAt(runs: readonly StockIn[], drops: readonly StockOut[], date: string): Stock {
  return stockOf(
    runs.filter((r) => r.printedOn <= date),
    drops.filter((d) => d.droppedOn <= date),
  );
}

/** The earliest date a copy of the leaflet existed, or null when nothing has been printed. */
export function firstPrinted(runs: readonly StockIn[]): string | null {
  let first: string | null = null;
  for (const r of runs) if (first === null || r.printedOn < first) first = r.printedOn;
  return first;
}

/**
 * How many copies could go out on `date` without the stock going below zero then or on any
 * later date already logged (a later drop must not be left without the copies it used).
 */
export function availableOn(runs: readonly StockIn[], drops: readonly StockOut[], date: string): number {
  const dates = new Set<string>([date]);
  for (const r of runs) if (r.printedOn > date) dates.add(r.printedOn);
  for (const d of drops) if (d.droppedOn > date) dates.add(d.droppedOn);
  let least = Infinity;
  for (const day of dates) least = Math.min(least, stockAt(runs, drops, day).onHand);
  return Math.max(0, least);
}

/** The first day on which the logged drops exceed the copies printed so far, or null. */
export function firstShortfall(runs: readonly StockIn[], drops: readonly StockOut[]): { date: string; onHand: number } | null {
  const days = [...new Set([...runs.map((r) => r.printedOn), ...drops.map((d) => d.droppedOn)])].sort();
  for (const day of days) {
    const { onHand } = stockAt(runs, drops, day);
    if (onHand < 0) return { date: day, onHand };
  }
  return null;
}

/** Stock of every leaflet that has a run or a drop, keyed by leaflet id. */
export function stockByLeaflet<K>(runs: readonly (StockIn & { leafletId: K })[], drops: readonly (StockOut & { leafletId: K })[]): Map<K, Stock> {
  const ids = new Set<K>([...runs.map((r) => r.leafletId), ...drops.map((d) => d.leafletId)]);
  const result = new Map<K, Stock>();
  for (const id of ids) {
    result.set(
      id,
      stockOf(
        runs.filter((r) => r.leafletId === id),
        drops.filter((d) => d.leafletId === id),
      ),
    );
  }
  return result;
}
