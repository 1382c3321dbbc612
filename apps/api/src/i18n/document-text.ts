import { type EntryFacts, type TransactionType } from '@atm/contracts';

/** Every word a statement or a receipt prints, in one language. */
export interface DocumentText {
  accountType: { CHECKING: string; SAVINGS: string };
  entry: (facts: EntryFacts) => string;
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

/** The description of an entry, written from its facts, with the memo as typed. */
export function withMemo(description: string, memo: string | undefined, separator = ': '): string {
  return memo ? `${description}${separator}${memo}` : description;
}
