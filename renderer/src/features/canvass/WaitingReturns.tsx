import { plural } from '../../ui/format.ts';

/**
 * Says how many returns typed on this screen wait on the device to be sent, and plainly when the
 * server cannot be reached; nothing while all is well.
 */
export function WaitingReturns(props: {
  waiting: number;
  unreachable: boolean;
  /** The entry form is on the screen (not a page opened without an answer). */ entering: boolean;
}) {
  if (props.waiting === 0 && !props.unreachable) return null;
  return (
    <div className="warning" role="status" data-testid="waiting-returns">
      {props.waiting > 0 && (
        <p>
          <strong>{plural(props.waiting, 'return')} waiting to be sent</strong>, kept on this device: they are sent as soon as the server answers, even if this
          page is closed and opened again.
        </p>
      )}
      {props.unreachable &&
        (props.entering ? (
          <p>The server cannot be reached just now. Keep typing: each return is kept on this device until it has been sent.</p>
        ) : (
          <p>The server cannot be reached just now: this screen opens, and the returns are sent, as soon as it answers.</p>
        ))}
    </div>
  );
}
