import type { leafletsContract } from '../../shared/contract/leaflets.ts';
import type { HandlersFor } from './context.ts';
import { volunteerHandlers } from './leaflets/volunteers.ts';
import { offerHandlers } from './leaflets/offers.ts';
import { leafletHandlers } from './leaflets/leaflets.ts';
import { artworkHandlers } from './leaflets/artwork.ts';
import { coverageHandlers } from './leaflets/coverage.ts';
import { printRunHandlers } from './leaflets/print-runs.ts';
import { roundHandlers } from './leaflets/rounds.ts';
import { dropHandlers } from './leaflets/drops.ts';

/** Every leaflets method's handler, gathered from one module per record type under leaflets/. */
export const leafletsHandlers: HandlersFor<typeof leafletsContract> = {
  ...volunteerHandlers,
  ...offerHandlers,
  ...leafletHandlers,
  ...artworkHandlers,
  ...coverageHandlers,
  ...printRunHandlers,
  ...roundHandlers,
  ...dropHandlers,
};
