import type { z } from 'zod';
import { LEAFLET_SIZES } from '../../../../shared/domain/leaflets.ts';
import { type Leaflet, leafletInput } from '../../../../shared/contract/leaflets.ts';
import { describeImprintGaps, imprintText } from '../../../../shared/domain/imprint.ts';
import { useApi } from '../../app/api.ts';
import { Field } from '../../ui/Field.tsx';
import { FormActions } from '../../ui/FormActions.tsx';
import { ErrorMessage } from '../../ui/Page.tsx';
import { type Edited, useApiForm } from '../../ui/useApiForm.ts';

/** The form's values; editing a saved record, with the version they came from. */
export type LeafletValues = z.output<typeof leafletInput> & Edited;

export function LeafletForm(props: { initial?: Leaflet; submitLabel: string; onSubmit(values: LeafletValues): Promise<void>; onCancel?(): void }) {
  const i = props.initial;
  const { data: contests } = useApi('contests.list', {});
  const form = useApiForm(
    leafletInput,
    {
      title: i?.title ?? '',
      version: i?.version ?? '',
      size: i?.size ?? 'A5',
      contestIds: i?.contests.map((c) => c.id) ?? [],
      notes: i?.notes ?? '',
      printerName: i?.printerName ?? '',
      printerAddress: i?.printerAddress ?? '',
      promoterName: i?.promoterName ?? '',
      promoterAddress: i?.promoterAddress ?? '',
      onBehalfOfPromoter: i?.onBehalfOfPromoter ?? false,
      onBehalfOfName: i?.onBehalfOfName ?? '',
      onBehalfOfAddress: i?.onBehalfOfAddress ?? '',
    },
    { updatedAt: i?.updatedAt },
  );
  const { register, watch } = form;
  const imprint = {
    printerName: watch('printerName') ?? '',
    printerAddress: watch('printerAddress') ?? '',
    promoterName: watch('promoterName') ?? '',
    promoterAddress: watch('promoterAddress') ?? '',
    onBehalfOfPromoter: watch('onBehalfOfPromoter') ?? false,
    onBehalfOfName: watch('onBehalfOfName') ?? '',
    onBehalfOfAddress: watch('onBehalfOfAddress') ?? '',
  };
  const gaps = describeImprintGaps(imprint);
  const own = imprint.onBehalfOfPromoter;
  const chosen = watch('contestIds') ?? [];
  return (
    <form className="form" noValidate onSubmit={form.submit(props.onSubmit)}>
      <ErrorMessage error={form.formError} />
      <div className="row">
        <Field label="Title" error={form.errorOf('title')}>
          {(a) => <input {...a} {...register('title')} autoFocus />}
        </Field>
        <Field label="Version (optional)" hint="e.g. v2, or Riverside edition" error={form.errorOf('version')}>
          {(a) => <input {...a} {...register('version')} />}
        </Field>
        <Field label="Size" error={form.errorOf('size')}>
          {(a) => (
            <select {...a} {...register('size')}>
              {LEAFLET_SIZES.map((s) => (
                <option key={s} value={s}>
                  {s === 'other' ? 'Other' : s}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <fieldset className="field">
        <legend>
          <strong>Contests it is for</strong>
        </legend>
        {contests && contests.length === 0 && <p className="muted">No contests yet. Add one from an election’s page; you can tick it here later.</p>}
        {contests?.map((c) => (
          <label key={c.id} className="choice">
            <input
              type="checkbox"
              checked={chosen.includes(c.id)}
              onChange={(e) => form.setValue('contestIds', e.target.checked ? [...chosen, c.id] : chosen.filter((x) => x !== c.id), { shouldDirty: true })}
            />
            {c.areaName} ({c.electionName})
          </label>
        ))}
      </fieldset>
      <fieldset className="panel">
        <legend>
          <strong>Imprint</strong>
        </legend>
        <p className="hint muted">
          Printed election material must show the names and addresses of the printer, the promoter and anyone it is published on behalf of (RPA 1983 s.110). A
          leaflet cannot be marked ready until all are filled in.
        </p>
        <div className="row">
          <Field label="Printer’s name" error={form.errorOf('printerName')}>
            {(a) => <input {...a} {...register('printerName')} />}
          </Field>
          <Field label="Printer’s address" error={form.errorOf('printerAddress')}>
            {(a) => <textarea {...a} rows={2} {...register('printerAddress')} />}
          </Field>
        </div>
        <div className="row">
          <Field label="Promoter’s name" hint="Usually the agent" error={form.errorOf('promoterName')}>
            {(a) => <input {...a} {...register('promoterName')} />}
          </Field>
          <Field label="Promoter’s address" error={form.errorOf('promoterAddress')}>
            {(a) => <textarea {...a} rows={2} {...register('promoterAddress')} />}
          </Field>
        </div>
        <div className="field">
          <label className="choice">
            <input type="checkbox" {...register('onBehalfOfPromoter')} />
            Published on the promoter’s own behalf
          </label>
        </div>
        {!own && (
          <div className="row">
            <Field label="Published on behalf of" hint="The candidate or party" error={form.errorOf('onBehalfOfName')}>
              {(a) => <input {...a} {...register('onBehalfOfName')} />}
            </Field>
            <Field label="Their address" error={form.errorOf('onBehalfOfAddress')}>
              {(a) => <textarea {...a} rows={2} {...register('onBehalfOfAddress')} />}
            </Field>
          </div>
        )}
        <p>
          <strong>Imprint as printed:</strong> <span>{imprintText(imprint) || '—'}</span>
        </p>
        {gaps && (
          <p className="warning" role="status">
            {gaps}
          </p>
        )}
      </fieldset>
      <Field label="Notes (optional)" error={form.errorOf('notes')}>
        {(a) => <textarea {...a} rows={2} {...register('notes')} />}
      </Field>
      <FormActions submitLabel={props.submitLabel} submitting={form.formState.isSubmitting} onCancel={props.onCancel} />
    </form>
  );
}
