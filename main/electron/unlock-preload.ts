// Sandboxed preload of the unlock window, bundled as CommonJS to dist/electron/unlock-preload.cjs.
// It exposes two named functions on fixed channels and never ipcRenderer itself; what is typed
// goes to main as three strings, nothing else.
import { contextBridge, ipcRenderer } from 'electron';
import { UNLOCK_ASK_CHANNEL, UNLOCK_SUBMIT_CHANNEL } from './channels.ts';

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

contextBridge.exposeInMainWorld('hustingsUnlock', {
  ask(): Promise<unknown> {
    return ipcRenderer.invoke(UNLOCK_ASK_CHANNEL);
  },
  submit(typed: { key?: unknown; newPassphrase?: unknown; repeat?: unknown }): Promise<unknown> {
    const t = typed ?? {};
    return ipcRenderer.invoke(UNLOCK_SUBMIT_CHANNEL, { key: text(t.key), newPassphrase: text(t.newPassphrase), repeat: text(t.repeat) });
  },
});
