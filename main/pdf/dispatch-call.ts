import { AppError } from '../../shared/contract/result.ts';
import type { Dispatch } from '../api/dispatcher.ts';

/** A dispatcher call's value, or its refusal thrown as the AppError it was. */
export async function call<T>(dispatch: Dispatch, method: string, input: unknown): Promise<T> {
  const r = await dispatch(method, input);
  if (!r.ok) throw new AppError(r.error.code, r.error.message, r.error.fields);
  return r.value as T;
}

/** A file name's middle part: `Newtown East` → `newtown-east`. */
export function slug(text: string, fallback: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || fallback
  );
}
