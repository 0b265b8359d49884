import type { candidatesContract } from '../../shared/contract/candidates.ts';
import type { HandlersFor } from './context.ts';
import { candidateHandlers } from './candidates/candidates.ts';
import { candidacyHandlers } from './candidates/candidacies.ts';
import { subscriberHandlers } from './candidates/subscribers.ts';
import { nominationHandlers } from './candidates/nominations.ts';
import { resultHandlers } from './candidates/results.ts';

/** Every candidates method's handler, gathered from one module per record type under candidates/. */
export const candidatesHandlers: HandlersFor<typeof candidatesContract> = {
  ...candidateHandlers,
  ...candidacyHandlers,
  ...subscriberHandlers,
  ...nominationHandlers,
  ...resultHandlers,
};
