import { type TextEncoding, detectEncoding, notAllText } from '../../../shared/domain/text-encoding.ts';
import { api } from './api.ts';

const CHUNK = 1_000_000;

/**
 * Sends a text file to the app in chunks (the same way through IPC and HTTP) and returns its
 * upload id and the encoding it was read in (UTF-8, UTF-16 or Windows-1252, found from its first
 * bytes). Reads the file as a stream, so a large register never sits whole in the page. A file
 * that is not text, or not all in one encoding, is refused with a message saying so.
 */
export async function uploadFile(file: File, onProgress?: (sentBytes: number) => void): Promise<{ fileId: string; encoding: TextEncoding }> {
  const sample = 64 * 1024;
  const detected = detectEncoding(new Uint8Array(await file.slice(0, sample).arrayBuffer()), file.size <= sample, file.name);
  if (!detected.ok) throw new Error(detected.message);
  const { encoding } = detected;
  const { fileId } = await api('uploads.begin', { name: file.name, size: file.size });
  const reader = file
    .stream()
    .pipeThrough(new TextDecoderStream(encoding, { fatal: true }))
    .getReader();
  let pending = '';
  let sent = 0;
  let lines = 1;
  for (;;) {
    let next: ReadableStreamReadResult<string>;
    try {
      next = await reader.read();
    } catch {
      throw new Error(notAllText(file.name, encoding, lines));
    }
    const { value, done } = next;
    if (value) pending += value;
    while (pending.length >= CHUNK || (done && pending.length > 0)) {
      const text = pending.slice(0, CHUNK);
      pending = pending.slice(text.length);
      await api('uploads.append', { fileId, text });
      sent += text.length;
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
      onProgress?.(Math.min(sent, file.size));
    }
    if (done) break;
  }
  return { fileId, encoding };
}
