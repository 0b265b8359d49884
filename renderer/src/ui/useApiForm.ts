import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useRef, useState } from 'react';
import { type DefaultValues, type FieldValues, type Path, useForm } from 'react-hook-form';
import type { z } from 'zod';
import { ApiCallError } from '../app/api.ts';
import { useUnsavedChanges } from './unsavedChanges.tsx';

/**
 * react-hook-form driven by the contract's zod schema, so the rule is written once; errors the
 * server finds (a conflict, a missing record) land on their fields or in `formError`.
 *
 * Errors show when the form is submitted, all at once, then clear as each field is put right:
 * checking a field when it loses focus would put a message above the button being clicked, and
 * the button would move away under the pointer. Leaving the page with changes not saved asks first.
 *
 * A form editing a saved record passes the record's `updatedAt`: each save then carries the
 * version the form's values came from as `expectedUpdatedAt`, and the server refuses the save if
 * someone changed the record since (the message says who and when; what was typed stays). While
 * nothing has been typed, the form follows the record as it reloads; a refusal or a save moves
 * the version on, so saving again after looking goes through.
 */
export function useApiForm<S extends z.ZodType<FieldValues, FieldValues>>(
  schema: S,
  defaultValues: DefaultValues<z.input<S>>,
  record: { updatedAt?: string } = {},
) {
  const form = useForm<z.input<S>, unknown, z.output<S>>({
    resolver: zodResolver(schema as never) as never,
    defaultValues,
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
  const [formError, setFormError] = useState<string>();
  // The fields whose error the last render showed (`errorOf` was asked for them). A refusal about
  // any other field, say one hidden by a choice, is shown in `formError`: the user must see why.
  const shown = useRef(new Set<string>());
  shown.current = new Set();
  // Changed means the user typed or chose something since the form was last saved or reset, and
  // it still differs from the defaults. (isDirty alone also turns true when a reset's blank values
  // come back from the fields in their converted form.) A form being saved may navigate away.
  const edited = useRef(false);
  const saving = useRef(false);
  const { isDirty } = form.formState;
  useEffect(() => {
    const watching = form.watch((_values, { type }) => {
      if (type === 'change') edited.current = true;
    });
    return () => watching.unsubscribe();
  }, [form]);
  useUnsavedChanges(() => edited.current && isDirty && !saving.current);
  const reset: typeof form.reset = (...args) => {
    edited.current = false;
    form.reset(...args);
  };
  const version = useRef(record.updatedAt);
  useEffect(() => {
    if (record.updatedAt === version.current || edited.current || saving.current) return;
    version.current = record.updatedAt;
    form.reset(defaultValues, { keepIsSubmitSuccessful: true });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a new version of the record resets the form
  }, [record.updatedAt]);

  /**
   * Wraps a submit handler: clears old errors, maps an ApiCallError onto the fields. The values
   * carry `expectedUpdatedAt` when the form edits a saved record; a handler that returns the saved
   * record moves the form on to its version.
   */
  const submit = (fn: (values: z.output<S> & Edited) => Promise<unknown>) =>
    form.handleSubmit(async (values) => {
      setFormError(undefined);
      saving.current = true;
      try {
        const saved = await fn(version.current === undefined ? values : { ...values, expectedUpdatedAt: version.current });
        if (isRecord(saved) && typeof saved.updatedAt === 'string') version.current = saved.updatedAt;
        edited.current = false;
      } catch (e) {
        // Someone else saved first: the next save, once the user has looked, is against their version.
        if (e instanceof ApiCallError && e.updatedAt !== undefined) version.current = e.updatedAt;
        if (e instanceof ApiCallError) {
          const entries = Object.entries(e.fields);
          for (const [path, message] of entries) form.setError(path as Path<z.input<S>>, { message });
          if (entries.length === 0 || entries.some(([path]) => !shown.current.has(path))) setFormError(e.message);
        } else {
          setFormError((e as Error).message);
        }
      } finally {
        saving.current = false;
      }
    });

  const errorOf = (name: string): string | undefined => {
    shown.current.add(name);
    const parts = name.split('.');
    let node: unknown = form.formState.errors;
    for (const p of parts) node = (node as Record<string, unknown> | undefined)?.[p];
    return (node as { message?: string } | undefined)?.message;
  };

  return { ...form, reset, submit, formError, setFormError, errorOf };
}

/** What a form editing a saved record adds to its values: the version they were loaded from. */
export interface Edited {
  expectedUpdatedAt?: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object';
}
