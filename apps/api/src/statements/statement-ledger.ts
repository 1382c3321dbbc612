import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource } from 'typeorm';
import { type EntryType, type Language, maskAccountNumber } from '@atm/contracts';
import { centsFromDatabase } from '@atm/money';
import { BusinessCalendar, Clock } from '../common';
import { type AppConfig, APP_CONFIG } from '../config';
import { inTransaction, queryRows } from '../database';
import { type StatementDocument } from './statement-document';

/**
 * Reads what a statement prints from the ledger, at the period's bounds in ATM_TIMEZONE:
 * the opening balance is the sum of every entry before 00:00 of the first day (never today's
 * balance worked backwards), then the period's entries in ledger order (seq). One
 * REPEATABLE READ snapshot, so an entry committed meanwhile is in both or in neither.
 */
@Injectable()
export class StatementLedger {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly calendar: BusinessCalendar,
  ) {}

  read(statement: {
    accountId: string;
    from: string;
    to: string;
    language?: Language;
  }): Promise<StatementDocument> {
    const start = this.calendar.dayBounds(statement.from).start;
    const end = this.calendar.dayBounds(statement.to).end;
    return inTransaction(
      this.dataSource,
      async (manager) => {
        const [owner] = await queryRows<{
          name: string;
          number: string;
          type: 'CHECKING' | 'SAVINGS';
        }>(
          manager,
          `SELECT c.name, a.number, a.type
             FROM accounts a JOIN customers c ON c.id = a.customer_id
            WHERE a.id = $1`,
          [statement.accountId],
        );
        if (!owner) throw new Error('the statement account does not exist');
        const [opening] = await queryRows<{ cents: string }>(
          manager,
          `SELECT COALESCE(SUM(amount_cents), 0)::text AS cents
             FROM ledger_entries WHERE account_id = $1 AND created_at < $2`,
          [statement.accountId, start],
        );
        const entries = await queryRows<{
          amount_cents: string;
          description: string;
          created_at: string | Date;
          type: EntryType;
          check_number: string | null;
          memo: string | null;
          overdraft_protection: boolean;
          counterparty_number: string | null;
        }>(
          manager,
          `SELECT e.amount_cents, e.description, e.created_at, e.type,
                  t.details->>'checkNumber' AS check_number, t.details->>'memo' AS memo,
                  (t.details->>'overdraftProtection') IS NOT NULL AS overdraft_protection,
                  CASE e.type WHEN 'TRANSFER_OUT' THEN cp.number
                              WHEN 'TRANSFER_IN' THEN src.number END AS counterparty_number
             FROM ledger_entries e
             JOIN ledger_transactions t ON t.id = e.transaction_id
             LEFT JOIN accounts cp ON cp.id = t.counterparty_account_id
             LEFT JOIN accounts src ON src.id = t.account_id
            WHERE e.account_id = $1 AND e.created_at >= $2 AND e.created_at < $3
            ORDER BY e.seq`,
          [statement.accountId, start, end],
        );
        return {
          customerName: owner.name,
          accountNumber: owner.number,
          accountType: owner.type,
          language: statement.language ?? 'en',
          from: statement.from,
          to: statement.to,
          statementDate: this.calendar.dayOf(this.clock.now()),
          timeZone: this.config.atmTimeZone,
          openingCents: centsFromDatabase(opening?.cents ?? '0'),
          entries: entries.map((row) => ({
            postedAt: new Date(row.created_at),
            description: row.description,
            amountCents: centsFromDatabase(row.amount_cents),
            type: row.type,
            ...(row.check_number ? { checkNumber: row.check_number } : {}),
            ...(row.counterparty_number
              ? { counterpartyAccountNumber: maskAccountNumber(row.counterparty_number) }
              : {}),
            ...(row.memo ? { memo: row.memo } : {}),
            ...(row.overdraft_protection ? { overdraftProtection: true } : {}),
          })),
        };
      },
      { isolation: 'REPEATABLE READ' },
    );
  }
}
