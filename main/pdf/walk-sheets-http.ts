/** GET /api/pdf/walk-sheets?area=ID[&district=CODE][&voted=N&of=M] in browser mode (see pdf-http.ts). */
import type { ServerResponse } from 'node:http';
import type { Dispatch } from '../api/dispatcher.ts';
import { idParam, refuse, sendPdf } from './pdf-http.ts';
import { planWalkSheets, walkSheetsFileName, writeWalkSheets } from './walk-sheets.ts';

export async function serveWalkSheets(dispatch: Dispatch, url: URL, res: ServerResponse): Promise<void> {
  const areaId = idParam(url, 'area');
  if (areaId <= 0) return refuse(res, 400, 'Give the area as ?area=ID (its number in Hustings)');
  const district = url.searchParams.get('district') || undefined;
  const voted = url.searchParams.get('voted');
  const of = url.searchParams.get('of');
  let votedIn: { n: number; m: number } | undefined;
  if (voted !== null || of !== null) {
    const n = /^\d{1,2}$/.test(voted ?? '') ? Number(voted) : -1;
    const m = /^\d{1,2}$/.test(of ?? '') ? Number(of) : 0;
    if (n < 0 || m < 1 || n > m) return refuse(res, 400, 'Give voting history as ?voted=N&of=M: voted in N of the last M elections, N no more than M');
    votedIn = { n, m };
  }
  return sendPdf(
    res,
    () => planWalkSheets(dispatch, areaId, district, votedIn),
    (plan) => walkSheetsFileName(plan, district),
    (plan, out) => writeWalkSheets(dispatch, areaId, plan, out),
  );
}
