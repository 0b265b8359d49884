import type { z } from 'zod';

export type MethodKind = 'query' | 'mutation' | 'maintenance';

export interface MethodDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  kind: MethodKind;
  summary: string;
  input: I;
  output: O;
}

export function query<I extends z.ZodType, O extends z.ZodType>(summary: string, input: I, output: O): MethodDef<I, O> {
  return { kind: 'query', summary, input, output };
}

/** Mutations run inside one transaction and must write an audit row. */
export function mutation<I extends z.ZodType, O extends z.ZodType>(summary: string, input: I, output: O): MethodDef<I, O> {
  return { kind: 'mutation', summary, input, output };
}

/**
 * Maintenance (backups, restore) works on the database file itself, so it runs outside the
 * dispatcher's transaction, still one call at a time; it writes its own audit row.
 */
export function maintenance<I extends z.ZodType, O extends z.ZodType>(summary: string, input: I, output: O): MethodDef<I, O> {
  return { kind: 'maintenance', summary, input, output };
}
