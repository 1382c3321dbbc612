import { randomBytes } from 'node:crypto';
import { type EntryType } from '@atm/contracts';
import { centsFromDatabase } from '@atm/money';
import { type Queryable, queryRows } from '../database';

export type LedgerTransactionType = 'WITHDRAWAL' | 'DEPOSIT' | 'TRANSFER' | 'OPENING';
/** Movements between the bank's own accounts only (no customer ever sees their entries). */
export type InternalTransactionType = 'CASH_LOAD';

export interface Posting {
  accountId: string;
  /** Signed: negative when money leaves the account. */
  amountCents: number;
  entryType: EntryType | InternalTransactionType;
  description: string;
  /**
   * Customer accounts keep a running balance, updated here under the row lock the caller
   * already holds. Internal accounts (ATM cash, check clearing, equity) keep none: their
   * balance is the sum of their entries, so no customer movement ever waits on their row.
   */
  hasRunningBalance: boolean;
}

export interface LedgerTransactionInput {
  type: LedgerTransactionType | InternalTransactionType;
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

/**
 * Writes one double-entry transaction through atm_post_v1, the ledger's one home (the
 * money functions call it too): a `ledger_transactions` row and entries that sum to zero
 * (refused otherwise), updating the running balance of each customer account in the same
 * database transaction. The caller has locked the customer accounts (in id order) and
 * checked its rules under those locks; `CHECK (balance_cents >= 0)` is the last line of
 * defence.
 */
export async function postTransaction(
  db: Queryable,
  input: LedgerTransactionInput,
): Promise<PostedTransaction> {
  const reference = newReference();
  const [row] = await queryRows<{
    posted: { id: string; balances: Record<string, string | number> };
  }>(
    db,
    `SELECT atm_post_v1($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::uuid[], $12::bigint[], $13::text[], $14::text[], $15::boolean[]) AS posted`,
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
  const balancesAfter = new Map<string, number>(
    Object.entries(row.posted.balances).map(([id, balance]) => [
      id,
      centsFromDatabase(String(balance)),
    ]),
  );
  return { id: row.posted.id, reference, createdAt: input.at, balancesAfter };
}
