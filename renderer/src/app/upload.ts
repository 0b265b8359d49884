import { api } from './api.ts';

const CHUNK = 1_000_000;

/**
 * Sends a file to the app in text chunks (the same way through IPC and HTTP) and returns its
 * upload id. Reads the file as a stream, so a large register never sits whole in the page.
 */
export async function uploadFile(file: File, onProgress?: (sentBytes: number) => void): Promise<string> {
  const { fileId } = await api('uploads.begin', { name: file.name, size: file.size });
  const reader = file.stream().pipeThrough(new TextDecoderStream()).getReader();
  let pending = '';
  let sent = 0;
  for (;;) {
    const { value, done } = await reader.read();
    if (value) pending += value;
    while (pending.length >= CHUNK || (done && pending.length > 0)) {
      const text = pending.slice(0, CHUNK);
      pending = pending.slice(text.length);
      await api('uploads.append', { fileId, text });
      sent += text.length;
      onProgress?.(Math.min(sent, file.size));
    }
    if (done) break;
  }
  return fileId;
}
