import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource } from 'typeorm';
import { type ChangePinRequest } from '@atm/contracts';
import { AuditService } from '../audit';
import { DomainError } from '../common';
import { inTransaction } from '../database';
import { CardsService } from './cards.service';
import { type Principal } from './principal';
import { SecretHashers } from './secret-hashers';
import { SessionsService } from './sessions.service';
import { SignInAttempts } from './sign-in-attempts';

/**
 * The signed-in customer changes their PIN: the current PIN counts towards the lockout like
 * a sign-in's, the new one must pass the PIN rules, and the card's other sessions end.
 */
@Injectable()
export class PinChangeService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly hashers: SecretHashers,
    private readonly cards: CardsService,
    private readonly attempts: SignInAttempts,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
  ) {}

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
      throw await this.attempts.countWrongPin(card.id, auditBase, 'PIN_CHANGE');
    }
    const lockedMeanwhile = await this.attempts.rightPin(card.id);
    if (lockedMeanwhile) throw lockedMeanwhile;
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
      await this.cards.setPin(card.id, pinHash, db);
      await this.sessions.endAllForCard(card.id, 'PIN_CHANGED', {
        exceptSessionId: principal.sessionId,
        db,
      });
      await this.audit.record({ ...auditBase, type: 'PIN_CHANGE', outcome: 'SUCCESS' }, db);
    });
  }
}
