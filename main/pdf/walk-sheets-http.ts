/** GET /api/pdf/walk-sheets?area=ID[&district=CODE] in browser mode (see pdf-http.ts). */
import type { ServerResponse } from 'node:http';
import type { Dispatch } from '../api/dispatcher.ts';
import { idParam, refuse, sendPdf } from './pdf-http.ts';
import { planWalkSheets, walkSheetsFileName, writeWalkSheets } from './walk-sheets.ts';

export async function serveWalkSheets(dispatch: Dispatch, url: URL, res: ServerResponse): Promise<void> {
  const areaId = idParam(url, 'area');
  if (areaId <= 0) return refuse(res, 400, 'Give the area as ?area=ID (its number in Hustings)');
  const district = url.searchParams.get('district') || undefined;
  return sendPdf(
    res,
    () => planWalkSheets(dispatch, areaId, district),
    (plan) => walkSheetsFileName(plan, district),
    (plan, out) => writeWalkSheets(dispatch, areaId, plan, out),
  );
}
