import { type EntryFacts, type Language } from '@atm/contracts';
import { addCents } from '@atm/money';

/** One ledger entry of the account in the period, in ledger order. */
export interface StatementEntry extends EntryFacts {
  postedAt: Date;
  /** The English text stored with the entry; the PDF writes its own from the facts. */
  description: string;
  /** Signed: negative when money left the account. */
  amountCents: number;
}

/** Everything printed on a statement, read from the ledger at the period's bounds. */
export interface StatementDocument {
  customerName: string;
  accountNumber: string;
  accountType: 'CHECKING' | 'SAVINGS';
  /** The language every label, description, date and amount is printed in. */
  language: Language;
  /** YYYY-MM-DD, both included, calendar days in ATM_TIMEZONE. */
  from: string;
  to: string;
  /** The day the statement was made, YYYY-MM-DD in ATM_TIMEZONE. */
  statementDate: string;
  timeZone: string;
  /** The balance at 00:00 of `from` in ATM_TIMEZONE: the sum of every earlier entry. */
  openingCents: number;
  entries: StatementEntry[];
}

export interface StatementLine extends StatementEntry {
  balanceCents: number;
}

export interface StatementTotals {
  lines: StatementLine[];
  totalInCents: number;
  totalOutCents: number;
  closingCents: number;
}

/**
 * Running balances and totals from the opening balance and the entries, in integer cents:
 * the closing balance is the opening balance plus every entry of the period, so the
 * statement always adds up, whatever today's balance is.
 */
export function totalsOf(
  document: Pick<StatementDocument, 'openingCents' | 'entries'>,
): StatementTotals {
  let balance = document.openingCents;
  let totalIn = 0;
  let totalOut = 0;
  const lines = document.entries.map((entry) => {
    balance = addCents(balance, entry.amountCents);
    if (entry.amountCents > 0) totalIn = addCents(totalIn, entry.amountCents);
    else totalOut = addCents(totalOut, -entry.amountCents);
    return { ...entry, balanceCents: balance };
  });
  return { lines, totalInCents: totalIn, totalOutCents: totalOut, closingCents: balance };
}
