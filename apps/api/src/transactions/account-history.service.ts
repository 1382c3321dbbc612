import { Injectable } from '@nestjs/common';
import {
  type EntriesPage,
  type Entry,
  type EntryFacts,
  HISTORY_PAGE_DEFAULT,
  maskAccountNumber,
} from '@atm/contracts';
import { centsFromDatabase } from '@atm/money';
import { notFound, validationFailed } from '../common';
import { type LedgerEntryRow, LedgerRepository } from './ledger.repository';

/** The facts a screen writes an entry's description from, in any language. */
export function entryFacts(row: LedgerEntryRow): Omit<EntryFacts, 'type'> {
  return {
    ...(row.check_number ? { checkNumber: row.check_number } : {}),
    ...(row.counterparty_number
      ? { counterpartyAccountNumber: maskAccountNumber(row.counterparty_number) }
      : {}),
    ...(row.memo ? { memo: row.memo } : {}),
    ...(row.overdraft_protection ? { overdraftProtection: true } : {}),
  };
}

export function encodeCursor(seq: string): string {
  return Buffer.from(`e${seq}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): string {
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  const match = /^e([1-9][0-9]{0,17})$/.exec(decoded);
  if (!match?.[1]) {
    throw validationFailed([{ field: 'cursor', message: 'is not a cursor this API gave out' }]);
  }
  return match[1];
}

/**
 * A customer account's history, newest first. It lives with the ledger it reads (not in the
 * accounts module, which this module already asks: the other way round would be a cycle).
 */
@Injectable()
export class AccountHistoryService {
  constructor(private readonly ledger: LedgerRepository) {}

  async history(
    customerId: string,
    accountId: string,
    page: { limit?: string; cursor?: string },
  ): Promise<EntriesPage> {
    const limit = page.limit === undefined ? HISTORY_PAGE_DEFAULT : Number(page.limit);
    const beforeSeq = page.cursor === undefined ? null : decodeCursor(page.cursor);
    const found = await this.ledger.historyPage({
      customerId,
      accountId,
      beforeSeq,
      rows: limit + 1,
    });
    if (!found[0]?.owned) throw notFound('account');
    const rows = found.filter((row) => row.id !== null);
    const items: Entry[] = rows.slice(0, limit).map((row) => ({
      id: row.id,
      transactionId: row.transaction_id,
      type: row.type,
      amountCents: centsFromDatabase(row.amount_cents),
      balanceAfterCents: centsFromDatabase(row.balance_after_cents),
      description: row.description,
      createdAt: new Date(row.created_at).toISOString(),
      ...entryFacts(row),
    }));
    const last = rows[limit - 1];
    return { items, nextCursor: rows.length > limit && last ? encodeCursor(last.seq) : null };
  }
}
