import type { z } from 'zod';

export type MethodKind = 'query' | 'mutation';

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
