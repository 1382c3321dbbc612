import { type StatementRequest, type StatementResponse } from '@atm/contracts';
import { apiBlob, apiJson } from '../../../shared/api/http';

export const statementsApi = {
  create: (accountId: string, body: StatementRequest) =>
    apiJson<StatementResponse>(`/accounts/${encodeURIComponent(accountId)}/statements`, {
      method: 'POST',
      body,
    }),
  get: (id: string) => apiJson<StatementResponse>(`/statements/${encodeURIComponent(id)}`),
  pdf: (id: string) => apiBlob(`/statements/${encodeURIComponent(id)}/pdf`, { accept: 'blob' }),
};
