/**
 * What the desktop app shows when it cannot start (the database cannot be opened): a page that
 * says what happened and what to do, instead of the app closing without a word. Pure text here;
 * main/electron/main.ts only puts the page in a window.
 */
import { DatabaseTooNewError, MigrationMismatchError, NotHustingsDatabaseError } from '../db/sqlite/identity.ts';

export interface StartupFailure {
  title: string;
  /** What happened, in words a campaign coordinator can act on. */
  what: string;
  /** What to do, in order. */
  todo: string[];
  /** The error as the program saw it, for whoever helps. */
  detail: string;
}

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

export function describeStartupFailure(error: unknown, dbPath: string): StartupFailure {
  const detail = error instanceof Error ? error.message : String(error);
  const code = codeOf(error);
  if (error instanceof DatabaseTooNewError) {
    return {
      title: 'Your data was saved by a newer version of Hustings',
      what: `The data file ${dbPath} was last used by a newer version of Hustings than this one, which cannot read it safely. Nothing in it was changed.`,
      todo: ['Install the newer version of Hustings (or the newest) and open it again.', 'Or restore a backup taken before the upgrade: `hustings restore`.'],
      detail,
    };
  }
  if (error instanceof MigrationMismatchError) {
    return {
      title: 'Your data was saved by a different build of Hustings',
      what: `The data file ${dbPath} was last used by a different build of Hustings (a test or development copy, for instance), which changed it in ways this one does not know. Nothing in it was changed.`,
      todo: ['Open it with the Hustings that last used it.', 'Or restore a backup taken before that build opened it: `hustings restore`.'],
      detail,
    };
  }
  if (error instanceof NotHustingsDatabaseError) {
    return {
      title: 'The data file is not a Hustings database',
      what: `${dbPath} is not a file Hustings made, so it was not opened. Nothing in it was changed.`,
      todo: ['Move that file somewhere else, then open Hustings again to start afresh,', 'or put your Hustings backup back with `hustings restore`.'],
      detail,
    };
  }
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED' || code === 'EBUSY' || /database is locked/i.test(detail)) {
    return {
      title: 'Another program is using your data',
      what: `The data file ${dbPath} is locked by another program: another copy of Hustings, the “hustings” command (for instance “hustings serve”) or a backup or sync tool.`,
      todo: ['Close the other copy of Hustings or stop the `hustings` command.', 'Then open Hustings again.'],
      detail,
    };
  }
  if (code === 'EACCES' || code === 'EPERM' || code === 'SQLITE_READONLY' || code === 'SQLITE_CANTOPEN') {
    return {
      title: 'Hustings may not open your data file',
      what: `This computer did not let Hustings open ${dbPath} (its permissions, or the disk it is on).`,
      todo: ['Check that the file and its folder belong to you and that the disk is connected.', 'Then open Hustings again.'],
      detail,
    };
  }
  if (code === 'ENOSPC' || code === 'SQLITE_FULL') {
    return {
      title: 'The disk is full',
      what: `There is no room left on the disk that holds ${dbPath}, so Hustings could not open it safely.`,
      todo: ['Free some space on the disk.', 'Then open Hustings again.'],
      detail,
    };
  }
  return {
    title: 'Hustings could not open your data',
    what: `Something went wrong opening ${dbPath}. Nothing was changed.`,
    todo: ['Open Hustings again.', 'If it happens again, send the message below to whoever supports your Hustings; `hustings restore` puts a backup back.'],
    detail,
  };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The page as a document of its own: no script, its style inline, nothing fetched. */
export function startupFailurePage(f: StartupFailure): string {
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(f.title)} — Hustings</title>
<style>
body { font: 16px/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 40rem; padding: 0 1rem; color: #1a1a1a; }
h1 { font-size: 1.4rem; }
code, pre { font-family: ui-monospace, monospace; }
pre { white-space: pre-wrap; background: #f3f3f3; padding: .75rem; border-radius: 4px; }
</style>
</head>
<body>
<main>
<h1>${escapeHtml(f.title)}</h1>
<p>${escapeHtml(f.what)}</p>
<h2>What to do</h2>
<ol>${f.todo.map((t) => `<li>${escapeHtml(t)}</li>`).join('')}</ol>
<h2>The message</h2>
<pre>${escapeHtml(f.detail)}</pre>
</main>
</body>
</html>
`;
}

/** The page as a data: address for a window to load. */
export function startupFailureUrl(error: unknown, dbPath: string): string {
  return `data:text/html;charset=utf-8,${encodeURIComponent(startupFailurePage(describeStartupFailure(error, dbPath)))}`;
}
