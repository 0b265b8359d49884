import { OUTCOME_LABELS, type Outcome } from '../../../../shared/domain/canvass-codes.ts';

export function outcomeLabel(o: string | null): string {
  return o === null ? 'Not canvassed' : (OUTCOME_LABELS[o as Outcome] ?? o);
}

/** Address lines as one line: "1 Mill Lane, Newtown". */
export function oneLine(address: string, postcode?: string): string {
  return [...address.split('\n'), postcode].filter(Boolean).join(', ');
}
