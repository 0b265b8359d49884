/**
 * GET /api/pdf/tellers-rota?contest=ID in browser mode (behind the API's token check): the
 * tellers' rota as a download. A refusal is one plain sentence with the dispatcher's status.
 */
import type { ServerResponse } from 'node:http';
import { AppError, HTTP_STATUS } from '../../shared/contract/result.ts';
import type { Dispatch } from '../api/dispatcher.ts';
import { planTellersRota, tellersRotaFileName, writeTellersRota } from './tellers-rota.ts';

function refuse(res: ServerResponse, status: number, message: string) {
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(message);
}

export async function serveTellersRota(dispatch: Dispatch, url: URL, res: ServerResponse): Promise<void> {
  const text = url.searchParams.get('contest') ?? '';
  const contestId = /^\d{1,15}$/.test(text) ? Number(text) : 0;
  if (contestId <= 0) return refuse(res, 400, 'Give the contest as ?contest=ID (its number in Hustings)');
  let plan;
  try {
    plan = await planTellersRota(dispatch, contestId);
  } catch (e) {
    if (e instanceof AppError) return refuse(res, HTTP_STATUS[e.code], e.message);
    throw e;
  }
  res.writeHead(200, {
    'Content-Type': 'application/pdf',
    'Content-Disposition': `attachment; filename="${tellersRotaFileName(plan.overview)}"`,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
  });
  try {
    await writeTellersRota(plan, res);
  } catch {
    res.destroy();
  }
}
