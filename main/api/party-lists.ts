import type { partyListsContract } from '../../shared/contract/party-lists.ts';
import type { HandlersFor } from './context.ts';
import { listHandlers } from './party-lists/lists.ts';
import { memberHandlers } from './party-lists/members.ts';

/** Every party-lists method's handler, gathered from one module per record type under party-lists/. */
export const partyListsHandlers: HandlersFor<typeof partyListsContract> = {
  ...listHandlers,
  ...memberHandlers,
};
