import { Injectable } from '@nestjs/common';
import { type LoginRequest, type LoginResponse, type SessionResponse } from '@atm/contracts';
import { AuditService } from '../audit';
import { CardsService } from './cards.service';
import { SecretHashers } from './secret-hashers';
import { type Principal } from './principal';
import { SessionsService } from './sessions.service';
import { SessionTokens } from './session-tokens';
import { SignInAttempts } from './sign-in-attempts';

/** Sign-in with card and PIN (the lockout is SignInAttempts'), the session, and sign-out. */
@Injectable()
export class AuthService {
  constructor(
    private readonly hashers: SecretHashers,
    private readonly cards: CardsService,
    private readonly attempts: SignInAttempts,
    private readonly sessions: SessionsService,
    private readonly tokens: SessionTokens,
    private readonly audit: AuditService,
  ) {}

  async login(request: LoginRequest, clientIp: string): Promise<LoginResponse> {
    const last4 = request.cardNumber.slice(-4);
    const numberHash = this.cards.numberHash(request.cardNumber);
    const card = await this.cards.findByNumberHash(numberHash);

    if (!card) {
      // Answer exactly as a real card would, after spending the same time on a hash.
      const anonymous = { clientIp, cardLast4: last4, actorType: 'ANONYMOUS' } as const;
      const locked = await this.attempts.unknownCardLock(numberHash, anonymous);
      if (locked) throw locked;
      await this.hashers.pins.verifyAgainstDummy(request.pin);
      throw await this.attempts.countUnknownCard(numberHash, anonymous);
    }

    const customerAudit = {
      clientIp,
      cardLast4: last4,
      customerId: card.customerId,
      actorType: 'CUSTOMER' as const,
    };
    const refusal = await this.attempts.blockedOrLocked(card, customerAudit);
    if (refusal) throw refusal;
    if (!(await this.hashers.pins.verify(card.pinHash, request.pin))) {
      throw await this.attempts.countWrongPin(card.id, customerAudit, 'LOGIN');
    }
    const lockedMeanwhile = await this.attempts.rightPin(card.id);
    if (lockedMeanwhile) throw lockedMeanwhile;

    const session = await this.sessions.start(card.id, card.customerId);
    const accessToken = await this.tokens.sign({
      sub: card.customerId,
      sid: session.sessionId,
      cid: card.id,
      l4: card.last4,
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
      expiresInSeconds: this.tokens.firstExpirySeconds,
      customer: { id: card.customerId, name: card.customerName },
      card: { last4: card.last4 },
    };
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
