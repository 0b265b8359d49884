import { format, parseISO } from 'date-fns';

/** A date as printed on paper: `Tue 3 Nov 2026` (as the screens show it), or a dash. */
export function paperDate(iso: string | null | undefined): string {
  return iso ? format(parseISO(iso), 'EEE d MMM yyyy') : '—';
}
