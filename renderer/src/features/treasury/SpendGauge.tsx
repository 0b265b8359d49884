import type { Ledger } from '../../../../shared/contract/treasury.ts';
import { formatPence } from '../../../../shared/domain/money.ts';

/** Spend against the limit: a bar with the 80% mark, the figures, and the state in words (not colour alone). */
export function SpendGauge(props: { spend: Ledger['spend']; limitPence: number | null }) {
  const { spend, limitPence } = props;
  if (limitPence === null) return <p className="spend-message">{spend.message}</p>;
  const percent = spend.percent ?? 0;
  const words = spend.level === 'over' ? 'Over the limit' : spend.level === 'warning' ? 'Warning: 80% of the limit reached' : 'Within the limit';
  return (
    <div>
      <div
        className={`gauge gauge-${spend.level}`}
        role="meter"
        aria-label="Spending against the limit"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.min(percent, 100)}
        aria-valuetext={`${formatPence(spend.spentPence)} of ${formatPence(limitPence)} (${percent}%)`}
      >
        <div className="gauge-fill" style={{ width: `${Math.min(percent, 100)}%` }} />
        <div className="gauge-mark" title="80%" />
      </div>
      <p className={`spend-message spend-${spend.level}`} role={spend.level === 'ok' ? undefined : 'status'}>
        {words}: {formatPence(spend.spentPence)} of {formatPence(limitPence)} ({percent}%). {spend.message}
      </p>
    </div>
  );
}
