import { type Receipt } from '../../../app/flow';
import { Summary } from '../../../shared/components/Summary';
import { Screen } from '../../machine/components/Screen';
import { receiptRows } from './receipt-lines';

export interface ReceiptScreenProps {
  receipt: Receipt;
  onAnother: () => void;
  onDone: () => void;
}

const HEADLINES = {
  WITHDRAWAL: 'Please take your cash.',
  DEPOSIT: 'Your deposit was received.',
  TRANSFER: 'Your transfer was sent.',
} as const;

export function ReceiptScreen({ receipt, onAnother, onDone }: ReceiptScreenProps) {
  const holds = receipt.holds ?? [];
  return (
    <Screen
      title="Receipt"
      options={[
        { label: 'Another transaction', onSelect: onAnother, slot: 'R3' },
        { label: 'Done', onSelect: onDone, slot: 'R4', primary: true },
      ]}
      keypad={{ onEnter: onDone, onCancel: onDone }}
    >
      <p className="lead" role="status">
        {HEADLINES[receipt.transaction.type]}
      </p>
      <Summary rows={receiptRows(receipt)} />
      {receipt.transaction.type === 'DEPOSIT' ? (
        <p className="hint">
          {holds.length === 0
            ? 'All of it is available now.'
            : 'Money on hold becomes available on the date shown.'}
        </p>
      ) : null}
    </Screen>
  );
}
