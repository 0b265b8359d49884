import { ApiCallError } from '../../app/api.ts';

/** The message to show for a failed call: the first field's message, else the whole. */
export function errorText(e: unknown): string {
  if (e instanceof ApiCallError) return Object.values(e.fields)[0] ?? e.message;
  return (e as Error).message;
}
