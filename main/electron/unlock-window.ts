// The unlock window: shown when the keychain cannot open the database (or there is no keychain),
// it asks for the recovery key or passphrase and resolves with the keys that open the database.
// What to ask and what a typed key does live in ../desktop-unlock.ts; this file only wires them.
import { BrowserWindow, ipcMain } from 'electron';
import type { IpcMainInvokeEvent } from 'electron';
import path from 'node:path';
import type { KeyProtector, KeySource } from '../../db/sqlite/encryption/unlock.ts';
import { tryTyped, type Typed, whatToAsk } from '../desktop-unlock.ts';
import { isUnlockSender, UNLOCK_URL } from '../unlock-page.ts';
import { UNLOCK_ASK_CHANNEL, UNLOCK_SUBMIT_CHANNEL } from './channels.ts';

const PRELOAD = path.join(__dirname, 'unlock-preload.cjs');
const FORBIDDEN = { ok: false, message: 'This request did not come from the unlock window.' };

/** Once the right key was typed: the keys that open the database, and closing the window (done by
 * main once its own window is up, so the app never has no window and quits). */
export interface UnlockedByUser {
  keys: KeySource;
  close(): void;
}

/** Shows the unlock window until the right key is typed; null if the user closed it. */
export function askToUnlock(dbPath: string, protector: KeyProtector | undefined): Promise<UnlockedByUser | null> {
  return new Promise((resolve) => {
    let done = false;
    const win = new BrowserWindow({
      width: 760,
      height: 540,
      // Wide enough for a whole recovery key on one line.
      title: 'Unlock your data — Hustings',
      autoHideMenuBar: true,
      webPreferences: {
        preload: PRELOAD,
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        experimentalFeatures: false,
        webviewTag: false,
        navigateOnDragDrop: false,
        safeDialogs: true,
        disableBlinkFeatures: 'Auxclick',
        devTools: false,
        spellcheck: false,
      },
    });
    const finish = (unlocked: UnlockedByUser | null) => {
      if (done) return;
      done = true;
      ipcMain.removeHandler(UNLOCK_ASK_CHANNEL);
      ipcMain.removeHandler(UNLOCK_SUBMIT_CHANNEL);
      resolve(unlocked);
    };
    ipcMain.handle(UNLOCK_ASK_CHANNEL, (event: IpcMainInvokeEvent) =>
      isUnlockSender(event.senderFrame) ? whatToAsk(dbPath, protector !== undefined) : FORBIDDEN,
    );
    ipcMain.handle(UNLOCK_SUBMIT_CHANNEL, async (event: IpcMainInvokeEvent, typed: unknown) => {
      if (!isUnlockSender(event.senderFrame)) return FORBIDDEN;
      const t = (typeof typed === 'object' && typed !== null ? typed : {}) as Record<string, unknown>;
      const text = (v: unknown) => (typeof v === 'string' ? v : '');
      const input: Typed = { key: text(t.key), newPassphrase: text(t.newPassphrase), repeat: text(t.repeat) };
      const result = await tryTyped(dbPath, input, protector);
      if (!result.ok) return { ok: false, message: result.message };
      finish({ keys: result.keys, close: () => win.close() });
      return { ok: true };
    });
    win.on('closed', () => finish(null));
    void win.loadURL(UNLOCK_URL);
  });
}
