import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import { adminApi } from '../api/admin-api';
import {
  type AccountAction,
  type AdminAccount,
  type AdminCard,
  type AdminCustomer,
  type CardAction,
} from '../api/admin-types';
import { errorText } from '../api/errors';
import { Link, pathFor } from '../app/router';
import { Alert, Notice } from '../components/Alert';
import { Button } from '../components/Button';
import { ConfirmDialog } from '../components/Dialog';
import { PageFrame } from '../components/PageFrame';
import { formatAccountNumber, formatCents, formatDate, formatInstant, lastFour } from '../format';
import { strings } from '../strings';

const s = strings.customer;

type OverdraftAction = 'linkOverdraft' | 'unlinkOverdraft';

type PendingAction =
  | { kind: 'account'; action: AccountAction; target: AdminAccount; label: string }
  | { kind: 'card'; action: CardAction; target: AdminCard; label: string }
  | {
      kind: 'overdraft';
      action: OverdraftAction;
      target: AdminAccount;
      label: string;
      /** The savings account chosen to cover the checking account (null unlinks). */
      fromAccountNumber: string | null;
    };

/** "Checking ••••0001": the name of the account's region, as the contract writes it. */
export function accountLabel(account: AdminAccount): string {
  return s.maskedAccount(s.accountType[account.type], lastFour(account.number));
}

export function cardLabel(card: AdminCard): string {
  return s.maskedCard(card.last4);
}

/** Which actions make sense in each state; the others stay visible but disabled. */
const ACCOUNT_ACTIONS: Array<{ action: AccountAction; enabled: (a: AdminAccount) => boolean }> = [
  { action: 'freeze', enabled: (a) => a.status === 'ACTIVE' },
  { action: 'unfreeze', enabled: (a) => a.status === 'FROZEN' },
  { action: 'close', enabled: (a) => a.status !== 'CLOSED' },
];

/** The customer's savings accounts that may cover a checking account (the API re-checks). */
function activeSavings(accounts: AdminAccount[]): AdminAccount[] {
  return accounts.filter((a) => a.type === 'SAVINGS' && a.status === 'ACTIVE');
}

/** A checking account's overdraft protection: link (to the first active savings) or unlink. */
function overdraftActions(
  account: AdminAccount,
  label: string,
  savings: AdminAccount[],
  onAction: (pending: PendingAction) => void,
): RegionAction[] {
  if (account.type !== 'CHECKING') return [];
  const linked = account.overdraftFromAccountNumber !== null;
  const open = (action: OverdraftAction, fromAccountNumber: string | null) => () =>
    onAction({ kind: 'overdraft', action, target: account, label, fromAccountNumber });
  return [
    {
      name: s.actions.linkOverdraft,
      danger: false,
      enabled: !linked && savings.length > 0 && account.status !== 'CLOSED',
      run: open('linkOverdraft', savings[0]?.number ?? null),
    },
    {
      name: s.actions.unlinkOverdraft,
      danger: false,
      enabled: linked,
      run: open('unlinkOverdraft', null),
    },
  ];
}

const CARD_ACTIONS: Array<{ action: CardAction; enabled: (c: AdminCard) => boolean }> = [
  { action: 'block', enabled: (c) => c.status !== 'BLOCKED' },
  // Unlocking clears a PIN lockout; a blocked card stays blocked.
  { action: 'unlock', enabled: (c) => c.status === 'LOCKED' },
];

interface RegionAction {
  name: string;
  /** Shown as dangerous (closing an account, blocking a card). */
  danger: boolean;
  /** Actions that make no sense in the item's state stay visible but disabled. */
  enabled: boolean;
  run: () => void;
}

interface ItemRegionProps {
  /** The region's name, as the contract writes it ("Checking ••••0001"). */
  label: string;
  facts: Array<[term: string, detail: string]>;
  actions: RegionAction[];
}

/** One account or card: a region named by its masked number, its facts, its actions. */
function ItemRegion({ label, facts, actions }: ItemRegionProps) {
  return (
    <section role="region" aria-label={label} className="admin-card admin-item">
      <h3 className="admin-item__title">{label}</h3>
      <dl className="admin-item__facts">
        {facts.map(([term, detail]) => (
          <Fragment key={term}>
            <dt>{term}</dt>
            <dd>{detail}</dd>
          </Fragment>
        ))}
      </dl>
      <div className="admin-item__actions">
        {actions.map((action) => (
          <Button
            key={action.name}
            variant={action.danger ? 'danger' : 'secondary'}
            disabled={!action.enabled}
            onClick={action.run}
          >
            {action.name}
          </Button>
        ))}
      </div>
    </section>
  );
}

function AccountRegion({
  account,
  savings,
  onAction,
}: {
  account: AdminAccount;
  /** The customer's active savings accounts, which may cover a checking account. */
  savings: AdminAccount[];
  onAction: (pending: PendingAction) => void;
}) {
  const label = accountLabel(account);
  return (
    <ItemRegion
      label={label}
      facts={[
        [s.number, formatAccountNumber(account.number)],
        [s.status, s.accountStatus[account.status]],
        [s.balance, formatCents(account.balanceCents)],
        [s.available, formatCents(account.availableBalanceCents)],
        ...(account.type === 'CHECKING'
          ? [
              [s.overdraft, account.overdraftFromAccountNumber ?? strings.common.none] as [
                string,
                string,
              ],
            ]
          : []),
      ]}
      actions={[
        ...ACCOUNT_ACTIONS.map(({ action, enabled }) => ({
          name: s.actions[action],
          danger: action === 'close',
          enabled: enabled(account),
          run: () => onAction({ kind: 'account', action, target: account, label }),
        })),
        ...overdraftActions(account, label, savings, onAction),
      ]}
    />
  );
}

