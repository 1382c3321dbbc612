import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource } from 'typeorm';
import { type Language } from '@atm/contracts';
import { centsFromDatabase } from '@atm/money';
import { BusinessCalendar, Clock } from '../common';
import { type AppConfig, APP_CONFIG } from '../config';
import { CustomersRepository } from '../accounts';
import { inTransaction } from '../database';
import { entryFacts, LedgerRepository } from '../transactions';
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
    private readonly ledger: LedgerRepository,
    private readonly customers: CustomersRepository,
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
        const owner = await this.customers.statementHolder(manager, statement.accountId);
        if (!owner) throw new Error('the statement account does not exist');
        const openingCents = await this.ledger.balanceBefore(manager, statement.accountId, start);
        const entries = await this.ledger.entriesBetween(manager, statement.accountId, start, end);
        return {
          customerName: owner.name,
          accountNumber: owner.number,
          accountType: owner.type,
          language: statement.language ?? 'en',
          from: statement.from,
          to: statement.to,
          statementDate: this.calendar.dayOf(this.clock.now()),
          timeZone: this.config.atmTimeZone,
          openingCents: centsFromDatabase(openingCents),
          entries: entries.map((row) => ({
            postedAt: new Date(row.created_at),
            description: row.description,
            amountCents: centsFromDatabase(row.amount_cents),
            type: row.type,
            ...entryFacts(row),
          })),
        };
      },
      { isolation: 'REPEATABLE READ' },
    );
  }
}
