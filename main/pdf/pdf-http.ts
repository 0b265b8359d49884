/**
 * PDFs over browser mode's HTTP door (GET /api/pdf/…, behind the API's token check): streamed
 * as they are written, as a download. A refusal is one plain sentence with the dispatcher's
 * status, sent before any page is written.
 */
import type { ServerResponse } from 'node:http';
import type { Writable } from 'node:stream';
import { AppError, HTTP_STATUS } from '../../shared/contract/result.ts';
import type { Dispatch } from '../api/dispatcher.ts';
import { expensesReturnFileName, planExpensesReturn, writeExpensesReturn } from './expenses-return.ts';
import { planRoundSheet, roundSheetFileName, writeRoundSheet } from './round-sheet.ts';

export function refuse(res: ServerResponse, status: number, message: string) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
  res.end(message);
}

/** A positive id from the query string (`?round=12`), or 0. */
export function idParam(url: URL, name: string): number {
  const text = url.searchParams.get(name) ?? '';
  return /^\d{1,15}$/.test(text) ? Number(text) : 0;
}

/** The refusal of a voting-history filter (`?voted=N&of=M`) that cannot be one. */
export const VOTED_IN_PARAMS = 'Give voting history as ?voted=N&of=M: voted in N of the last M elections, M from 1 to 20 and N no more than M';

/** Plans (a refusal is answered in plain words), then streams the PDF the plan describes. */
export async function sendPdf<P>(
  res: ServerResponse,
  plan: () => Promise<P>,
  fileName: (p: P) => string,
  write: (p: P, out: Writable) => Promise<unknown>,
): Promise<void> {
  let planned: P;
  try {
    planned = await plan();
  } catch (e) {
    if (e instanceof AppError) return refuse(res, HTTP_STATUS[e.code], e.message);
    throw e;
  }
  res.writeHead(200, {
    'Content-Type': 'application/pdf',
    'Content-Disposition': `attachment; filename="${fileName(planned)}"`,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
  });
  try {
    await write(planned, res);
  } catch {
    // Headers are gone: cut the download short rather than hand over half a file as whole.
    res.destroy();
  }
}

/** GET /api/pdf/round-sheet?round=ID */
export function serveRoundSheet(dispatch: Dispatch, url: URL, res: ServerResponse): Promise<void> {
  const id = idParam(url, 'round');
  if (id <= 0) return Promise.resolve(refuse(res, 400, 'Give the round as ?round=ID (its number in Hustings)'));
  return sendPdf(res, () => planRoundSheet(dispatch, id), roundSheetFileName, writeRoundSheet);
}

/** GET /api/pdf/expenses-return?contest=ID */
export function serveExpensesReturn(dispatch: Dispatch, url: URL, res: ServerResponse): Promise<void> {
  const id = idParam(url, 'contest');
  if (id <= 0) return Promise.resolve(refuse(res, 400, 'Give the contest as ?contest=ID (its number in Hustings)'));
  return sendPdf(res, () => planExpensesReturn(dispatch, id), expensesReturnFileName, writeExpensesReturn);
}
