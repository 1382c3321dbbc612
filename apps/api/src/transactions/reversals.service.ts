import { Injectable } from '@nestjs/common';
import { type EntityManager } from 'typeorm';
import { type EntryType, maskAccountNumber, type Transaction } from '@atm/contracts';
import { centsFromDatabase, formatCents } from '@atm/money';
import { AccountsRepository } from '../accounts';
import { AuditService } from '../audit';
import { type AdminActor, Clock, isUniqueViolation, DomainError } from '../common';
import { queryRows } from '../database';
import { postTransaction } from './ledger-writer';

const REVERSIBLE = new Set(['WITHDRAWAL', 'DEPOSIT', 'TRANSFER']);

/** The entry a reversal writes for each entry of the original: money goes back the other way. */
const OPPOSITE_ENTRY: Record<EntryType, EntryType> = {
  WITHDRAWAL: 'DEPOSIT',
  DEPOSIT: 'WITHDRAWAL',
  TRANSFER_IN: 'TRANSFER_OUT',
  TRANSFER_OUT: 'TRANSFER_IN',
  OPENING: 'OPENING',
};

function alreadyReversed(reference: string): DomainError {
  return new DomainError('INVALID_AMOUNT', `Transaction ${reference} has already been reversed`);
}

/**
 * Reversals (ADMIN only): a new transaction whose entries exactly offset a withdrawal,
 * deposit or transfer, never an edit of the original. At most one per transaction (the
 * database's UNIQUE on `reverses_transaction_id` settles races). The accounts it debits must
 * cover it from their available balance, a reversed deposit's own holds aside.
 */
@Injectable()
export class ReversalsService {
  constructor(
    private readonly accounts: AccountsRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** Runs in the caller's transaction (the admin idempotency claim's). */
  async reverse(
    db: EntityManager,
    input: { transactionId: string; reason: string },
    actor: AdminActor,
  ): Promise<Transaction> {
    const [original] = await queryRows<{
      id: string;
      reference: string;
      type: string;
      amount_cents: string;
      account_id: string;
      counterparty_account_id: string | null;
      customer_id: string | null;
      reverses_transaction_id: string | null;
    }>(
      db,
      `SELECT id, reference, type, amount_cents, account_id, counterparty_account_id, customer_id, reverses_transaction_id
         FROM ledger_transactions WHERE id = $1`,
      [input.transactionId],
    );
    if (!original) throw new DomainError('NOT_FOUND', 'No transaction has that id');
    if (!REVERSIBLE.has(original.type) || original.reverses_transaction_id !== null) {
      throw new DomainError(
        'INVALID_AMOUNT',
        'Only a withdrawal, deposit or transfer can be reversed, and a reversal cannot',
      );
    }
    // The ledger's own statement; the join on `accounts` reads only each account's kind.
    const entries = await queryRows<{
      account_id: string;
      amount_cents: string;
      type: EntryType;
      kind: 'CUSTOMER' | 'INTERNAL';
    }>(
      db,
      `SELECT e.account_id, e.amount_cents, e.type, a.kind
         FROM ledger_entries e JOIN accounts a ON a.id = e.account_id
        WHERE e.transaction_id = $1 ORDER BY e.seq`,
      [original.id],
    );
    const customerAccountIds = entries
      .filter((e) => e.kind === 'CUSTOMER')
      .map((e) => e.account_id);
    // Locked in id order, like every movement, so a reversal never deadlocks with one.
    const lockedRows = await this.accounts.lockByIds(db, [...new Set(customerAccountIds)]);
    const locked = new Map(
      lockedRows.map((r) => [
        r.id,
        {
          id: r.id,
          number: r.number,
          status: r.status,
          balanceCents: centsFromDatabase(r.balance_cents),
        },
      ]),
    );
    const [reversed] = await queryRows<{ id: string }>(
      db,
      `SELECT id FROM ledger_transactions WHERE reverses_transaction_id = $1`,
      [original.id],
    );
    if (reversed) throw alreadyReversed(original.reference);
    for (const account of locked.values()) {
      if (account.status === 'CLOSED')
        throw new DomainError(
          'ACCOUNT_NOT_ACTIVE',
          `Account ${maskAccountNumber(account.number)} is closed`,
        );
    }

    // A reversed deposit's holds go with it; then each debited account must cover its debit.
    await db.query(`DELETE FROM deposit_holds WHERE transaction_id = $1`, [original.id]);
    const now = this.clock.now();
    for (const entry of entries) {
      const debit = centsFromDatabase(entry.amount_cents);
      const account = locked.get(entry.account_id);
      if (entry.kind !== 'CUSTOMER' || debit <= 0 || !account) continue;
      const [held] = await queryRows<{ held: string | null }>(
        db,
        `SELECT SUM(amount_cents) AS held FROM deposit_holds WHERE account_id = $1 AND release_at > $2`,
        [account.id, now],
      );
      const available = account.balanceCents - centsFromDatabase(held?.held ?? null);
      if (debit > available) {
        throw new DomainError(
          'INSUFFICIENT_FUNDS',
          `Account ${maskAccountNumber(account.number)} has ${formatCents(Math.max(available, 0))} available; the reversal needs ${formatCents(debit)}`,
        );
      }
    }

    const amountCents = centsFromDatabase(original.amount_cents);
    const description = `Reversal of ${original.reference}`;
    let posted;
    try {
      posted = await postTransaction(db, {
        type: original.type as 'WITHDRAWAL' | 'DEPOSIT' | 'TRANSFER',
        amountCents,
        accountId: original.account_id,
        ...(original.counterparty_account_id
          ? { counterpartyAccountId: original.counterparty_account_id }
          : {}),
        ...(original.customer_id ? { customerId: original.customer_id } : {}),
        description,
        details: { reversal: true, reason: input.reason, reversedBy: actor.actor },
        at: now,
        postings: entries.map((e) => ({
          accountId: e.account_id,
          amountCents: -centsFromDatabase(e.amount_cents),
          entryType: OPPOSITE_ENTRY[e.type],
          description,
          hasRunningBalance: e.kind === 'CUSTOMER',
        })),
      });
      // UNIQUE (reverses_transaction_id): of two reversals that raced, one stands.
      await db.query(`UPDATE ledger_transactions SET reverses_transaction_id = $2 WHERE id = $1`, [
        posted.id,
        original.id,
      ]);
    } catch (error) {
      if (isUniqueViolation(error)) throw alreadyReversed(original.reference);
      throw error;
    }
    await this.audit.recordAdminAction(
      'TRANSACTION_REVERSED',
      actor,
      {
        ...(original.customer_id ? { customerId: original.customer_id } : {}),
        accountId: original.account_id,
        details: {
          reversedReference: original.reference,
          reference: posted.reference,
          amountCents,
          reason: input.reason,
        },
      },
      db,
    );
    const counterparty = original.counterparty_account_id
      ? locked.get(original.counterparty_account_id)
      : undefined;
    return {
      id: posted.id,
      reference: posted.reference,
      type: original.type as Transaction['type'],
      amountCents,
      accountId: original.account_id,
      balanceAfterCents: posted.balancesAfter.get(original.account_id) ?? 0,
      createdAt: posted.createdAt.toISOString(),
      ...(original.type === 'TRANSFER' && counterparty
        ? { counterpartyAccountNumber: maskAccountNumber(counterparty.number) }
        : {}),
    };
  }
}
