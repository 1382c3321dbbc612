import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomInt } from 'node:crypto';
import { type DataSource } from 'typeorm';
import { type AdminCard, isValidCardNumber, passesLuhn } from '@atm/contracts';
import { AuditService } from '../audit';
import {
  type AdminActor,
  Clock,
  isUniqueViolation,
  DomainError,
  validationFailed,
} from '../common';
import { type Queryable, execute, inTransaction, queryRows } from '../database';
import { SecretHashers } from './secret-hashers';
import { explainPinWeakness, findPinWeakness } from './pin-rules';
import { SessionsService } from './sessions.service';

export interface CardRecord {
  id: string;
  customerId: string;
  customerName: string;
  last4: string;
  pinHash: string;
  status: 'ACTIVE' | 'BLOCKED';
  failedPinAttempts: number;
  lockedUntil: Date | null;
}

interface CardRow {
  id: string;
  customer_id: string;
  customer_name: string;
  last4: string;
  pin_hash: string;
  status: 'ACTIVE' | 'BLOCKED';
  failed_pin_attempts: number;
  locked_until: string | Date | null;
}

/** An administrator's block or PIN reset: the card's last digits and the sessions it ended. */
interface SessionsEndedOnCard {
  last4: string;
  sessionsEnded: number;
}

/** A card as the admin CLI's customer list shows it. */
export interface CardBrief {
  customer_id: string;
  last4: string;
  status: string;
  locked_until: string | Date | null;
}

const CARD_SELECT = `SELECT c.id, c.customer_id, cu.name AS customer_name, c.last4, c.pin_hash, c.status,
                            c.failed_pin_attempts, c.locked_until
                       FROM cards c JOIN customers cu ON cu.id = c.customer_id`;

function toRecord(row: CardRow): CardRecord {
  return {
    id: row.id,
    customerId: row.customer_id,
    customerName: row.customer_name,
    last4: row.last4.trim(),
    pinHash: row.pin_hash,
    status: row.status,
    failedPinAttempts: row.failed_pin_attempts,
    lockedUntil: row.locked_until === null ? null : new Date(row.locked_until),
  };
}

/** A new card number: issuer prefix 4, 14 random digits and the Luhn check digit. */
export function generateCardNumber(): string {
  let body = '4';
  for (let i = 0; i < 14; i += 1) body += String(randomInt(10));
  for (let check = 0; check <= 9; check += 1) {
    if (passesLuhn(body + String(check))) return body + String(check);
  }
  throw new Error('unreachable: one check digit always satisfies Luhn');
}

