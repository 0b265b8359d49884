import { ELECTION_TYPES, NATIONS, NATION_LABELS } from '../../shared/domain/election-types.ts';
import type { ElectionType, Nation } from '../../shared/domain/election-types.ts';
import { type ElectionRules, RulesInputError, rulesFor, rulesJson } from '../../shared/domain/election-rules.ts';
import { constituencyDesignation } from '../../shared/domain/constituency-designations.ts';
import { describeReturnRule } from '../../shared/domain/deposits.ts';
import { formatPence, formatRate } from '../../shared/domain/money.ts';
import { POST_KINDS, type PostKind } from '../../shared/domain/nominations.ts';
import { AREA_KINDS, type AreaKind } from '../../shared/domain/spending-limits.ts';
import { formatDateLong } from '../../shared/domain/working-days.ts';
import { CliError, type Command, type Values, printJson } from './command.ts';
import { dateOption } from './timetable.ts';

const GSS_NATION: Record<string, Nation> = { E: 'england', W: 'wales', S: 'scotland', N: 'northern-ireland' };

function oneOf<T extends string>(values: Values, name: string, allowed: readonly T[]): T | undefined {
  const v = values[name];
  if (v === undefined) return undefined;
  if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v)) {
    throw new CliError(`--${name} "${String(v)}" is not one of ${allowed.join(', ')}`, 2);
  }
  return v as T;
}

function wholeNumber(values: Values, name: string): number | undefined {
  const v = values[name];
  if (v === undefined) return undefined;
  if (typeof v !== 'string' || !/^\d[\d,]*$/.test(v)) throw new CliError(`--${name} must be a whole number, got ${JSON.stringify(v)}`, 2);
  return Number(v.replace(/,/g, ''));
}

/** The rules query the command line asks for; bad input is a CliError with exit code 2. */
function rulesQueryFromOptions(values: Values) {
  if (values.type === undefined) throw new CliError(`Missing --type: one of ${ELECTION_TYPES.join(', ')}`, 2);
  const type = oneOf<ElectionType>(values, 'type', ELECTION_TYPES)!;
  let nation = oneOf<Nation>(values, 'nation', NATIONS);
  let designation = oneOf<AreaKind>(values, 'designation', AREA_KINDS);
  const areaCode = values['area-code'];
  if (areaCode !== undefined) {
    if (designation !== undefined) throw new CliError('Give either --designation or --area-code, not both', 2);
    const code = String(areaCode).trim().toUpperCase();
    const found = constituencyDesignation(code);
    if (!found) throw new CliError(`--area-code "${String(areaCode)}" is not the GSS code of a 2024 UK Parliament constituency`, 2);
    designation = found;
    const codeNation = GSS_NATION[code[0]];
    if (nation !== undefined && nation !== codeNation) throw new CliError(`--area-code ${code} is in ${codeNation}, not ${nation}`, 2);
    nation = codeNation;
  }
  const policeArea = values['police-area'];
  if (policeArea !== undefined && (typeof policeArea !== 'string' || policeArea.trim() === ''))
    throw new CliError('--police-area needs the police area’s name', 2);
  return {
    type,
    nation,
    post: oneOf<PostKind>(values, 'post', POST_KINDS),
    designation,
    electorate: wholeNumber(values, 'electorate'),
    councils: wholeNumber(values, 'councils'),
    policeArea: policeArea as string | undefined,
    poll: dateOption(values, 'poll'),
    declared: dateOption(values, 'declared'),
  };
}

const OPTION_OF: Record<string, string> = {
  electorate: '--electorate',
  designation: '--designation or --area-code',
  councils: '--councils',
  policeArea: '--police-area',
  poll: '--poll',
  declared: '--declared',
  type: '--type',
  nation: '--nation',
  post: '--post',
};
const MISSING_OF: Record<string, string> = {
  electors: '--electorate',
  areaKind: '--designation or --area-code',
  councils: '--councils',
  policeArea: '--police-area',
};

const flag = (confirmed: boolean) => (confirmed ? '' : ' (unconfirmed: check it)');

