import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { flushSync } from 'react-dom';
import { Link, useParams } from 'react-router';
import type { ElectorSummaryOut } from '../../../../shared/contract/register.ts';
import { readTypedNumber } from '../../../../shared/domain/elector-number.ts';
import { OUTCOME_LABELS, REQUEST_LABELS, codeTable, parseReturnCodes, supportLabel, type CodeConfig } from '../../../../shared/domain/canvass-codes.ts';
import { api, useApi } from '../../app/api.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { formatDate } from '../../ui/format.ts';
import { Loaded } from '../../ui/Loaded.tsx';
import { PageHeader } from '../../ui/Page.tsx';
import { useTypeAhead } from '../../ui/typeAhead.ts';
import { oneLine, outcomeLabel } from '../register/labels.ts';
import { HouseholdPicker } from './HouseholdPicker.tsx';

type Recent = Awaited<ReturnType<typeof api<'canvass.listRecent'>>>[number];
/** A return undone on this screen, to put back with Ctrl+Y. */
type Undone = { elector: ElectorSummaryOut; codes: string; note: string };

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
 */
export function EntryPage() {
  const sessionId = Number(useParams().id);
  // A fresh screen per session: nothing typed, undoable or remembered for one session acts on another.
  return <SessionEntry key={sessionId} sessionId={sessionId} />;
}

function SessionEntry(props: { sessionId: number }) {
  const sessionId = props.sessionId;
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
  const [current, setCurrent] = useState<ElectorSummaryOut | null>(null);
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
  /** A number has been typed: the district's names are asked for then, so opening the screen never waits for them. */
  const [numberTyped, setNumberTyped] = useState(false);
  /** Returns saved on this screen since it was opened: these undo without asking. */
  const sitting = useRef(new Set<number>());
  /** Where the walk is in the session's district, to come back to after a paper from elsewhere. */
  const walk = useRef<ElectorSummaryOut | null>(null);
  /** The elector from another district the volunteer said to enter here all the same. */
  const allowed = useRef<number | null>(null);
  const numberRef = useRef<HTMLInputElement>(null);
  const codesRef = useRef<HTMLInputElement>(null);
  const householdRef = useRef<HTMLInputElement>(null);
  const table = useMemo(() => (codes.data ? codeTable(codes.data) : undefined), [codes.data]);
  const s = session.data;
  const district = s?.pollingDistrict || undefined;
  const ready = Boolean(s && table);
  const inSession = (e: ElectorSummaryOut) => !district || e.pollingDistrict === district;
  // A district's names (4,000 electors: about 185 KB), so a typed number shows its name at once.
  // A whole-area session looks each number up on the server only.
  const names = useApi('register.listNames', numberTyped && s && district ? { areaId: s.areaId, pollingDistrict: district } : null);
  const nameOf = useMemo(() => new Map(names.data?.map(([number, , name]) => [number, name])), [names.data]);

  const focusNumber = () => {
    numberRef.current?.focus();
    numberRef.current?.select();
  };
  /** Puts an elector in the number field, selected, ready for the next paper. */
  const select = (e: ElectorSummaryOut | null) => {
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
      select(await whereStopped(s.areaId, district, latest));
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
  const resolve = async (): Promise<ElectorSummaryOut | null> => {
    if (!s) return null;
    const typed = numberText.trim();
    if (current && typed.toUpperCase() === current.electorNumber) return current;
    if (typed === '') {
      flushSync(() => setError('Type an elector number, or Shift+Tab to find the household by its address.'));
      return null;
    }
    const canonical = readTypedNumber(typed, district);
    const known = canonical === null ? undefined : nameOf.get(canonical);
    if (canonical !== null && known !== undefined) flushSync(() => setPreview({ electorNumber: canonical, fullName: known }));
    let found: ElectorSummaryOut | null;
    try {
      found = await api('register.getByNumber', { areaId: s.areaId, electorNumber: typed, pollingDistrict: district });
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
  const elsewhere = (e: ElectorSummaryOut): boolean => {
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

  /** Records a return and moves on: to the walk's next, or back to the walk after a paper from elsewhere. */
  const record = async (e: ElectorSummaryOut, codesTyped: string, noteTyped: string, onSaved: () => void) => {
    const r = await api('canvass.recordReturn', { sessionId, electorId: e.id, codes: codesTyped, note: noteTyped });
    sitting.current.add(r.return.id);
    const earlier = r.earlierInSession.map((x) => x.codes).join(', ');
    flushSync(() => {
      onSaved();
      setRecent((list) => [{ ...r.return, electorNumber: e.electorNumber, fullName: e.fullName }, ...list].slice(0, 20));
      setStatus(`Saved ${e.electorNumber} ${e.fullName}: ${r.return.codes}`);
      setWarning(
        earlier
          ? `${e.electorNumber} ${e.fullName} already has a return in this session (${earlier}): this is a second one. Ctrl+Z undoes it if it was a slip.`
          : '',
      );
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
  const pickFromHousehold = (e: ElectorSummaryOut) => {
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
      const n = await api('register.getNeighbour', { electorId: from.id, pollingDistrict: district, direction });
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

  // Every return reloads the session: a reload that fails says so above the screen, which stays as it is.
  return (
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
              <kbd>Shift</kbd>+<kbd>Tab</kbd> finds the household by its address. Keep typing while a return saves: nothing is lost.
            </p>
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
                      setNumberTyped(true);
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
                    {asking.electorNumber} {asking.fullName} is in polling district {asking.pollingDistrict}, not this session’s {district}. Is that the number
                    on the paper? <kbd>Enter</kbd> enters their return in this session all the same; otherwise type the right number.
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
            {recent.length === 0 ? (
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
              <button type="button" onClick={() => void undo()} disabled={recent.length === 0 || typeAhead.waiting}>
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
  );
}

/**
 * Where the volunteer stopped: the walk's next after the session's latest return in its district
 * (the walk's start when there is none).
 */
async function whereStopped(areaId: number, district: string | undefined, latest: Recent[]): Promise<ElectorSummaryOut | null> {
  const last = latest.find((r) => !district || r.electorNumber.startsWith(`${district}-`));
  if (last) return api('register.getNeighbour', { electorId: last.electorId, pollingDistrict: district, direction: 1 });
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
