import type { ContestPlan } from '../../shared/contract/planner.ts';
import { VERDICT_LABELS } from '../../shared/domain/planner.ts';
import { type Command, call, inputOf, numberOption, printJson, printTable, withApp } from './command.ts';

function printPlan(p: Omit<ContestPlan, 'decisions'>) {
  console.log(`${p.contest.areaName} (${p.contest.electionName}): ${VERDICT_LABELS[p.plan.verdict]}`);
  for (const f of p.plan.findings) console.log(`  - ${f.sentence}`);
}

export const plannerCommands: Command[] = [
  {
    path: ['planner', 'show'],
    usage: 'planner show CONTEST_ID [--db PATH] [--json]',
    summary: 'A contest’s plan: verdict and every reason',
    options: { json: { type: 'boolean' } },
    async run(values, positionals) {
      const input = inputOf(
        'planner.get',
        { contestId: numberOption(positionals[0]) },
        { contestId: { option: 'CONTEST_ID', guide: 'Give the contest id: hustings planner show CONTEST_ID' } },
      );
      const p = await withApp(values, (app) => call(app, 'planner.get', input));
      if (values.json) printJson(p);
      else printPlan(p);
      return 0;
    },
  },
  {
    path: ['planner', 'compare'],
    usage: 'planner compare [--election ID] [--db PATH] [--json]',
    summary: 'Every contest’s verdict side by side',
    options: { json: { type: 'boolean' }, election: { type: 'string' } },
    async run(values) {
      const input = inputOf('planner.list', { electionId: numberOption(values.election) }, { electionId: '--election' });
      const rows = await withApp(values, (app) => call(app, 'planner.list', input));
      if (values.json) printJson(rows);
      else if (rows.length === 0) console.log('No contests yet: add areas to an election first.');
      else
        printTable(
          rows.map((r) => ({
            contest: r.contest.id,
            area: r.contest.areaName,
            election: r.contest.electionName,
            status: r.contest.status,
            verdict: VERDICT_LABELS[r.plan.verdict],
          })),
          ['contest', 'area', 'election', 'status', 'verdict'],
        );
      return 0;
    },
  },
];
