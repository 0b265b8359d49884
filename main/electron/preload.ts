// Sandboxed preload, bundled as CommonJS to dist/electron/preload.cjs (a sandboxed preload must
// be CJS). It exposes two named functions and never ipcRenderer itself; the channel names are
// fixed here, not chosen by the page.
import { contextBridge, ipcRenderer } from 'electron';
import type { IpcRendererEvent } from 'electron';
import type { ApiResult } from '../../shared/contract/result.ts';
import type { DesktopBridge } from '../../shared/contract/desktop-bridge.ts';
import { INVOKE_CHANNEL, JOB_EVENT_CHANNEL } from './channels.ts';

const bridge = {
  invoke(method: string, input: unknown): Promise<ApiResult> {
    if (typeof method !== 'string') return Promise.reject(new TypeError('method must be a string'));
    return ipcRenderer.invoke(INVOKE_CHANNEL, method, input);
  },
  onJobEvent(callback: (event: unknown) => void): () => void {
    if (typeof callback !== 'function') throw new TypeError('callback must be a function');
    const listener = (_event: IpcRendererEvent, payload: unknown) => callback(payload);
    ipcRenderer.on(JOB_EVENT_CHANNEL, listener);
    return () => {
      ipcRenderer.removeListener(JOB_EVENT_CHANNEL, listener);
    };
  },
} satisfies DesktopBridge;

contextBridge.exposeInMainWorld('hustings', bridge);
