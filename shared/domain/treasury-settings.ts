/**
 * What makes a contest's spending-limit settings wrong: pure rules over the settings and the facts
 * a handler gathers (today, the latest expense, whether the contest's limit rule has joint
 * candidates). The handler throws them as one invalid_input error.
 */
import { findPoliceArea } from './pcc-limits.ts';
import type { FieldProblem } from './problems.ts';
import { formatDateLong } from './working-days.ts';

export interface SettingsFacts {
  today: string;
  /** The latest date of an expense on the contest's return (invoice or payment), if any. */
  latestExpenseOn: string | null;
  /** The contest's limit rule reduces the limit for joint candidates (council elections). */
  jointReductions: boolean;
}

export interface SettingsToCheck {
  policeArea: string | null;
  returnDeliveredOn: string | null;
  jointCandidates: number;
}

export function treasurySettingsProblems(s: SettingsToCheck, facts: SettingsFacts): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (s.policeArea !== null && !findPoliceArea(s.policeArea)) {
    problems.push({ field: 'policeArea', message: `"${s.policeArea}" is not a police area: choose one from the list` });
  }
  const delivered = s.returnDeliveredOn;
  if (delivered) {
    if (delivered > facts.today) {
      problems.push({ field: 'returnDeliveredOn', message: `The return cannot be delivered in the future (${formatDateLong(delivered)})` });
    } else if (facts.latestExpenseOn && facts.latestExpenseOn > delivered) {
      problems.push({
        field: 'returnDeliveredOn',
        message: `An expense is dated ${formatDateLong(facts.latestExpenseOn)}, after ${formatDateLong(delivered)}: nothing on the return may be dated after it`,
      });
    }
  }
  if (s.jointCandidates > 1 && !facts.jointReductions) {
    problems.push({ field: 'jointCandidates', message: 'Joint-candidate reductions apply to council elections only' });
  }
  return problems;
}
