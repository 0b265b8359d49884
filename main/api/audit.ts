import { allows } from '../../shared/contract/access.ts';
import type { auditContract } from '../../shared/contract/audit.ts';
import { type MethodName, contract } from '../../shared/contract/index.ts';
import { AppError } from '../../shared/contract/result.ts';
import type { Caller } from '../../shared/contract/roles.ts';
import { auditFacets, listAudit } from '../../db/repositories/audit.ts';
import type { HandlersFor } from './context.ts';

/**
 * Whose history is whose: each entity of the trail and the method that reads such a record. A
 * person who may call the method may read the record's history, whose copies hold no more than
 * the record. The team secretary reads the whole trail; an entity missing here is theirs alone
 * (the register, the canvass, accounts, backups…).
 */
const READ_BY: Readonly<Record<string, MethodName>> = {
  donation: 'treasury.getLedger',
  expense: 'treasury.getLedger',
  deposit: 'treasury.getLedger',
  'print-run-payment': 'treasury.getLedger',
  donor: 'treasury.getDonor',
  candidate: 'candidates.get',
  candidacy: 'candidacies.get',
  nomination_subscriber: 'candidacies.get',
  party_list: 'partyLists.get',
  party_list_member: 'partyLists.get',
  contest_result: 'results.get',
  election: 'elections.get',
  area: 'areas.get',
  contest: 'contests.get',
  task: 'tasks.list',
  milestone_override: 'deadlines.list',
  extra_holiday: 'holidays.list',
  leaflet: 'leaflets.get',
  print_run: 'printRuns.list',
  round: 'rounds.get',
  drop: 'drops.list',
  // An assignment names its volunteer, whose details are the coordinator's.
  round_assignment: 'volunteers.get',
  volunteer: 'volunteers.get',
};

/** The entities whose history the caller may read; null for all of them. */
function readableEntities(caller: Caller | undefined): string[] | null {
  if (caller === undefined || caller.roles.includes('admin')) return null;
  return Object.entries(READ_BY)
    .filter(([, method]) => allows(contract[method].access, caller.roles))
    .map(([entity]) => entity);
}

export const auditHandlers: HandlersFor<typeof auditContract> = {
  'audit.list': async (ctx, filter) => {
    const entities = readableEntities(ctx.caller);
    if (entities === null) return listAudit(ctx.db, filter);
    if (filter.entity !== undefined && !entities.includes(filter.entity))
      throw new AppError('forbidden', `Your roles do not let you read ${filter.entity} records, nor so their history — ask your team secretary.`);
    return listAudit(ctx.db, { ...filter, entities });
  },
  'audit.facets': async (ctx) => auditFacets(ctx.db),
};
