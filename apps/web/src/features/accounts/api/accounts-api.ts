import { type AccountsResponse, type EntriesPage, type LimitsResponse } from '@atm/contracts';
import { apiJson } from '../../../shared/api/http';

export const accountsApi = {
  list: () => apiJson<AccountsResponse>('/accounts'),
  limits: (id: string) => apiJson<LimitsResponse>(`/accounts/${encodeURIComponent(id)}/limits`),
  transactions: (id: string, limit: number) =>
    apiJson<EntriesPage>(`/accounts/${encodeURIComponent(id)}/transactions?limit=${limit}`),
};
