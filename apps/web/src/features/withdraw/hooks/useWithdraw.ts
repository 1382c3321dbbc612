import { useIdempotentMutation } from '../../../shared/hooks/useIdempotentMutation';
import { useRefreshAccounts } from '../../accounts';
import { withdrawApi } from '../api/withdraw-api';

export interface WithdrawVariables {
  accountId: string;
  amountCents: number;
}

export function useWithdraw() {
  const refresh = useRefreshAccounts();
  return useIdempotentMutation(
    async ({ accountId, amountCents }: WithdrawVariables, key: string) => {
      const result = await withdrawApi.withdraw(accountId, { amountCents }, key);
      void refresh();
      return result;
    },
  );
}
