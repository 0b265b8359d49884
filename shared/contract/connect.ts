import { z } from 'zod';
import { EVERY_MEMBER, query } from './define.ts';

/** A team server the app connected to: where it is and whose campaign. */
const team = z.object({ origin: z.string(), campaign: z.string(), opened: z.boolean() });

/** "Connect to a team" from the app on a person's own computer (issue 13). */
export const connectContract = {
  // No personal data. Asked of the app on this computer only: on a team server the handler
  // refuses (it would make the server fetch addresses its people type).
  'connect.team': query(
    EVERY_MEMBER,
    'Check that an address answers as a Hustings team server and name its campaign; the desktop app then remembers it and opens it in its window',
    z.strictObject({ address: z.string().max(2000) }),
    team,
  ),
};
