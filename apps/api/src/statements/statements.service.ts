import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Readable } from 'node:stream';
import { type DataSource } from 'typeorm';
import {
  MAX_UNFINISHED_STATEMENTS_PER_ACCOUNT,
  type Statement,
  type StatementRequest,
} from '@atm/contracts';
import { AccountsService } from '../accounts';
import { AuditService } from '../audit';
import { type Principal } from '../auth';
import { BusinessCalendar, Clock, DomainError, notFound, validationFailed } from '../common';
import { inTransaction } from '../database';
import { StatementDispatcher } from './statement-dispatcher';
import { statementRangeErrors } from './statement-range';
import { StatementFileMissingError, StatementStorage } from './statement-storage';
import { publicStatement, StatementStore } from './statement-store';

/** What a client is told to wait after the fourth unfinished statement: a render takes seconds. */
const UNFINISHED_RETRY_AFTER_SECONDS = 10;

export interface StatementDownload {
  stream: Readable;
  length: number | undefined;
  fileName: string;
}

/** `statement-0001-2026-11-01-to-2026-11-23.pdf`: readable, and only the last four digits. */
export function statementFileName(accountNumber: string, from: string, to: string): string {
  return `statement-${accountNumber.slice(-4)}-${from}-to-${to}.pdf`;
}

/** Requests, state and download of account statements; the PDFs are made by the job. */
@Injectable()
export class StatementsService {
  private readonly logger = new Logger('Statements');
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly calendar: BusinessCalendar,
    private readonly accounts: AccountsService,
    private readonly store: StatementStore,
    private readonly dispatcher: StatementDispatcher,
    private readonly storage: StatementStorage,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /**
   * Checks in the contract's order: the period (400), the account's owner (404), then the
   * number of unfinished statements (429). The count is taken under a per-account advisory
   * lock, so concurrent requests cannot both see two and make five; the lock is not the
   * account row's, so statement requests never make a withdrawal wait.
   */
  async request(
    principal: Principal,
    accountId: string,
    period: StatementRequest,
    clientIp: string | undefined,
  ): Promise<Statement> {
    const today = this.calendar.dayOf(this.clock.now());
    const errors = statementRangeErrors(period.from, period.to, today);
    if (errors.length > 0) throw validationFailed(errors);

    const statement = await inTransaction(this.dataSource, async (manager) => {
      await this.accounts.getForCustomer(principal.customerId, accountId, manager);
      await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [
        `statement-requests:${accountId}`,
      ]);
      const unfinished = await this.store.countUnfinished(manager, accountId);
      if (unfinished >= MAX_UNFINISHED_STATEMENTS_PER_ACCOUNT) {
        throw new DomainError(
          'RATE_LIMITED',
          `At most ${MAX_UNFINISHED_STATEMENTS_PER_ACCOUNT} statements of one account may be in progress; try again when one is ready.`,
          { retryAfterSeconds: UNFINISHED_RETRY_AFTER_SECONDS },
        );
      }
      const created = await this.store.insert(manager, {
        accountId,
        customerId: principal.customerId,
        from: period.from,
        to: period.to,
        at: this.clock.now(),
        language: period.language ?? 'en',
      });
      await this.audit.record(
        {
          type: 'STATEMENT_REQUESTED',
          outcome: 'SUCCESS',
          actorType: 'CUSTOMER',
          actor: principal.customerId,
          customerId: principal.customerId,
          cardLast4: principal.cardLast4,
          accountId,
          clientIp,
          details: {
            statementId: created.id,
            from: period.from,
            to: period.to,
            language: period.language ?? 'en',
          },
        },
        manager,
      );
      return created;
    });
    // After the commit: the job only ever finds a row that exists.
    await this.dispatcher.dispatch(statement.id);
    return publicStatement(statement);
  }

  async get(customerId: string, statementId: string): Promise<Statement> {
    const statement = await this.store.findForCustomer(statementId, customerId);
    if (!statement) throw notFound('statement');
    const { accountNumber: _accountNumber, ...stored } = statement;
    return publicStatement(stored);
  }

  async download(customerId: string, statementId: string): Promise<StatementDownload> {
    const statement = await this.store.findForCustomer(statementId, customerId);
    if (!statement) throw notFound('statement');
    if (statement.status !== 'READY' || !statement.storageKey) {
      throw new DomainError(
        'STATEMENT_NOT_READY',
        statement.status === 'FAILED'
          ? 'The statement could not be made. Please request it again.'
          : `The statement is ${statement.status.toLowerCase()}; try again when it is READY.`,
      );
    }
    try {
      const file = await this.storage.open(statement.storageKey);
      return {
        ...file,
        fileName: statementFileName(statement.accountNumber, statement.from, statement.to),
      };
    } catch (error) {
      if (error instanceof StatementFileMissingError) {
        // Retention deleted it (the row follows on the next run), or someone did by hand:
        // either way it is gone for good, which the customer is told (410), not a 500.
        this.logger.warn(`statement ${statementId}: ${error.message}`);
        throw new DomainError(
          'STATEMENT_GONE',
          'The statement is no longer available. Please request it again.',
        );
      }
      throw new DomainError(
        'SERVICE_UNAVAILABLE',
        'The statement store is unavailable. Please try again shortly.',
        {
          retryAfterSeconds: 5,
        },
      );
    }
  }
}
