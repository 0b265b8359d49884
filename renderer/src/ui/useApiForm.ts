import { zodResolver } from '@hookform/resolvers/zod';
import { useRef, useState } from 'react';
import { type DefaultValues, type FieldValues, type Path, useForm } from 'react-hook-form';
import type { z } from 'zod';
import { ApiCallError } from '../app/api.ts';

/**
 * react-hook-form driven by the contract's zod schema, so the rule is written once; errors the
 * server finds (a conflict, a missing record) land on their fields or in `formError`.
 */
export function useApiForm<S extends z.ZodType<FieldValues, FieldValues>>(schema: S, defaultValues: DefaultValues<z.input<S>>) {
  const form = useForm<z.input<S>, unknown, z.output<S>>({ resolver: zodResolver(schema as never) as never, defaultValues, mode: 'onTouched' });
  const [formError, setFormError] = useState<string>();
  // The fields whose error the last render showed (`errorOf` was asked for them). A refusal about
  // any other field, say one hidden by a choice, is shown in `formError`: the user must see why.
  const shown = useRef(new Set<string>());
  shown.current = new Set();

  /** Wraps a submit handler: clears old errors, maps an ApiCallError onto the fields. */
  const submit = (fn: (values: z.output<S>) => Promise<void>) =>
    form.handleSubmit(async (values) => {
      setFormError(undefined);
      try {
        await fn(values);
      } catch (e) {
        if (e instanceof ApiCallError) {
          const entries = Object.entries(e.fields);
          for (const [path, message] of entries) form.setError(path as Path<z.input<S>>, { message });
          if (entries.length === 0 || entries.some(([path]) => !shown.current.has(path))) setFormError(e.message);
        } else {
          setFormError((e as Error).message);
        }
      }
    });

  const errorOf = (name: string): string | undefined => {
    shown.current.add(name);
    const parts = name.split('.');
    let node: unknown = form.formState.errors;
    for (const p of parts) node = (node as Record<string, unknown> | undefined)?.[p];
    return (node as { message?: string } | undefined)?.message;
  };

  return { ...form, submit, formError, errorOf };
}
