import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { PRIVATE_FILE } from '../private-files.ts';
import { CliError, type Values } from './command.ts';

/** The file named by --pdf, or a usage error. */
export function pdfPath(values: Values): string {
  const file = values.pdf;
  if (typeof file !== 'string' || file === '') throw new CliError('Name the PDF to write with --pdf FILE', 2);
  return file;
}

/**
 * The PDF file opened for writing, readable by its owner only (papers carry names and addresses).
 * Call once the request has been checked, so a refusal leaves no file behind.
 */
export async function openPdf(file: string): Promise<WriteStream> {
  const out = createWriteStream(file, { mode: PRIVATE_FILE });
  try {
    await once(out, 'open');
  } catch (e) {
    throw new CliError(`Cannot write ${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'its folder does not exist' : (e as Error).message}`);
  }
  return out;
}
