import { type Account, maskAccountNumber } from '@atm/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { i18n } from '../../../shared/i18n/i18n';
import { accountsApi } from '../api/accounts-api';

export const accountKeys = {
  all: ['accounts'] as const,
  list: () => [...accountKeys.all, 'list'] as const,
  transactions: (id: string, limit: number) =>
    [...accountKeys.all, id, 'transactions', limit] as const,
  limits: (id: string) => [...accountKeys.all, id, 'limits'] as const,
};

export function useAccounts() {
  return useQuery({
    queryKey: accountKeys.list(),
    queryFn: async () => (await accountsApi.list()).accounts,
  });
}

export function useRecentEntries(accountId: string, limit = 5) {
  return useQuery({
    queryKey: accountKeys.transactions(accountId, limit),
    queryFn: () => accountsApi.transactions(accountId, limit),
  });
}

/** After money moved: balances and histories are stale. */
export function useRefreshAccounts(): () => Promise<void> {
  const client = useQueryClient();
  return useCallback(() => client.invalidateQueries({ queryKey: accountKeys.all }), [client]);
}

/** "Checking", "Corriente", "Chèque": the account's type in the session's language. */
export function accountTypeName(account: Pick<Account, 'type'>): string {
  return i18n.t(`accountType.${account.type}`);
}

/** "Checking ••••0001": how a screen names one of the customer's accounts. */
export function accountName(account: Pick<Account, 'type' | 'number'>): string {
  return i18n.t('common.account', {
    type: accountTypeName(account),
    number: maskAccountNumber(account.number),
  });
}
