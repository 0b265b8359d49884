/** Ends this session (or every session of the person), then shows the sign-in page. */
export async function signOut(everywhere: boolean): Promise<void> {
  await fetch(everywhere ? '/auth/sign-out-everywhere' : '/auth/sign-out', { method: 'POST' });
  window.location.assign('/sign-in');
}
