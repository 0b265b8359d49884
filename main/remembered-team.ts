/**
 * The desktop app's memory of the team it was connected to: `team.json` in its user-data folder,
 * read at start to open the team again, and told when the person goes back to the file on this
 * computer. No Electron here (main/electron/main.ts wires it), so it is unit-tested.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Team, teamOrigin } from './team-address.ts';

interface Remembered {
  team: Team | null;
  /** What the app opens at start: the team, or the file on this computer (as before any team). */
  open: 'team' | 'file';
}

const FILE = 'team.json';

/** What was remembered; nothing (the file on this computer) when there is no file or it is not ours. */
function read(dir: string): Remembered {
  try {
    const saved = JSON.parse(readFileSync(join(dir, FILE), 'utf8')) as Partial<Remembered>;
    const team = saved.team;
    // A file edited by hand to an address the app would not connect to is not followed.
    if (typeof team?.campaign !== 'string' || typeof team.origin !== 'string') return { team: null, open: 'file' };
    const origin = teamOrigin(team.origin);
    if (!origin.ok || origin.value !== team.origin) return { team: null, open: 'file' };
    return { team: { origin: team.origin, campaign: team.campaign }, open: saved.open === 'team' ? 'team' : 'file' };
  } catch {
    return { team: null, open: 'file' };
  }
}

/** Written whole, then renamed over the old one: a crash leaves the old or the new, never half. */
function write(dir: string, remembered: Remembered): void {
  const file = join(dir, FILE);
  writeFileSync(`${file}.new`, JSON.stringify(remembered, null, 2), { mode: 0o600 });
  renameSync(`${file}.new`, file);
}

/** The team to open at start, or null for the file on this computer. */
export function teamToOpen(dir: string): Team | null {
  const remembered = read(dir);
  return remembered.open === 'team' ? remembered.team : null;
}

/** The team the person connected to: opened at the next start too. */
export function rememberTeam(dir: string, team: Team): void {
  write(dir, { team, open: 'team' });
}

/** Back to the file on this computer, at the next start too; the team stays known. */
export function openFileNextTime(dir: string): void {
  write(dir, { ...read(dir), open: 'file' });
}
