import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource } from 'typeorm';
import {
  type AccountType,
  type Language,
  maskAccountNumber,
  type NoteCount,
  type TransactionType,
} from '@atm/contracts';
import { centsFromDatabase } from '@atm/money';
import { notFound } from '../common';
import { type AppConfig, APP_CONFIG } from '../config';
import { queryRows } from '../database';
import { ReceiptPdfRenderer } from './receipt-pdf-renderer';

/** What a receipt prints, read from the ledger. */
export interface ReceiptDocument {
  reference: string;
  type: TransactionType;
  amountCents: number;
  createdAt: Date;
  timeZone: string;
  /** The account named on the transaction, masked to its last four digits. */
  account: string;
  accountType: AccountType;
  balanceAfterCents: number;
  notes: NoteCount[];
  holds: Array<{ amountCents: number; releaseAt: Date }>;
  checkNumber?: string;
  /** A transfer's recipient, masked to its last four digits. */
  counterparty?: string;
  memo?: string;
  /** The overdraft protection sweep that covered the shortfall, from the savings account. */
  overdraft?: { amountCents: number; from: string };
}

interface ReceiptRow {
  reference: string;
  type: TransactionType;
  amount_cents: string;
  created_at: string | Date;
  details: { notes?: NoteCount[]; checkNumber?: string; memo?: string } | null;
  account_number: string;
  account_type: AccountType;
  balance_after_cents: string | null;
  counterparty_number: string | null;
  overdraft_cents: string | null;
  overdraft_from_number: string | null;
}

export interface ReceiptPdf {
  pdf: Buffer;
  fileName: string;
}

/**
 * Receipts of the customer's own transactions: only one the signed-in customer made (a
 * transfer someone else sent them, another customer's transaction and an unknown id all
 * answer 404 alike).
 */
@Injectable()
export class ReceiptService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly renderer: ReceiptPdfRenderer,
  ) {}

  async read(customerId: string, transactionId: string): Promise<ReceiptDocument> {
    // The ledger's own statement; the joins on `accounts` read only the numbers and type
    // printed on the receipt (one round trip rather than asking the accounts module per row).
    const [row] = await queryRows<ReceiptRow>(
      this.dataSource,
      `SELECT t.reference, t.type, t.amount_cents, t.created_at, t.details,
              a.number AS account_number, a.type AS account_type,
              (SELECT e.balance_after_cents FROM ledger_entries e
                WHERE e.transaction_id = t.id AND e.account_id = t.account_id
                LIMIT 1) AS balance_after_cents,
              cp.number AS counterparty_number,
              sweep.amount_cents AS overdraft_cents, sweep_from.number AS overdraft_from_number
         FROM ledger_transactions t
         JOIN accounts a ON a.id = t.account_id
         LEFT JOIN accounts cp ON cp.id = t.counterparty_account_id
         LEFT JOIN ledger_transactions sweep ON sweep.id = (t.details->>'overdraftTransferId')::uuid
         LEFT JOIN accounts sweep_from ON sweep_from.id = sweep.account_id
        WHERE t.id = $1 AND t.customer_id = $2
          AND t.type IN ('WITHDRAWAL', 'DEPOSIT', 'TRANSFER')`,
      [transactionId, customerId],
    );
    if (!row || row.balance_after_cents === null) throw notFound('transaction');
    const holds = await queryRows<{ amount_cents: string; release_at: string | Date }>(
      this.dataSource,
      `SELECT amount_cents, release_at FROM deposit_holds
        WHERE transaction_id = $1 ORDER BY release_at`,
      [transactionId],
    );
    const details = row.details ?? {};
    return {
      reference: row.reference,
      type: row.type,
      amountCents: centsFromDatabase(row.amount_cents),
      createdAt: new Date(row.created_at),
      timeZone: this.config.atmTimeZone,
      account: maskAccountNumber(row.account_number),
      accountType: row.account_type,
      balanceAfterCents: centsFromDatabase(row.balance_after_cents),
      notes: Array.isArray(details.notes) ? details.notes : [],
      holds: holds.map((h) => ({
        amountCents: centsFromDatabase(h.amount_cents),
        releaseAt: new Date(h.release_at),
      })),
      ...(details.checkNumber ? { checkNumber: details.checkNumber } : {}),
      ...(row.counterparty_number
        ? { counterparty: maskAccountNumber(row.counterparty_number) }
        : {}),
      ...(details.memo ? { memo: details.memo } : {}),
      ...(row.overdraft_cents !== null && row.overdraft_from_number !== null
        ? {
            overdraft: {
              amountCents: centsFromDatabase(row.overdraft_cents),
              from: maskAccountNumber(row.overdraft_from_number),
            },
          }
        : {}),
    };
  }

  async pdf(customerId: string, transactionId: string, language: Language): Promise<ReceiptPdf> {
    const receipt = await this.read(customerId, transactionId);
    return {
      pdf: await this.renderer.render(receipt, language),
      fileName: `receipt-${receipt.reference}.pdf`,
    };
  }
}
