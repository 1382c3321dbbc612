import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource } from 'typeorm';
import { AuditService } from '../audit';
import { Clock, DomainError } from '../common';
import { type AppConfig, APP_CONFIG } from '../config';
import { AtmMetrics } from '../metrics';
import {
  cardLockedUntil,
  type LockoutPolicy,
  lockoutPolicy,
  recordRightPin,
  recordWrongPinForCard,
  recordWrongPinForUnknownCard,
  unknownCardLockedUntil,
  type WrongPinOutcome,
} from './pin-attempts';
import { SessionsService } from './sessions.service';

/** Who a sign-in or PIN change is audited as: the card's holder, or nobody for an unknown card. */
export type SignInAudit =
  { clientIp: string; cardLast4: string; actorType: 'ANONYMOUS' } | CardholderAudit;

export interface CardholderAudit {
  clientIp: string;
  cardLast4: string;
  customerId: string;
  actorType: 'CUSTOMER';
}

function cardLocked(lockedUntil: Date): DomainError {
  return new DomainError(
    'CARD_LOCKED',
    `Too many wrong PINs. The card is locked until ${lockedUntil.toISOString()}.`,
    { lockedUntil: lockedUntil.toISOString() },
  );
}

function wrongPin(outcome: WrongPinOutcome): DomainError {
  if (outcome.kind === 'COUNTED') {
    return new DomainError('INVALID_CREDENTIALS', 'The card number or PIN is not correct.', {
      attemptsRemaining: outcome.attemptsRemaining,
    });
  }
  return cardLocked(outcome.lockedUntil);
}

/**
 * The wrong-PIN lockout under the configured policy (the counters are pin-attempts.ts), and
 * what every refused or failed sign-in or PIN change leaves behind: its audit event and its
 * metric. Each method that refuses answers the error for the caller to throw.
 */
@Injectable()
export class SignInAttempts {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
    private readonly metrics: AtmMetrics,
  ) {}

  private get policy(): LockoutPolicy {
    return lockoutPolicy(this.config);
  }

  /** A card number that does not exist, while its own lock runs: refused as a locked card. */
  async unknownCardLock(numberHash: string, who: SignInAudit): Promise<DomainError | undefined> {
    const lockedUntil = await unknownCardLockedUntil(this.dataSource, numberHash, this.clock.now());
    if (!lockedUntil) return undefined;
    return this.refused(who, 'LOCKED', cardLocked(lockedUntil), { knownCard: false });
  }

  /** A card number that does not exist: counted like a wrong PIN of a real card. */
  async countUnknownCard(numberHash: string, who: SignInAudit): Promise<DomainError> {
    const outcome = await recordWrongPinForUnknownCard(
      this.dataSource,
      numberHash,
      this.clock.now(),
      this.policy,
    );
    await this.failed(who, 'LOGIN', 'UNKNOWN_CARD');
    return wrongPin(outcome);
  }

  /** A known card that may not sign in now: blocked, or locked by wrong PINs. */
  async blockedOrLocked(
    card: { status: 'ACTIVE' | 'BLOCKED'; lockedUntil: Date | null },
    who: CardholderAudit,
  ): Promise<DomainError | undefined> {
    if (card.status === 'BLOCKED') {
      const blocked = new DomainError(
        'CARD_BLOCKED',
        'This card has been blocked. Please contact the bank.',
      );
      return this.refused(who, 'BLOCKED', blocked);
    }
    if (card.lockedUntil && card.lockedUntil > this.clock.now())
      return this.refused(who, 'LOCKED', cardLocked(card.lockedUntil));
    return undefined;
  }

  private async refused(
    who: SignInAudit,
    reason: 'BLOCKED' | 'LOCKED',
    error: DomainError,
    details: Record<string, unknown> = {},
  ): Promise<DomainError> {
    await this.audit.record({
      ...who,
      type: 'LOGIN',
      outcome: 'REFUSED',
      details: { reason, ...details },
    });
    this.metrics.signInFailures.inc({ reason });
    return error;
  }

  /** A wrong PIN, of a card or of a number that is none, as the audit trail and metrics see it. */
  private async failed(
    who: SignInAudit,
    type: 'LOGIN' | 'PIN_CHANGE',
    reason: 'UNKNOWN_CARD' | 'WRONG_PIN',
  ): Promise<void> {
    await this.audit.record({ ...who, type, outcome: 'FAILURE', details: { reason } });
    this.metrics.signInFailures.inc({ reason: 'WRONG_PIN' });
  }

  /**
   * Counts a wrong PIN (sign-in or PIN change). The one that locks the card ends every
   * session of the card and answers CARD_LOCKED.
   */
  async countWrongPin(
    cardId: string,
    who: CardholderAudit,
    action: 'LOGIN' | 'PIN_CHANGE',
  ): Promise<DomainError> {
    const outcome = await recordWrongPinForCard(
      this.dataSource,
      cardId,
      this.clock.now(),
      this.policy,
    );
    await this.failed(who, action, 'WRONG_PIN');
    if (outcome.kind === 'LOCKED_NOW') {
      this.metrics.lockouts.inc();
      await this.sessions.endAllForCard(cardId, 'LOCKED');
      await this.audit.record({
        ...who,
        type: 'CARD_LOCKED',
        outcome: 'SUCCESS',
        actorType: 'SYSTEM',
        details: { lockedUntil: outcome.lockedUntil.toISOString() },
      });
    }
    return wrongPin(outcome);
  }

  /**
   * A right PIN resets the count; answers CARD_LOCKED instead when concurrent wrong PINs
   * locked the card after it was read (the lock wins).
   */
  async rightPin(cardId: string): Promise<DomainError | undefined> {
    const now = this.clock.now();
    if (await recordRightPin(this.dataSource, cardId, now)) return undefined;
    return cardLocked((await cardLockedUntil(this.dataSource, cardId)) ?? now);
  }
}
