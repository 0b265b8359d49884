import { useEffect, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { flushSync } from 'react-dom';
import type { ElectorSummaryOut } from '../../../../shared/contract/register.ts';
import type { MethodOutput } from '../../../../shared/contract/index.ts';
import { api } from '../../app/api.ts';
import { oneLine, outcomeLabel } from '../register/labels.ts';

type Found = MethodOutput<'register.findHouseholds'> & { search: string };
type Household = Found['items'][number];

const LIMIT = 10;
const optionId = (i: number) => `household-option-${i}`;

/**
 * Finds a household by its address and then one of the people living there, keyboard first: a
 * combobox whose list first offers the households matching what is typed, then (Enter) the
 * electors of the one chosen; Enter on a person hands them to `onPick`. Escape steps back: from
 * the people to the households, then closes the list, then clears the search and leaves (`onLeave`).
 */
export function HouseholdPicker(props: {
  areaId: number;
  pollingDistrict?: string;
  inputRef: RefObject<HTMLInputElement | null>;
  /** Runs work that awaits an answer, holding the keys typed meanwhile (`useTypeAhead`). */
  run(work: () => Promise<void>): Promise<void>;
  onPick(e: ElectorSummaryOut): void;
  onLeave(): void;
}) {
  const [text, setText] = useState('');
  const [found, setFound] = useState<Found>();
  const [household, setHousehold] = useState<Household | null>(null);
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string>();
  const asked = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  // Look the typed words up a little after the last key; only the answer to the latest counts.
  const lookup = (search: string): Promise<Found | undefined> => {
    const ticket = ++asked.current;
    return api('register.findHouseholds', { areaId: props.areaId, pollingDistrict: props.pollingDistrict, search, limit: LIMIT }).then(
      (r) => {
        if (ticket !== asked.current) return undefined;
        const answer = { ...r, search };
        // Shown before any key typed meanwhile acts on the list.
        flushSync(() => {
          setFound(answer);
          setActive(0);
          setOpen(true);
          setError(undefined);
        });
        return answer;
      },
      (e: Error) => {
        if (ticket === asked.current) setError(e.message);
        return undefined;
      },
    );
  };
  useEffect(() => {
    const search = text.trim();
    asked.current++;
    if (search === '') {
      setFound(undefined);
      return;
    }
    timer.current = setTimeout(() => void lookup(search), 120);
    return () => clearTimeout(timer.current);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [text, props.areaId, props.pollingDistrict]);

  // Keep the highlighted option in sight as ↑/↓ move through a long list.
  useEffect(() => {
    document.getElementById(optionId(active))?.scrollIntoView({ block: 'nearest' });
  }, [active, household]);

  const people = household?.members ?? [];
  const count = household ? people.length : (found?.items.length ?? 0);
  const where = props.pollingDistrict ? ` in polling district ${props.pollingDistrict}` : '';

  const reset = () => {
    setText('');
    setFound(undefined);
    setHousehold(null);
    setOpen(false);
    setActive(0);
  };
  const pick = (e: ElectorSummaryOut) => {
    flushSync(reset);
    props.onPick(e);
  };
  const chooseHousehold = (h: Household) => {
    if (h.members.length === 1) return pick(h.members[0]);
    flushSync(() => {
      setHousehold(h);
      setActive(0);
      setOpen(true);
    });
  };
  const choose = (i: number) => {
    if (household) {
      if (people[i]) pick(people[i]);
    } else if (found?.items[i]) chooseHousehold(found.items[i]);
  };

  const onKeyDown = (ev: KeyboardEvent<HTMLInputElement>) => {
    if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
      ev.preventDefault();
      if (!open) return setOpen(count > 0);
      if (count > 0) setActive((a) => (a + (ev.key === 'ArrowDown' ? 1 : count - 1)) % count);
    } else if (ev.key === 'Enter') {
      ev.preventDefault();
      const search = text.trim();
      // Enter typed before the list caught up: take the first household of the answer.
      if (!household && search !== '' && found?.search !== search) {
        clearTimeout(timer.current);
        void props.run(async () => {
          const r = await lookup(search);
          if (r?.items[0]) chooseHousehold(r.items[0]);
        });
      } else if (open && count > 0) choose(active);
    } else if (ev.key === 'Escape') {
      ev.preventDefault();
      if (household) {
        setHousehold(null);
        setActive(0);
      } else if (open && count > 0) setOpen(false);
      else {
        reset();
        props.onLeave();
      }
    }
  };

  const status = error
    ? ''
    : household
      ? `${people.length} people at ${oneLine(household.address)}: ↑/↓ and Enter to choose, Escape to go back`
      : found === undefined
        ? ''
        : found.total === 0
          ? `No household${where} has “${text.trim()}” in its address or postcode`
          : `${found.total} household${found.total === 1 ? '' : 's'}${where} match${found.total === 1 ? 'es' : ''}${found.total > found.items.length ? `; the first ${found.items.length} shown, type more to narrow` : ''}: ↑/↓ and Enter`;

  return (
    <div className="field combo">
      <label htmlFor="entry-household">Find a household</label>
      <div className="combo-box">
        <input
          id="entry-household"
          ref={props.inputRef}
          role="combobox"
          aria-expanded={open && count > 0}
          aria-controls="household-options"
          aria-autocomplete="list"
          aria-activedescendant={open && count > 0 ? optionId(active) : undefined}
          aria-describedby="entry-household-status"
          placeholder="part of the address, e.g. 12 mill"
          value={text}
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => {
            setText(e.target.value);
            setHousehold(null);
          }}
          onKeyDown={onKeyDown}
          // Closes when the cursor moves on in the page, not when another window takes the focus for a moment.
          onBlur={() => document.hasFocus() && setOpen(false)}
        />
        <div className="combo-popup" hidden={!open || count === 0}>
          {household && (
            <p className="combo-caption" aria-hidden="true">
              Who at {oneLine(household.address, household.postcode)}?
            </p>
          )}
          <ul id="household-options" role="listbox" aria-label={household ? `People at ${oneLine(household.address)}` : 'Households'}>
            {household
              ? people.map((m, i) => (
                  <li key={m.id} id={optionId(i)} role="option" aria-selected={i === active} onMouseDown={(e) => (e.preventDefault(), pick(m))}>
                    <code>{m.electorNumber}</code> {m.fullName} <span className="muted">· last: {outcomeLabel(m.latestOutcome)}</span>
                  </li>
                ))
              : found?.items.map((h, i) => (
                  <li key={h.id} id={optionId(i)} role="option" aria-selected={i === active} onMouseDown={(e) => (e.preventDefault(), chooseHousehold(h))}>
                    {oneLine(h.address, h.postcode)}{' '}
                    <span className="muted">· {h.members.length === 1 ? h.members[0].fullName : `${h.members.length} electors`}</span>
                  </li>
                ))}
          </ul>
        </div>
      </div>
      <p id="entry-household-status" className={error ? 'error' : 'hint'} aria-live="polite">
        {error ?? status}
      </p>
    </div>
  );
}