function CardRegion({
  card,
  onAction,
}: {
  card: AdminCard;
  onAction: (pending: PendingAction) => void;
}) {
  const label = cardLabel(card);
  const facts: ItemRegionProps['facts'] = [[s.status, s.cardStatus[card.status]]];
  if (card.lockedUntil) facts.push([s.lockedUntil, formatInstant(card.lockedUntil)]);
  return (
    <ItemRegion
      label={label}
      facts={facts}
      actions={CARD_ACTIONS.map(({ action, enabled }) => ({
        name: s.actions[action],
        danger: action === 'block',
        enabled: enabled(card),
        run: () => onAction({ kind: 'card', action, target: card, label }),
      }))}
    />
  );
}

function runAction(pending: PendingAction): Promise<unknown> {
  switch (pending.kind) {
    case 'account':
      return adminApi.accountAction(pending.target.id, pending.action);
    case 'card':
      return adminApi.cardAction(pending.target.id, pending.action);
    case 'overdraft':
      return adminApi.overdraft(pending.target.id, pending.fromAccountNumber);
  }
}

/** Replaces the changed account or card in the cached customer, as the API answered it. */
function withChange(customer: AdminCustomer, answer: unknown): AdminCustomer {
  if (typeof answer !== 'object' || answer === null) return customer;
  if ('account' in answer) {
    const account = (answer as { account: AdminAccount }).account;
    return {
      ...customer,
      accounts: customer.accounts.map((a) => (a.id === account.id ? { ...a, ...account } : a)),
    };
  }
  if ('card' in answer) {
    const card = (answer as { card: AdminCard }).card;
    return { ...customer, cards: customer.cards.map((c) => (c.id === card.id ? card : c)) };
  }
  return customer;
}

export interface CustomerPageProps {
  id: string;
}

export function CustomerPage({ id }: CustomerPageProps) {
  const client = useQueryClient();
  const queryKey = ['admin', 'customer', id];
  const customer = useQuery({ queryKey, queryFn: () => adminApi.customer(id) });
  const [pending, setPending] = useState<PendingAction | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const action = useMutation({ mutationFn: runAction });

  const open = (next: PendingAction) => {
    action.reset();
    setDone(null);
    setPending(next);
  };
  const confirm = () => {
    if (!pending || action.isPending) return;
    action.mutate(pending, {
      onSuccess: (answer) => {
        client.setQueryData<{ customer: AdminCustomer }>(queryKey, (old) =>
          old ? { customer: withChange(old.customer, answer) } : old,
        );
        // Lists and figures change too; this customer is not fetched again (each fetch is
        // audited as CUSTOMER_VIEWED, and the answer already says what changed).
        for (const list of ['customers', 'dashboard', 'audit']) {
          void client.invalidateQueries({ queryKey: ['admin', list] });
        }
        setDone(s.done[pending.action](pending.label));
        setPending(null);
      },
    });
  };

  const data = customer.data?.customer;
  return (
    <PageFrame title={data?.name ?? (customer.isError ? s.title : strings.common.loading)}>
      <p>
        <Link to={pathFor({ page: 'customers' })}>{s.back}</Link>
      </p>
      <Alert message={errorText(customer.error)} />
      <Notice message={done} />
      {data ? (
        <>
          <dl className="admin-item__facts">
            <dt>{s.email}</dt>
            <dd>{data.email ?? strings.common.none}</dd>
            <dt>{s.createdAt}</dt>
            <dd>{formatDate(data.createdAt)}</dd>
          </dl>
          <h2>{s.accountsTitle}</h2>
          {data.accounts.length === 0 ? <p>{s.noAccounts}</p> : null}
          <div className="admin-grid">
            {data.accounts.map((account) => (
              <AccountRegion
                key={account.id}
                account={account}
                savings={activeSavings(data.accounts)}
                onAction={open}
              />
            ))}
          </div>
          <h2>{s.cardsTitle}</h2>
          {data.cards.length === 0 ? <p>{s.noCards}</p> : null}
          <div className="admin-grid">
            {data.cards.map((card) => (
              <CardRegion key={card.id} card={card} onAction={open} />
            ))}
          </div>
        </>
      ) : null}
      {pending ? (
        <ConfirmDialog
          title={s.confirmTitle[pending.action](pending.label)}
          action={action}
          onConfirm={confirm}
          onCancel={() => setPending(null)}
        >
          <p>{s.confirmText[pending.action]}</p>
          {pending.kind === 'overdraft' && pending.action === 'linkOverdraft' ? (
            <label className="admin-field">
              {s.overdraftFrom}
              <select
                value={pending.fromAccountNumber ?? ''}
                onChange={(event) =>
                  setPending({ ...pending, fromAccountNumber: event.target.value })
                }
              >
                {activeSavings(data?.accounts ?? []).map((a) => (
                  <option key={a.id} value={a.number}>
                    {accountLabel(a)}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
        </ConfirmDialog>
      ) : null}
    </PageFrame>
  );
}
