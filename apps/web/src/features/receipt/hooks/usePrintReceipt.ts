import { type Transaction } from '@atm/contracts';
import { useMutation } from '@tanstack/react-query';
import { saveBlob } from '../../../shared/api/save-blob';
import { receiptApi } from '../api/receipt-api';

/** "Print receipt": the bank's PDF of the transaction, saved like a download. */
export function usePrintReceipt() {
  return useMutation({
    mutationFn: async (transaction: Pick<Transaction, 'id' | 'reference'>) => {
      const blob = await receiptApi.pdf(transaction.id);
      await saveBlob(blob, `receipt-${transaction.reference}.pdf`);
    },
  });
}
