import { useState } from 'react';
import { type UseFormRegisterReturn, useFieldArray } from 'react-hook-form';
import { canvassContract } from '../../../../shared/contract/canvass.ts';
import {
  EXAMPLE_PARTY_SUPPORT,
  DEFAULT_CODES,
  OUTCOMES,
  OUTCOME_LABELS,
  REQUESTS,
  REQUEST_LABELS,
  type CodeConfig,
} from '../../../../shared/domain/canvass-codes.ts';
import { api, useApi } from '../../app/api.ts';
import { Field } from '../../ui/Field.tsx';
import { Loaded } from '../../ui/Loaded.tsx';
import { ErrorMessage, PageHeader } from '../../ui/Page.tsx';
import { useApiForm } from '../../ui/useApiForm.ts';

/** The user's canvass codes: what each letter or digit on a paper return means. */
export function CodesPage() {
  const saved = useApi('canvass.getCodes', {});
  return (
    <>
      <PageHeader
        title="Canvass codes"
        back={{ to: '/canvass', label: 'Canvass' }}
        subtitle="One to three letters or digits each, none repeated and none the start of another."
      />
      <Loaded of={saved}>{(config) => <CodesForm config={config as CodeConfig} />}</Loaded>
    </>
  );
}

/** A code box: capitals as they are typed, as on the paper returns. */
function codeInput(field: UseFormRegisterReturn) {
  return (a: { id: string; 'aria-invalid': boolean; 'aria-describedby'?: string }) => (
    <input
      {...a}
      {...field}
      maxLength={3}
      className="code-input"
      onChange={(e) => {
        e.target.value = e.target.value.toUpperCase();
        return field.onChange(e);
      }}
    />
  );
}

function CodesForm(props: { config: CodeConfig }) {
  const form = useApiForm(canvassContract['canvass.setCodes'].input, props.config);
  const options = useFieldArray({ control: form.control, name: 'support.options' });
  const [message, setMessage] = useState<string>();
  const { register } = form;
  const chooseSupport = (support: CodeConfig['support']) => {
    form.setValue('support.kind', support.kind, { shouldDirty: true });
    options.replace(support.options);
  };
  const save = form.submit(async (values) => {
    setMessage(undefined);
    form.reset(await api('canvass.setCodes', values));
    setMessage('Codes saved.');
  });

  return (
    <form onSubmit={save} noValidate>
      <ErrorMessage error={form.formError} />
      <fieldset className="panel">
        <legend>
          <h2>Contact outcome</h2>
        </legend>
        <div className="row">
          {OUTCOMES.map((o) => (
            <Field key={o} label={OUTCOME_LABELS[o]} error={form.errorOf(`outcomes.${o}`)}>
              {codeInput(register(`outcomes.${o}`))}
            </Field>
          ))}
        </div>
      </fieldset>
      <fieldset className="panel">
        <legend>
          <h2>Support</h2>
        </legend>
        <div className="actions">
          <button type="button" onClick={() => chooseSupport(DEFAULT_CODES.support)}>
            Use a 1–5 scale
          </button>
          <button type="button" onClick={() => chooseSupport(EXAMPLE_PARTY_SUPPORT)}>
            Use party letters
          </button>
        </div>
        {form.errorOf('support.options') && <p className="error">{form.errorOf('support.options')}</p>}
        {options.fields.map((opt, i) => (
          <div className="row" key={opt.id}>
            <Field label={`Support code ${i + 1}`} error={form.errorOf(`support.options.${i}.code`)}>
              {codeInput(register(`support.options.${i}.code`))}
            </Field>
            <Field label={`Meaning of support code ${i + 1}`} error={form.errorOf(`support.options.${i}.label`)}>
              {(a) => <input {...a} {...register(`support.options.${i}.label`)} />}
            </Field>
          </div>
        ))}
        <div className="actions">
          <button type="button" onClick={() => options.append({ code: '', label: '' })}>
            Add a support code
          </button>
          <button type="button" disabled={options.fields.length <= 1} onClick={() => options.remove(options.fields.length - 1)}>
            Remove the last
          </button>
        </div>
      </fieldset>
      <fieldset className="panel">
        <legend>
          <h2>Requests</h2>
        </legend>
        <div className="row">
          {REQUESTS.map((q) => (
            <Field key={q} label={REQUEST_LABELS[q]} error={form.errorOf(`requests.${q}`)}>
              {codeInput(register(`requests.${q}`))}
            </Field>
          ))}
        </div>
      </fieldset>
      <div className="actions">
        <button type="submit" className="primary" disabled={form.formState.isSubmitting}>
          Save codes
        </button>
        {message && (
          <span className="success" role="status">
            {message}
          </span>
        )}
      </div>
    </form>
  );
}
