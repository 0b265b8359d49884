import { useEffect, useState } from 'react';
import { ApiCallError, api, useApi } from '../../app/api.ts';
import {
  EXAMPLE_PARTY_SUPPORT,
  DEFAULT_CODES,
  OUTCOMES,
  OUTCOME_LABELS,
  REQUESTS,
  REQUEST_LABELS,
  type CodeConfig,
} from '../../../../shared/domain/canvass-codes.ts';
import { Field } from '../../ui/Field.tsx';
import { ErrorMessage, Loading, PageHeader } from '../../ui/Page.tsx';

/** The user's canvass codes: what each letter or digit on a paper return means. */
export function CodesPage() {
  const saved = useApi('canvass.getCodes', {});
  const [config, setConfig] = useState<CodeConfig>();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    if (saved.data && !config) setConfig(saved.data as CodeConfig);
  }, [saved.data, config]);
  if (saved.error) return <ErrorMessage error={saved.error} />;
  if (!config) return <Loading />;

  const save = async (ev: React.FormEvent) => {
    ev.preventDefault();
    setErrors({});
    setMessage(undefined);
    setError(undefined);
    try {
      setConfig((await api('canvass.setCodes', config)) as CodeConfig);
      setMessage('Codes saved.');
    } catch (e) {
      if (e instanceof ApiCallError && Object.keys(e.fields).length > 0) setErrors(e.fields);
      else setError((e as Error).message);
    }
  };
  const code = (value: string, onChange: (v: string) => void) => (a: { id: string; 'aria-invalid': boolean; 'aria-describedby'?: string }) => (
    <input {...a} value={value} maxLength={3} className="code-input" onChange={(e) => onChange(e.target.value.toUpperCase())} />
  );

  return (
    <>
      <PageHeader
        title="Canvass codes"
        back={{ to: '/canvass', label: 'Canvass' }}
        subtitle="One to three letters or digits each, none repeated and none the start of another."
      />
      <form onSubmit={save} noValidate>
        <ErrorMessage error={error} />
        <fieldset className="panel">
          <legend>
            <h2>Contact outcome</h2>
          </legend>
          <div className="row">
            {OUTCOMES.map((o) => (
              <Field key={o} label={OUTCOME_LABELS[o]} error={errors[`outcomes.${o}`]}>
                {code(config.outcomes[o], (v) => setConfig({ ...config, outcomes: { ...config.outcomes, [o]: v } }))}
              </Field>
            ))}
          </div>
        </fieldset>
        <fieldset className="panel">
          <legend>
            <h2>Support</h2>
          </legend>
          <div className="actions">
            <button type="button" onClick={() => setConfig({ ...config, support: DEFAULT_CODES.support })}>
              Use a 1–5 scale
            </button>
            <button type="button" onClick={() => setConfig({ ...config, support: EXAMPLE_PARTY_SUPPORT })}>
              Use party letters
            </button>
          </div>
          {errors['support.options'] && <p className="error">{errors['support.options']}</p>}
          {config.support.options.map((opt, i) => (
            <div className="row" key={i}>
              <Field label={`Support code ${i + 1}`} error={errors[`support.options.${i}.code`]}>
                {code(opt.code, (v) =>
                  setConfig({ ...config, support: { ...config.support, options: config.support.options.map((x, j) => (j === i ? { ...x, code: v } : x)) } }),
                )}
              </Field>
              <Field label={`Meaning of support code ${i + 1}`} error={errors[`support.options.${i}.label`]}>
                {(a) => (
                  <input
                    {...a}
                    value={opt.label}
                    onChange={(e) =>
                      setConfig({
                        ...config,
                        support: { ...config.support, options: config.support.options.map((x, j) => (j === i ? { ...x, label: e.target.value } : x)) },
                      })
                    }
                  />
                )}
              </Field>
            </div>
          ))}
          <div className="actions">
            <button
              type="button"
              onClick={() => setConfig({ ...config, support: { ...config.support, options: [...config.support.options, { code: '', label: '' }] } })}
            >
              Add a support code
            </button>
            <button
              type="button"
              disabled={config.support.options.length <= 1}
              onClick={() => setConfig({ ...config, support: { ...config.support, options: config.support.options.slice(0, -1) } })}
            >
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
              <Field key={q} label={REQUEST_LABELS[q]} error={errors[`requests.${q}`]}>
                {code(config.requests[q], (v) => setConfig({ ...config, requests: { ...config.requests, [q]: v } }))}
              </Field>
            ))}
          </div>
        </fieldset>
        <div className="actions">
          <button type="submit" className="primary">
            Save codes
          </button>
          {message && (
            <span className="success" role="status">
              {message}
            </span>
          )}
        </div>
      </form>
    </>
  );
}
