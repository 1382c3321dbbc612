import { useTranslation } from 'react-i18next';
import { type Receipt } from '../../../shared/flow/flow-types';
import { errorMessage } from '../../../shared/api/error-messages';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { Summary } from '../../../shared/components/Summary';
import { Screen } from '../../../shared/machine/components/Screen';
import { usePrintReceipt } from '../hooks/usePrintReceipt';
import { receiptRows } from './receipt-lines';
import { StatusNotice } from '../../../shared/components/StatusNotice';

export interface ReceiptScreenProps {
  receipt: Receipt;
  onAnother: () => void;
  onDone: () => void;
}

export function ReceiptScreen({ receipt, onAnother, onDone }: ReceiptScreenProps) {
  const { t } = useTranslation();
  const print = usePrintReceipt();
  const holds = receipt.holds ?? [];
  return (
    <Screen
      title={t('receipt.title')}
      options={[
        {
          label: t('receipt.print'),
          onSelect: () => print.mutate(receipt.transaction),
          slot: 'R2',
          disabled: print.isPending,
        },
        { label: t('receipt.another'), onSelect: onAnother, slot: 'R3' },
        { label: t('common.done'), onSelect: onDone, slot: 'R4', primary: true },
      ]}
      keypad={{ onEnter: onDone, onCancel: onDone }}
    >
      <p className="lead" role="status">
        {t(`receipt.headline.${receipt.transaction.type}`)}
      </p>
      <Summary rows={receiptRows(receipt)} />
      {receipt.transaction.type === 'DEPOSIT' ? (
        <p className="hint">
          {holds.length === 0 ? t('receipt.allAvailable') : t('receipt.holdsHint')}
        </p>
      ) : null}
      <StatusNotice message={print.isPending ? t('receipt.printing') : null} />
      {print.isSuccess ? <p className="hint">{t('receipt.printed')}</p> : null}
      <ErrorAlert message={print.error ? errorMessage(print.error, 'view') : null} />
    </Screen>
  );
}
