import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { subtractCents } from '@atm/money';
import { adminApi } from '../api/admin-api';
import { type AdminDashboard } from '../api/admin-types';
import { errorText } from '../api/errors';
import { Alert } from '../components/Alert';
import { PageFrame } from '../components/PageFrame';
import { formatCents, formatCount, formatInstant } from '../format';
import { strings } from '../strings';
import { NoteStockTable } from './NoteStockTable';

const d = strings.dashboard;

/** The dashboard polls this often; the server does not count a poll as activity. */
export const DASHBOARD_REFRESH_MS = 10_000;

export function useDashboard() {
  return useQuery({
    queryKey: ['admin', 'dashboard'],
    queryFn: adminApi.dashboard,
    refetchInterval: DASHBOARD_REFRESH_MS,
    refetchIntervalInBackground: false,
  });
}

/** One figure, already formatted (a count or an amount). */
function Figure({ label, value }: { label: string; value: string }) {
  return (
    <div className="admin-figure">
      <dt className="admin-figure__label">{label}</dt>
      <dd className="admin-figure__value">{value}</dd>
    </div>
  );
}

interface FigureCardProps<K extends string> {
  title: string;
  /** Each count's label, in the order shown, keyed by the answer's field it counts. */
  labels: Record<K, string>;
  counts: Record<K, number>;
}

/** A card of counts under one heading, which names the card's region. */
function FigureCard<K extends string>({ title, labels, counts }: FigureCardProps<K>) {
  const headingId = useId();
  return (
    <section className="admin-card" aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      <dl className="admin-figures">
        {(Object.keys(labels) as K[]).map((field) => (
          <Figure key={field} label={labels[field]} value={formatCount(counts[field])} />
        ))}
      </dl>
    </section>
  );
}

function CashBalancing({ balancing }: { balancing: AdminDashboard['cashBalancing'] }) {
  const difference = subtractCents(balancing.stockCents, balancing.ledgerCents);
  const balanced = difference === 0;
  return (
    <section className="admin-card" aria-labelledby="cash-balancing-title">
      <h2 id="cash-balancing-title">{d.cashBalancing}</h2>
      <dl className="admin-figures">
        <Figure label={d.stockValue} value={formatCents(balancing.stockCents)} />
        <Figure label={d.ledgerValue} value={formatCents(balancing.ledgerCents)} />
      </dl>
      <p
        className={
          balanced ? 'admin-balance admin-balance--ok' : 'admin-balance admin-balance--off'
        }
      >
        {balanced ? d.balanced : d.unbalanced(formatCents(Math.abs(difference)))}
      </p>
    </section>
  );
}

export function DashboardPage() {
  const dashboard = useDashboard();
  const data = dashboard.data;
  return (
    <PageFrame title={d.title}>
      <p className="admin-page__note">
        {d.refreshNote}{' '}
        {dashboard.dataUpdatedAt > 0
          ? d.lastUpdated(formatInstant(new Date(dashboard.dataUpdatedAt).toISOString()))
          : null}
      </p>
      <Alert message={errorText(dashboard.error)} />
      {!data ? (
        dashboard.isPending ? (
          <p>{strings.common.loading}</p>
        ) : null
      ) : (
        <div className="admin-grid">
          {data.cashBalancing ? <CashBalancing balancing={data.cashBalancing} /> : null}
          <FigureCard
            title={d.people}
            labels={d.peopleFigures}
            counts={{ customers: data.customers, accounts: data.accounts, ...data.cards }}
          />
          <FigureCard title={d.today} labels={d.todayFigures} counts={data.today} />
          <FigureCard title={d.statements} labels={d.statementFigures} counts={data.statements} />
          <section className="admin-card admin-card--wide" aria-labelledby="stock-title">
            <h2 id="stock-title">{d.cashStock}</h2>
            <NoteStockTable cash={data.cash} />
          </section>
        </div>
      )}
    </PageFrame>
  );
}
