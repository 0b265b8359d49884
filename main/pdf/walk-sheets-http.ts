/** GET /api/pdf/walk-sheets?area=ID[&district=CODE][&voted=N&of=M] in browser mode (see pdf-http.ts). */
import type { ServerResponse } from 'node:http';
import type { Dispatch } from '../api/dispatcher.ts';
import { parseVotedIn } from '../../shared/domain/voting-columns.ts';
import { VOTED_IN_PARAMS, idParam, refuse, sendPdf } from './pdf-http.ts';
import { planWalkSheets, walkSheetsFileName, writeWalkSheets } from './walk-sheets.ts';

export async function serveWalkSheets(dispatch: Dispatch, url: URL, res: ServerResponse): Promise<void> {
  const areaId = idParam(url, 'area');
  if (areaId <= 0) return refuse(res, 400, 'Give the area as ?area=ID (its number in Hustings)');
  const district = url.searchParams.get('district') || undefined;
  const votedIn = parseVotedIn(url.searchParams.get('voted') ?? undefined, url.searchParams.get('of') ?? undefined);
  if (votedIn === null) return refuse(res, 400, VOTED_IN_PARAMS);
  return sendPdf(
    res,
    () => planWalkSheets(dispatch, areaId, district, votedIn),
    (plan) => walkSheetsFileName(plan, district),
    (plan, out) => writeWalkSheets(dispatch, areaId, plan, out),
  );
}
