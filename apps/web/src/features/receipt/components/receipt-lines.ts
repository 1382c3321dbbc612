import { formatAccountNumber } from '@atm/contracts';
import { type Receipt } from '../../../shared/flow/flow-types';
import { formatDateTime, formatDay, formatMoney } from '../../../shared/format/format';
import { i18n } from '../../../shared/i18n/i18n';
import { accountName } from '../../accounts';

/** The receipt as label/value rows, for the screen and the printer alike. */
export function receiptRows(receipt: Receipt): Array<[string, string]> {
  const { transaction, account } = receipt;
  const t = i18n.t;
  const rows: Array<[string, string]> = [
    [t('receipt.reference'), transaction.reference],
    [t('receipt.date'), formatDateTime(transaction.createdAt)],
    [t(`receipt.type.${transaction.type}`), formatMoney(transaction.amountCents)],
    [transaction.type === 'DEPOSIT' ? t('common.into') : t('common.from'), accountName(account)],
  ];
  if (receipt.toAccountNumber) {
    rows.push([t('common.to'), formatAccountNumber(receipt.toAccountNumber)]);
  }
  if (receipt.memo) rows.push([t('common.memo'), receipt.memo]);
  if (receipt.checkNumber) rows.push([t('receipt.checkNo'), receipt.checkNumber]);
  if (receipt.notes?.length) {
    rows.push([
      t('receipt.cash'),
      receipt.notes
        .map((n) =>
          t('machine.notes', { count: n.count, amount: formatMoney(n.denominationCents) }),
        )
        .join(', '),
    ]);
  }
  if (receipt.overdraft) {
    rows.push([
      t('receipt.overdraft'),
      t('receipt.overdraftFrom', {
        amount: formatMoney(receipt.overdraft.amountCents),
        account: receipt.overdraft.fromAccountNumber,
      }),
    ]);
  }
  rows.push([t('receipt.balanceAfter'), formatMoney(transaction.balanceAfterCents)]);
  for (const hold of receipt.holds ?? []) {
    rows.push([
      t('receipt.onHold'),
      t('receipt.onHoldUntil', {
        amount: formatMoney(hold.amountCents),
        day: formatDay(hold.releaseAt),
      }),
    ]);
  }
  return rows;
}

export function receiptPrintLines(receipt: Receipt): string[] {
  return [
    i18n.t('receipt.bankLine'),
    ...receiptRows(receipt).map(([label, value]) => `${label}: ${value}`),
  ];
}
