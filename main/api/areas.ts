import type { areasContract } from '../../shared/contract/areas.ts';
import { AppError } from '../../shared/contract/result.ts';
import { analyseAreaCsv, applyDecisions } from '../../shared/domain/area-import.ts';
import { deleteArea, existingAreaKeys, getArea, insertAreas, listAreas, updateArea } from '../../db/repositories/areas.ts';
import { listContests } from '../../db/repositories/contests.ts';
import { moneyKept } from './contests.ts';
import type { Ctx, HandlersFor } from './context.ts';
import { EDITABLE, guardedEdit } from './edits.ts';
import { requireRecord } from './records.ts';

export async function requireArea(ctx: Ctx, id: number) {
  return requireRecord(await getArea(ctx.db, id), 'area', id);
}

async function analyse(
  ctx: Ctx,
  input: { csv: string; defaultNation: Parameters<typeof analyseAreaCsv>[1]['defaultNation']; mapping?: Parameters<typeof analyseAreaCsv>[1]['mapping'] },
) {
  const existing = await existingAreaKeys(ctx.db);
  const analysis = analyseAreaCsv(input.csv, {
    mapping: input.mapping,
    defaultNation: input.defaultNation,
    existingCodes: existing.codes,
    existingNames: existing.names,
  });
  if (!analysis.mapping.name) {
    throw new AppError('invalid_input', `Choose which column holds the area's name (the file's columns are: ${analysis.headers.join(', ')})`, {
      'mapping.name': 'Choose the column with the name',
    });
  }
  for (const [field, column] of Object.entries(analysis.mapping)) {
    if (column && !analysis.headers.includes(column)) {
      throw new AppError('invalid_input', `The file has no column "${column}"`, { [`mapping.${field}`]: `No column "${column}" in this file` });
    }
  }
  return analysis;
}

export const areasHandlers: HandlersFor<typeof areasContract> = {
  'areas.list': async (ctx, { search }) => listAreas(ctx.db, search),
  'areas.get': async (ctx, { id }) => requireArea(ctx, id),
  'areas.create': async (ctx, input) => {
    const [id] = await insertAreas(ctx.db, [input]);
    const after = await requireArea(ctx, id);
    await ctx.audit({ action: 'create', entity: 'area', entityId: id, summary: `Created area ${input.name}`, after });
    return after;
  },
  'areas.update': guardedEdit(EDITABLE.area, async (ctx, { id, ...input }) => {
    const before = await requireArea(ctx, id);
    await updateArea(ctx.db, id, input);
    const after = await requireArea(ctx, id);
    await ctx.audit({ action: 'update', entity: 'area', entityId: id, summary: `Changed area ${input.name}`, before, after });
    return after;
  }),
  'areas.deleteImpact': async (ctx, { id }) => {
    const a = await requireArea(ctx, id);
    const contests = await listContests(ctx.db, { areaId: id });
    return { contests: contests.map((c) => c.electionName), blockedBy: await moneyKept(ctx, a.name, contests) };
  },
  'areas.delete': async (ctx, { id, confirm }) => {
    const before = await requireArea(ctx, id);
    const contests = await listContests(ctx.db, { areaId: id });
    const blockedBy = await moneyKept(ctx, before.name, contests);
    if (blockedBy) throw new AppError('conflict', blockedBy);
    if (contests.length > 0 && !confirm) {
      throw new AppError(
        'needs_confirmation',
        `${before.name} is contested in ${contests.map((c) => c.electionName).join(', ')}; deleting it deletes ${contests.length === 1 ? 'that contest' : 'those contests'} and everything recorded for them too.`,
      );
    }
    await deleteArea(ctx.db, id);
    await ctx.audit({ action: 'delete', entity: 'area', entityId: id, summary: `Deleted area ${before.name}`, before: { ...before, contests } });
    return { deletedContests: contests.length };
  },
  'areas.importPreview': async (ctx, input) => {
    const a = await analyse(ctx, input);
    const problemLines = new Set(a.problems.map((p) => p.line));
    return {
      headers: a.headers,
      mapping: a.mapping,
      rowCount: a.rows.length + a.problems.filter((p) => p.kind === 'invalid').length,
      readyCount: a.rows.filter((r) => !problemLines.has(r.line)).length,
      problems: a.problems,
      sample: a.rows.slice(0, 5).map(({ line, name, gssCode, electorate }) => ({ line, name, gssCode, electorate })),
    };
  },
  'areas.import': async (ctx, input) => {
    const a = await analyse(ctx, input);
    const { rows, skipped, undecided, refused } = applyDecisions(a, input.decisions);
    if (refused.length > 0) throw new AppError('invalid_input', refused.join('; '));
    if (undecided.length > 0) {
      throw new AppError(
        'needs_confirmation',
        `Decide what to do with ${undecided.length} row(s) first: ${undecided.map((p) => p.message).join(' ')}`,
        Object.fromEntries(undecided.map((p) => [`decisions.${p.line}`, 'Choose import or skip'])),
      );
    }
    const ids = await insertAreas(
      ctx.db,
      rows.map((r) => ({
        name: r.name,
        kind: input.kind,
        gssCode: r.gssCode,
        electorate: r.electorate,
        classification: r.classification,
        nation: r.nation,
        region: r.region,
        notes: '',
      })),
    );
    await ctx.audit({
      action: 'import',
      entity: 'area',
      entityId: null,
      summary: `Imported ${ids.length} area(s) from CSV, skipped ${skipped}`,
      after: { imported: ids.length, skipped, firstId: ids[0] ?? null, lastId: ids.at(-1) ?? null, decisions: input.decisions },
    });
    return { imported: ids.length, skipped };
  },
};
