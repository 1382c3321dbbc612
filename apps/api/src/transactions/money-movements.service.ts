import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource } from 'typeorm';
import { type DepositRequest, type TransferRequest, type WithdrawalRequest } from '@atm/contracts';
import { type SessionClaims, isSessionRefusal, sessionRefused, SessionsService } from '../auth';
import {
  BusinessCalendar,
  Clock,
  isTransientTransactionError,
  retryOnLockTimeout,
  DomainError,
} from '../common';
import { type AppConfig, APP_CONFIG } from '../config';
import { queryRows } from '../database';
import { AtmMetrics } from '../metrics';
import { planDepositHolds } from './deposit-holds';
import { requestFingerprint, type StoredAnswer } from './idempotency';
import { newReference } from './ledger-writer';
import { type MovementType, movementTexts } from './movement-texts';

export interface MovementAnswer extends StoredAnswer {
  replayed: boolean;
}

/** What a movement function answers: an unrecorded refusal, or the (recorded) answer. */
type MovementCallResult =
  { error: string } | { status: number; body: unknown; replayed: boolean; code?: string };

/** The atm_movement_v1 context as one argument, from the first parameters (see sharedArgs()). */
const MOVEMENT_CONTEXT = `ROW($1::uuid, $2::uuid, $3::text, $4::text, $5::timestamptz, $6::integer,
  $7::integer, $8::text, $9::text, $10::jsonb, $11::jsonb)::atm_movement_v1`;
const MOVEMENT_CONTEXT_FIELDS = 11;

/**
 * The one statement of a movement. The _v2 functions take the shared context as one
 * composite argument; atm_deposit_v1 still takes its fields one by one.
 */
function movementCall(fn: string, argumentCount: number): string {
  const placeholders = Array.from({ length: argumentCount }, (_, i) => `$${i + 1}`);
  const args = fn.endsWith('_v1')
    ? placeholders
    : [MOVEMENT_CONTEXT, ...placeholders.slice(MOVEMENT_CONTEXT_FIELDS)];
  return `SELECT ${fn}(${args.join(', ')}) AS result`;
}

/** Lost races (notes taken meanwhile, a deadlock) are run again this many times at most. */
const MAX_RETRIES = 5;

/** The answers a movement function gives without recording them (never kept with a key). */
const UNRECORDED: Record<string, () => DomainError> = {
  NOT_FOUND: () => new DomainError('NOT_FOUND', 'The account was not found'),
  IDEMPOTENCY_KEY_REQUIRED: () =>
    new DomainError(
      'IDEMPOTENCY_KEY_REQUIRED',
      'Money-moving requests need an Idempotency-Key header; retry with the same key.',
    ),
  IDEMPOTENCY_IN_PROGRESS: () => inProgress(),
  IDEMPOTENCY_KEY_REUSED: () =>
    new DomainError(
      'IDEMPOTENCY_KEY_REUSED',
      'This Idempotency-Key was already used for a different request.',
    ),
};

function inProgress(): DomainError {
  return new DomainError(
    'IDEMPOTENCY_IN_PROGRESS',
    'A request with this Idempotency-Key is still being processed; retry shortly.',
  );
}

/**
 * Withdrawals, deposits and transfers: each is one call of a PostgreSQL function
 * (atm_withdraw_v2, atm_deposit_v1, atm_transfer_v2; see the migrations
 * 1735000000000-money-functions and 1736100000000-overdraft-protection) in autocommit, so
 * one database round trip and one
 * transaction. The function checks the session, ownership and the idempotency key, locks
 * the accounts in id order, applies the rules in the contract's order, writes the ledger,
 * the limit counter, the answer, the audit event and the note stock, and answers. What
 * needs no database stays here: the request's shape, its fingerprint, the receipt
 * reference, today's date and the deposit holds' release times (from the injected clock).
 */
