import type { z } from 'zod';
import { accessContract } from './access.ts';
import { areasContract } from './areas.ts';
import { assignmentsContract } from './assignments.ts';
import { auditContract } from './audit.ts';
import { candidatesContract } from './candidates.ts';
import { canvassContract } from './canvass.ts';
import { backupsContract } from './backups.ts';
import { contestsContract } from './contests.ts';
import type { MethodDef } from './define.ts';
import { electionsContract } from './elections.ts';
import { encryptContract } from './encrypt.ts';
import { encryptionContract } from './encryption.ts';
import { deadlinesContract, holidaysContract, tasksContract, timetableContract } from './timetable.ts';
import { treasuryContract } from './treasury.ts';
import { jobsContract } from './jobs.ts';
import { registerContract } from './register.ts';
import { plannerContract } from './planner.ts';
import { leafletsContract } from './leaflets.ts';
import { partyListsContract } from './party-lists.ts';
import { pollingSetupContract } from './polling-setup.ts';
import { tellingContract } from './telling.ts';
import { pdfContract } from './pdf.ts';
import { votingContract } from './voting.ts';
import { teamContract } from './team.ts';
import { connectContract } from './connect.ts';

/** Every method of the API. Each feature adds its own contract object here. */
export const contract = {
  ...electionsContract,
  ...areasContract,
  ...contestsContract,
  ...candidatesContract,
  ...partyListsContract,
  ...leafletsContract,
  ...auditContract,
  ...timetableContract,
  ...holidaysContract,
  ...tasksContract,
  ...deadlinesContract,
  ...treasuryContract,
  ...jobsContract,
  ...registerContract,
  ...canvassContract,
  ...assignmentsContract,
  ...plannerContract,
  ...backupsContract,
  ...encryptContract,
  ...encryptionContract,
  ...pollingSetupContract,
  ...tellingContract,
  ...pdfContract,
  ...votingContract,
  ...accessContract,
  ...teamContract,
  ...connectContract,
} satisfies Record<string, MethodDef>;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>;

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(contract, name);
}
