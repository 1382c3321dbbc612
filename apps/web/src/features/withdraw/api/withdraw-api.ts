import { type WithdrawalRequest, type WithdrawalResponse } from '@atm/contracts';
import { accountPath, moveMoney } from '../../../shared/api/http';

export const withdrawApi = {
  withdraw: (accountId: string, body: WithdrawalRequest, idempotencyKey: string) =>
    moveMoney<WithdrawalResponse>(accountPath(accountId, 'withdrawals'), body, idempotencyKey),
};
