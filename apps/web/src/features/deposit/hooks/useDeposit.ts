import { type DepositRequest } from '@atm/contracts';
import { useIdempotentMutation } from '../../../shared/hooks/useIdempotentMutation';
import { useRefreshAccounts } from '../../accounts';
import { depositApi } from '../api/deposit-api';

export interface DepositVariables {
  accountId: string;
  request: DepositRequest;
}

export function useDeposit() {
  const refresh = useRefreshAccounts();
  return useIdempotentMutation(async ({ accountId, request }: DepositVariables, key: string) => {
    const result = await depositApi.deposit(accountId, request, key);
    void refresh();
    return result;
  });
}
