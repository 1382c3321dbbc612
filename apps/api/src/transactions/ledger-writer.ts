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
  // One statement, one round trip: the transaction row, the running balances of the
  // customer accounts (UPDATE ... RETURNING under the locks the caller holds) and the
  // entries with the balance each one leaves, in posting order.
  const [row] = await queryRows<{
    id: string;
    balances: Array<{ id: string; balance: string | number }> | null;
  }>(
    db,
    `WITH tx AS (
       INSERT INTO ledger_transactions
         (reference, type, amount_cents, customer_id, card_id, account_id, counterparty_account_id, description, details, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       RETURNING id
     ), postings AS (
       SELECT * FROM unnest($11::uuid[], $12::bigint[], $13::text[], $14::text[], $15::boolean[])
         WITH ORDINALITY AS p(account_id, amount_cents, entry_type, description, running, ord)
     ), balances AS (
       UPDATE accounts a SET balance_cents = a.balance_cents + p.amount_cents
         FROM postings p
        WHERE a.id = p.account_id AND p.running
        RETURNING a.id, a.balance_cents
     ), entries AS (
       INSERT INTO ledger_entries (transaction_id, account_id, type, amount_cents, balance_after_cents, description, created_at)
       SELECT tx.id, p.account_id, p.entry_type, p.amount_cents, b.balance_cents, p.description, $10
         FROM tx CROSS JOIN postings p LEFT JOIN balances b ON b.id = p.account_id
        ORDER BY p.ord
       RETURNING 1
     )
     SELECT (SELECT id FROM tx) AS id,
            (SELECT json_agg(json_build_object('id', id, 'balance', balance_cents::text)) FROM balances) AS balances,
            (SELECT count(*) FROM entries) AS entries`,
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
      input.postings.map((p) => p.accountId),
      input.postings.map((p) => p.amountCents),
      input.postings.map((p) => p.entryType),
      input.postings.map((p) => p.description),
      input.postings.map((p) => p.hasRunningBalance),
    ],
  );
  if (!row) throw new Error('the ledger transaction was not written');
  const transactionId = row.id;
  const balancesAfter = new Map<string, number>(
    (row.balances ?? []).map((b) => [b.id, centsFromDatabase(String(b.balance))]),
  );
  const expected = input.postings.filter((p) => p.hasRunningBalance).length;
  if (balancesAfter.size !== expected) {
    throw new Error('a posting named an account without a running balance');
  }
  return { id: transactionId, reference, createdAt: input.at, balancesAfter };
}
