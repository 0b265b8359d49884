import type { ApiResult } from './result.ts';

/**
 * What the desktop app's preload puts on `window.hustings`: the preload's object `satisfies` it
 * and the renderer reads `window.hustings` by it, so the two cannot drift apart.
 */
export interface DesktopBridge {
  /** One contract call, answered as the HTTP server answers it. */
  invoke(method: string, input: unknown): Promise<ApiResult>;
  /** Job progress events; returns the function that stops listening. */
  onJobEvent(callback: (event: unknown) => void): () => void;
}
