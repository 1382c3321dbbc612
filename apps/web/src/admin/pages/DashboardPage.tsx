import { useQuery } from '@tanstack/react-query';
import { subtractCents } from '@atm/money';
import { adminApi } from '../api/admin-api';
import { type AdminDashboard } from '../api/admin-types';
import { errorText } from '../api/errors';
import { Alert } from '../components/Alert';
import { PageFrame } from '../components/PageFrame';
import { formatCents, formatCount, formatInstant } from '../format';
import { strings } from '../strings';
import { NoteStockTable } from './NoteStockTable';

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

interface FigureCardProps {
  /** The heading's id, which names the card's region. */
  id: string;
  title: string;
  figures: Array<[label: string, count: number]>;
}

/** A card of counts under one heading. */
function FigureCard({ id, title, figures }: FigureCardProps) {
  return (
    <section className="admin-card" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <dl className="admin-figures">
        {figures.map(([label, count]) => (
          <Figure key={label} label={label} value={formatCount(count)} />
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
      <h2 id="cash-balancing-title">{strings.dashboard.cashBalancing}</h2>
      <dl className="admin-figures">
        <Figure label={strings.dashboard.stockValue} value={formatCents(balancing.stockCents)} />
        <Figure label={strings.dashboard.ledgerValue} value={formatCents(balancing.ledgerCents)} />
      </dl>
      <p
        className={
          balanced ? 'admin-balance admin-balance--ok' : 'admin-balance admin-balance--off'
        }
      >
        {balanced
          ? strings.dashboard.balanced
          : strings.dashboard.unbalanced(formatCents(Math.abs(difference)))}
      </p>
    </section>
  );
}

export function DashboardPage() {
  const dashboard = useDashboard();
  const data = dashboard.data;
  return (
    <PageFrame title={strings.dashboard.title}>
      <p className="admin-page__note">
        {strings.dashboard.refreshNote}{' '}
        {dashboard.dataUpdatedAt > 0
          ? strings.dashboard.lastUpdated(
              formatInstant(new Date(dashboard.dataUpdatedAt).toISOString()),
            )
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
            id="people-title"
            title={strings.dashboard.people}
            figures={[
              [strings.dashboard.customers, data.customers],
              [strings.dashboard.accounts, data.accounts],
              [strings.dashboard.cardsActive, data.cards.active],
              [strings.dashboard.cardsLocked, data.cards.locked],
              [strings.dashboard.cardsBlocked, data.cards.blocked],
            ]}
          />
          <FigureCard
            id="today-title"
            title={strings.dashboard.today}
            figures={[
              [strings.dashboard.withdrawals, data.today.withdrawals],
              [strings.dashboard.deposits, data.today.deposits],
              [strings.dashboard.transfers, data.today.transfers],
              [strings.dashboard.failedSignIns, data.today.failedSignIns],
            ]}
          />
          <FigureCard
            id="statements-title"
            title={strings.dashboard.statements}
            figures={[
              [strings.dashboard.statementsPending, data.statements.pending],
              [strings.dashboard.statementsFailed, data.statements.failed],
            ]}
          />
          <section className="admin-card admin-card--wide" aria-labelledby="stock-title">
            <h2 id="stock-title">{strings.dashboard.cashStock}</h2>
            <NoteStockTable cash={data.cash} />
          </section>
        </div>
      )}
    </PageFrame>
  );
}
