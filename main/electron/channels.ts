// IPC channel names, shared by main and the sandboxed preload (which can bundle nothing that
// needs Node, so this file imports nothing).
export const INVOKE_CHANNEL = 'hustings:invoke';
export const JOB_EVENT_CHANNEL = 'hustings:job-event';
// The unlock screen (main/electron/unlock-window.ts): what to ask, and what was typed.
export const UNLOCK_ASK_CHANNEL = 'hustings:unlock-ask';
export const UNLOCK_SUBMIT_CHANNEL = 'hustings:unlock-submit';
