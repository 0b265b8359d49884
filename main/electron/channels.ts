// IPC channel names, shared by main and the sandboxed preload (which can bundle nothing that
// needs Node, so this file imports nothing).
export const INVOKE_CHANNEL = 'hustings:invoke';
export const JOB_EVENT_CHANNEL = 'hustings:job-event';
