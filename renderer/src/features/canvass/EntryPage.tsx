import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { Link, useParams } from 'react-router';
import type { ElectorSummaryOut } from '../../../../shared/contract/register.ts';
import { OUTCOME_LABELS, REQUEST_LABELS, codeTable, parseReturnCodes, supportLabel, type CodeConfig } from '../../../../shared/domain/canvass-codes.ts';
import { api, useApi } from '../../app/api.ts';
import { formatDate } from '../../ui/format.ts';
import { ErrorMessage, Loading, PageHeader } from '../../ui/Page.tsx';
import { oneLine, outcomeLabel } from '../register/labels.ts';
import { HouseholdPicker } from './HouseholdPicker.tsx';

type Recent = Awaited<ReturnType<typeof api<'canvass.listRecent'>>>[number];

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
 * Ctrl+Z undoes the last return, ↑/↓ step through the walk. Without a number, Shift+Tab goes to
 * the household search: part of the address, Enter, then the person, Enter, and on to the codes.
 */
export function EntryPage() {
  const sessionId = Number(useParams().id);
  const session = useApi('canvass.getSession', { id: sessionId });
  const codes = useApi('canvass.getCodes', {});
  const [recent, setRecent] = useState<Recent[]>([]);
  const [current, setCurrent] = useState<ElectorSummaryOut | null>(null);
  const [numberText, setNumberText] = useState('');
  const [codeText, setCodeText] = useState('');
  const [note, setNote] = useState('');
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string>();
  const [members, setMembers] = useState<ElectorSummaryOut[]>([]);
  const numberRef = useRef<HTMLInputElement>(null);
  const codesRef = useRef<HTMLInputElement>(null);
  const householdRef = useRef<HTMLInputElement>(null);
  const table = useMemo(() => (codes.data ? codeTable(codes.data) : undefined), [codes.data]);
  const s = session.data;
  const district = s?.pollingDistrict || undefined;

  // Bumped to put the cursor in the number field, with the number selected, after the next render.
  const [focusTick, setFocusTick] = useState(0);
  const select = (e: ElectorSummaryOut | null) => {
    setCurrent(e);
    setNumberText(e?.electorNumber ?? '');
    setFocusTick((t) => t + 1);
  };
  const focusedTick = useRef(0);
  useEffect(() => {
    // Only once per selection: data reloading after a save must not pull the cursor back.
    if (focusTick === focusedTick.current || !numberRef.current) return;
    focusedTick.current = focusTick;
    numberRef.current.focus();
    numberRef.current.select();
  });

  useEffect(() => {
    if (!s) return;
    void api('canvass.listRecent', { sessionId, limit: 20 }).then(setRecent);
    void api('register.listElectors', { areaId: s.areaId, pollingDistrict: district, limit: 1 }).then((r) => select(r.items[0] ?? null));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [s?.id]);

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
    if (current && numberText.trim().toUpperCase() === current.electorNumber) return current;
    const found = await api('register.getByNumber', { areaId: s.areaId, electorNumber: numberText, pollingDistrict: district });
    setCurrent(found);
    if (!found) setError(`There is no elector ${numberText.trim()}${district ? ` in polling district ${district}` : ''} on this register.`);
    return found;
  };

  const toCodes = async () => {
    setError(undefined);
    const e = await resolve();
    if (e) codesRef.current?.focus();
  };

  const save = async () => {
    if (!s || !codes.data || !table) return;
    setError(undefined);
    const check = describe(codeText, codes.data, table);
    if (!check.ok) return setError(check.text || 'Type the codes for this return, e.g. I3L');
    const e = await resolve();
    if (!e) return numberRef.current?.focus();
    try {
      const r = await api('canvass.recordReturn', { sessionId, electorId: e.id, codes: codeText, note });
      setRecent((list) => [{ ...r.return, electorNumber: e.electorNumber, fullName: e.fullName }, ...list].slice(0, 20));
      setStatus(`Saved ${e.electorNumber} ${e.fullName}: ${r.return.codes}`);
      setCodeText('');
      setNote('');
      select(r.next);
    } catch (err) {
      setError((err as Error).message);
      codesRef.current?.focus();
    }
  };

  const undo = async () => {
    const last = recent[0];
    if (!last) return setStatus('Nothing to undo in this session.');
    try {
      await api('canvass.undoReturn', { id: last.id });
      setRecent((list) => list.slice(1));
      setStatus(`Undone: ${last.electorNumber} ${last.fullName} ${last.codes}`);
      const back = await api('register.getByNumber', { areaId: s!.areaId, electorNumber: last.electorNumber });
      select(back);
    } catch (err) {
      setError((err as Error).message);
    }
  };

  /** A person chosen from a household: straight on to their codes, as after a typed number. */
  const pickFromHousehold = (e: ElectorSummaryOut) => {
    setError(undefined);
    setCurrent(e);
    setNumberText(e.electorNumber);
    codesRef.current?.focus();
  };

  const step = async (direction: 1 | -1) => {
    if (!current) return;
    const n = await api('register.getNeighbour', { electorId: current.id, pollingDistrict: district, direction });
    if (n) select(n);
  };

  /** Ctrl+Z undoes the last return when there is no typing of the user's own to undo in the field. */
  const common = (ev: KeyboardEvent<HTMLInputElement>) => {
    const untouched = ev.currentTarget.value === '' || (ev.currentTarget === numberRef.current && ev.currentTarget.value === current?.electorNumber);
    if ((ev.ctrlKey || ev.metaKey) && ev.key.toLowerCase() === 'z' && untouched) {
      ev.preventDefault();
      void undo();
      return true;
    }
    return false;
  };

  if (session.error) return <ErrorMessage error={session.error} />;
  if (!s || !codes.data || !table) return <Loading />;
  const live = describe(codeText, codes.data, table);

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
        The next elector in walk order is chosen for you: type another number to jump (a bare number is read in this polling district). <kbd>Tab</kbd>,{' '}
        <kbd>Enter</kbd> or <kbd>Space</kbd> goes to the codes; <kbd>Enter</kbd> saves and moves on. <kbd>Ctrl</kbd>+<kbd>Z</kbd> undoes the last return,{' '}
        <kbd>↑</kbd>/<kbd>↓</kbd> step through the walk. No number on the return? <kbd>Shift</kbd>+<kbd>Tab</kbd> finds the household by its address.
      </p>
      <section className="entry panel" aria-label="Return">
        <div className="row">
          <HouseholdPicker
            areaId={s.areaId}
            pollingDistrict={district}
            inputRef={householdRef}
            onPick={pickFromHousehold}
            onLeave={() => {
              numberRef.current?.focus();
              numberRef.current?.select();
            }}
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
                if (ev.key === 'Enter' || ev.key === ' ') {
                  ev.preventDefault();
                  void toCodes();
                } else if (ev.key === 'Tab' && !ev.shiftKey) {
                  ev.preventDefault();
                  void toCodes();
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
              onChange={(e) => setCodeText(e.target.value)}
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
              onChange={(e) => setNote(e.target.value)}
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
          {current ? (
            <p>
              <strong>{current.fullName}</strong> <code>{current.electorNumber}</code> · {oneLine(current.address, current.postcode)} · last:{' '}
              {outcomeLabel(current.latestOutcome)}
              {current.latestSupport ? `, support ${current.latestSupport}` : ''}
            </p>
          ) : (
            <p className="muted">No elector chosen: type an elector number.</p>
          )}
          {members.length > 1 && <p className="muted">Household: {members.map((m) => `${m.electorNumber} ${m.fullName}`).join(' · ')}</p>}
        </div>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <p role="status" className="muted">
          {status}
        </p>
      </section>
      <CodeKey config={codes.data} />
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
        <button type="button" onClick={() => void undo()} disabled={recent.length === 0}>
          Undo the last return
        </button>
      </div>
    </>
  );
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
