import { type EntryFacts, type TransactionType } from '@atm/contracts';

/** The words of an entry's description in one language; `describeEntry` puts them together. */
interface EntryWords {
  overdraftProtection: string;
  withdrawal: string;
  cashDeposit: string;
  checkDeposit: (checkNumber: string) => string;
  transferTo: (account: string) => string;
  transferFrom: (account: string) => string;
  opening: string;
  /** Between a transfer and its memo (French typography puts a space before the colon). */
  memoSeparator: string;
}

/** Every word a statement or a receipt prints, in one language. */
export interface DocumentText {
  accountType: { CHECKING: string; SAVINGS: string };
  entry: EntryWords;
  statement: {
    title: string;
    subject: string;
    statementDate: (day: string) => string;
    period: (from: string, to: string) => string;
    timesAndCurrency: (timeZone: string) => string;
    openingOn: (day: string) => string;
    closingOn: (day: string) => string;
    totalIn: string;
    totalOut: string;
    summary: string;
    continued: (account: string, period: string) => string;
    columns: {
      date: string;
      description: string;
      moneyIn: string;
      moneyOut: string;
      balance: string;
    };
    opening: string;
    closing: string;
    totals: string;
    noTransactions: string;
    page: (page: number, count: number) => string;
    contact: string;
  };
  receipt: {
    title: string;
    atm: string;
    /** The machine's name on the slip, in the language's word order ("Cajero de …"). */
    atmName: (bank: string) => string;
    dateTime: string;
    reference: string;
    type: string;
    types: Record<TransactionType, string>;
    amount: string;
    account: string;
    balanceAfter: string;
    notesDispensed: string;
    notes: (count: number, denomination: string) => string;
    holdsPlaced: string;
    hold: (amount: string, day: string) => string;
    noHolds: string;
    checkNumber: string;
    to: string;
    /** The sweep that covered the shortfall (overdraft protection) and where it came from. */
    overdraftProtection: string;
    overdraftFrom: (amount: string, account: string) => string;
    memo: string;
    thanks: string;
  };
}

function withMemo(description: string, memo: string | undefined, separator: string): string {
  return memo ? `${description}${separator}${memo}` : description;
}

/**
 * The description of an entry, written from its facts, with a transfer's memo as typed. An
 * overdraft protection sweep is named as such, whichever way it moved.
 */
export function describeEntry(words: EntryWords, e: EntryFacts): string {
  const other = e.counterpartyAccountNumber ?? '';
  if (e.overdraftProtection) return words.overdraftProtection;
  switch (e.type) {
    case 'WITHDRAWAL':
      return words.withdrawal;
    case 'DEPOSIT':
      return e.checkNumber ? words.checkDeposit(e.checkNumber) : words.cashDeposit;
    case 'TRANSFER_OUT':
      return withMemo(words.transferTo(other), e.memo, words.memoSeparator);
    case 'TRANSFER_IN':
      return withMemo(words.transferFrom(other), e.memo, words.memoSeparator);
    case 'OPENING':
      return words.opening;
  }
}