@Injectable()
export class MoneyMovementsService {
  private readonly texts: Record<MovementType, string>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly calendar: BusinessCalendar,
    private readonly sessions: SessionsService,
    private readonly metrics: AtmMetrics,
  ) {
    this.texts = movementTexts(config);
  }

  withdraw(
    session: SessionClaims,
    accountId: string,
    request: WithdrawalRequest,
    idempotencyKey: string | undefined,
    clientIp: string,
  ): Promise<MovementAnswer> {
    const now = this.clock.now();
    return this.callMovementFunction('WITHDRAWAL', 'atm_withdraw_v2', [
      ...this.sharedArgs(session, now, 'WITHDRAWAL', accountId, request, idempotencyKey, clientIp),
      accountId,
      request.amountCents,
      this.config.withdrawalMultipleCents,
      this.config.dailyWithdrawalLimitCents,
      this.calendar.dayOf(now),
      newReference(),
      // The overdraft sweep's own reference, used only when the savings account covers.
      newReference(),
    ]);
  }

  deposit(
    session: SessionClaims,
    accountId: string,
    request: DepositRequest,
    idempotencyKey: string | undefined,
    clientIp: string,
  ): Promise<MovementAnswer> {
    const now = this.clock.now();
    const holds = planDepositHolds(request.kind, request.amountCents, now, this.calendar);
    return this.callMovementFunction('DEPOSIT', 'atm_deposit_v1', [
      ...this.sharedArgs(session, now, 'DEPOSIT', accountId, request, idempotencyKey, clientIp),
      accountId,
      request.amountCents,
      request.kind,
      request.checkNumber ?? null,
      this.config.maxDepositCents,
      holds.map((h) => h.amountCents),
      holds.map((h) => h.releaseAt),
      newReference(),
    ]);
  }

  transfer(
    session: SessionClaims,
    request: TransferRequest,
    idempotencyKey: string | undefined,
    clientIp: string,
  ): Promise<MovementAnswer> {
    const now = this.clock.now();
    const memo = request.memo?.trim();
    return this.callMovementFunction('TRANSFER', 'atm_transfer_v2', [
      ...this.sharedArgs(session, now, 'TRANSFER', 'transfers', request, idempotencyKey, clientIp),
      request.fromAccountId,
      request.toAccountNumber,
      request.amountCents,
      memo ? memo : null,
      this.config.dailyTransferLimitCents,
      this.calendar.dayOf(now),
      newReference(),
      newReference(),
    ]);
  }

  /** The arguments every movement function starts with (the atm_movement_v1 fields). */
  private sharedArgs(
    session: SessionClaims,
    now: Date,
    type: MovementType,
    target: string,
    request: object,
    idempotencyKey: string | undefined,
    clientIp: string,
  ): unknown[] {
    return [
      session.sessionId,
      session.customerId,
      session.cardLast4,
      clientIp,
      now,
      ...this.sessions.timeouts(),
      idempotencyKey ?? null,
      requestFingerprint(type, target, request),
      JSON.stringify(request),
      this.texts[type],
    ];
  }

  private async callMovementFunction(
    type: MovementType,
    fn: 'atm_withdraw_v2' | 'atm_deposit_v1' | 'atm_transfer_v2',
    args: unknown[],
  ): Promise<MovementAnswer> {
    const sql = movementCall(fn, args.length);
    for (let attempt = 0; ; attempt += 1) {
      let result: MovementCallResult | undefined;
      try {
        // A row (the key, an account) still busy after lock_timeout is tried again a few
        // times; the last lock timeout reaches the filter, which answers 409 (a movement
        // that reaches a lock always carries its key).
        const rows = await retryOnLockTimeout(() =>
          queryRows<{ result: MovementCallResult }>(this.dataSource, sql, args),
        );
        result = rows[0]?.result;
      } catch (error) {
        // A lost race (the planned notes were taken meanwhile, a deadlock) rolled the whole
        // call back: run it again, after a short jittered pause, before any answer is given.
        if (isTransientTransactionError(error) && attempt < MAX_RETRIES) {
          this.metrics.moneyCallRetries.inc({ type });
          await new Promise((resolve) =>
            setTimeout(resolve, 5 * 2 ** attempt + Math.random() * 10),
          );
          continue;
        }
        throw error;
      }
      if (!result) throw new Error(`${fn} answered nothing`);
      return this.answer(type, result);
    }
  }

  private answer(type: MovementType, result: MovementCallResult): MovementAnswer {
    if ('error' in result) {
      if (isSessionRefusal(result.error)) throw sessionRefused(result.error);
      const refusal = UNRECORDED[result.error];
      if (!refusal) throw new Error(`unexpected answer from the database: ${result.error}`);
      throw refusal();
    }
    if (result.replayed) {
      this.metrics.moneyMovements.inc({ type, outcome: 'REPLAYED', code: '' });
    } else if (result.status === 201) {
      this.metrics.moneyMovements.inc({ type, outcome: 'SUCCESS', code: '' });
    } else {
      this.metrics.moneyMovements.inc({ type, outcome: 'REFUSED', code: result.code ?? '' });
    }
    return { status: result.status, body: result.body, replayed: result.replayed };
  }
}
