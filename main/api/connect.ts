import type { connectContract } from '../../shared/contract/connect.ts';
import { AppError } from '../../shared/contract/result.ts';
import { checkTeamAddress } from '../team-address.ts';
import type { HandlersFor } from './context.ts';
import { invalid } from './records.ts';

export const connectHandlers: HandlersFor<typeof connectContract> = {
  'connect.team': async (ctx, { address }) => {
    if (ctx.caller) throw new AppError('conflict', 'You connect to a team from Hustings on your own computer: this is a team server already.');
    const checked = await checkTeamAddress(address);
    if (!checked.ok) throw invalid(checked.message, { address: checked.message });
    // The desktop app remembers the team and opens it in its window; browser mode goes there itself.
    if (!ctx.openTeam) return { ...checked.value, opened: false };
    await ctx.openTeam(checked.value);
    return { ...checked.value, opened: true };
  },
};
