import type { Hustings } from '../../main/app.ts';
import type { JobEvent } from '../../main/jobs.ts';
import { ok } from './db.ts';

/** Sends a file the way the renderer does (text chunks) and returns its upload id. */
export async function upload(app: Hustings, name: string, text: string, chunk = 1000): Promise<string> {
  const { fileId } = await ok(app, 'uploads.begin', { name, size: text.length });
  for (let i = 0; i < text.length; i += chunk) await ok(app, 'uploads.append', { fileId, text: text.slice(i, i + chunk) });
  return fileId;
}

/** Uploads a register CSV, imports it with the suggested mapping and waits for the job's end. */
export async function importCsv(
  app: Hustings,
  areaId: number,
  text: string,
  name = 'register.csv',
  options: { mode?: 'replace' | 'alterations'; confirmRemovals?: boolean } = {},
): Promise<JobEvent> {
  const fileId = await upload(app, name, text);
  const preview = await ok(app, 'register.importPreview', { fileId });
  const started = await ok<JobEvent>(app, 'register.importStart', { fileId, areaId, mapping: preview.mapping, ...options });
  return app.jobs.wait(started.jobId);
}

export const HEADINGS =
  'Elector Number Prefix,Elector Number,Elector Number Suffix,Elector Markers,Elector Surname,Elector Forename,Address1,Address2,PostCode';

/** A small register: 3 streets, 2 districts. */
export const SMALL_REGISTER = [
  HEADINGS,
  'AA,1,,,Smith,John,1 Mill Lane,Newtown,AB1 2CD',
  'AA,2,,,Smith,Jane,1 Mill Lane,Newtown,AB1 2CD',
  'AA,3,,E,Brown,Ann,3 Mill Lane,Newtown,AB1 2CD',
  'AA,4,,,Green,Tom,2 Mill Lane,Newtown,AB1 2CD',
  'AA,5,,,Patel,Ravi,"Flat 2, 5 High Street",Newtown,AB1 3CD',
  'AA,6,,,Jones,Sam,"Flat 1, 5 High Street",Newtown,AB1 3CD',
  'AB,1,,,Okafor,Chidi,10 Park Road,Newtown,AB1 4CD',
  'AB,2,,,Okafor,Ada,10 Park Road,Newtown,AB1 4CD',
  'AB,3,1,,Lee,David,Rose Cottage,Park Road,AB1 4CD',
].join('\r\n');
