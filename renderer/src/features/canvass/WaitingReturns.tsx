import type { Held } from '../../app/outbox.ts';
import { plural } from '../../ui/format.ts';

/**
 * Says how many returns typed on this screen wait on the device to be sent, and plainly why when
 * they cannot go (no server, or no longer signed in); nothing while all is well.
 */
export function WaitingReturns(props: {
  waiting: number;
  held: Held;
  /** The entry form is on the screen (not a page opened without an answer). */ entering: boolean;
}) {
  if (props.waiting === 0 && !props.held) return null;
  return (
    <div className="warning" role="status" data-testid="waiting-returns">
      {props.waiting > 0 && (
        <p>
          <strong>{plural(props.waiting, 'return')} waiting to be sent</strong>, kept on this device: they are sent as soon as they can be, even if this page is
          closed and opened again.
        </p>
      )}
      {props.held === 'signedOut' && (
        <p>
          You are no longer signed in: your session has ended, or the team secretary has switched your account off. Stop typing returns here:{' '}
          <a href="/sign-in">sign in again</a> on this device to send them, or ask your team secretary.
        </p>
      )}
      {props.held === 'unreachable' &&
        (props.entering ? (
          <p>The server cannot be reached just now. Keep typing: each return is kept on this device until it has been sent.</p>
        ) : (
          <p>The server cannot be reached just now: this screen opens, and the returns are sent, as soon as it answers.</p>
        ))}
    </div>
  );
}
