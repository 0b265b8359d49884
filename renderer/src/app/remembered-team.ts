/**
 * The team server this app last connected to, in this browser's storage of the app's own origin
 * (the local app: browser mode's 127.0.0.1 address, or the desktop window's app://hustings), so
 * the start page can offer to continue to it. The desktop app also opens it at start by itself
 * (main/remembered-team.ts); browser mode offers it on the start page.
 */
const KEY = 'hustings.team.v1';

export interface RememberedTeam {
  origin: string;
  campaign: string;
  /** Whether the person went to the team last (true) or chose the file on this computer. */
  open: boolean;
}

export function rememberedTeam(): RememberedTeam | null {
  try {
    const saved = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Partial<RememberedTeam> | null;
    if (typeof saved?.origin !== 'string' || typeof saved.campaign !== 'string') return null;
    return { origin: saved.origin, campaign: saved.campaign, open: saved.open === true };
  } catch {
    return null;
  }
}

export function rememberTeam(team: RememberedTeam): void {
  localStorage.setItem(KEY, JSON.stringify(team));
}
