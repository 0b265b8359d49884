/**
 * GET /api/pdf/walk-sheets?area=ID[&district=CODE][&voted=N&of=M] in browser mode (behind the API's token check):
 * the PDF streamed as it is written, as a download. A refusal is one plain sentence with the
 * dispatcher's status, sent before any page is written.
 */
import type { ServerResponse } from 'node:http';
import { AppError, HTTP_STATUS } from '../../shared/contract/result.ts';
import type { Dispatch } from '../api/dispatcher.ts';
import { planWalkSheets, walkSheetsFileName, writeWalkSheets } from './walk-sheets.ts';

function refuse(res: ServerResponse, status: number, message: string) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
  res.end(message);
}

export async function serveWalkSheets(dispatch: Dispatch, url: URL, res: ServerResponse): Promise<void> {
  const areaText = url.searchParams.get('area') ?? '';
  const areaId = /^\d{1,15}$/.test(areaText) ? Number(areaText) : 0;
  if (areaId <= 0) return refuse(res, 400, 'Give the area as ?area=ID (its number in Hustings)');
  const district = url.searchParams.get('district') || undefined;
  const voted = url.searchParams.get('voted');
  const of = url.searchParams.get('of');
  let votedIn;
  if (voted !== null || of !== null) {
    const n = /^\d{1,2}$/.test(voted ?? '') ? Number(voted) : -1;
    const m = /^\d{1,2}$/.test(of ?? '') ? Number(of) : 0;
    if (n < 0 || m < 1 || n > m) return refuse(res, 400, 'Give voting history as ?voted=N&of=M: voted in N of the last M elections, N no more than M');
    votedIn = { n, m };
  }
  let plan;
  try {
    plan = await planWalkSheets(dispatch, areaId, district, votedIn);
  } catch (e) {
    if (e instanceof AppError) return refuse(res, HTTP_STATUS[e.code], e.message);
    throw e;
  }
  res.writeHead(200, {
    'Content-Type': 'application/pdf',
    'Content-Disposition': `attachment; filename="${walkSheetsFileName(plan, district)}"`,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
  });
  try {
    await writeWalkSheets(dispatch, areaId, plan, res);
  } catch {
    // Headers are gone: cut the download short rather than hand over half a file as whole.
    res.destroy();
  }
}
