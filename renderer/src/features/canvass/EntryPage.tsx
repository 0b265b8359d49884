import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { flushSync } from 'react-dom';
import { Link, useParams } from 'react-router';
import type { ElectorSummaryOut } from '../../../../shared/contract/register.ts';
import { readTypedNumber } from '../../../../shared/domain/elector-number.ts';
import { OUTCOME_LABELS, REQUEST_LABELS, codeTable, parseReturnCodes, supportLabel, type CodeConfig } from '../../../../shared/domain/canvass-codes.ts';
import { ApiCallError, api, useApi } from '../../app/api.ts';
import { enqueue, newClientId, useOutbox, waitingIn, withdraw, type Outcome, type OutboxItem } from '../../app/outbox.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { formatDate } from '../../ui/format.ts';
import { Loaded } from '../../ui/Loaded.tsx';
import { PageHeader } from '../../ui/Page.tsx';
import { useTypeAhead } from '../../ui/typeAhead.ts';
import { oneLine, outcomeLabel } from '../register/labels.ts';
import { HouseholdPicker } from './HouseholdPicker.tsx';
import { DistrictNames, type Chosen } from './districtNames.ts';
import { WaitingReturns } from './WaitingReturns.tsx';

type Recent = Awaited<ReturnType<typeof api<'canvass.listRecent'>>>[number];
/** A return undone on this screen, to put back with Ctrl+Y. */
type Undone = { elector: Chosen; codes: string; note: string };

function describe(text: string, config: CodeConfig, table: ReturnType<typeof codeTable>): { ok: boolean; text: string } {
  if (text.trim() === '') return { ok: false, text: '' };
  const r = parseReturnCodes(text, config, table);
  if (!r.ok) return { ok: false, text: r.message };
  const v = r.value;
  return {
    ok: true,
    text: [OUTCOME_LABELS[v.outcome], v.support && `support ${supportLabel(v.support, config)}`, ...v.requests.map((q) => REQUEST_LABELS[q])]
      .filter(Boolean)
      .join(' · '),
  };
}

/**
 * Speed entry of paper returns, keyboard only: the next elector in walk order is already chosen
 * (type another number to jump), Tab, Enter or Space goes to the codes, Enter saves and moves on,
 * Ctrl+Z undoes the last return and Ctrl+Y puts it back, ↑/↓ step through the walk. Without a
 * number, Shift+Tab goes to the household search: part of the address, Enter, then the person,
 * Enter, and on to the codes. Keys typed while the server answers are held and applied in order
 * (`useTypeAhead`), so a fast volunteer's returns land on the electors they were typed for.
 *
 * Each return goes through the outbox (app/outbox.ts): kept on the device with an id of its own
 * before it is sent, so when the server stops answering the volunteer goes on — a number is found
 * in the district's names and the next paper is the walk's next (`DistrictNames`) — and the returns
 * waiting are sent, each recorded once, when it answers again, even after the page was reloaded.
 */
export function EntryPage() {
  const sessionId = Number(useParams().id);
  // A fresh screen per session: nothing typed, undoable or remembered for one session acts on another.
  return <SessionEntry key={sessionId} sessionId={sessionId} />;
}

