import type { treasuryContract } from '../../shared/contract/treasury.ts';
import type { HandlersFor } from './context.ts';
import { overviewHandlers } from './treasury/overview.ts';
import { settingsHandlers } from './treasury/settings.ts';
import { depositHandlers } from './treasury/deposits.ts';
import { donorHandlers } from './treasury/donors.ts';
import { donationHandlers } from './treasury/donations.ts';
import { expenseHandlers } from './treasury/expenses.ts';

/** Every treasury method's handler, gathered from one module per record type under treasury/. */
export const treasuryHandlers: HandlersFor<typeof treasuryContract> = {
  ...overviewHandlers,
  ...settingsHandlers,
  ...depositHandlers,
  ...donorHandlers,
  ...donationHandlers,
  ...expenseHandlers,
};
