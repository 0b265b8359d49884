import type { ReactNode } from 'react';
import { Link } from 'react-router';

export function PageHeader(props: { title: string; subtitle?: ReactNode; actions?: ReactNode; back?: { to: string; label: string } }) {
  return (
    <header className="page-header">
      {props.back && (
        <Link className="back" to={props.back.to}>
          ← {props.back.label}
        </Link>
      )}
      <div className="page-title">
        <h1>{props.title}</h1>
        {props.actions && <div className="actions">{props.actions}</div>}
      </div>
      {props.subtitle && <p className="subtitle">{props.subtitle}</p>}
    </header>
  );
}

export function EmptyState(props: { title: string; children: ReactNode }) {
  return (
    <section className="empty">
      <h2>{props.title}</h2>
      {props.children}
    </section>
  );
}

export function ErrorMessage(props: { error?: string }) {
  if (!props.error) return null;
  return (
    <p className="error-banner" role="alert">
      {props.error}
    </p>
  );
}

export function Loading() {
  return <p className="loading">Loading…</p>;
}
