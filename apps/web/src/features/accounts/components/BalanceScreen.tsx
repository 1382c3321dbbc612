import { type Account, maskAccountNumber } from '@atm/contracts';
import { formatCents, formatSignedCents } from '@atm/money';
import { errorMessage } from '../../../shared/api/error-messages';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { formatDay } from '../../../shared/format/format';
import { Screen } from '../../machine/components/Screen';
import { accountTypeName, useAccounts, useRecentEntries } from '../hooks/useAccounts';

export interface BalanceScreenProps {
  onBack: () => void;
}

function RecentEntries({ account }: { account: Account }) {
  const entries = useRecentEntries(account.id);
  if (entries.isPending) return <p className="hint">Loading recent transactions…</p>;
  if (entries.isError) return <ErrorAlert message={errorMessage(entries.error, 'view')} />;
  if (entries.data.items.length === 0) return <p className="hint">No transactions yet.</p>;
  return (
    <table className="entries">
      <caption className="visually-hidden">
        Last transactions of {accountTypeName(account)} {maskAccountNumber(account.number)}
      </caption>
      <thead>
        <tr>
          <th scope="col">Date</th>
          <th scope="col">Description</th>
          <th scope="col" className="entries__money">
            Amount
          </th>
        </tr>
      </thead>
      <tbody>
        {entries.data.items.map((entry) => (
          <tr key={entry.id}>
            <td>{formatDay(entry.createdAt)}</td>
            <td>{entry.description}</td>
            <td
              className={`entries__money ${entry.amountCents < 0 ? 'entries__money--out' : 'entries__money--in'}`}
            >
              {formatSignedCents(entry.amountCents)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function BalanceScreen({ onBack }: BalanceScreenProps) {
  const accounts = useAccounts();
  return (
    <Screen
      title="Your balances"
      options={[{ label: 'Main menu', onSelect: onBack, slot: 'L4' }]}
      keypad={{ onCancel: onBack, onEnter: onBack }}
    >
      {accounts.isPending ? (
        <p className="notice" role="status">
          Loading your accounts…
        </p>
      ) : null}
      {accounts.isError ? <ErrorAlert message={errorMessage(accounts.error, 'view')} /> : null}
      {accounts.data?.map((account) => (
        <article
          key={account.id}
          className="account-card"
          aria-label={`${accountTypeName(account)} ${maskAccountNumber(account.number)}`}
        >
          <h2 className="account-card__name">
            {accountTypeName(account)}{' '}
            <span className="account-card__number">{maskAccountNumber(account.number)}</span>
            {account.status !== 'ACTIVE' ? (
              <span className="badge">{account.status.toLowerCase()}</span>
            ) : null}
          </h2>
          <dl className="account-card__balances">
            <div>
              <dt>Available</dt>
              <dd className="money money--large">{formatCents(account.availableBalanceCents)}</dd>
            </div>
            <div>
              <dt>Balance</dt>
              <dd className="money">{formatCents(account.balanceCents)}</dd>
            </div>
          </dl>
          {account.balanceCents !== account.availableBalanceCents ? (
            <p className="hint">
              {formatCents(account.balanceCents - account.availableBalanceCents)} of deposits is on
              hold.
            </p>
          ) : null}
          <RecentEntries account={account} />
        </article>
      ))}
    </Screen>
  );
}
