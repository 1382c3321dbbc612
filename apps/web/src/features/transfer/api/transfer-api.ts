import { type TransferRequest, type TransferResponse } from '@atm/contracts';
import { moveMoney } from '../../../shared/api/http';

export const transferApi = {
  transfer: (body: TransferRequest, idempotencyKey: string) =>
    moveMoney<TransferResponse>('/transfers', body, idempotencyKey),
};
