import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource } from 'typeorm';
import {
  type ChangePinRequest,
  type LoginRequest,
  type LoginResponse,
  type SessionResponse,
} from '@atm/contracts';
import { AuditService } from '../audit';
import { AtmMetrics } from '../metrics';
import { Clock, DomainError } from '../common';
import { type AppConfig, APP_CONFIG } from '../config';
import { execute, inTransaction } from '../database';
import { CardsService } from './cards.service';
import { SecretHashers } from './secret-hashers';
import {
  type WrongPinOutcome,
  recordRightPin,
  recordWrongPinForCard,
  recordWrongPinForUnknownCard,
  unknownCardLockedUntil,
} from './pin-attempts';
import { type Principal } from './principal';
import { SessionsService } from './sessions.service';
import { TOKEN_ALGORITHM, TOKEN_AUDIENCE, TOKEN_ISSUER, type TokenClaims } from './token';

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

/** Sign-in with card and PIN, the lockout, PIN change and sign-out. */
@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly hashers: SecretHashers,
    private readonly cards: CardsService,
    private readonly sessions: SessionsService,
    private readonly jwt: JwtService,
    private readonly audit: AuditService,
    private readonly metrics: AtmMetrics,
  ) {}

  async login(request: LoginRequest, clientIp: string): Promise<LoginResponse> {
    const now = this.clock.now();
    const last4 = request.cardNumber.slice(-4);
    const numberHash = this.cards.numberHash(request.cardNumber);
    const card = await this.cards.findByNumberHash(numberHash);
    const auditBase = { clientIp, cardLast4: last4 } as const;

    if (!card) {
      // Answer exactly as a real card would, after spending the same time on a hash.
      const lockedUntil = await unknownCardLockedUntil(this.dataSource, numberHash, now);
      if (lockedUntil) {
        await this.audit.record({
          ...auditBase,
          type: 'LOGIN',
          outcome: 'REFUSED',
          actorType: 'ANONYMOUS',
          details: { reason: 'LOCKED', knownCard: false },
        });
        this.metrics.signInFailures.inc({ reason: 'LOCKED' });
        throw cardLocked(lockedUntil);
      }
      await this.hashers.pins.verifyAgainstDummy(request.pin);
      const outcome = await recordWrongPinForUnknownCard(
        this.dataSource,
        numberHash,
        now,
        this.cards.lockoutPolicy,
      );
      await this.audit.record({
        ...auditBase,
        type: 'LOGIN',
        outcome: 'FAILURE',
        actorType: 'ANONYMOUS',
        details: { reason: 'UNKNOWN_CARD' },
      });
      this.metrics.signInFailures.inc({ reason: 'WRONG_PIN' });
      throw wrongPin(outcome);
    }

    const customerAudit = {
      ...auditBase,
      customerId: card.customerId,
      actorType: 'CUSTOMER' as const,
    };
    if (card.status === 'BLOCKED') {
      await this.audit.record({
        ...customerAudit,
        type: 'LOGIN',
        outcome: 'REFUSED',
        details: { reason: 'BLOCKED' },
      });
      this.metrics.signInFailures.inc({ reason: 'BLOCKED' });
      throw new DomainError('CARD_BLOCKED', 'This card has been blocked. Please contact the bank.');
    }
    if (card.lockedUntil && card.lockedUntil > now) {
      await this.audit.record({
        ...customerAudit,
        type: 'LOGIN',
        outcome: 'REFUSED',
        details: { reason: 'LOCKED' },
      });
      this.metrics.signInFailures.inc({ reason: 'LOCKED' });
      throw cardLocked(card.lockedUntil);
    }

    const pinMatches = await this.hashers.pins.verify(card.pinHash, request.pin);
    if (!pinMatches) {
      throw await this.countWrongPin(card.id, card.customerId, customerAudit, 'LOGIN');
    }
    if (!(await recordRightPin(this.dataSource, card.id, this.clock.now()))) {
      // Locked by concurrent wrong PINs after our read: the lock wins.
      const current = await this.cards.findById(card.id);
      throw cardLocked(current?.lockedUntil ?? now);
    }

    const session = await this.sessions.start(card.id, card.customerId);
    const claims: TokenClaims = {
      sub: card.customerId,
      sid: session.sessionId,
      cid: card.id,
      l4: card.last4,
    };
    const accessToken = await this.jwt.signAsync(claims, {
      algorithm: TOKEN_ALGORITHM,
      issuer: TOKEN_ISSUER,
      audience: TOKEN_AUDIENCE,
      expiresIn: this.config.sessionMaxSeconds,
    });
    await this.audit.record({
      ...customerAudit,
      type: 'LOGIN',
      outcome: 'SUCCESS',
      details: { sessionId: session.sessionId },
    });
    return {
      accessToken,
      tokenType: 'Bearer',
      expiresInSeconds: Math.min(this.config.sessionTimeoutSeconds, this.config.sessionMaxSeconds),
      customer: { id: card.customerId, name: card.customerName },
      card: { last4: card.last4 },
    };
  }

  /**
   * Counts a wrong PIN (sign-in or PIN change). The one that locks the card ends every
   * session of the card and answers CARD_LOCKED.
   */
  private async countWrongPin(
    cardId: string,
    customerId: string,
    auditBase: { clientIp: string; cardLast4: string; customerId: string; actorType: 'CUSTOMER' },
    action: 'LOGIN' | 'PIN_CHANGE',
  ): Promise<DomainError> {
    const outcome = await recordWrongPinForCard(
      this.dataSource,
      cardId,
      this.clock.now(),
      this.cards.lockoutPolicy,
    );
    await this.audit.record({
      ...auditBase,
      customerId,
      type: action,
      outcome: 'FAILURE',
      details: { reason: 'WRONG_PIN' },
    });
    this.metrics.signInFailures.inc({ reason: 'WRONG_PIN' });
    if (outcome.kind === 'LOCKED_NOW') {
      this.metrics.lockouts.inc();
      await this.sessions.endAllForCard(cardId, 'LOCKED');
      await this.audit.record({
        ...auditBase,
        type: 'CARD_LOCKED',
        outcome: 'SUCCESS',
        actorType: 'SYSTEM',
        details: { lockedUntil: outcome.lockedUntil.toISOString() },
      });
    }
    return wrongPin(outcome);
  }

  async changePin(
    principal: Principal,
    request: ChangePinRequest,
    clientIp: string,
  ): Promise<void> {
    const card = await this.cards.findById(principal.cardId);
    if (!card) throw new DomainError('UNAUTHENTICATED', 'The card no longer exists');
    const auditBase = {
      clientIp,
      cardLast4: card.last4,
      customerId: card.customerId,
      actorType: 'CUSTOMER' as const,
    };

    if (!(await this.hashers.pins.verify(card.pinHash, request.currentPin))) {
      throw await this.countWrongPin(card.id, card.customerId, auditBase, 'PIN_CHANGE');
    }
    if (!(await recordRightPin(this.dataSource, card.id, this.clock.now()))) {
      const current = await this.cards.findById(card.id);
      throw cardLocked(current?.lockedUntil ?? this.clock.now());
    }
    try {
      this.cards.assertStrongPin(request.newPin, request.currentPin);
    } catch (error) {
      await this.audit.record({
        ...auditBase,
        type: 'PIN_CHANGE',
        outcome: 'REFUSED',
        details: { reason: 'WEAK_PIN' },
      });
      throw error;
    }
    const pinHash = await this.hashers.pins.hash(request.newPin);
    await inTransaction(this.dataSource, async (db) => {
      await execute(db, `UPDATE cards SET pin_hash = $2, pin_changed_at = $3 WHERE id = $1`, [
        card.id,
        pinHash,
        this.clock.now(),
      ]);
      await this.sessions.endAllForCard(card.id, 'PIN_CHANGED', {
        exceptSessionId: principal.sessionId,
        db,
      });
      await this.audit.record({ ...auditBase, type: 'PIN_CHANGE', outcome: 'SUCCESS' }, db);
    });
  }

  async logout(principal: Principal, clientIp: string): Promise<void> {
    await this.sessions.end(principal.sessionId, 'LOGOUT');
    await this.audit.record({
      type: 'LOGOUT',
      outcome: 'SUCCESS',
      actorType: 'CUSTOMER',
      customerId: principal.customerId,
      cardLast4: principal.cardLast4,
      clientIp,
      details: { sessionId: principal.sessionId },
    });
  }

  expiresAt(principal: Principal): string {
    return this.sessions.expiresAt(principal).toISOString();
  }

  async describeSession(principal: Principal): Promise<SessionResponse> {
    const card = await this.cards.findById(principal.cardId);
    return {
      customer: { id: principal.customerId, name: card?.customerName ?? '' },
      card: { last4: principal.cardLast4 },
      expiresAt: this.expiresAt(principal),
    };
  }
}
