import { type WithdrawalRequest, type WithdrawalResponse } from '@atm/contracts';
import { moveMoney } from '../../../shared/api/http';

export const withdrawApi = {
  withdraw: (accountId: string, body: WithdrawalRequest, idempotencyKey: string) =>
    moveMoney<WithdrawalResponse>(
      `/accounts/${encodeURIComponent(accountId)}/withdrawals`,
      body,
      idempotencyKey,
    ),
};
