import { type DepositRequest, type DepositResponse } from '@atm/contracts';
import { accountPath, moveMoney } from '../../../shared/api/http';

export const depositApi = {
  deposit: (accountId: string, body: DepositRequest, idempotencyKey: string) =>
    moveMoney<DepositResponse>(accountPath(accountId, 'deposits'), body, idempotencyKey),
};
