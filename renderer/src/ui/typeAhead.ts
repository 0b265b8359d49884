import { useRef, useState, type ClipboardEvent, type KeyboardEvent } from 'react';

type Held = { key: string; code: string; shiftKey: boolean; ctrlKey: boolean; altKey: boolean; metaKey: boolean } | { paste: string };

const MODIFIERS = new Set(['Shift', 'Control', 'Alt', 'AltGraph', 'Meta', 'CapsLock']);

/**
 * Keeps fast typing in order while a screen waits for the server. Work that awaits an answer goes
 * through `run`; keys typed (and text pasted) meanwhile are held and played back in order once it
 * is done, so each acts on the screen as it would have had the answer come at once: codes typed
 * after Enter go to the next elector, not into the field the cursor was still in.
 *
 * Bind `onKeyDownCapture` and `onPasteCapture` to the element around the fields. Work must render
 * what it changes before it resolves (`flushSync`), since the keys played back act on it.
 */
export function useTypeAhead() {
  const busy = useRef(0);
  const held = useRef<Held[]>([]);
  const [waiting, setWaiting] = useState(false);

  const playBack = async () => {
    while (busy.current === 0 && held.current.length > 0) {
      play(held.current.shift()!);
      // Let React render what the key changed before the next key acts on it.
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    if (busy.current === 0 && held.current.length === 0) setWaiting(false);
  };

  const run = async (work: () => Promise<void>) => {
    busy.current++;
    setWaiting(true);
    try {
      await work();
    } finally {
      busy.current--;
      if (busy.current === 0) void playBack();
    }
  };

  /** Only the user's own input is held, and only while work is awaited or held keys wait their turn. */
  const holding = (trusted: boolean) => trusted && (busy.current > 0 || held.current.length > 0);

  return {
    run,
    /** True while an answer is awaited or held keys are being played back. */
    waiting,
    onKeyDownCapture(ev: KeyboardEvent) {
      if (!holding(ev.nativeEvent.isTrusted) || ev.nativeEvent.isComposing || MODIFIERS.has(ev.key)) return;
      ev.preventDefault();
      ev.stopPropagation();
      const { key, code, shiftKey, ctrlKey, altKey, metaKey } = ev;
      held.current.push({ key, code, shiftKey, ctrlKey, altKey, metaKey });
    },
    onPasteCapture(ev: ClipboardEvent) {
      if (!holding(ev.nativeEvent.isTrusted)) return;
      ev.preventDefault();
      held.current.push({ paste: ev.clipboardData.getData('text/plain') });
    },
  };
}

/** Plays a held key to the focused element: the page's handlers first, then what the browser would do. */
function play(h: Held) {
  const el = document.activeElement instanceof HTMLElement ? document.activeElement : document.body;
  if ('paste' in h) return insert(el, h.paste);
  if (!el.dispatchEvent(new KeyboardEvent('keydown', { ...h, bubbles: true, cancelable: true }))) return;
  const plain = !h.ctrlKey && !h.metaKey && !h.altKey;
  if (h.key.length === 1 && plain) insert(el, h.key);
  else if (h.key === 'Tab' && !h.ctrlKey && !h.altKey) moveFocus(el, h.shiftKey ? -1 : 1);
  else if ((h.key === 'Enter' || h.key === ' ') && el instanceof HTMLButtonElement) el.click();
  else if (plain && editable(el)) edit(el, h.key);
}

type TextField = HTMLInputElement | HTMLTextAreaElement;

function editable(el: Element): el is TextField {
  return (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) && !el.readOnly && typeof el.selectionStart === 'number';
}

/** Types text over the selection, as the browser would, and tells React the value changed. */
function insert(el: Element, text: string) {
  if (!editable(el)) return;
  el.setRangeText(text, el.selectionStart!, el.selectionEnd!, 'end');
  el.dispatchEvent(new Event('input', { bubbles: true }));
}

/** Backspace, Delete and the caret keys in a text field. */
function edit(el: TextField, key: string) {
  const start = el.selectionStart!;
  const end = el.selectionEnd!;
  const at = (i: number) => Math.max(0, Math.min(el.value.length, i));
  if (key === 'Backspace' || key === 'Delete') {
    if (start === end) el.setRangeText('', key === 'Backspace' ? at(start - 1) : start, key === 'Backspace' ? start : at(end + 1), 'end');
    else el.setRangeText('', start, end, 'end');
    el.dispatchEvent(new Event('input', { bubbles: true }));
  } else if (key === 'ArrowLeft') el.setSelectionRange(at(start === end ? start - 1 : start), at(start === end ? start - 1 : start));
  else if (key === 'ArrowRight') el.setSelectionRange(at(start === end ? end + 1 : end), at(start === end ? end + 1 : end));
  else if (key === 'Home') el.setSelectionRange(0, 0);
  else if (key === 'End') el.setSelectionRange(el.value.length, el.value.length);
}

const FOCUSABLE = 'a[href], button, input, select, textarea, summary, [tabindex]';

/** Tab and Shift+Tab: the next or previous field in the page, its text selected as the browser does. */
function moveFocus(from: Element, direction: 1 | -1) {
  const all = [...document.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (e) => e.tabIndex >= 0 && !(e as HTMLInputElement).disabled && e.getClientRects().length > 0,
  );
  const next = all[all.indexOf(from as HTMLElement) + direction];
  if (!next) return;
  next.focus();
  if (editable(next)) next.select();
}
