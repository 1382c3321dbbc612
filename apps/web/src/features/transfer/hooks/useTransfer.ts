import { type TransferRequest } from '@atm/contracts';
import { useIdempotentMutation } from '../../../shared/hooks/useIdempotentMutation';
import { useRefreshAccounts } from '../../accounts';
import { transferApi } from '../api/transfer-api';

export function useTransfer() {
  const refresh = useRefreshAccounts();
  return useIdempotentMutation(async (request: TransferRequest, key: string) => {
    const result = await transferApi.transfer(request, key);
    void refresh();
    return result;
  });
}
