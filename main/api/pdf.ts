/**
 * The printable papers as PDF bytes (the desktop app's way to them; browser mode streams the same
 * files from GET /api/pdf/…). Written by main/pdf/*, reading through the other queries at once.
 */
import { Writable } from 'node:stream';
import type { PdfFile } from '../../shared/contract/pdf.ts';
import { expensesReturnFileName, planExpensesReturn, writeExpensesReturn } from '../pdf/expenses-return.ts';
import { planRoundSheet, roundSheetFileName, writeRoundSheet } from '../pdf/round-sheet.ts';
import { planWalkSheets, walkSheetsFileName, writeWalkSheets } from '../pdf/walk-sheets.ts';
import type { HandlersFor } from './context.ts';
import { queriesNow } from './dispatcher.ts';
import type { pdfContract } from '../../shared/contract/pdf.ts';

/** Runs a writer into memory and hands back its file. */
async function collect(fileName: string, write: (out: Writable) => Promise<{ pages: number }>): Promise<PdfFile> {
  const chunks: Buffer[] = [];
  const out = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  const { pages } = await write(out);
  return { fileName, pages, dataBase64: Buffer.concat(chunks).toString('base64') };
}

export const pdfHandlers: HandlersFor<typeof pdfContract> = {
  'pdf.walkSheets': async (ctx, input) => {
    const dispatch = queriesNow(ctx);
    const plan = await planWalkSheets(dispatch, input.areaId, input.pollingDistrict || undefined, input.votedIn);
    return collect(walkSheetsFileName(plan, input.pollingDistrict || undefined), (out) => writeWalkSheets(dispatch, input.areaId, plan, out));
  },
  'pdf.roundSheet': async (ctx, input) => {
    const round = await planRoundSheet(queriesNow(ctx), input.roundId);
    return collect(roundSheetFileName(round), (out) => writeRoundSheet(round, out));
  },
  'pdf.expensesReturn': async (ctx, input) => {
    const ret = await planExpensesReturn(queriesNow(ctx), input.contestId);
    return collect(expensesReturnFileName(ret), (out) => writeExpensesReturn(ret, out));
  },
};
