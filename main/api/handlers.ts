import type { Contract } from '../../shared/contract/index.ts';
import { accessHandlers } from './access.ts';
import { areasHandlers } from './areas.ts';
import { assignmentsHandlers } from './assignments.ts';
import { auditHandlers } from './audit.ts';
import { candidatesHandlers } from './candidates.ts';
import { canvassHandlers } from './canvass.ts';
import { backupsHandlers } from './backups.ts';
import type { HandlersFor } from './context.ts';
import { contestsHandlers } from './contests.ts';
import { deadlinesHandlers } from './deadlines.ts';
import { electionsHandlers } from './elections.ts';
import { encryptHandlers } from './encrypt.ts';
import { encryptionHandlers } from './encryption.ts';
import { tasksHandlers } from './tasks.ts';
import { timetableHandlers } from './timetable.ts';
import { treasuryHandlers } from './treasury.ts';
import { jobsHandlers } from './jobs.ts';
import { registerHandlers } from './register.ts';
import { plannerHandlers } from './planner.ts';
import { leafletsHandlers } from './leaflets.ts';
import { partyListsHandlers } from './party-lists.ts';
import { pollingHandlers } from './polling-setup.ts';
import { tellingHandlers } from './telling.ts';
import { pdfHandlers } from './pdf.ts';
import { votingHandlers } from './voting.ts';
import { teamHandlers } from './team.ts';
import { connectHandlers } from './connect.ts';

/** Every method's handler; the type check fails if a contract method has none. */
export const handlers: HandlersFor<Contract> = {
  ...electionsHandlers,
  ...areasHandlers,
  ...contestsHandlers,
  ...candidatesHandlers,
  ...partyListsHandlers,
  ...leafletsHandlers,
  ...auditHandlers,
  ...timetableHandlers,
  ...tasksHandlers,
  ...deadlinesHandlers,
  ...treasuryHandlers,
  ...jobsHandlers,
  ...registerHandlers,
  ...canvassHandlers,
  ...assignmentsHandlers,
  ...plannerHandlers,
  ...backupsHandlers,
  ...encryptHandlers,
  ...encryptionHandlers,
  ...pollingHandlers,
  ...tellingHandlers,
  ...pdfHandlers,
  ...votingHandlers,
  ...accessHandlers,
  ...teamHandlers,
  ...connectHandlers,
};
