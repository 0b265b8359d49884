import { useEffect, useRef } from 'react';
import { useBlocker } from 'react-router';
import { ConfirmDialog } from './ConfirmDialog.tsx';

/**
 * Forms with changes not yet saved, each as a question asked at the moment someone leaves (a
 * form that is saving is not "changed": its own submit may navigate away). One guard for the
 * whole app, because a router honours only one blocker at a time and a page may hold several forms.
 */
const changedForms = new Set<() => boolean>();
const anyChanged = () => [...changedForms].some((changed) => changed());

/** Counts this form as changed while `changed()` says so, for as long as it is on screen. */
export function useUnsavedChanges(changed: () => boolean) {
  const latest = useRef(changed);
  latest.current = changed;
  useEffect(() => {
    const entry = () => latest.current();
    changedForms.add(entry);
    return () => {
      changedForms.delete(entry);
    };
  }, []);
}

/** Asks before leaving a page with a changed form: in the app (links, Back) and on reload or close. */
export function LeaveGuard() {
  const blocker = useBlocker(({ currentLocation, nextLocation }) => currentLocation.pathname !== nextLocation.pathname && anyChanged());
  useEffect(() => {
    const warn = (e: BeforeUnloadEvent) => {
      if (anyChanged()) e.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, []);
  return (
    <ConfirmDialog
      open={blocker.state === 'blocked'}
      title="Leave without saving?"
      message="You have changed a form on this page and not saved it. If you leave now, your changes are lost."
      confirmLabel="Leave without saving"
      onConfirm={() => blocker.proceed?.()}
      onCancel={() => blocker.reset?.()}
    />
  );
}
