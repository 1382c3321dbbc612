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

function Figure({ label, value }: { label: string; value: number }) {
  return (
    <div className="admin-figure">
      <dt className="admin-figure__label">{label}</dt>
      <dd className="admin-figure__value">{formatCount(value)}</dd>
    </div>
  );
}

function CashBalancing({ balancing }: { balancing: AdminDashboard['cashBalancing'] }) {
  const difference = subtractCents(balancing.stockCents, balancing.ledgerCents);
  const balanced = difference === 0;
  return (
    <section className="admin-card" aria-labelledby="cash-balancing-title">
      <h2 id="cash-balancing-title">{strings.dashboard.cashBalancing}</h2>
      <dl className="admin-figures">
        <div className="admin-figure">
          <dt className="admin-figure__label">{strings.dashboard.stockValue}</dt>
          <dd className="admin-figure__value">{formatCents(balancing.stockCents)}</dd>
        </div>
        <div className="admin-figure">
          <dt className="admin-figure__label">{strings.dashboard.ledgerValue}</dt>
          <dd className="admin-figure__value">{formatCents(balancing.ledgerCents)}</dd>
        </div>
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
          <section className="admin-card" aria-labelledby="people-title">
            <h2 id="people-title">{strings.dashboard.people}</h2>
            <dl className="admin-figures">
              <Figure label={strings.dashboard.customers} value={data.customers} />
              <Figure label={strings.dashboard.accounts} value={data.accounts} />
              <Figure label={strings.dashboard.cardsActive} value={data.cards.active} />
              <Figure label={strings.dashboard.cardsLocked} value={data.cards.locked} />
              <Figure label={strings.dashboard.cardsBlocked} value={data.cards.blocked} />
            </dl>
          </section>
          <section className="admin-card" aria-labelledby="today-title">
            <h2 id="today-title">{strings.dashboard.today}</h2>
            <dl className="admin-figures">
              <Figure label={strings.dashboard.withdrawals} value={data.today.withdrawals} />
              <Figure label={strings.dashboard.deposits} value={data.today.deposits} />
              <Figure label={strings.dashboard.transfers} value={data.today.transfers} />
              <Figure label={strings.dashboard.failedSignIns} value={data.today.failedSignIns} />
            </dl>
          </section>
          <section className="admin-card" aria-labelledby="statements-title">
            <h2 id="statements-title">{strings.dashboard.statements}</h2>
            <dl className="admin-figures">
              <Figure label={strings.dashboard.statementsPending} value={data.statements.pending} />
              <Figure label={strings.dashboard.statementsFailed} value={data.statements.failed} />
            </dl>
          </section>
          <section className="admin-card admin-card--wide" aria-labelledby="stock-title">
            <h2 id="stock-title">{strings.dashboard.cashStock}</h2>
            <NoteStockTable cash={data.cash} />
          </section>
        </div>
      )}
    </PageFrame>
  );
}
