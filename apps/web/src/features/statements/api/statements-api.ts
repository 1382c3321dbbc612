import { type StatementRequest, type StatementResponse } from '@atm/contracts';
import { accountPath, apiBlob, apiJson } from '../../../shared/api/http';
import { currentLanguage } from '../../../shared/i18n/i18n';

export const statementsApi = {
  // The statement is written in the session's language.
  create: (accountId: string, body: StatementRequest) =>
    apiJson<StatementResponse>(accountPath(accountId, 'statements'), {
      method: 'POST',
      body: { ...body, language: currentLanguage() },
    }),
  get: (id: string) => apiJson<StatementResponse>(`/statements/${encodeURIComponent(id)}`),
  pdf: (id: string) => apiBlob(`/statements/${encodeURIComponent(id)}/pdf`, { accept: 'blob' }),
};
