import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, type EntityManager } from 'typeorm';
import {
  type DepositHold,
  type DepositRequest,
  ERROR_STATUS,
  maskAccountNumber,
  type NoteCount,
  type Transaction,
  type TransferRequest,
  type WithdrawalRequest,
} from '@atm/contracts';
import { formatCents } from '@atm/money';
import { AccountsService } from '../accounts/accounts.service';
import { AuditService } from '../audit/audit.service';
import { AtmMetrics } from '../metrics/atm-metrics';
import { type Principal } from '../auth/principal';
import { Clock } from '../common/clock';
import { isLockTimeout } from '../common/database-errors';
import { DomainError } from '../common/domain-error';
import { mapError, toProblem } from '../common/problem-details.filter';
import { type AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { inTransaction, queryRows } from '../database/transaction';
import {
  addDailyUsage,
  type LockedAccount,
  lockAccounts,
  readFundsUnderLock,
} from './account-locks';
import { planDepositHolds } from './deposit-holds';
import {
  claimIdempotencyKey,
  completeIdempotencyKey,
  requestFingerprint,
  requireIdempotencyKey,
  type StoredAnswer,
} from './idempotency';
import {
  type LedgerTransactionType,
  postTransaction,
  type PostedTransaction,
} from './ledger-writer';
import { planFewestNotes } from './note-dispenser';
import { takeNotes, totalsByDenomination } from './note-stock';

export interface MovementAnswer extends StoredAnswer {
  replayed: boolean;
}

interface MovementContext {
  db: EntityManager;
  now: Date;
  principal: Principal;
}

interface MovementResult {
  answer: StoredAnswer;
  audit: { accountId: string; details: Record<string, unknown> };
  /** Runs after the answer is recorded, just before commit (hot rows go last). */
  finally?: () => Promise<void>;
}

type InternalAccountType = 'ATM_CASH' | 'CHECK_CLEARING';

/**
 * Withdrawals, deposits and transfers. Each is one database transaction that claims the
 * idempotency key, locks the customer accounts in id order, checks the rules under those
 * locks in the contract's order (ACCOUNT_NOT_ACTIVE, INVALID_AMOUNT, INSUFFICIENT_FUNDS,
 * DAILY_LIMIT_EXCEEDED, CANNOT_DISPENSE), writes balanced ledger entries, records the
 * answer with the key, and commits. Business refusals (422) are recorded and replayed like
 * successes; anything else rolls back, key included.
 */
@Injectable()
export class MoneyMovementsService {
  private readonly internalAccounts = new Map<InternalAccountType, string>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly accounts: AccountsService,
    private readonly audit: AuditService,
    private readonly metrics: AtmMetrics,
  ) {}

  async withdraw(
    principal: Principal,
    accountId: string,
    request: WithdrawalRequest,
    idempotencyKey: string | undefined,
    clientIp: string,
  ): Promise<MovementAnswer> {
    return this.run(
      {
        principal,
        accountId,
        idempotencyKey,
        clientIp,
        operation: 'WITHDRAWAL',
        target: accountId,
        request,
      },
      async ({ db, now }) => {
        const amount = request.amountCents;
        const account = await this.lockOwnAccount(db, principal, accountId);
        AccountsService.assertActive(account);
        if (amount % this.config.withdrawalMultipleCents !== 0) {
          throw new DomainError(
            'INVALID_AMOUNT',
            `Withdrawals must be a multiple of ${formatCents(this.config.withdrawalMultipleCents)}.`,
          );
        }
        const day = this.accounts.calendar.dayOf(now);
        const funds = await readFundsUnderLock(db, {
          accountId,
          now,
          day,
          limitKind: 'WITHDRAWAL',
          withNoteStock: true,
        });
        this.assertFunds(account, funds.heldCents, amount);
        this.assertDailyLimit(
          'withdraw',
          this.config.dailyWithdrawalLimitCents,
          funds.usedTodayCents,
          amount,
        );
        const cassettes = funds.cassettes;
        const notes = planFewestNotes(amount, totalsByDenomination(cassettes));
        if (!notes) {
          throw new DomainError(
            'CANNOT_DISPENSE',
            `This ATM cannot make ${formatCents(amount)} from the notes it holds. Please choose another amount.`,
          );
        }
        const atmCash = await this.internalAccount(db, 'ATM_CASH');
        const posted = await this.post(db, principal, now, {
          type: 'WITHDRAWAL',
          amountCents: amount,
          accountId,
          description: 'ATM withdrawal',
          details: { notes },
          postings: [
            {
              accountId,
              amountCents: -amount,
              entryType: 'WITHDRAWAL',
              description: 'ATM withdrawal',
              hasRunningBalance: true,
            },
            {
              accountId: atmCash,
              amountCents: amount,
              entryType: 'WITHDRAWAL',
              description: `ATM withdrawal from ${maskAccountNumber(account.number)}`,
              hasRunningBalance: false,
            },
          ],
        });
        await addDailyUsage(db, { accountId, day, limitKind: 'WITHDRAWAL', amountCents: amount });
        const body: { transaction: Transaction; notes: NoteCount[] } = {
          transaction: this.describe(posted, 'WITHDRAWAL', amount, accountId),
          notes,
        };
        return {
          answer: { status: 201, body },
          audit: {
            accountId,
            details: { amountCents: amount, reference: posted.reference, notes },
          },
          finally: () => takeNotes(db, cassettes, notes),
        };
      },
    );
  }

  async deposit(
    principal: Principal,
    accountId: string,
    request: DepositRequest,
    idempotencyKey: string | undefined,
    clientIp: string,
  ): Promise<MovementAnswer> {
    return this.run(
      {
        principal,
        accountId,
        idempotencyKey,
        clientIp,
        operation: 'DEPOSIT',
        target: accountId,
        request,
      },
      async ({ db, now }) => {
        const amount = request.amountCents;
        const account = await this.lockOwnAccount(db, principal, accountId);
        AccountsService.assertActive(account);
        if (amount > this.config.maxDepositCents) {
          throw new DomainError(
            'INVALID_AMOUNT',
            `A single deposit can be at most ${formatCents(this.config.maxDepositCents)}.`,
          );
        }
        const isCheck = request.kind === 'CHECK';
        const description = isCheck
          ? `Check deposit${request.checkNumber ? ` #${request.checkNumber}` : ''}`
          : 'Cash deposit';
        // Cash comes out of the ATM's cash account (into the deposit bin); a check is owed
        // to us by the paying bank until it clears.
        const source = await this.internalAccount(db, isCheck ? 'CHECK_CLEARING' : 'ATM_CASH');
        const posted = await this.post(db, principal, now, {
          type: 'DEPOSIT',
          amountCents: amount,
          accountId,
          description,
          details: {
            kind: request.kind,
            ...(request.checkNumber ? { checkNumber: request.checkNumber } : {}),
          },
          postings: [
            {
              accountId,
              amountCents: amount,
              entryType: 'DEPOSIT',
              description,
              hasRunningBalance: true,
            },
            {
              accountId: source,
              amountCents: -amount,
              entryType: 'DEPOSIT',
              description: `${description} to ${maskAccountNumber(account.number)}`,
              hasRunningBalance: false,
            },
          ],
        });
        const holds = planDepositHolds(request.kind, amount, now, this.accounts.calendar);
        for (const hold of holds) {
          await db.query(
            `INSERT INTO deposit_holds (account_id, transaction_id, amount_cents, release_at, created_at) VALUES ($1, $2, $3, $4, $5)`,
            [accountId, posted.id, hold.amountCents, hold.releaseAt, now],
          );
        }
        const body: { transaction: Transaction; holds: DepositHold[] } = {
          transaction: this.describe(posted, 'DEPOSIT', amount, accountId),
          holds: holds.map((h) => ({
            amountCents: h.amountCents,
            releaseAt: h.releaseAt.toISOString(),
          })),
        };
        return {
          answer: { status: 201, body },
          audit: {
            accountId,
            details: { amountCents: amount, kind: request.kind, reference: posted.reference },
          },
        };
      },
    );
  }

  async transfer(
    principal: Principal,
    request: TransferRequest,
    idempotencyKey: string | undefined,
    clientIp: string,
  ): Promise<MovementAnswer> {
    const fromId = request.fromAccountId;
    return this.run(
      {
        principal,
        accountId: fromId,
        idempotencyKey,
        clientIp,
        operation: 'TRANSFER',
        target: 'transfers',
        request,
      },
      async ({ db, now }) => {
        const amount = request.amountCents;
        const [recipient] = await queryRows<{ id: string }>(
          db,
          `SELECT id FROM accounts WHERE number = $1 AND kind = 'CUSTOMER'`,
          [request.toAccountNumber],
        );
        const [own] = await queryRows<{ number: string }>(
          db,
          `SELECT number FROM accounts WHERE id = $1`,
          [fromId],
        );
        if (own?.number === request.toAccountNumber) {
          throw new DomainError('SAME_ACCOUNT', 'Choose a different account to transfer to.');
        }
        if (!recipient) {
          throw new DomainError(
            'RECIPIENT_NOT_FOUND',
            'No customer account of this bank has that number.',
          );
        }
        const locked = await lockAccounts(db, [fromId, recipient.id]);
        const from = this.ownedOrNotFound(locked.get(fromId), principal);
        const to = locked.get(recipient.id);
        if (!to || to.kind !== 'CUSTOMER') {
          throw new DomainError(
            'RECIPIENT_NOT_FOUND',
            'No customer account of this bank has that number.',
          );
        }
        AccountsService.assertActive(from);
        AccountsService.assertActive(to, 'The recipient account');
        const day = this.accounts.calendar.dayOf(now);
        const funds = await readFundsUnderLock(db, {
          accountId: fromId,
          now,
          day,
          limitKind: 'TRANSFER',
        });
        this.assertFunds(from, funds.heldCents, amount);
        this.assertDailyLimit(
          'transfer',
          this.config.dailyTransferLimitCents,
          funds.usedTodayCents,
          amount,
        );
        const memo = request.memo?.trim();
        const outDescription = `Transfer to ${maskAccountNumber(to.number)}${memo ? `: ${memo}` : ''}`;
        const inDescription = `Transfer from ${maskAccountNumber(from.number)}${memo ? `: ${memo}` : ''}`;
        const posted = await this.post(db, principal, now, {
          type: 'TRANSFER',
          amountCents: amount,
          accountId: fromId,
          counterpartyAccountId: to.id,
          description: outDescription,
          details: memo ? { memo } : {},
          postings: [
            {
              accountId: fromId,
              amountCents: -amount,
              entryType: 'TRANSFER_OUT',
              description: outDescription,
              hasRunningBalance: true,
            },
            {
              accountId: to.id,
              amountCents: amount,
              entryType: 'TRANSFER_IN',
              description: inDescription,
              hasRunningBalance: true,
            },
          ],
        });
        await addDailyUsage(db, {
          accountId: fromId,
          day,
          limitKind: 'TRANSFER',
          amountCents: amount,
        });
        const body: { transaction: Transaction } = {
          transaction: {
            ...this.describe(posted, 'TRANSFER', amount, fromId),
            counterpartyAccountNumber: maskAccountNumber(to.number),
          },
        };
        return {
          answer: { status: 201, body },
          audit: {
            accountId: fromId,
            details: { amountCents: amount, reference: posted.reference, toAccountId: to.id },
          },
        };
      },
    );
  }

  /** The envelope every movement shares: ownership, idempotency, one transaction, audit. */
  private async run(
    spec: {
      principal: Principal;
      accountId: string;
      idempotencyKey: string | undefined;
      clientIp: string;
      operation: 'WITHDRAWAL' | 'DEPOSIT' | 'TRANSFER';
      target: string;
      request: object;
    },
    move: (context: MovementContext) => Promise<MovementResult>,
  ): Promise<MovementAnswer> {
    const { principal } = spec;
    // Ownership answers before idempotency (the contract's order): 404 is never recorded.
    // With a key, the claim statement checks ownership itself (one round trip less).
    if (spec.idempotencyKey === undefined) {
      await this.accounts.getForCustomer(principal.customerId, spec.accountId);
    }
    const key = requireIdempotencyKey(spec.idempotencyKey);
    const fingerprint = requestFingerprint(spec.operation, spec.target, spec.request);
    const auditBase = {
      type: spec.operation,
      actorType: 'CUSTOMER' as const,
      customerId: principal.customerId,
      cardLast4: principal.cardLast4,
      clientIp: spec.clientIp,
    };

    return inTransaction(this.dataSource, async (db) => {
      const now = this.clock.now();
      let claim;
      try {
        claim = await claimIdempotencyKey(db, {
          customerId: principal.customerId,
          accountId: spec.accountId,
          key,
          fingerprint,
          now,
        });
      } catch (error) {
        if (isLockTimeout(error)) {
          throw new DomainError(
            'IDEMPOTENCY_IN_PROGRESS',
            'A request with this Idempotency-Key is still being processed; retry shortly.',
          );
        }
        throw error;
      }
      if (claim.kind === 'REPLAY') {
        this.metrics.moneyMovements.inc({ type: spec.operation, outcome: 'REPLAYED', code: '' });
        return { ...claim.answer, replayed: true };
      }

      let result: MovementResult;
      try {
        result = await move({ db, now, principal });
      } catch (error) {
        if (!(error instanceof DomainError) || ERROR_STATUS[error.code] !== 422) throw error;
        // A refusal is an answer too: recorded with the key, replayed on retry, audited.
        const answer = { status: 422, body: toProblem(mapError(error)) };
        await completeIdempotencyKey(db, { customerId: principal.customerId, key, answer });
        await this.audit.record(
          {
            ...auditBase,
            outcome: 'REFUSED',
            accountId: spec.accountId,
            details: { code: error.code, request: spec.request },
          },
          db,
        );
        this.metrics.moneyMovements.inc({
          type: spec.operation,
          outcome: 'REFUSED',
          code: error.code,
        });
        return { ...answer, replayed: false };
      }
      await completeIdempotencyKey(db, {
        customerId: principal.customerId,
        key,
        answer: result.answer,
      });
      await this.audit.record(
        {
          ...auditBase,
          outcome: 'SUCCESS',
          accountId: result.audit.accountId,
          details: result.audit.details,
        },
        db,
      );
      await result.finally?.();
      this.metrics.moneyMovements.inc({ type: spec.operation, outcome: 'SUCCESS', code: '' });
      return { ...result.answer, replayed: false };
    });
  }

  private async lockOwnAccount(
    db: EntityManager,
    principal: Principal,
    accountId: string,
  ): Promise<LockedAccount> {
    const locked = await lockAccounts(db, [accountId]);
    return this.ownedOrNotFound(locked.get(accountId), principal);
  }

  private ownedOrNotFound(account: LockedAccount | undefined, principal: Principal): LockedAccount {
    if (!account || account.kind !== 'CUSTOMER' || account.customerId !== principal.customerId) {
      throw new DomainError('NOT_FOUND', 'The account was not found');
    }
    return account;
  }

  private assertFunds(account: LockedAccount, heldCents: number, amount: number): void {
    const available = account.balanceCents - heldCents;
    if (amount > available) {
      throw new DomainError(
        'INSUFFICIENT_FUNDS',
        `The available balance is ${formatCents(Math.max(available, 0))}.`,
      );
    }
  }

  private assertDailyLimit(
    verb: 'withdraw' | 'transfer',
    limit: number,
    usedToday: number,
    amount: number,
  ): void {
    const remaining = Math.max(limit - usedToday, 0);
    if (amount > remaining) {
      throw new DomainError(
        'DAILY_LIMIT_EXCEEDED',
        `You can ${verb} ${formatCents(remaining)} more today.`,
        { remainingCents: remaining },
      );
    }
  }

  private async internalAccount(db: EntityManager, type: InternalAccountType): Promise<string> {
    const cached = this.internalAccounts.get(type);
    if (cached) return cached;
    const [row] = await queryRows<{ id: string }>(
      db,
      `SELECT id FROM accounts WHERE kind = 'INTERNAL' AND type = $1`,
      [type],
    );
    if (!row) throw new Error(`internal account ${type} is missing: run the migrations`);
    this.internalAccounts.set(type, row.id);
    return row.id;
  }

  private post(
    db: EntityManager,
    principal: Principal,
    now: Date,
    input: Omit<Parameters<typeof postTransaction>[1], 'at' | 'customerId' | 'cardId'>,
  ): Promise<PostedTransaction> {
    return postTransaction(db, {
      ...input,
      at: now,
      customerId: principal.customerId,
      cardId: principal.cardId,
    });
  }

  private describe(
    posted: PostedTransaction,
    type: Exclude<LedgerTransactionType, 'OPENING'>,
    amountCents: number,
    accountId: string,
  ): Transaction {
    return {
      id: posted.id,
      reference: posted.reference,
      type,
      amountCents,
      accountId,
      balanceAfterCents: posted.balancesAfter.get(accountId) ?? 0,
      createdAt: posted.createdAt.toISOString(),
    };
  }
}
