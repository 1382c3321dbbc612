import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource } from 'typeorm';
import { centsFromDatabase } from '@atm/money';
import { BusinessCalendar } from '../accounts/business-calendar';
import { Clock } from '../common/clock';
import { type AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { inTransaction, queryRows } from '../database/transaction';
import { type StatementDocument } from './statement-document';

/**
 * Reads what a statement prints from the ledger, at the period's bounds in ATM_TIMEZONE:
 * the opening balance is the sum of every entry before 00:00 of the first day (never today's
 * balance worked backwards), then the period's entries in ledger order (seq). One
 * REPEATABLE READ snapshot, so an entry committed meanwhile is in both or in neither.
 */
@Injectable()
export class StatementLedger {
  private readonly calendar: BusinessCalendar;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {
    this.calendar = new BusinessCalendar(config.atmTimeZone);
  }

  read(statement: { accountId: string; from: string; to: string }): Promise<StatementDocument> {
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
        }>(
          manager,
          `SELECT amount_cents, description, created_at
             FROM ledger_entries
            WHERE account_id = $1 AND created_at >= $2 AND created_at < $3
            ORDER BY seq`,
          [statement.accountId, start, end],
        );
        return {
          customerName: owner.name,
          accountNumber: owner.number,
          accountType: owner.type,
          from: statement.from,
          to: statement.to,
          statementDate: this.calendar.dayOf(this.clock.now()),
          timeZone: this.config.atmTimeZone,
          openingCents: centsFromDatabase(opening?.cents ?? '0'),
          entries: entries.map((row) => ({
            postedAt: new Date(row.created_at),
            description: row.description,
            amountCents: centsFromDatabase(row.amount_cents),
          })),
        };
      },
      { isolation: 'REPEATABLE READ' },
    );
  }
}
