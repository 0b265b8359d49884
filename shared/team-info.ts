import { z } from 'zod';

/**
 * What a team server (`serve --team`) tells anyone who asks, before sign-in: that it is one, and
 * its campaign's name. Nothing about its people. The desktop app and browser mode ask it when a
 * person types the server's address; the app's title names the campaign from it.
 */
export const TEAM_INFO_PATH = '/api/team-info';

export const teamInfo = z.object({ hustings: z.literal('team-server'), campaign: z.string().min(1).max(200) });
export type TeamInfo = z.output<typeof teamInfo>;