/** Cards: issued, looked up by keyed hash, blocked, unlocked and re-PINned. */
@Injectable()
export class CardsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly hashers: SecretHashers,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  numberHash(cardNumber: string): string {
    return this.hashers.cardNumbers.hash(cardNumber);
  }

  async findByNumberHash(
    numberHash: string,
    db: Queryable = this.dataSource,
  ): Promise<CardRecord | undefined> {
    const rows = await queryRows<CardRow>(db, `${CARD_SELECT} WHERE c.number_hash = $1`, [
      numberHash,
    ]);
    return rows[0] ? toRecord(rows[0]) : undefined;
  }

  async findById(cardId: string, db: Queryable = this.dataSource): Promise<CardRecord | undefined> {
    const rows = await queryRows<CardRow>(db, `${CARD_SELECT} WHERE c.id = $1`, [cardId]);
    return rows[0] ? toRecord(rows[0]) : undefined;
  }

  private async requireByNumber(
    cardNumber: string,
    db: Queryable = this.dataSource,
  ): Promise<CardRecord> {
    if (!isValidCardNumber(cardNumber)) {
      throw validationFailed([
        { field: 'number', message: 'must be 16 digits that pass the Luhn check' },
      ]);
    }
    const card = await this.findByNumberHash(this.numberHash(cardNumber), db);
    if (!card) throw new DomainError('NOT_FOUND', 'No card has that number');
    return card;
  }

  /**
   * Issues a card. The PIN must pass the PIN rules unless `exemptFromPinRules` (the demo
   * seed only). Answers the card number, which the caller shows once and never again.
   */
  async issue(
    input: { customerId: string; cardNumber?: string; pin: string; exemptFromPinRules?: boolean },
    actor: AdminActor,
    db?: Queryable,
  ): Promise<{ cardId: string; cardNumber: string; last4: string }> {
    if (input.cardNumber !== undefined && !isValidCardNumber(input.cardNumber)) {
      throw validationFailed([
        { field: 'number', message: 'must be 16 digits that pass the Luhn check' },
      ]);
    }
    if (!input.exemptFromPinRules) this.assertStrongPin(input.pin);
    const pinHash = await this.hashers.pins.hash(input.pin);
    const work = async (runner: Queryable) => {
      const customers = await queryRows<{ id: string }>(
        runner,
        `SELECT id FROM customers WHERE id = $1`,
        [input.customerId],
      );
      if (customers.length === 0) throw new DomainError('NOT_FOUND', 'No customer has that id');
      // Generated numbers retry on the (astronomically rare) collision; a given one cannot.
      for (let attempt = 0; attempt < 5; attempt += 1) {
        const cardNumber = input.cardNumber ?? generateCardNumber();
        try {
          const rows = await queryRows<{ id: string }>(
            runner,
            `INSERT INTO cards (customer_id, number_hash, last4, pin_hash, pin_changed_at)
             VALUES ($1, $2, $3, $4, $5) RETURNING id`,
            [
              input.customerId,
              this.numberHash(cardNumber),
              cardNumber.slice(-4),
              pinHash,
              this.clock.now(),
            ],
          );
          const cardId = rows[0].id;
          await this.audit.recordAdminAction(
            'CARD_ISSUED',
            actor,
            { customerId: input.customerId, cardLast4: cardNumber.slice(-4) },
            runner,
          );
          return { cardId, cardNumber, last4: cardNumber.slice(-4) };
        } catch (error) {
          if (isUniqueViolation(error) && input.cardNumber === undefined) continue;
          if (isUniqueViolation(error))
            throw new DomainError('VALIDATION_FAILED', 'A card with that number already exists', {
              errors: [{ field: 'number', message: 'is already issued' }],
            });
          throw error;
        }
      }
      throw new Error('could not generate a unique card number');
    };
    return db ? work(db) : inTransaction(this.dataSource, work);
  }

  assertStrongPin(pin: string, currentPin?: string): void {
    const weakness = findPinWeakness(pin, currentPin);
    if (weakness === 'NOT_4_TO_6_DIGITS') {
      throw validationFailed([{ field: 'pin', message: 'must be 4 to 6 digits' }]);
    }
    if (weakness) throw new DomainError('WEAK_PIN', explainPinWeakness(weakness));
  }

  /**
   * An administrator's change to one card, in one transaction with the card read in it:
   * by number (the CLI's form) or by id (the console's).
   */
  private changeCard<T>(
    locator: { number: string } | { id: string },
    change: (card: CardRecord, db: Queryable) => Promise<T>,
  ): Promise<T> {
    return inTransaction(this.dataSource, async (db) =>
      change(
        'number' in locator
          ? await this.requireByNumber(locator.number, db)
          : await this.requireById(locator.id, db),
        db,
      ),
    );
  }

  block(cardNumber: string, actor: AdminActor): Promise<SessionsEndedOnCard> {
    return this.changeCard({ number: cardNumber }, (card, db) => this.blockCard(card, actor, db));
  }

  blockById(cardId: string, actor: AdminActor): Promise<SessionsEndedOnCard> {
    return this.changeCard({ id: cardId }, (card, db) => this.blockCard(card, actor, db));
  }

  private async blockCard(
    card: CardRecord,
    actor: AdminActor,
    db: Queryable,
  ): Promise<SessionsEndedOnCard> {
    if (card.status === 'BLOCKED')
      throw new DomainError('CARD_BLOCKED', `Card ending ${card.last4} is already blocked`);
    await execute(db, `UPDATE cards SET status = 'BLOCKED' WHERE id = $1`, [card.id]);
    const sessionsEnded = await this.sessions.endAllForCard(card.id, 'BLOCKED', { db });
    await this.auditCardAction('CARD_BLOCKED', card, actor, db);
    return { last4: card.last4, sessionsEnded };
  }

  /** Clears a PIN lockout (not a block: a blocked card stays blocked). */
  unlock(cardNumber: string, actor: AdminActor): Promise<{ last4: string }> {
    return this.changeCard({ number: cardNumber }, (card, db) => this.unlockCard(card, actor, db));
  }

  unlockById(cardId: string, actor: AdminActor): Promise<{ last4: string }> {
    return this.changeCard({ id: cardId }, (card, db) => this.unlockCard(card, actor, db));
  }

  private async unlockCard(
    card: CardRecord,
    actor: AdminActor,
    db: Queryable,
  ): Promise<{ last4: string }> {
    const now = this.clock.now();
    const isLocked = card.lockedUntil !== null && card.lockedUntil > now;
    if (!isLocked && card.failedPinAttempts === 0) {
      throw new DomainError('VALIDATION_FAILED', `Card ending ${card.last4} is not locked`);
    }
    await execute(
      db,
      `UPDATE cards SET failed_pin_attempts = 0, locked_until = NULL WHERE id = $1`,
      [card.id],
    );
    await this.auditCardAction('CARD_UNLOCKED', card, actor, db);
    return { last4: card.last4 };
  }

  /** How an administrator sees a card: never its number or PIN hash. */
  describeForAdmin(card: Pick<CardRecord, 'id' | 'last4' | 'status' | 'lockedUntil'>): AdminCard {
    if (card.status === 'BLOCKED') return { id: card.id, last4: card.last4, status: 'BLOCKED' };
    if (card.lockedUntil && card.lockedUntil > this.clock.now())
      return {
        id: card.id,
        last4: card.last4,
        status: 'LOCKED',
        lockedUntil: card.lockedUntil.toISOString(),
      };
    return { id: card.id, last4: card.last4, status: 'ACTIVE' };
  }

  /** Every card's owner, last four digits and state, oldest first (the admin CLI's list). */
  listAllBrief(db: Queryable): Promise<CardBrief[]> {
    return queryRows<CardBrief>(
      db,
      `SELECT customer_id, last4, status, locked_until FROM cards ORDER BY created_at`,
    );
  }

  /** Every card of these customers, as an administrator sees them, by customer. */
  async listForCustomersAsAdmin(
    customerIds: string[],
    db: Queryable = this.dataSource,
  ): Promise<Map<string, AdminCard[]>> {
    const rows = await queryRows<CardRow>(
      db,
      `${CARD_SELECT} WHERE c.customer_id = ANY($1::uuid[]) ORDER BY c.created_at`,
      [customerIds],
    );
    const byCustomer = new Map<string, AdminCard[]>(customerIds.map((id) => [id, []]));
    for (const row of rows)
      byCustomer.get(row.customer_id)?.push(this.describeForAdmin(toRecord(row)));
    return byCustomer;
  }

  async findByIdAsAdmin(cardId: string): Promise<AdminCard> {
    return this.describeForAdmin(await this.requireById(cardId));
  }

  private async requireById(cardId: string, db: Queryable = this.dataSource): Promise<CardRecord> {
    const card = await this.findById(cardId, db);
    if (!card) throw new DomainError('NOT_FOUND', 'No card has that id');
    return card;
  }

  /** The holder's own new PIN, already checked and hashed (PinChangeService). */
  async setPin(cardId: string, pinHash: string, db: Queryable): Promise<void> {
    await execute(db, `UPDATE cards SET pin_hash = $2, pin_changed_at = $3 WHERE id = $1`, [
      cardId,
      pinHash,
      this.clock.now(),
    ]);
  }

  /** An administrator sets a new PIN (the customer forgot theirs): ends the card's sessions. */
  async resetPin(
    cardNumber: string,
    newPin: string,
    actor: AdminActor,
  ): Promise<SessionsEndedOnCard> {
    this.assertStrongPin(newPin);
    const pinHash = await this.hashers.pins.hash(newPin);
    return this.changeCard({ number: cardNumber }, async (card, db) => {
      await execute(
        db,
        `UPDATE cards SET pin_hash = $2, pin_changed_at = $3, failed_pin_attempts = 0, locked_until = NULL WHERE id = $1`,
        [card.id, pinHash, this.clock.now()],
      );
      const sessionsEnded = await this.sessions.endAllForCard(card.id, 'PIN_RESET', { db });
      await this.auditCardAction('PIN_RESET', card, actor, db);
      return { last4: card.last4, sessionsEnded };
    });
  }

  /** An administrator's action on a card, recorded with the change it made. */
  private auditCardAction(
    type: 'CARD_BLOCKED' | 'CARD_UNLOCKED' | 'PIN_RESET',
    card: CardRecord,
    actor: AdminActor,
    db: Queryable,
  ): Promise<void> {
    return this.audit.recordAdminAction(
      type,
      actor,
      { customerId: card.customerId, cardLast4: card.last4 },
      db,
    );
  }

  /** The dashboard's cards: usable now, locked by wrong PINs for a while, and blocked. */
  async countsByState(now: Date): Promise<{ active: number; locked: number; blocked: number }> {
    const [row] = await queryRows<{ active: string; locked: string; blocked: string }>(
      this.dataSource,
      `SELECT
         (SELECT count(*) FROM cards WHERE status = 'ACTIVE' AND (locked_until IS NULL OR locked_until <= $1)) AS active,
         (SELECT count(*) FROM cards WHERE status = 'ACTIVE' AND locked_until > $1) AS locked,
         (SELECT count(*) FROM cards WHERE status = 'BLOCKED') AS blocked`,
      [now],
    );
    return {
      active: Number(row?.active ?? 0),
      locked: Number(row?.locked ?? 0),
      blocked: Number(row?.blocked ?? 0),
    };
  }

  /** The customers holding a card that ends in these four digits (the console's search). */
  async holdersOfCardEnding(last4: string): Promise<string[]> {
    const rows = await queryRows<{ customer_id: string }>(
      this.dataSource,
      `SELECT DISTINCT customer_id FROM cards WHERE last4 = $1`,
      [last4],
    );
    return rows.map((row) => row.customer_id);
  }
}
