/** GET /api/pdf/knock-up?contest=ID&room=ID&round=N[&voted=N&of=M] in browser mode (see pdf-http.ts). */
import type { ServerResponse } from 'node:http';
import type { Dispatch } from '../api/dispatcher.ts';
import { parseVotedIn } from '../../shared/domain/voting-columns.ts';
import { slug } from './dispatch-call.ts';
import { VOTED_IN_PARAMS, idParam, refuse, sendPdf } from './pdf-http.ts';
import { planKnockUpSheets, writeKnockUpSheets } from './knock-up-sheets.ts';

export async function serveKnockUpSheets(dispatch: Dispatch, url: URL, res: ServerResponse): Promise<void> {
  const req = { contestId: idParam(url, 'contest'), roomId: idParam(url, 'room'), round: idParam(url, 'round') };
  if (req.contestId <= 0 || req.roomId <= 0 || req.round <= 0)
    return refuse(res, 400, 'Give the contest, committee room and round as ?contest=ID&room=ID&round=N');
  const votedIn = parseVotedIn(url.searchParams.get('voted') ?? undefined, url.searchParams.get('of') ?? undefined);
  if (votedIn === null) return refuse(res, 400, VOTED_IN_PARAMS);
  const request = { ...req, ...(votedIn ? { votedIn } : {}) };
  return sendPdf(
    res,
    () => planKnockUpSheets(dispatch, request),
    (list) => `knock-up-${slug(list.roomName, 'room')}-round-${req.round}.pdf`,
    (list, out) => writeKnockUpSheets(dispatch, request, out, list),
  );
}
