import { parseVotedIn } from '../../shared/domain/voting-columns.ts';
import { CliError } from './command.ts';

/** `--voted N --of M` (voted in at least N of the last M elections), as walk sheets and knock-up sheets take it. */
export const votedInOptions = { voted: { type: 'string' }, of: { type: 'string' } } as const;

export function votedInOption(values: { voted?: unknown; of?: unknown }): { n: number; m: number } | undefined {
  const votedIn = parseVotedIn(values.voted as string | undefined, values.of as string | undefined);
  if (votedIn === null)
    throw new CliError('Give voting history as --voted N --of M: voted in at least N of the last M elections, M from 1 to 20 and N no more than M', 2);
  return votedIn;
}
