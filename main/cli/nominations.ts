import type { NominationCheck } from '../../shared/contract/candidates.ts';
import { CANDIDACY_STATUS_LABELS, ITEM_STATE_LABELS } from '../../shared/domain/nominations.ts';
import { CONTEST_OPTION, type Command, call, inputOf, numberOption, printJson, withApp } from './command.ts';

function printCheck(check: NominationCheck): void {
  const lines = [`${check.contest} — close of nominations: ${check.closeOfNominations ?? 'not known yet'}`];
  const s = check.requirements.subscribers;
  lines.push(`Rules: ${check.requirements.label}; ${s.required} subscriber(s)${s.source === 'unconfirmed' ? ' (unconfirmed default)' : ''}`);
  if (check.candidacies.length === 0) lines.push('', 'No candidates in this contest yet.');
  for (const k of check.candidacies) {
    lines.push('', `${k.candidate} — ${CANDIDACY_STATUS_LABELS[k.status]} — ${k.complete ? 'papers complete' : 'papers NOT complete'}`);
    lines.push(`  subscribers: ${k.subscribers.count} of ${k.subscribers.required}${k.subscribers.unchecked ? ` (${k.subscribers.unchecked} unchecked)` : ''}`);
    for (const i of k.items) {
      const state = i.applies ? ITEM_STATE_LABELS[i.state] : 'Does not apply';
      lines.push(`  [${i.state === 'done' ? 'x' : ' '}] ${i.label}: ${state}${i.dueOn ? `, due ${i.dueOn}` : ''}`);
      for (const p of i.problems) lines.push(`      ! ${p}`);
    }
  }
  console.log(lines.join('\n'));
}

export const nominationsCommands: Command[] = [
  {
    path: ['nominations', 'check'],
    usage: 'nominations check --contest ID [--db PATH] [--json]',
    summary: 'Each candidacy’s nomination checklist in a contest: item states and the problems found',
    options: { contest: { type: 'string' }, json: { type: 'boolean' } },
    async run(values) {
      const input = inputOf('nominations.check', { contestId: numberOption(values.contest) }, { contestId: CONTEST_OPTION });
      const check = await withApp(values, (app) => call(app, 'nominations.check', input));
      if (values.json) printJson(check);
      else printCheck(check);
      return 0;
    },
  },
];
