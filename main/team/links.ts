/**
 * One-time sign-in links: an invitation to a new account, or a reset of a forgotten password. The
 * token is shown once (printed, or on the Team page) and kept only hashed; opening the link lets
 * the person choose a password, once, before it expires.
 */
import { accountById, insertLink, linkByHash, setPasswordHash, useLink } from '../../db/repositories/team.ts';
import type { Queries, Store } from '../../db/store.ts';
import { hashPassword, passwordProblem } from './passwords.ts';
import { hashSecret, newSecret } from './secrets.ts';

export type LinkPurpose = 'invite' | 'reset';

/** An invitation gives a week to answer; a reset is for someone waiting for it, so a day. */
const LINK_LIFETIME_MS: Record<LinkPurpose, number> = { invite: 7 * 24 * 3600_000, reset: 24 * 3600_000 };

/** The path a link opens, under the server's address. */
const LINK_PATH = '/welcome';

export interface IssuedLink {
  token: string;
  expiresAt: string;
}

/** A new link for the account (any older unused one stops working). */
export async function issueLink(db: Queries, accountId: number, purpose: LinkPurpose, now = new Date()): Promise<IssuedLink> {
  const token = newSecret();
  const expiresAt = new Date(now.getTime() + LINK_LIFETIME_MS[purpose]).toISOString();
  await insertLink(db, { tokenHash: hashSecret(token), accountId, purpose, at: now.toISOString(), expiresAt });
  return { token, expiresAt };
}

/**
 * The address to give the person: the server's base address and the token. The page it opens
 * sends no Referer and the token opens once, so its staying in the browser's history gives nothing.
 */
export function linkAddress(base: string, token: string): string {
  return `${base.replace(/\/+$/, '')}${LINK_PATH}?link=${token}`;
}

export type LinkState = { ok: true; accountId: number; name: string; purpose: LinkPurpose } | { ok: false; message: string };

/** Whether the link still opens, and for whom. */
export async function checkLink(db: Queries, token: string, now = new Date()): Promise<LinkState> {
  const link = await linkByHash(db, hashSecret(token));
  if (!link)
    return { ok: false, message: 'This sign-in link is not known here: it may have been replaced by a newer one. Ask your team secretary for a new link.' };
  if (link.usedAt !== null)
    return { ok: false, message: 'This sign-in link has already been used. Sign in with your name and password, or ask your team secretary for a new link.' };
  if (link.expiresAt <= now.toISOString()) return { ok: false, message: 'This sign-in link has expired. Ask your team secretary for a new link.' };
  const account = await accountById(db, link.accountId);
  if (!account || account.switchedOffAt !== null) return { ok: false, message: 'This account has been switched off. Ask your team secretary.' };
  return { ok: true, accountId: account.id, name: account.name, purpose: link.purpose };
}

/** Sets the password the person chose through their link, and uses the link up. */
export async function redeemLink(store: Store, token: string, password: string, now = new Date()): Promise<LinkState> {
  const state = await checkLink(store, token, now);
  if (!state.ok) return state;
  const problem = passwordProblem(password);
  if (problem !== null) return { ok: false, message: problem };
  const hash = await hashPassword(password);
  return store.transaction(async (tx) => {
    // Two tabs racing with the same link: only one uses it.
    if (!(await useLink(tx, hashSecret(token), now.toISOString()))) return { ok: false, message: 'This sign-in link has just been used.' };
    await setPasswordHash(tx, state.accountId, hash);
    return state;
  });
}
