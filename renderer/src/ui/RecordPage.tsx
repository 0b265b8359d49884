import type { ComponentProps, ReactNode } from 'react';
import { DeleteButton } from './DeleteButton.tsx';
import { PageHeader } from './Page.tsx';

/**
 * The header of one record's page: its name, the way back, and — while it is not being edited —
 * Edit, Delete (asking first, saying what goes with it) and any actions of its own.
 * The page keeps the editing state, so its form decides when editing ends.
 */
export function RecordPage(props: {
  title: string;
  back: { to: string; label: string };
  subtitle?: ReactNode;
  editing?: boolean;
  /** Shows the Edit button; left out where the record cannot be edited here. */
  onEdit?(): void;
  editLabel?: string;
  /** Shows the Delete button; left out where the record cannot be deleted here. */
  remove?: ComponentProps<typeof DeleteButton>;
  /** Actions before Edit and Delete (the record's own steps), hidden while editing. */
  actions?: ReactNode;
  /** Actions after Delete (personal data), hidden while editing. */
  after?: ReactNode;
  children?: ReactNode;
}) {
  const actions = !props.editing && (props.onEdit || props.remove || props.actions || props.after) && (
    <>
      {props.actions}
      {props.onEdit && (
        <button type="button" onClick={props.onEdit}>
          {props.editLabel ?? 'Edit'}
        </button>
      )}
      {props.remove && <DeleteButton {...props.remove} />}
      {props.after}
    </>
  );
  return (
    <>
      <PageHeader title={props.title} back={props.back} subtitle={props.subtitle} actions={actions || undefined} />
      {props.children}
    </>
  );
}
