import { type AccountsResponse, type EntriesPage, type LimitsResponse } from '@atm/contracts';
import { accountPath, apiJson } from '../../../shared/api/http';

export const accountsApi = {
  list: () => apiJson<AccountsResponse>('/accounts'),
  limits: (id: string) => apiJson<LimitsResponse>(accountPath(id, 'limits')),
  transactions: (id: string, limit: number) =>
    apiJson<EntriesPage>(accountPath(id, `transactions?limit=${limit}`)),
};
