import { type FormEvent, useState } from 'react';
import { ApiCallError } from '../../app/api.ts';

/** The message to show for a failed call: the first field's message, else the whole. */
export function errorText(e: unknown): string {
  if (e instanceof ApiCallError) return Object.values(e.fields)[0] ?? e.message;
  return (e as Error).message;
}

/**
 * For the small hand-built forms of this feature: `onSubmit(fn)` prevents the page reload, runs
 * fn, and shows its error (an Error thrown for a local check, or the API's field message).
 */
export function useSubmitter() {
  const [error, setError] = useState<string>();
  const [saved, setSaved] = useState(false);
  const onSubmit = (fn: () => Promise<unknown>) => async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    setSaved(false);
    try {
      await fn();
      setSaved(true);
    } catch (err) {
      setError(errorText(err));
    }
  };
  return { error, saved, onSubmit };
}
