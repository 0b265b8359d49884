import type { Ledger } from '../../../../shared/contract/treasury.ts';

export const OUTCOME_LABELS: Record<Ledger['deposit']['outcome'], string> = {
  'no-deposit': 'No deposit',
  'awaiting-result': 'Awaiting the result',
  returned: 'Returned',
  forfeited: 'Forfeited',
};

export const LEVEL_LABELS: Record<Ledger['spend']['level'], string> = {
  ok: 'Within the limit',
  warning: 'Warning: over 80%',
  over: 'Over the limit',
  'no-limit': 'No limit set',
};

export const DONATION_STATUS_LABELS = { pending: 'To decide', accepted: 'Accepted', returned: 'Returned' } as const;
