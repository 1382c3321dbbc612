import { type DocumentText, withMemo } from './document-text';

export const DOCUMENT_TEXT_EN: DocumentText = {
  accountType: { CHECKING: 'Checking account', SAVINGS: 'Savings account' },
  entry: (e) => {
    const other = e.counterpartyAccountNumber ?? '';
    if (e.overdraftProtection) return 'Overdraft protection';
    switch (e.type) {
      case 'WITHDRAWAL':
        return 'ATM withdrawal';
      case 'DEPOSIT':
        return e.checkNumber ? `Check deposit #${e.checkNumber}` : 'Cash deposit';
      case 'TRANSFER_OUT':
        return withMemo(`Transfer to ${other}`, e.memo);
      case 'TRANSFER_IN':
        return withMemo(`Transfer from ${other}`, e.memo);
      case 'OPENING':
        return 'Opening balance';
    }
  },
  statement: {
    title: 'Account Statement',
    subject: 'Account statement',
    statementDate: (day) => `Statement date: ${day}`,
    period: (from, to) => `${from} to ${to}`,
    timesAndCurrency: (zone) => `All times in ${zone}. Amounts in US dollars.`,
    openingOn: (day) => `Opening balance on ${day}`,
    closingOn: (day) => `Closing balance on ${day}`,
    totalIn: 'Total money in',
    totalOut: 'Total money out',
    summary: 'Summary',
    continued: (account, period) => `Statement ${account}, ${period} (continued)`,
    columns: {
      date: 'Date',
      description: 'Description',
      moneyIn: 'Money in',
      moneyOut: 'Money out',
      balance: 'Balance',
    },
    opening: 'Opening balance',
    closing: 'Closing balance',
    totals: 'Totals',
    noTransactions: 'No transactions in this period',
    page: (page, count) => `Page ${page} of ${count}`,
    contact: 'Questions? Call 1-800-555-0100 or visit any Harbor Savings Bank branch.',
  },
  receipt: {
    title: 'Receipt',
    atm: 'ATM',
    dateTime: 'Date and time',
    reference: 'Reference',
    type: 'Type',
    types: { WITHDRAWAL: 'Withdrawal', DEPOSIT: 'Deposit', TRANSFER: 'Transfer' },
    amount: 'Amount',
    account: 'Account',
    balanceAfter: 'Balance after',
    notesDispensed: 'Notes dispensed',
    notes: (count, denomination) => `${count} × ${denomination}`,
    holdsPlaced: 'Holds placed',
    hold: (amount, day) => `${amount} until ${day}`,
    noHolds: 'None: all of it is available now',
    checkNumber: 'Check number',
    to: 'To account',
    overdraftProtection: 'Overdraft protection',
    overdraftFrom: (amount, account) => `${amount} from savings ${account}`,
    memo: 'Memo',
    thanks: 'Thank you for banking with Harbor Savings Bank.',
  },
};
