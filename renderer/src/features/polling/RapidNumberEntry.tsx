import { useRef, useState, type KeyboardEvent } from 'react';
import { api } from '../../app/api.ts';
import { enqueue, newClientId, useOutbox, waitingIn, withdraw, type Outcome } from '../../app/outbox.ts';
import { plural } from '../../ui/format.ts';

type Status = 'waiting' | 'recorded' | 'refused' | 'undone';
interface Entry {
  clientId: string;
  typed: string;
  postal: boolean;
  status: Status;
  text: string;
}

/** As read off a slip or a register page: 123, 123/1, or in full AB-123; `p` before or after marks a postal vote. */
const NUMBER = /^(?:[A-Za-z][A-Za-z0-9]{0,9}\s*-\s*)?\d{1,6}(?:[/.]\d{1,3})?$/;

/**
 * Number, Enter, as fast as they can be read (tellers' numbers on the day, the marked register
 * after it): each number is kept on this device at once (app/outbox.ts) and the field is ready
 * for the next before the server answers, so nothing holds up the typing; the answer then shows
 * the name for a moment (to catch a misread number) or why the number was refused, with the focus
 * left where it is. Ctrl+Z (or the button) takes back the last number. One batch is one district:
 * a new district is a new component (keyed by the page).
 */
export function RapidNumberEntry(props: {
  scope: string;
  contestId: number;
  electionId?: number;
  pollingDistrict: string;
  source: 'teller' | 'marked_register';
  allowPostal?: boolean;
}) {
  const [text, setText] = useState('');
  // Numbers of this district still waiting from before a reload are shown again.
  const [entries, setEntries] = useState<Entry[]>(() =>
    waitingIn(props.scope)
      .flatMap((i) =>
        i.method === 'telling.recordBatch' && i.input.pollingDistrict === props.pollingDistrict && i.input.electionId === props.electionId
          ? [
              {
                clientId: i.clientId,
                typed: i.input.entries[0].number,
                postal: i.input.entries[0].method === 'postal',
                status: 'waiting' as const,
                text: 'Waiting to send',
              },
            ]
          : [],
      )
      .reverse(),
  );
  const [flash, setFlash] = useState<{ ok: boolean; text: string } | null>(null);
  const input = useRef<HTMLInputElement>(null);

  const update = (clientId: string, status: Status, text: string) => setEntries((es) => es.map((e) => (e.clientId === clientId ? { ...e, status, text } : e)));
  const answered = (o: Outcome<'telling.recordBatch'>) => {
    if (!o.ok) {
      update(o.clientId, 'refused', o.message);
      setFlash({ ok: false, text: o.message });
      return;
    }
    const v = o.result.recorded[0];
    if (v) {
      const said = `${v.electorNumber} ${v.fullName}${v.method === 'postal' ? ' (postal)' : ''}`;
      update(o.clientId, 'recorded', said);
      setFlash({ ok: true, text: said });
    } else {
      const why = o.result.refused[0]?.message ?? 'Refused';
      update(o.clientId, 'refused', why);
      setFlash({ ok: false, text: why });
    }
  };
  const { waiting } = useOutbox(props.scope, answered);

  const submit = () => {
    const raw = text.trim();
    if (raw === '') return;
    const postal = Boolean(props.allowPostal) && /^p|p$/i.test(raw);
    const number = postal ? raw.replace(/^p\s*|\s*p$/i, '') : raw;
    setText('');
    if (!NUMBER.test(number)) {
      setFlash({
        ok: false,
        text: `“${raw}” is not an elector number: type the number as read, e.g. 123 or 123/1${props.allowPostal ? ', and p for a postal vote' : ''}`,
      });
      return;
    }
    const clientId = newClientId();
    setEntries((es) => [{ clientId, typed: number, postal, status: 'waiting', text: 'Waiting to send' }, ...es]);
    void enqueue({
      clientId,
      scope: props.scope,
      method: 'telling.recordBatch',
      input: {
        contestId: props.contestId,
        electionId: props.electionId,
        pollingDistrict: props.pollingDistrict,
        source: props.source,
        clientId,
        receivedAt: new Date().toISOString(),
        entries: [{ number, method: postal ? 'postal' : 'in_person' }],
      },
    });
  };

  const undo = async (entry?: Entry) => {
    const last = entry ?? entries.find((e) => e.status === 'waiting' || e.status === 'recorded');
    if (!last) return setFlash({ ok: false, text: 'Nothing to undo' });
    if (!withdraw(last.clientId)) {
      try {
        await api('telling.undo', { clientIds: [last.clientId] });
      } catch (e) {
        return setFlash({ ok: false, text: `Could not undo ${last.typed}: ${(e as Error).message}` });
      }
    }
    update(last.clientId, 'undone', `Undone: ${last.status === 'recorded' ? last.text : last.typed}`);
    setFlash({ ok: true, text: `Undone: ${last.status === 'recorded' ? last.text : last.typed}` });
    input.current?.focus();
  };

  const onKeyDown = (ev: KeyboardEvent<HTMLInputElement>) => {
    if (ev.key === 'Enter') {
      ev.preventDefault();
      submit();
    } else if (ev.key === 'z' && (ev.ctrlKey || ev.metaKey)) {
      ev.preventDefault();
      void undo();
    }
  };

  const recorded = entries.filter((e) => e.status === 'recorded').length;
  const refused = entries.filter((e) => e.status === 'refused').length;
  return (
    <section className="rapid-entry" aria-label="Number entry">
      <div className="rapid-row">
        <label htmlFor="rapid-number" className="rapid-label">
          Elector number in {props.pollingDistrict}
        </label>
        <input
          id="rapid-number"
          ref={input}
          className="rapid-input"
          autoFocus
          autoComplete="off"
          inputMode={props.allowPostal ? 'text' : 'numeric'}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={onKeyDown}
          aria-describedby="rapid-help"
        />
        <button type="button" onClick={() => void undo()}>
          Undo last
        </button>
      </div>
      <p id="rapid-help" className="hint">
        Type the number as read and press Enter ({props.pollingDistrict} is understood: 123 means {props.pollingDistrict}-123).
        {props.allowPostal ? ' Add p (123p) for a postal vote.' : ''} Ctrl+Z takes back the last one.
      </p>
      <p role="status" aria-live="polite" className={`rapid-flash ${flash ? (flash.ok ? 'rapid-ok' : 'rapid-bad') : ''}`}>
        {flash?.text ?? '\u00a0'}
      </p>
      <p className="rapid-counts" data-testid="running-count">
        This batch: <strong>{plural(recorded, 'number')} recorded</strong>
        {refused > 0 && <> · {refused} refused</>}
        {' · '}
        <span className={waiting.length > 0 ? 'warn-text' : undefined} data-testid="waiting">
          {waiting.length === 0 ? 'nothing waiting to send' : `${plural(waiting.length, 'number')} waiting to send (kept on this device)`}
        </span>
      </p>
      {entries.length > 0 && (
        <ol className="rapid-list" aria-label="Numbers entered, latest first">
          {entries.slice(0, 12).map((e) => (
            <li key={e.clientId} className={`rapid-${e.status}`}>
              <span className="rapid-typed">{e.typed}</span> {e.text}
              {(e.status === 'recorded' || e.status === 'waiting') && (
                <button type="button" className="small-button" onClick={() => void undo(e)} aria-label={`Undo ${e.typed}`}>
                  Undo
                </button>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
