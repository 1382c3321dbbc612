import { formatAccountNumber, maskAccountNumber } from '@atm/contracts';
import { formatCents } from '@atm/money';
import { type Receipt } from '../../../app/flow';
import { formatDateTime, formatDay } from '../../../shared/format/format';
import { accountTypeName } from '../../accounts/hooks/useAccounts';

const TITLES = { WITHDRAWAL: 'Withdrawal', DEPOSIT: 'Deposit', TRANSFER: 'Transfer' } as const;

/** The receipt as label/value rows, for the screen and the printer alike. */
export function receiptRows(receipt: Receipt): Array<[string, string]> {
  const { transaction, account } = receipt;
  const rows: Array<[string, string]> = [
    ['Reference', transaction.reference],
    ['Date', formatDateTime(transaction.createdAt)],
    [TITLES[transaction.type], formatCents(transaction.amountCents)],
    [
      transaction.type === 'DEPOSIT' ? 'Into' : 'From',
      `${accountTypeName(account)} ${maskAccountNumber(account.number)}`,
    ],
  ];
  if (receipt.toAccountNumber) rows.push(['To', formatAccountNumber(receipt.toAccountNumber)]);
  if (receipt.memo) rows.push(['Memo', receipt.memo]);
  if (receipt.checkNumber) rows.push(['Check no.', receipt.checkNumber]);
  if (receipt.notes?.length) {
    rows.push([
      'Cash',
      receipt.notes.map((n) => `${n.count} × ${formatCents(n.denominationCents)}`).join(', '),
    ]);
  }
  rows.push(['Balance after', formatCents(transaction.balanceAfterCents)]);
  for (const hold of receipt.holds ?? []) {
    rows.push(['On hold', `${formatCents(hold.amountCents)} until ${formatDay(hold.releaseAt)}`]);
  }
  return rows;
}

export function receiptPrintLines(receipt: Receipt): string[] {
  return [
    'HARBOR SAVINGS BANK',
    ...receiptRows(receipt).map(([label, value]) => `${label}: ${value}`),
  ];
}
