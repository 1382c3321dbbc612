import { randomBytes } from 'node:crypto';
import { type EntryType } from '@atm/contracts';
import { centsFromDatabase } from '@atm/money';
import { type Queryable, queryRows } from '../database/transaction';

export type LedgerTransactionType = 'WITHDRAWAL' | 'DEPOSIT' | 'TRANSFER' | 'OPENING';

export interface Posting {
  accountId: string;
  /** Signed: negative when money leaves the account. */
  amountCents: number;
  entryType: EntryType;
  description: string;
  /**
   * Customer accounts keep a running balance, updated here under the row lock the caller
   * already holds. Internal accounts (ATM cash, check clearing, equity) keep none: their
   * balance is the sum of their entries, so no customer movement ever waits on their row.
   */
  hasRunningBalance: boolean;
}

export interface LedgerTransactionInput {
  type: LedgerTransactionType;
  amountCents: number;
  accountId: string;
  counterpartyAccountId?: string;
  customerId?: string;
  cardId?: string;
  description: string;
  details?: Record<string, unknown>;
  postings: Posting[];
  at: Date;
}

export interface PostedTransaction {
  id: string;
  reference: string;
  createdAt: Date;
  balancesAfter: Map<string, number>;
}

const REFERENCE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A short receipt code (Crockford base32, 10 characters, about 50 bits of randomness). */
export function newReference(): string {
  const bytes = randomBytes(10);
  let reference = '';
  for (const byte of bytes) reference += REFERENCE_ALPHABET[byte % 32];
  return reference;
}

export class UnbalancedTransactionError extends Error {
  override readonly name = 'UnbalancedTransactionError';
}

/**
 * Writes one double-entry transaction: a `ledger_transactions` row and entries that sum to
 * zero, updating the running balance of each customer account in the same database
 * transaction. The caller has locked the customer accounts (in id order) and checked the
 * rules under those locks; `CHECK (balance_cents >= 0)` is the last line of defence.
 */
export async function postTransaction(
  db: Queryable,
  input: LedgerTransactionInput,
): Promise<PostedTransaction> {
  const sum = input.postings.reduce((total, p) => total + p.amountCents, 0);
  if (sum !== 0 || input.postings.length < 2 || input.postings.some((p) => p.amountCents === 0)) {
    throw new UnbalancedTransactionError(
      `entries of a ${input.type} must be non-zero and sum to zero`,
    );
  }
  const reference = newReference();
  const [tx] = await queryRows<{ id: string }>(
    db,
    `INSERT INTO ledger_transactions
       (reference, type, amount_cents, customer_id, card_id, account_id, counterparty_account_id, description, details, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
     RETURNING id`,
    [
      reference,
      input.type,
      input.amountCents,
      input.customerId ?? null,
      input.cardId ?? null,
      input.accountId,
      input.counterpartyAccountId ?? null,
      input.description,
      JSON.stringify(input.details ?? {}),
      input.at,
    ],
  );
  const transactionId = (tx as { id: string }).id;

  const balancesAfter = new Map<string, number>();
  for (const posting of input.postings) {
    if (!posting.hasRunningBalance) continue;
    const [row] = await queryRows<{ balance_cents: string }>(
      db,
      `UPDATE accounts SET balance_cents = balance_cents + $2 WHERE id = $1 RETURNING balance_cents`,
      [posting.accountId, posting.amountCents],
    );
    if (!row) throw new Error(`account ${posting.accountId} has no running balance`);
    balancesAfter.set(posting.accountId, centsFromDatabase(row.balance_cents));
  }

  const values: unknown[] = [];
  const tuples = input.postings.map((posting, i) => {
    values.push(
      transactionId,
      posting.accountId,
      posting.entryType,
      posting.amountCents,
      posting.hasRunningBalance ? (balancesAfter.get(posting.accountId) ?? null) : null,
      posting.description,
      input.at,
    );
    const base = i * 7;
    return `($${base + 1}, $${base + 2}, $${base + 3}, $${base + 4}, $${base + 5}, $${base + 6}, $${base + 7})`;
  });
  await db.query(
    `INSERT INTO ledger_entries (transaction_id, account_id, type, amount_cents, balance_after_cents, description, created_at)
     VALUES ${tuples.join(', ')}`,
    values,
  );
  return { id: transactionId, reference, createdAt: input.at, balancesAfter };
}
