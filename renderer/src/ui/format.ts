/** "Thu 4 Jul 2024" from "2024-07-04", the same words as the server's messages ('—' for none). */
export { formatDateLong as formatDate } from '../../../shared/domain/working-days.ts';

export function formatNumber(n: number | null | undefined): string {
  return n === null || n === undefined ? '—' : n.toLocaleString('en-GB');
}

export { plural } from '../../../shared/domain/words.ts';
