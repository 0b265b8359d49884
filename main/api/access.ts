import type { accessContract } from '../../shared/contract/access.ts';
import type { HandlersFor } from './context.ts';

export const accessHandlers: HandlersFor<typeof accessContract> = {
  // A copy, so the answer carries only the name and roles whatever else a door puts in a caller.
  'access.me': async (ctx) => (ctx.caller ? { name: ctx.caller.name, roles: [...ctx.caller.roles] } : null),
};
