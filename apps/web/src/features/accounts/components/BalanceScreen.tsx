import { type Account } from '@atm/contracts';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../shared/api/error-messages';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { formatDay, formatMoney, formatSignedMoney } from '../../../shared/format/format';
import { entryDescription } from '../../../shared/i18n/entry-description';
import { Screen } from '../../../shared/machine/components/Screen';
import { accountName, useAccounts, useRecentEntries } from '../hooks/useAccounts';
import { StatusNotice } from '../../../shared/components/StatusNotice';

export interface BalanceScreenProps {
  onBack: () => void;
}

function RecentEntries({ account }: { account: Account }) {
  const { t } = useTranslation();
  const entries = useRecentEntries(account.id);
  if (entries.isPending) return <p className="hint">{t('balance.loadingEntries')}</p>;
  if (entries.isError) return <ErrorAlert message={errorMessage(entries.error, 'view')} />;
  if (entries.data.items.length === 0) return <p className="hint">{t('balance.noEntries')}</p>;
  return (
    <table className="entries">
      <caption className="visually-hidden">
        {t('balance.lastTransactions', { account: accountName(account) })}
      </caption>
      <thead>
        <tr>
          <th scope="col">{t('balance.date')}</th>
          <th scope="col">{t('balance.description')}</th>
          <th scope="col" className="entries__money">
            {t('balance.amount')}
          </th>
        </tr>
      </thead>
      <tbody>
        {entries.data.items.map((entry) => (
          <tr key={entry.id}>
            <td>{formatDay(entry.createdAt)}</td>
            <td>{entryDescription(entry)}</td>
            <td
              className={`entries__money ${entry.amountCents < 0 ? 'entries__money--out' : 'entries__money--in'}`}
            >
              {formatSignedMoney(entry.amountCents)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function BalanceScreen({ onBack }: BalanceScreenProps) {
  const { t } = useTranslation();
  const accounts = useAccounts();
  return (
    <Screen
      title={t('balance.title')}
      options={[{ label: t('common.mainMenu'), onSelect: onBack, slot: 'L4' }]}
      keypad={{ onCancel: onBack, onEnter: onBack }}
    >
      <StatusNotice message={accounts.isPending ? t('common.loadingAccounts') : null} />
      {accounts.isError ? <ErrorAlert message={errorMessage(accounts.error, 'view')} /> : null}
      {accounts.data?.map((account) => (
        <article key={account.id} className="account-card" aria-label={accountName(account)}>
          <h2 className="account-card__name">
            {accountName(account)}
            {account.status !== 'ACTIVE' ? (
              <span className="badge">{t(`accountStatus.${account.status}`)}</span>
            ) : null}
          </h2>
          <dl className="account-card__balances">
            <div>
              <dt>{t('balance.available')}</dt>
              <dd className="money money--large">{formatMoney(account.availableBalanceCents)}</dd>
            </div>
            <div>
              <dt>{t('balance.balance')}</dt>
              <dd className="money">{formatMoney(account.balanceCents)}</dd>
            </div>
          </dl>
          {account.balanceCents !== account.availableBalanceCents ? (
            <p className="hint">
              {t('balance.onHold', {
                amount: formatMoney(account.balanceCents - account.availableBalanceCents),
              })}
            </p>
          ) : null}
          <RecentEntries account={account} />
        </article>
      ))}
    </Screen>
  );
}