function SessionEntry(props: { sessionId: number }) {
  const sessionId = props.sessionId;
  const scope = `canvass:${sessionId}`;
  const session = useApi('canvass.getSession', { id: sessionId });
  const codes = useApi('canvass.getCodes', {});
  const typeAhead = useTypeAhead();
  /** Work that awaits the server, keys held meanwhile; a failure is said on the screen. */
  const run = (work: () => Promise<void>) =>
    typeAhead.run(async () => {
      try {
        await work();
      } catch (err) {
        flushSync(() => setError((err as Error).message));
      }
    });
  const [recent, setRecent] = useState<Recent[]>([]);
  const [current, setCurrent] = useState<Chosen | null>(null);
  const [numberText, setNumberText] = useState('');
  const [codeText, setCodeText] = useState('');
  const [note, setNote] = useState('');
  const [status, setStatus] = useState('');
  const [warning, setWarning] = useState('');
  const [error, setError] = useState<string>();
  /** An elector from another polling district than the session's, typed: asked about before going on. */
  const [asking, setAsking] = useState<ElectorSummaryOut | null>(null);
  /** A return from before this screen was opened, to undo once the volunteer says so. */
  const [undoAsking, setUndoAsking] = useState<Recent | null>(null);
  const [redo, setRedo] = useState<Undone[]>([]);
  const [members, setMembers] = useState<ElectorSummaryOut[]>([]);
  /** The typed number's name, from the district's names, shown while the server looks the elector up. */
  const [preview, setPreview] = useState<{ electorNumber: string; fullName: string } | null>(null);
  /** The screen has opened: the district's names are asked for then, so opening it never waits for them. */
  const [opened, setOpened] = useState(false);
  /** Returns saved on this screen since it was opened: these undo without asking. */
  const sitting = useRef(new Set<number>());
  /** Returns whose sender is waiting for the answer itself; answers to the others come to `answered`. */
  const sending = useRef(new Set<string>());
  /** Where the walk is in the session's district, to come back to after a paper from elsewhere. */
  const walk = useRef<Chosen | null>(null);
  /** The elector from another district the volunteer said to enter here all the same. */
  const allowed = useRef<number | null>(null);
  const numberRef = useRef<HTMLInputElement>(null);
  const codesRef = useRef<HTMLInputElement>(null);
  const householdRef = useRef<HTMLInputElement>(null);
  const table = useMemo(() => (codes.data ? codeTable(codes.data) : undefined), [codes.data]);
  const s = session.data;
  const district = s?.pollingDistrict || undefined;
  const ready = Boolean(s && table);
  const inSession = (e: Chosen) => !district || e.pollingDistrict === district;
  // A district's names (4,000 electors: about 185 KB), so a typed number shows its name at once
  // and entry goes on while the server does not answer. A whole-area session looks each number
  // up on the server only, so it needs the server.
  const names = useApi('register.listNames', opened && s && district ? { areaId: s.areaId, pollingDistrict: district } : null);
  // The names last read are kept: a reload of them that fails (no answer) does not take them away.
  const kept = useRef<DistrictNames | null>(null);
  const districtNames = useMemo(() => {
    if (names.data && s && district) kept.current = new DistrictNames(names.data, s.areaId, district);
    return kept.current;
  }, [names.data, s, district]);

  /** Returns kept on the device and sent later: the list of those entered is read again once none waits. */
  const answered = (o: Outcome<'canvass.recordReturn'>) => {
    if (sending.current.has(o.clientId)) return;
    if (!o.ok) return flushSync(() => setError(`A return kept on this device was refused${o.label ? ` (${o.label})` : ''}: ${o.message}`));
    sitting.current.add(o.result.return.id);
    if (waitingIn(scope).length === 0) void api('canvass.listRecent', { sessionId, limit: 20 }).then(setRecent, () => undefined);
  };
  const outbox = useOutbox(scope, answered);
  // Opened while the server did not answer: once it answers again, the screen comes back.
  useEffect(() => {
    if (outbox.held) return;
    if (session.error) session.reload();
    if (codes.error) codes.reload();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [outbox.held]);

  const focusNumber = () => {
    numberRef.current?.focus();
    numberRef.current?.select();
  };
  /** Puts an elector in the number field, selected, ready for the next paper. */
  const select = (e: Chosen | null) => {
    flushSync(() => {
      setCurrent(e);
      setNumberText(e?.electorNumber ?? '');
      setAsking(null);
    });
    if (e && inSession(e)) walk.current = e;
    focusNumber();
  };

  useEffect(() => {
    if (!s || !ready) return;
    void run(async () => {
      const latest = await api('canvass.listRecent', { sessionId, limit: 20 });
      flushSync(() => setRecent(latest));
      select(await whereStopped(s.areaId, district, latest, waitingIn(scope)));
      setOpened(true);
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [s?.id, ready]);

  useEffect(() => {
    if (!current?.householdId) return setMembers([]);
    let live = true;
    void api('register.getHousehold', { id: current.householdId }).then((h) => live && setMembers(h.members));
    return () => {
      live = false;
    };
  }, [current?.householdId]);

  /** The elector the number field names (looked up when it was typed). */
  const resolve = async (): Promise<Chosen | null> => {
    if (!s) return null;
    const typed = numberText.trim();
    if (current && typed.toUpperCase() === current.electorNumber) return current;
    if (typed === '') {
      flushSync(() => setError('Type an elector number, or Shift+Tab to find the household by its address.'));
      return null;
    }
    const canonical = readTypedNumber(typed, district);
    const known = canonical === null ? undefined : districtNames?.nameOf(canonical);
    if (canonical !== null && known !== undefined) flushSync(() => setPreview({ electorNumber: canonical, fullName: known }));
    let found: Chosen | null;
    try {
      found = await api('register.getByNumber', { areaId: s.areaId, electorNumber: typed, pollingDistrict: district });
    } catch (err) {
      // No answer: the district's names say who it is, and the return waits on the device.
      const named = err instanceof ApiCallError || canonical === null ? null : districtNames?.find(canonical);
      if (!named) throw err;
      found = named;
    } finally {
      if (known !== undefined) flushSync(() => setPreview(null));
    }
    flushSync(() => {
      setCurrent(found);
      if (!found) setError(`There is no elector ${typed}${district ? ` in polling district ${district}` : ''} on this register.`);
    });
    return found;
  };

  /**
   * A paper from another polling district than the session's: say so and stop. The same number
   * confirmed (Enter again) goes on; afterwards the walk comes back to where it was.
   */
  const elsewhere = (e: Chosen): boolean => {
    if (inSession(e) || allowed.current === e.id) {
      if (asking) flushSync(() => setAsking(null)); // the right number typed instead
      return false;
    }
    if (asking?.id === e.id) {
      allowed.current = e.id;
      flushSync(() => setAsking(null));
      return false;
    }
    flushSync(() => setAsking(e));
    focusNumber();
    return true;
  };

  const toCodes = () =>
    run(async () => {
      setError(undefined);
      const e = await resolve();
      if (e && !elsewhere(e)) codesRef.current?.focus();
    });

  /**
   * Records a return and moves on: to the walk's next, or back to the walk after a paper from
   * elsewhere. The return is kept on the device first; without an answer it waits there and the
   * walk goes on from the district's names.
   */
  const record = async (e: Chosen, codesTyped: string, noteTyped: string, onSaved: () => void) => {
    const clientId = newClientId();
    const label = `${e.electorNumber} ${e.fullName}`;
    sending.current.add(clientId);
    let outcome;
    try {
      outcome = await enqueue({
        clientId,
        scope,
        method: 'canvass.recordReturn',
        input: { sessionId, electorId: e.id, codes: codesTyped, note: noteTyped, clientId },
        label,
      });
    } finally {
      sending.current.delete(clientId);
    }
    if (outcome && !outcome.ok) throw new Error(outcome.message);
    if (!outcome) {
      flushSync(() => {
        onSaved();
        setStatus(`Kept on this device: ${label}: ${codesTyped.toUpperCase().replace(/\s+/g, '')}. It is sent as soon as it can be.`);
        setWarning('');
      });
      return select(inSession(e) ? (districtNames?.beside(e.electorNumber, 1) ?? null) : walk.current);
    }
    const r = outcome.result;
    sitting.current.add(r.return.id);
    const earlier = r.earlierInSession.map((x) => x.codes).join(', ');
    flushSync(() => {
      onSaved();
      setRecent((list) => [{ ...r.return, electorNumber: e.electorNumber, fullName: e.fullName }, ...list].slice(0, 20));
      setStatus(`Saved ${label}: ${r.return.codes}`);
      setWarning(earlier ? `${label} already has a return in this session (${earlier}): this is a second one. Ctrl+Z undoes it if it was a slip.` : '');
    });
    select(inSession(e) ? r.next : walk.current);
  };

  const save = () =>
    run(async () => {
      if (!codes.data || !table) return;
      setError(undefined);
      const check = describe(codeText, codes.data, table);
      if (!check.ok) return setError(check.text || 'Type the codes for this return, e.g. I3L');
      const e = await resolve();
      if (!e) return focusNumber();
      if (elsewhere(e)) return;
      try {
        await record(e, codeText, note, () => {
          setRedo([]);
          setCodeText('');
          setNote('');
        });
      } catch (err) {
        flushSync(() => setError((err as Error).message));
        codesRef.current?.focus();
      }
    });

  /** Undoes the latest return of the session; one from before this screen was opened asks first. */
  const undo = (confirmed = false) =>
    run(async () => {
      // The latest return still waiting on the device is taken back before it is sent.
      const waiting = waitingIn(scope).at(-1);
      if (waiting?.method === 'canvass.recordReturn' && withdraw(waiting.clientId)) {
        const back = districtNames?.withId(waiting.input.electorId) ?? null;
        flushSync(() => {
          if (back) setRedo((list) => [{ elector: back, codes: waiting.input.codes, note: waiting.input.note ?? '' }, ...list]);
          setStatus(`Taken back before it was sent: ${waiting.label ?? 'the last return'}.${back ? ' Ctrl+Y puts it back.' : ''}`);
          setWarning('');
          setError(undefined);
        });
        return back ? select(back) : focusNumber();
      }
      const last = recent[0];
      if (!last) return setStatus('Nothing to undo in this session.');
      if (!confirmed && !sitting.current.has(last.id)) return flushSync(() => setUndoAsking(last));
      await api('canvass.undoReturn', { id: last.id });
      sitting.current.delete(last.id);
      const [latest, back] = await Promise.all([
        api('canvass.listRecent', { sessionId, limit: 20 }),
        api('register.getByNumber', { areaId: s!.areaId, electorNumber: last.electorNumber }),
      ]);
      flushSync(() => {
        setRecent(latest);
        if (back) setRedo((list) => [{ elector: back, codes: last.codes, note: last.note }, ...list]);
        setStatus(`Undone: ${last.electorNumber} ${last.fullName} ${last.codes}.${back ? ' Ctrl+Y puts it back.' : ''}`);
        setWarning('');
        setError(undefined);
      });
      select(back);
    });

  /** Puts back the return undone last. */
  const redoLast = () =>
    run(async () => {
      const u = redo[0];
      if (!u) return setStatus('Nothing to put back.');
      await record(u.elector, u.codes, u.note, () => setRedo((list) => list.slice(1)));
    });

  /** A person chosen from a household: straight on to their codes, as after a typed number. */
  const pickFromHousehold = (e: Chosen) => {
    flushSync(() => {
      setError(undefined);
      setCurrent(e);
      setNumberText(e.electorNumber);
    });
    codesRef.current?.focus();
  };

  const step = (direction: 1 | -1) =>
    run(async () => {
      const from = current && inSession(current) ? current : walk.current;
      if (!from) return;
      let n: Chosen | null;
      try {
        n = await api('register.getNeighbour', { electorId: from.id, pollingDistrict: district, direction });
      } catch (err) {
        if (err instanceof ApiCallError || !districtNames) throw err;
        n = districtNames.beside(from.electorNumber, direction);
      }
      if (n) select(n);
    });

  /** Ctrl+Z / Ctrl+Y undo and redo returns when there is no typing of the user's own to undo in the field. */
  const common = (ev: KeyboardEvent<HTMLInputElement>) => {
    const untouched = ev.currentTarget.value === '' || (ev.currentTarget === numberRef.current && ev.currentTarget.value === current?.electorNumber);
    if (!(ev.ctrlKey || ev.metaKey) || !untouched) return false;
    const key = ev.key.toLowerCase();
    if (key === 'z' && !ev.shiftKey) void undo();
    else if (key === 'y' || (key === 'z' && ev.shiftKey)) void redoLast();
    else return false;
    ev.preventDefault();
    return true;
  };

  const goOn = () => {
    if (!asking) return;
    allowed.current = asking.id;
    pickFromHousehold(asking);
    setAsking(null);
  };

  const waitingHere = (entering: boolean) => <WaitingReturns waiting={outbox.waiting.length} held={outbox.held} entering={entering} />;
  // Every return reloads the session: a reload that fails says so above the screen, which stays as it is.
  // Opened again without an answer, the screen cannot show the session, but says what waits to be sent.
  return (
    <>
      {session.error && !session.data && (
        <>
          <PageHeader title="Enter returns" back={{ to: '/canvass', label: 'Canvass' }} />
          {waitingHere(false)}
        </>
      )}
      <Loaded of={[session, codes]} keep>
        {([s, config]) => {
          const live = describe(codeText, config, table ?? codeTable(config));
          return (
            <>
              <PageHeader
                title="Enter returns"
                subtitle={`${s.areaName}${s.pollingDistrict ? `, polling district ${s.pollingDistrict}` : ''} · ${formatDate(s.heldOn)}${s.canvassers ? ` · ${s.canvassers}` : ''}`}
                back={{ to: '/canvass', label: 'Canvass' }}
                actions={
                  <Link className="button" to={`/canvass/sessions/${s.id}/edit`}>
                    Change or delete the session
                  </Link>
                }
              />
              <p className="muted">
                The next elector in walk order is chosen for you: type another number to jump (a bare number is read in{' '}
                {district ? 'this polling district' : 'the area’s polling district when it has only one'}). <kbd>Tab</kbd>, <kbd>Enter</kbd> or <kbd>Space</kbd>{' '}
                goes to the codes; <kbd>Enter</kbd> saves and moves on. <kbd>Ctrl</kbd>+<kbd>Z</kbd> undoes the last return (one entered before you opened this
                screen asks first), <kbd>Ctrl</kbd>+<kbd>Y</kbd> puts it back; <kbd>↑</kbd>/<kbd>↓</kbd> step through the walk. No number on the return?{' '}
                <kbd>Shift</kbd>+<kbd>Tab</kbd> finds the household by its address. Keep typing while a return saves: nothing is lost, even when the connection
                drops.
              </p>
              {waitingHere(true)}
              <section
                className="entry panel"
                aria-label="Return"
                aria-busy={typeAhead.waiting}
                onKeyDownCapture={typeAhead.onKeyDownCapture}
                onPasteCapture={typeAhead.onPasteCapture}
              >
                <div className="row">
                  <HouseholdPicker
                    areaId={s.areaId}
                    pollingDistrict={district}
                    inputRef={householdRef}
                    run={run}
                    onPick={pickFromHousehold}
                    onLeave={focusNumber}
                  />
                  <div className="field">
                    <label htmlFor="entry-number">Elector number</label>
                    <input
                      id="entry-number"
                      ref={numberRef}
                      value={numberText}
                      autoComplete="off"
                      spellCheck={false}
                      onChange={(e) => {
                        setNumberText(e.target.value);
                        setError(undefined);
                      }}
                      onKeyDown={(ev) => {
                        if (common(ev)) return;
                        if (ev.key === 'Enter' || ev.key === ' ' || (ev.key === 'Tab' && !ev.shiftKey)) {
                          ev.preventDefault();
                          void toCodes();
                        } else if (ev.key === 'Escape' && asking) {
                          ev.preventDefault();
                          select(walk.current);
                        } else if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
                          ev.preventDefault();
                          void step(ev.key === 'ArrowDown' ? 1 : -1);
                        }
                      }}
                    />
                  </div>
                  <div className="field">
                    <label htmlFor="entry-codes">Codes</label>
                    <input
                      id="entry-codes"
                      ref={codesRef}
                      value={codeText}
                      autoComplete="off"
                      spellCheck={false}
                      aria-describedby="entry-meaning"
                      onChange={(e) => {
                        setCodeText(e.target.value);
                        setError(undefined);
                      }}
                      onKeyDown={(ev) => {
                        if (common(ev)) return;
                        if (ev.key === 'Enter') {
                          ev.preventDefault();
                          void save();
                        }
                      }}
                    />
                    <p id="entry-meaning" className={live.ok ? 'hint' : 'error'} aria-live="polite">
                      {live.text}
                    </p>
                  </div>
                  <div className="field">
                    <label htmlFor="entry-note">Note (optional)</label>
                    <input
                      id="entry-note"
                      value={note}
                      onChange={(e) => {
                        setNote(e.target.value);
                        setError(undefined);
                      }}
                      onKeyDown={(ev) => {
                        if (ev.key === 'Enter') {
                          ev.preventDefault();
                          void save();
                        }
                      }}
                    />
                  </div>
                </div>
                <div className="current" aria-live="polite">
                  {preview ? (
                    <p>
                      <strong>{preview.fullName}</strong> <code>{preview.electorNumber}</code> · …
                    </p>
                  ) : current?.offline ? (
                    <p>
                      <strong>{current.fullName}</strong> <code>{current.electorNumber}</code> · from this district’s names: the address and last return show
                      when the server answers
                    </p>
                  ) : current ? (
                    <p>
                      <strong>{current.fullName}</strong> <code>{current.electorNumber}</code> · {oneLine(current.address, current.postcode)} · last:{' '}
                      {outcomeLabel(current.latestOutcome)}
                      {current.latestSupport ? `, support: ${supportLabel(current.latestSupport, config)}` : ''}
                    </p>
                  ) : (
                    <p className="muted">No elector chosen: type an elector number.</p>
                  )}
                  {members.length > 1 && <p className="muted">Household: {members.map((m) => `${m.electorNumber} ${m.fullName}`).join(' · ')}</p>}
                </div>
                {asking && (
                  <div className="warning" role="alert">
                    <p>
                      {asking.electorNumber} {asking.fullName} is in polling district {asking.pollingDistrict}, not this session’s {district}. Is that the
                      number on the paper? <kbd>Enter</kbd> enters their return in this session all the same; otherwise type the right number.
                    </p>
                    <button type="button" onClick={goOn}>
                      Enter {asking.electorNumber} here
                    </button>
                  </div>
                )}
                {error && (
                  <p className="error" role="alert">
                    {error}
                  </p>
                )}
                {warning && (
                  <p className="warning" role="alert">
                    {warning}
                  </p>
                )}
                <p role="status" className="muted">
                  {status}
                </p>
              </section>
              <ConfirmDialog
                open={undoAsking !== null}
                title="Undo a return from before?"
                message={
                  undoAsking
                    ? `${undoAsking.electorNumber} ${undoAsking.fullName} (${undoAsking.codes}) was entered before you opened this screen, perhaps by someone else. Undo it all the same?`
                    : ''
                }
                confirmLabel="Undo it"
                onConfirm={() => {
                  setUndoAsking(null);
                  void undo(true);
                }}
                onCancel={() => {
                  setUndoAsking(null);
                  focusNumber();
                }}
              />
              <CodeKey config={config} />
              <h2>Entered this session</h2>
              {recent.length === 0 && outbox.waiting.length === 0 ? (
                <p className="muted">No returns yet.</p>
              ) : (
                <table>
                  <thead>
                    <tr>
                      <th scope="col">Elector</th>
                      <th scope="col">Codes</th>
                      <th scope="col">Note</th>
                    </tr>
                  </thead>
                  <tbody>
                    {[...outbox.waiting].reverse().map((w) => (
                      <tr key={w.clientId} className="muted">
                        <td>{w.label}</td>
                        <td>
                          <code>{'codes' in w.input ? w.input.codes.toUpperCase() : ''}</code>
                        </td>
                        <td>Waiting to be sent{'note' in w.input && w.input.note ? `: ${w.input.note}` : ''}</td>
                      </tr>
                    ))}
                    {recent.map((r) => (
                      <tr key={r.id}>
                        <td>
                          <Link to={`/electors/${r.electorId}`}>
                            {r.electorNumber} {r.fullName}
                          </Link>
                        </td>
                        <td>
                          <code>{r.codes}</code>
                        </td>
                        <td>{r.note || '—'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
              <div className="actions">
                <button type="button" onClick={() => void undo()} disabled={(recent.length === 0 && outbox.waiting.length === 0) || typeAhead.waiting}>
                  Undo the last return
                </button>
                {redo.length > 0 && (
                  <button type="button" onClick={() => void redoLast()} disabled={typeAhead.waiting}>
                    Put back {redo[0].elector.electorNumber} {redo[0].codes}
                  </button>
                )}
              </div>
            </>
          );
        }}
      </Loaded>
    </>
  );
}

/**
 * Where the volunteer stopped: the walk's next after the session's latest return in its district
 * (the walk's start when there is none). Returns still waiting on this device were typed after
 * those recorded, so the last of them counts first.
 */
async function whereStopped(areaId: number, district: string | undefined, latest: Recent[], waiting: OutboxItem[]): Promise<ElectorSummaryOut | null> {
  const inDistrict = (electorNumber: string) => !district || electorNumber.startsWith(`${district}-`);
  const typedHere = waiting.flatMap((i) => (i.method === 'canvass.recordReturn' && inDistrict(i.label ?? '') ? [i.input.electorId] : []));
  const last = typedHere.at(-1) ?? latest.find((r) => inDistrict(r.electorNumber))?.electorId;
  if (last !== undefined) return api('register.getNeighbour', { electorId: last, pollingDistrict: district, direction: 1 });
  return api('register.firstInWalk', { areaId, pollingDistrict: district });
}

function CodeKey(props: { config: CodeConfig }) {
  const c = props.config;
  return (
    <details className="panel">
      <summary>Your codes</summary>
      <ul className="plain code-key">
        {Object.entries(c.outcomes).map(([k, v]) => (
          <li key={k}>
            <code>{v}</code> {OUTCOME_LABELS[k as keyof typeof OUTCOME_LABELS]}
          </li>
        ))}
        {c.support.options.map((o) => (
          <li key={o.code}>
            <code>{o.code}</code> {o.label}
          </li>
        ))}
        {Object.entries(c.requests).map(([k, v]) => (
          <li key={k}>
            <code>{v}</code> {REQUEST_LABELS[k as keyof typeof REQUEST_LABELS]}
          </li>
        ))}
      </ul>
      <p className="muted">
        Support or requests alone mean the elector was in. <Link to="/canvass/codes">Change the codes</Link>
      </p>
    </details>
  );
}