/** The rules as sentences a volunteer can read. */
function rulesSentences(r: ElectionRules): string[] {
  const n = r.nominations;
  const lines = [
    `${r.label} (${NATION_LABELS[r.nation]}), ${r.ballot === 'list' ? 'a list ballot: party lists and individual candidates' : 'a single-candidate ballot'}.`,
  ];
  const s = n.subscribers;
  lines.push(
    s.required === 0
      ? `Subscribers: none${s.candidateSigns ? ': the candidate signs the nomination paper, with a witness' : ''}${flag(s.source === 'rules')}.`
      : `Subscribers: ${s.required} (${s.roles}) registered in ${s.registeredIn}${s.spread ? `, ${s.spread}` : ''}${flag(s.source === 'rules')}.`,
  );
  lines.push(
    n.deposit
      ? `Deposit: ${formatPence(n.deposit.amountPence, { wholePounds: true })}, ${describeReturnRule(n.deposit.returnRule)}${flag(n.deposit.amountSource === 'rules')}.`
      : 'Deposit: none.',
  );
  lines.push(`  Nomination rules: ${n.instrument}.`);
  for (const note of n.notes) lines.push(`  ${note}`);
  const l = r.limit;
  if (l.limitPence !== null) lines.push(`Spending limit: ${formatPence(l.limitPence)} (${l.working})${flag(l.confirmed)}.`);
  else if (l.rule) {
    const rate =
      l.rule.perElector === null
        ? ''
        : 'flat' in l.rule.perElector
          ? ` + ${formatRate(l.rule.perElector.flat)} per elector`
          : ` + ${formatRate(l.rule.perElector.county)} per elector (county) or ${formatRate(l.rule.perElector.borough)} (borough)`;
    const fixed =
      l.fixedPence !== null
        ? formatPence(l.fixedPence)
        : l.rule.perCouncil
          ? `${formatPence(l.rule.fixedPence)} × constituent councils`
          : 'a fixed sum per police area';
    lines.push(`Spending limit: ${fixed}${rate}${flag(l.confirmed)}; give ${MISSING_OF[l.missing ?? ''] ?? 'the missing figure'} to work it out.`);
  } else lines.push(`Spending limit: not known. ${l.working}.`);
  if (l.instrument) lines.push(`  Set by ${l.instrument}; checked ${formatDateLong(l.checkedOn!)}.`);
  if (l.note) lines.push(`  ${l.note}`);
  for (const p of r.periods ?? []) {
    lines.push(
      `${p.label}: ${formatDateLong(p.starts)} to ${formatDateLong(p.ends)}, limit ${p.limitPence === null ? 'not known' : formatPence(p.limitPence)}${flag(p.confirmed)}.`,
    );
  }
  const from = r.returnDue.countedFrom === 'declaration' ? 'the declaration of the result' : 'polling day';
  lines.push(
    `After the poll: invoices in within ${r.invoicesDueDays} days and paid within ${r.paymentDueDays} days of ${from}; the return of expenses within ${r.returnDue.days} days${r.returnDueDate ? `, by ${formatDateLong(r.returnDueDate)}` : ''}.`,
  );
  for (const w of r.warnings) lines.push(`Note: ${w}.`);
  return lines;
}

export const rulesCommands: Command[] = [
  {
    path: ['rules'],
    usage:
      'rules --type TYPE [--nation NATION] [--post POST] [--designation county|borough | --area-code GSS] [--electorate N] [--councils N] [--police-area NAME] [--poll YYYY-MM-DD] [--declared YYYY-MM-DD] [--json]',
    summary: 'The rules of an election: ballot, deposit, subscribers, spending limit and its periods, post-poll deadlines, each with its source',
    options: {
      type: { type: 'string' },
      nation: { type: 'string' },
      post: { type: 'string' },
      designation: { type: 'string' },
      'area-code': { type: 'string' },
      electorate: { type: 'string' },
      councils: { type: 'string' },
      'police-area': { type: 'string' },
      poll: { type: 'string' },
      declared: { type: 'string' },
      json: { type: 'boolean' },
    },
    async run(values) {
      let rules: ElectionRules;
      try {
        rules = rulesFor(rulesQueryFromOptions(values));
      } catch (e) {
        if (e instanceof RulesInputError) throw new CliError(`${OPTION_OF[e.field] ?? e.field}: ${e.message}`, 2);
        throw e;
      }
      if (values.json) printJson(rulesJson(rules));
      else console.log(rulesSentences(rules).join('\n'));
      return 0;
    },
  },
];
