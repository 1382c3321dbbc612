import { apiBlob } from '../../../shared/api/http';

export const receiptApi = {
  /** The receipt PDF, in the language sent as Accept-Language (the session's). */
  pdf: (transactionId: string) =>
    apiBlob(`/transactions/${encodeURIComponent(transactionId)}/receipt`, { accept: 'blob' }),
};
