import { type DepositRequest, type DepositResponse } from '@atm/contracts';
import { moveMoney } from '../../../shared/api/http';

export const depositApi = {
  deposit: (accountId: string, body: DepositRequest, idempotencyKey: string) =>
    moveMoney<DepositResponse>(
      `/accounts/${encodeURIComponent(accountId)}/deposits`,
      body,
      idempotencyKey,
    ),
};
